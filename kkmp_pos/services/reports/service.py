"""Reports: shift X/Z, end of day, a date range (a month) and member purchases; data, slips, PDFs.

Figures come from `report_queries` (the one place that defines what counts). Each report is a plain
dataclass of `core.reports`; `documents` turns it into a thermal slip (a ReceiptDocument), `save_pdf`
into a PDF (reportlab, imported only then). Long reports call `progress(done, total, label)` between steps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.receipt import ReceiptDocument
from kkmp_pos.core.reports import MemberReport, PeriodReport, ShiftReport
from kkmp_pos.db.models import PrintJobModel, ShiftModel, UserModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.reports import queries as q
from kkmp_pos.services.reports.documents import period_document, shift_report_document
from kkmp_pos.services.setup.auth import require

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
MAX_RANGE_DAYS = 400


def parse_date(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except (ValueError, AttributeError):
        raise ValidationError("report_date_invalid", text=text) from None


def _utc_offset_hours(ctx: ServiceContext, day: str) -> int:
    """Store zone offset (Indonesian zones have no daylight saving)."""
    moment = datetime.fromisoformat(day + "T12:00:00").replace(tzinfo=ZoneInfo(ctx.store.timezone))
    offset = moment.utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 3600)


# -- shift reports (X / Z) ---------------------------------------------------------------------------
def shift_report(
    ctx: ServiceContext, shift_id: str, *, final: bool, progress: Progress | None = None
) -> ShiftReport:
    """The figures of one shift. Callers check permissions (ShiftService.x_report, the close)."""
    report_progress = progress or (lambda done, total, label: None)
    report_progress(0, 3, "kas")
    shift = ShiftModel.get_by_id(shift_id)
    figures = q.shift_cash_figures(ctx.db, shift.id, shift.opening_float_rp)
    moves = q.cash_movements(ctx.db, shift.id)
    report_progress(1, 3, "penjualan")
    facts = q.sales_facts(
        ctx.db, shift_id=shift.id, utc_offset_hours=_utc_offset_hours(ctx, shift.business_date)
    )
    report_progress(3, 3, "selesai")
    approver = UserModel.get_by_id(shift.approved_by_id).name if shift.approved_by_id else None
    expected = shift.expected_cash_rp if shift.expected_cash_rp is not None else figures.expected_rp
    return ShiftReport(
        shift_id=shift.id,
        final=final,
        cashier=UserModel.get_by_id(shift.user_id).name,
        status=shift.status,
        business_date=shift.business_date,
        opened_at=shift.opened_at,
        closed_at=shift.closed_at,
        printed_at=ctx.now_iso(),
        opening_float_rp=shift.opening_float_rp,
        cash_sales_rp=figures.cash_sales_rp,
        cash_in_rp=figures.cash_in_rp,
        cash_out_rp=figures.cash_out_rp,
        cash_refunds_rp=figures.cash_refunds_rp,
        savings_cash_rp=figures.savings_cash_rp,
        expected_rp=expected,
        counted_rp=shift.counted_cash_rp,
        difference_rp=shift.difference_rp,
        approved_by=approver,
        deposit_rp=sum(m[1] for m in moves if m[0] == "deposit"),
        facts=facts,
        moves=moves,
    )


# -- end of day and ranges -----------------------------------------------------------------------------
def build_period_report(
    ctx: ServiceContext, date_from: str, date_to: str, *, kind: str, progress: Progress | None = None
) -> PeriodReport:
    """Gather a period's figures in a few aggregate queries, reporting progress between them."""
    start, end = parse_date(date_from), parse_date(date_to)
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    if days < 1 or days > MAX_RANGE_DAYS:
        raise ValidationError("report_range_invalid", start=start, end=end, days=MAX_RANGE_DAYS)
    steps = 4
    report_progress = progress or (lambda done, total, label: None)
    report_progress(0, steps, "penjualan")
    facts = q.sales_facts(ctx.db, start, end, utc_offset_hours=_utc_offset_hours(ctx, start))
    report_progress(1, steps, "barang")
    products = q.product_facts(ctx.db, start, end)
    report_progress(2, steps, "shift")
    shifts = q.shifts_in_range(ctx.db, start, end)
    report_progress(3, steps, "ringkasan")
    store = ctx.store
    report = PeriodReport(
        kind=kind,
        date_from=start,
        date_to=end,
        store_name=store.name,
        cooperative_name=store.cooperative_name,
        vat_registered=facts.vat_registered,  # the sales' own VAT status, never today's
        generated_at=ctx.now_iso(),
        facts=facts,
        products=products,
        shifts=shifts,
        top_n=ctx.settings.reports_top_products,
        ppn_percent=facts.ppn_percent or ctx.settings.tax_ppn_percent,
    )
    report_progress(steps, steps, "selesai")
    return report


