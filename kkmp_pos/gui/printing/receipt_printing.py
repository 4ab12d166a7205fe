"""Printing receipts from the cashier screen: after commit, in the background, with reprint on failure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.ops import run_op

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.printing.jobs import PrintOutcome
    from kkmp_pos.services.till import Till


class ReceiptPrinting(QObject):
    """Sends print jobs through the background op and tells the cashier how it went.

    A failed job shows the service's message in the window's message bar with a "Cetak ulang" button
    that sends the same original again (DESIGN.md: a failed job is retried only when someone asks).
    """

    finished = Signal(object)  # PrintOutcome, on the GUI thread
    status = Signal(bool, str)  # ok, short text for the last-sale panel

    def __init__(self, till: Till, view: QWidget) -> None:
        super().__init__(view)
        self.till = till
        self.view = view
        self.last: PrintOutcome | None = None

    def print_job(self, job_id: int, *, retry: bool = False) -> None:
        printing = self.till.printing
        op = (lambda: printing.retry(job_id)) if retry else (lambda: printing.print_job(job_id))
        run_op(self.view, op, on_success=self._printed, on_failure=self._failed)

    def reprint(self, sale_id: str, actor: Actor | None) -> None:
        """Retry the last original if it failed; otherwise queue and print a copy (SALINAN)."""
        if self.last is not None and not self.last.ok:
            self.print_job(self.last.job_id, retry=True)
            return
        self.print_job(self.till.printing.reprint(sale_id, actor))

    def _printed(self, outcome: PrintOutcome) -> None:
        self.last = outcome
        if outcome.ok:
            self.status.emit(True, self.tr("Struk dicetak."))
        else:
            text = outcome.error.message(current_lang()) if outcome.error else self.tr("Printer gagal.")
            self.status.emit(False, self.tr("Struk belum tercetak."))
            bar = getattr(self.view.window(), "message_bar", None)
            if bar is not None:
                bar.show_message(
                    text,
                    "warning",
                    action_text=self.tr("Cetak ulang"),
                    action=lambda: self.print_job(outcome.job_id, retry=True),
                )
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.status.emit(False, error_text(exc))
        show = getattr(self.view.window(), "show_error", None)
        if callable(show):
            show(error_text(exc))
