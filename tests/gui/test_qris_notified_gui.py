"""A QRIS payment whose dialog is long closed: after the sync round that pulled the acquirer's paid
notification, the window confirms the sale with the RRN in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from kkmp_pos.db.models import PaymentConfirmationModel, SaleModel
from kkmp_pos.gui.ops import running_ops
from kkmp_pos.gui.sync.sync_status import SyncStatusWidget, _apply_qris_after_rounds
from kkmp_pos.sync.apply_qris import record_qris_payments
from kkmp_pos.sync.status import SyncStatus
from tests.gui.test_qris_dialog import _qris_sale


class Rounds:
    """Stands in for the sync controller: the status of the last round."""

    def __init__(self) -> None:
        self.current = SyncStatus()

    def status(self) -> SyncStatus:
        return self.current


def test_a_round_that_pulled_a_paid_notification_confirms_the_pending_sale(qtbot, till, cashier):
    result, total = _qris_sale(till, cashier)
    window = QMainWindow()
    qtbot.addWidget(window)
    rounds = Rounds()
    widget = SyncStatusWidget(rounds.status, window)
    _apply_qris_after_rounds(widget, rounds, till)  # type: ignore[arg-type]
    with till.ctx.db.atomic():  # what the pull records (sync/apply_qris.py)
        record_qris_payments(
            [
                {
                    "reference_no": "SIM0001",
                    "sale_id": result.sale_id,
                    "status": "paid",
                    "rrn": "412000000077",
                    "amount_rp": total,
                }
            ],
            till.ctx.now_iso(),
        )
    widget.timer.timeout.emit()  # no successful round yet: nothing happens
    qtbot.waitUntil(lambda: running_ops() == 0)
    assert SaleModel.get_by_id(result.sale_id).status == "awaiting_payment"
    rounds.current = SyncStatus(last_success_at="2026-12-06T02:50:00+00:00")
    widget.timer.timeout.emit()
    qtbot.waitUntil(lambda: SaleModel.get_by_id(result.sale_id).status == "completed", timeout=10_000)
    assert PaymentConfirmationModel.get(PaymentConfirmationModel.sale == result.sale_id).reference == (
        "412000000077"
    )