class ReportService:
    """Reports for managers (permission 'reports'); the GUI and the CLI call these."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def end_of_day(
        self, actor: Actor | None, business_date: str, progress: Progress | None = None
    ) -> PeriodReport:
        """`actor` None only for the command line (someone with the data folder)."""
        if actor is not None:
            require(actor, "reports")
        day = parse_date(business_date)
        return build_period_report(self.ctx, day, day, kind="eod", progress=progress)

    def date_range(
        self, actor: Actor | None, date_from: str, date_to: str, progress: Progress | None = None
    ) -> PeriodReport:
        if actor is not None:
            require(actor, "reports")
        return build_period_report(self.ctx, date_from, date_to, kind="range", progress=progress)

    def member_purchases(
        self, actor: Actor | None, date_from: str, date_to: str, progress: Progress | None = None
    ) -> MemberReport:
        if actor is not None:
            require(actor, "reports")
        start, end = parse_date(date_from), parse_date(date_to)
        if end < start:
            raise ValidationError("report_range_invalid", start=start, end=end, days=MAX_RANGE_DAYS)
        if progress:
            progress(0, 1, "anggota")
        rows = q.member_purchases(self.ctx.db, start, end)
        if progress:
            progress(1, 1, "selesai")
        return MemberReport(start, end, self.ctx.store.cooperative_name, self.ctx.now_iso(), rows)

    def document(self, report: PeriodReport | ShiftReport, paper_mm: int | None = None) -> ReceiptDocument:
        """The thermal slip of a report (also what the on-screen preview draws)."""
        if isinstance(report, ShiftReport):
            return shift_report_document(self.ctx, report, paper_mm)
        return period_document(self.ctx, report, paper_mm)

    def queue_print(self, actor: Actor | None, report: PeriodReport | ShiftReport) -> int:
        """Queue a report slip for the thermal printer; print it with PrintService.print_job."""
        if actor is not None:
            require(actor, "reports" if isinstance(report, PeriodReport) else "x_report")
        doc_id = report.shift_id if isinstance(report, ShiftReport) else f"{report.kind}:{report.date_from}"
        with self.ctx.db.atomic():
            job = PrintJobModel.create(
                kind="report",
                doc_id=doc_id,
                document=self.document(report).to_json(),
                printer_uri=self.ctx.settings.printer_uri,
                created_at=self.ctx.now_iso(),
            )
            audit(self.ctx, "report.printed", actor, doc_id=doc_id)
        return int(job.id)

    def save_pdf(self, report: PeriodReport | ShiftReport | MemberReport, path: Path | str) -> Path:
        """Write the report as a PDF (reportlab is imported here, not at start-up)."""
        from kkmp_pos.pdf import reports_pdf

        path = Path(path)
        if isinstance(report, ShiftReport):
            store = self.ctx.store
            reports_pdf.shift_pdf(
                report, path, cooperative_name=store.cooperative_name, timezone=store.timezone
            )
        elif isinstance(report, MemberReport):
            reports_pdf.members_pdf(report, path)
        else:
            reports_pdf.period_pdf(report, path)
        return path
