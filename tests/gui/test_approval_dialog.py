"""Manager approval: a wrong PIN says how many tries are left, the right one approves, a cashier cannot."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.gui.approval_dialog import ApprovalDialog
from tests.gui.dialog_support import show_active


def _dialog(qtbot, till, permission: str = "return") -> ApprovalDialog:
    return show_active(qtbot, ApprovalDialog(till, permission, "Retur 1 barang", None))


def test_only_people_who_may_approve_are_offered(qtbot, till, cashier, manager):
    dialog = _dialog(qtbot, till)
    assert manager.user_id in dialog.user_buttons and cashier.user_id not in dialog.user_buttons
    assert dialog.selected_user_id == manager.user_id and dialog.pin_field.hasFocus()
    assert "Retur 1 barang" in dialog.action_label.text()


def test_wrong_pin_then_right_pin_approves_the_manager(qtbot, till, manager):
    dialog = _dialog(qtbot, till)
    approved = []
    dialog.approved.connect(approved.append)
    qtbot.keyClicks(dialog.pin_field, "1234")
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert "PIN salah" in dialog.error_label.text() and "4" in dialog.error_label.text()
    assert approved == [] and dialog.isVisible() and dialog.pin_field.text() == ""
    qtbot.keyClicks(dialog.pin_field, "9999")
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert [a.user_id for a in approved] == [manager.user_id] and approved[0].role == "manajer"
    assert not dialog.isVisible()


def test_a_cashier_cannot_approve_even_with_the_right_pin(qtbot, till, cashier):
    dialog = _dialog(qtbot, till)
    approved = []
    dialog.approved.connect(approved.append)
    dialog.select_user(cashier.user_id)
    qtbot.keyClicks(dialog.pin_field, "1111")
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert approved == [] and dialog.isVisible()
    assert cashier.name in dialog.error_label.text()  # the service's "not allowed" message


def test_a_locked_manager_is_told_how_long_and_esc_cancels(qtbot, till, manager):
    dialog = _dialog(qtbot, till)
    for _ in range(5):
        dialog.pin_field.setText("0000")
        dialog.submit()
    assert "terkunci" in dialog.error_label.text().lower() or "menit" in dialog.error_label.text()
    dialog.pin_field.setText("9999")
    dialog.submit()
    assert dialog.approver is None
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == ApprovalDialog.DialogCode.Rejected


def test_up_down_walk_the_approvers(qtbot, till):
    dialog = _dialog(qtbot, till)
    ids = list(dialog.user_buttons)
    assert len(ids) >= 2
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Down)
    assert dialog.selected_user_id == ids[1] and dialog.user_buttons[ids[1]].isChecked()
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Up)
    assert dialog.selected_user_id == ids[0]
