"""The print queue: jobs written with the sale, printed after commit, retried or reprinted on request.

A job is `sent` once its bytes were written and, where the connection can answer, the printer said it is
online; otherwise `failed` with the reason. A failed job is sent again only when someone asks. Printing
never touches the sale: a printer fault cannot lose, roll back or half-close it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kkmp_pos.core.errors import DeviceError, KkmpError, NotFoundError
from kkmp_pos.core.messages import render
from kkmp_pos.core.reasons import foreign_reason
from kkmp_pos.core.receipt_document import ReceiptDocument
from kkmp_pos.db.models import PrintJobModel
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.selling.receipts import ReceiptService

if TYPE_CHECKING:
    from kkmp_pos.devices.printer import Printer, PrinterSettings

log = logging.getLogger(__name__)

# One job at a time per process: two threads must never send the same job twice.
_print_lock = threading.Lock()


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    ok: bool
    error: KkmpError | None = None


@dataclass(frozen=True)
class PrintJobRow:
    """A print job as the print queue screen lists it."""

    id: int
    kind: str
    status: str
    last_error: str  # the failure as stored: {"code", "params"} JSON, or an older job's plain text

    def error_message(self, lang: str = "id") -> str:
        """The failure in the user's language (an older job's stored text as it is)."""
        try:
            stored = json.loads(self.last_error)
            return render(str(stored["code"]), dict(stored["params"]), lang)
        except (ValueError, TypeError, KeyError):
            return self.last_error


def _stored(exc: KkmpError) -> str:
    """A failure kept as its message code and parameters, so the queue shows it in either language."""
    return json.dumps({"code": exc.code, "params": exc.params}, ensure_ascii=False, default=str)


class PrintService:
    def __init__(
        self,
        ctx: ServiceContext,
        receipts: ReceiptService,
        make_printer: Callable[[PrinterSettings], Printer],
    ) -> None:
        self.ctx = ctx
        self.receipts = receipts
        self.make_printer = make_printer
        # The printer jobs go to: made by `make_printer` for the address a job is sent to, and kept
        # while that address and the settings stay the same. A printer set here by hand (a FakePrinter
        # in tests) takes every job that names no other address.
        self.printer: Printer | None = None
        self._pinned = False

    def printer_for(self, uri: str | None = None) -> Printer:
        """The printer at `uri` (default: the configured one); DeviceError if none is configured."""
        settings = self.printer_settings(uri)
        if not settings.uri:
            raise DeviceError("printer_not_configured")
        if self._pinned:
            return self.make_printer(settings)
        if self.printer is None or self.printer.settings != settings:
            self.printer = self.make_printer(settings)
        return self.printer

    def _destination(self, job: PrintJobModel, uri: str | None) -> tuple[Printer, str | None]:
        """Where a job goes: an attached printer unless `uri` names another; else the job's own
        address, else the configured one. The address is also what its bytes are rendered for."""
        if self._pinned and self.printer is not None and uri is None:
            return self.printer, None
        target = uri or job.printer_uri or None
        return self.printer_for(target), target

    def attach(self, printer: Printer) -> None:
        """Send every job that names no other address to `printer` (the fake printer of the tests)."""
        self.printer, self._pinned = printer, True

    def printer_settings(self, uri: str | None = None) -> PrinterSettings:
        from kkmp_pos.devices.printer import PrinterSettings

        return PrinterSettings(
            uri=uri or self.ctx.settings.printer_uri,
            paper_width_mm=self.ctx.settings.printer_paper_mm,
            profile=self.ctx.settings.printer_profile,
            cut=self.ctx.settings.printer_cut,
            kick_drawer=self.ctx.settings.printer_kick_drawer,
            code_page=self.ctx.settings.printer_code_page,
            protected=self.ctx.protected_paths(),
        )

    def receipt_bytes(self, sale_id: str, *, is_copy: bool = False, uri: str | None = None) -> bytes:
        """The ESC/POS bytes of a sale's receipt for the configured (or given) printer."""
        from kkmp_pos.devices.escpos_render import render_escpos

        settings = self.printer_settings(uri)
        doc = self.receipts.document(sale_id, is_copy=is_copy, paper_mm=settings.paper_width_mm)
        return render_escpos(doc, settings)

    def job_bytes(self, job: PrintJobModel, uri: str | None = None) -> bytes:
        if job.kind == "receipt" and job.doc_id:
            data = self.receipt_bytes(job.doc_id, is_copy=job.is_copy, uri=uri)
            logo = self.ctx.settings.printer_logo_path
            if logo:  # the shop's logo above the receipt, as a raster image
                from kkmp_pos.services.printing.settings import logo_bytes

                data = logo_bytes(logo, self.ctx.settings.printer_paper_mm) + data
            return data
        from kkmp_pos.devices.escpos_render import render_escpos

        settings = self.printer_settings(uri)
        if job.kind == "test":
            settings = _as_tested(job.document, settings)
        return render_escpos(ReceiptDocument.from_json(job.document), settings)

    def print_job(self, job_id: int, uri: str | None = None) -> PrintOutcome:
        """Send one job now (call off the GUI thread). Never raises for printer faults."""
        with _print_lock:
            job = PrintJobModel.get_or_none(PrintJobModel.id == job_id)
            if job is None:
                raise NotFoundError("print_job_not_found", id=job_id)
            if job.status == "sent":
                return PrintOutcome(job_id, True)  # never twice by accident
            try:
                printer, target = self._destination(job, uri)
                printer.send(self.job_bytes(job, target))
            except KkmpError as exc:
                self._mark(job_id, "failed", _stored(exc))
                log.warning("print job %s failed: %s", job_id, exc)
                return PrintOutcome(job_id, False, exc)
            except Exception as exc:  # a driver's own exception: still a failed job, never a crash
                reason_id, reason_en = foreign_reason(str(exc) or type(exc).__name__)
                err = DeviceError("printer_unreachable", reason=reason_id, reason_en=reason_en)
                self._mark(job_id, "failed", _stored(err))
                log.exception("print job %s failed", job_id)
                return PrintOutcome(job_id, False, err)
            self._mark(job_id, "sent", None, printer.settings.uri)
            return PrintOutcome(job_id, True)

    def _mark(self, job_id: int, status: str, error: str | None, uri: str | None = None) -> None:
        values: dict[str, object] = {
            "status": status,
            "last_error": error,
            "attempts": PrintJobModel.attempts + 1,
        }
        if status == "sent":
            values["sent_at"] = self.ctx.now_iso()
            if uri:
                values["printer_uri"] = uri
        with self.ctx.db.atomic():
            PrintJobModel.update(values).where(PrintJobModel.id == job_id).execute()

    def reprint(self, sale_id: str, actor: Actor | None = None) -> int:
        """Queue a copy (SALINAN) of a sale's receipt; returns the new job id."""
        from kkmp_pos.services.audit import audit
        from kkmp_pos.services.setup.auth import require

        if actor is not None:
            require(actor, "reprint")
        with self.ctx.db.atomic():
            job = PrintJobModel.create(
                kind="receipt",
                doc_id=sale_id,
                document="{}",
                is_copy=True,
                printer_uri=self.ctx.settings.printer_uri,
                created_at=self.ctx.now_iso(),
            )
            audit(self.ctx, "receipt.reprint", actor, doc_id=sale_id)
        return job.id

    def retry(self, job_id: int, uri: str | None = None) -> PrintOutcome:
        """Send a failed job again (the same original, not a copy), on someone's request.

        `uri`: the printer to use now (e.g. after fixing the settings); default: the job's own.
        """
        PrintJobModel.update(status="pending").where(
            (PrintJobModel.id == job_id) & (PrintJobModel.status == "failed")
        ).execute()
        return self.print_job(job_id, uri=uri)

    def failed_jobs(self) -> list[PrintJobRow]:
        return [
            PrintJobRow(job.id, job.kind, job.status, job.last_error or "")
            for job in PrintJobModel.select()
            .where(PrintJobModel.status == "failed")
            .order_by(PrintJobModel.id.desc())
            .limit(100)
        ]

    def job_document(self, job_id: int) -> ReceiptDocument:
        """The document a non-sale job carries (a Z report, a slip), e.g. for an on-screen preview."""
        job = PrintJobModel.get_or_none(PrintJobModel.id == job_id)
        if job is None:
            raise NotFoundError("print_job_not_found", id=job_id)
        return ReceiptDocument.from_json(job.document)

    def queue_document(self, kind: str, doc_id: str | None, document: ReceiptDocument) -> int:
        """Queue any slip built in core (a return slip, a notice) for the configured printer; the job id.

        Print it with `print_job(job_id)` off the GUI thread, like a receipt.
        """
        with self.ctx.db.atomic():
            job = PrintJobModel.create(
                kind=kind,
                doc_id=doc_id,
                document=document.to_json(),
                printer_uri=self.ctx.settings.printer_uri,
                created_at=self.ctx.now_iso(),
            )
        return job.id


def _as_tested(document: str, settings: PrinterSettings) -> PrinterSettings:
    """A test page prints with the paper, profile and code page it was made for (the settings form's,
    which may not be saved yet), not the saved ones."""
    import json
    from dataclasses import replace

    tested = json.loads(document).get("printer")
    if not isinstance(tested, dict):
        return settings
    return replace(
        settings,
        paper_width_mm=tested.get("paper_mm", settings.paper_width_mm),
        profile=tested.get("profile", settings.profile),
        code_page=tested.get("code_page", settings.code_page),
        cut=tested.get("cut", settings.cut),
    )
