"""One shift rule in every dialog that moves cash: with no shift open, the action offers the open-shift
dialog (the float counted); opening it finishes the action as typed, into the new shift, with the
drawer's expected cash right; backing out books nothing and keeps what was typed."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.db.models import (
    CashMovementModel,
    MemberModel,
    SaleCancellationModel,
    SaleModel,
    SaleReturnModel,
    ShiftModel,
)
from kkmp_pos.devices.printer import FakePrinter
from kkmp_pos.gui.members.register_member_dialog import RegisterMemberDialog
from kkmp_pos.gui.selling.receipts_dialog import ReceiptsDialog
from kkmp_pos.gui.selling.return_dialog import ReturnDialog
from kkmp_pos.gui.shifts.cash_move_dialog import CashMoveDialog
from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog
from tests.conftest import close_test_shift
from tests.gui.dialog_support import sell, show_active

FLOAT = {100_000: 2, 50_000: 1}  # Rp250.000 counted into the drawer


def _open_the_offered_shift(dialog) -> str:  # type: ignore[no-untyped-def]
    offered = dialog.shift_prompt.dialog
    assert isinstance(offered, OpenShiftDialog) and offered.isVisible()
    assert offered.isModal()  # the dialog under it waits
    offered.count.set_counts(FLOAT)
    offered.ok_button.click()
    assert dialog.shift_prompt.dialog is None
    shift = ShiftModel.get(ShiftModel.status == "open")
    assert shift.opening_float_rp == 250_000
    return shift.id


def _decline(dialog) -> None:  # type: ignore[no-untyped-def]
    offered = dialog.shift_prompt.dialog
    assert isinstance(offered, OpenShiftDialog)
    offered.reject()
    assert dialog.shift_prompt.dialog is None
    assert ShiftModel.select().where(ShiftModel.status == "open").count() == 0


def _returning(qtbot, till, manager, result) -> ReturnDialog:  # type: ignore[no-untyped-def]
    dialog = show_active(qtbot, ReturnDialog(till, manager, None, sale_id=result.sale_id))
    dialog.qty_fields[0].setText("1")
    dialog.reason_field.setText("kemasan sobek")
    return dialog


@pytest.fixture
def sold(till, cashier):  # type: ignore[no-untyped-def]
    """A cash sale in the fixture's shift, then that shift closed: no shift open now."""
    till.printing.attach(FakePrinter())
    result = sell(till, cashier, [("GP1", 2000)])
    close_test_shift(till)
    return result


def test_a_cash_return_with_no_shift_asks_for_the_float_then_refunds_into_it(qtbot, till, manager, sold):
    dialog = _returning(qtbot, till, manager, sold)
    dialog.submit()
    assert SaleReturnModel.select().count() == 0  # nothing before the float is counted
    assert "Belum ada shift" in dialog.error_label.text()
    shift_id = _open_the_offered_shift(dialog)
    ret = SaleReturnModel.get_by_id(dialog.return_id)
    assert ret.refund_method == "cash" and ret.refund_rp > 0 and ret.shift_id == shift_id
    assert dialog.pages.currentIndex() == 1  # done, as if a shift had been open all along
    assert till.shifts.figures(shift_id).expected_rp == 250_000 - ret.refund_rp


def test_declining_the_shift_returns_nothing_and_keeps_the_typing(qtbot, till, manager, sold):
    dialog = _returning(qtbot, till, manager, sold)
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
    _decline(dialog)
    assert SaleReturnModel.select().count() == 0
    assert dialog.qty_fields[0].text() == "1" and dialog.reason_field.text() == "kemasan sobek"
    assert dialog.pages.currentIndex() == 0 and "tidak ada yang dicatat" in dialog.error_label.text()
    dialog.submit()  # asked again: offered again, and this time it goes through
    shift_id = _open_the_offered_shift(dialog)
    assert SaleReturnModel.get_by_id(dialog.return_id).shift_id == shift_id


