"""Blind close in the real dialog: the expected cash appears nowhere until the count is submitted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.money import format_number, format_rp
from kkmp_pos.db.models import AuditLogModel, ShiftModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

FLOAT = {50_000: 2, 10_000: 5}


def _sell(till, cashier, shift_id) -> None:
    cart = Cart()
    cart.add(till.catalog.search("beras")[0], 3000)
    due = till.sales.cash_due(cart)
    till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due)], cashier, shift_id=shift_id)


def test_cashier_never_sees_expected_cash_before_submitting_and_approval_lands_on_z(
    qtbot, no_shift, till, cashier
):
    from kkmp_pos.gui.shifts.shift_dialog import CloseShiftDialog, all_visible_text

    shift = till.shifts.open(cashier, FLOAT)
    _sell(till, cashier, shift.id)
    till.shifts.cash_move(cashier, "out", 7_000, "beli kantong plastik")
    expected = till.shifts.figures(shift.id).expected_rp  # the test knows it; the cashier must not
    hidden = (format_rp(expected), format_number(expected), str(expected))

    dialog = CloseShiftDialog(till, cashier, shift.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def assert_hidden() -> None:
        text = all_visible_text(dialog)
        assert not any(h in text for h in hidden), text

    assert_hidden()
    dialog.count.boxes[100_000].setValue(2)  # Rp200.000 counted: a shortfall over the Rp10.000 limit
    dialog.count.boxes[5_000].setValue(3)
    assert_hidden()
    counted = 215_000
    assert counted != expected
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.count_result is not None, timeout=5_000)

    shown = dialog.result_label.text()
    assert format_rp(expected) in shown and format_rp(counted - expected) in shown
    assert dialog.approval.isVisible()
    row = ShiftModel.get_by_id(shift.id)
    assert (row.status, row.counted_cash_rp, row.difference_rp) == ("counted", counted, counted - expected)

    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)  # no PIN yet: refused
    assert dialog.close_result is None and dialog.error.text()
    dialog.approver.setCurrentText("Budi Santoso")
    qtbot.keyClicks(dialog.approver_pin, "9999")
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.close_result is not None

    row = ShiftModel.get_by_id(shift.id)
    manager_id = dialog.approver.currentData()
    assert row.status == "closed" and row.approved_by_id == manager_id
    assert (
        AuditLogModel.get(
            (AuditLogModel.action == "shift.closed") & (AuditLogModel.doc_id == shift.id)
        ).approved_by_id
        == manager_id
    )
    z = dialog.z_preview.toPlainText().splitlines()
    assert next(x for x in z if x.startswith("SELISIH")).split()[-1] == format_rp(counted - expected)
    assert next(x for x in z if x.startswith("KAS SEHARUSNYA")).split()[-1] == format_rp(expected)
    assert next(x for x in z if x.startswith("Disetujui")).endswith("Budi Santoso")


def test_open_shift_dialog_defaults_to_what_the_last_shift_left(qtbot, no_shift, till, cashier):
    from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog

    shift = till.shifts.open(cashier, FLOAT)
    till.shifts.submit_count(cashier, FLOAT)
    till.shifts.finish_close(cashier, shift.id, left_counts={10_000: 5})
    dialog = OpenShiftDialog(till, cashier)
    qtbot.addWidget(dialog)
    assert dialog.count.counts()[10_000] == 5 and dialog.count.counts()[50_000] == 0
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.shift is not None and dialog.shift.opening_float_rp == 50_000