def test_a_shift_closed_after_the_check_is_offered_from_the_refusal(qtbot, till, manager, sold):
    """The service refuses (a close from a terminal between the check and the booking): the same offer."""
    dialog = _returning(qtbot, till, manager, sold)
    till.shifts.needed_for = lambda methods: False  # the check passed just before the close
    dialog.submit()
    del till.shifts.needed_for
    assert SaleReturnModel.select().count() == 0
    shift_id = _open_the_offered_shift(dialog)
    assert SaleReturnModel.get_by_id(dialog.return_id).shift_id == shift_id


def test_cancelling_a_receipt_with_no_shift_asks_for_the_float_then_refunds_into_it(
    qtbot, till, manager, sold
):
    dialog = show_active(qtbot, ReceiptsDialog(till, manager, None))
    qtbot.keyClicks(dialog.search_field, sold.receipt_no)
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.reason_field, "salah input")
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
    _decline(dialog)
    assert SaleModel.get_by_id(sold.sale_id).status == "completed"  # declined: nothing cancelled
    assert dialog.actions.currentIndex() == 1 and dialog.reason_field.text() == "salah input"
    assert "tidak ada yang dicatat" in dialog.status_label.text()

    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
    shift_id = _open_the_offered_shift(dialog)
    assert SaleModel.get_by_id(sold.sale_id).status == "cancelled"
    cancel = SaleCancellationModel.get(SaleCancellationModel.sale == sold.sale_id)
    assert cancel.refund_method == "cash"
    assert till.shifts.figures(shift_id).expected_rp == 250_000 - sold.total_rp
    assert "dibatalkan" in dialog.status_label.text()


def _fill_registration(qtbot, dialog, nik: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.name_field, "Wahyuni Lestari")
    qtbot.keyClicks(dialog.nik_field, nik)
    qtbot.keyClicks(dialog.phone_field, "081234567890")
    qtbot.keyClicks(dialog.address_field, "Jl. Mawar RT 05")
    qtbot.keyClicks(dialog.tendered_field, "150000")


def test_registering_with_cash_pokok_and_no_shift_asks_for_the_float_then_registers(
    qtbot, no_shift, till, cashier
):
    till.printing.attach(FakePrinter())
    members = MemberModel.select().count()
    nik = make_demo_nik(random.Random(77))
    dialog = show_active(qtbot, RegisterMemberDialog(till, cashier, None))
    _fill_registration(qtbot, dialog, nik)
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)
    _decline(dialog)
    assert MemberModel.select().count() == members and dialog.pages.currentIndex() == 0
    assert dialog.name_field.text() == "Wahyuni Lestari" and dialog.tendered_field.text() == "150000"
    assert "tidak ada yang dicatat" in dialog.error_label.text()

    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)
        shift_id = _open_the_offered_shift(dialog)
    assert MemberModel.select().count() == members + 1 and dialog.registration is not None
    assert dialog.registration.change_rp == 50_000
    assert till.shifts.figures(shift_id).expected_rp == 250_000 + 100_000  # the pokok in the drawer


def test_cash_in_and_out_with_no_shift_asks_for_the_float_then_books_it(qtbot, no_shift, till, cashier):
    moves = CashMovementModel.select().count()
    dialog = show_active(qtbot, CashMoveDialog(till, cashier, None))
    dialog.amount.setText("15.000")
    dialog.reason.setText("beli kantong plastik")
    dialog.ok_button.click()
    _decline(dialog)
    assert CashMovementModel.select().count() == moves
    assert dialog.isVisible() and dialog.amount.text() == "15.000"
    assert dialog.reason.text() == "beli kantong plastik"

    dialog.ok_button.click()
    shift_id = _open_the_offered_shift(dialog)
    move = CashMovementModel.get_by_id(dialog.movement_id)
    assert (move.kind, move.amount_rp, move.shift_id) == ("out", 15_000, shift_id)
    assert till.shifts.figures(shift_id).expected_rp == 250_000 - 15_000
    assert dialog.result() == dialog.DialogCode.Accepted
