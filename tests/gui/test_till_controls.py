"""Controls on the real cashier screen, driven by key presses: stacked discounts ask a manager at the step
that crosses the limit, Del and F8 leave their trace in the audit log (and past a value ask a manager),
and obat keras is refused when it is scanned in a shop without an apotek."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from kkmp_pos.db.models import AuditLogModel, ProductModel
from kkmp_pos.gui.approval_dialog import ApprovalDialog
from kkmp_pos.gui.selling.discount_dialog import DiscountDialog
from tests.gui.conftest import demo_user, log_in, scan
from tests.services.test_sales import barcode_of


def logged_in(qtbot, window):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    qtbot.waitUntil(screen.scan_field.hasFocus)
    return screen


def audit_rows(action: str) -> list[AuditLogModel]:
    return list(AuditLogModel.select().where(AuditLogModel.action == action).order_by(AuditLogModel.id))


def total_discount(qtbot, screen, amount: str) -> DiscountDialog:
    """Ctrl+D, F6 (the whole cart), the amount, Enter."""
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    assert isinstance(dialog, DiscountDialog)
    qtbot.keyClick(dialog.value_field, Qt.Key.Key_F6)
    qtbot.keyClicks(dialog.value_field, amount)
    qtbot.keyClick(dialog.value_field, Qt.Key.Key_Return)
    return dialog


def approve(qtbot, approval: ApprovalDialog, pin: str = "9999") -> None:
    approval.select_user(demo_user("manajer").id)
    qtbot.keyClicks(approval.pin_field, pin)
    qtbot.keyClick(approval.pin_field, Qt.Key.Key_Return)


def test_stacked_discounts_ask_a_manager_at_the_step_that_crosses_the_limit(qtbot, window, till):
    screen = logged_in(qtbot, window)
    scan(qtbot, screen, barcode_of("SPHP5"))  # Rp65.500; the cashier's limit: 10% = Rp6.550
    for amount in ("6000", "500"):  # Rp6.500 off in two steps: within the limit, no manager
        total_discount(qtbot, screen, amount)
        assert screen.dialog is None
    assert screen.cart.totals().total_rp == 59_000
    dialog = total_discount(qtbot, screen, "100")  # Rp6.600 in all
    approval = dialog.approval
    assert isinstance(approval, ApprovalDialog)
    assert "Rp6.600" in approval.action_label.text() and "Rp65.500" in approval.action_label.text()
    assert screen.cart.totals().total_rp == 59_000  # nothing applied before the PIN
    approve(qtbot, approval)
    assert screen.cart.totals().total_rp == 58_900 and screen.dialog is None
    rows = audit_rows("discount.total")
    assert [r.approved_by_id for r in rows] == [None, None, demo_user("manajer").id]


def test_del_and_f8_are_recorded_in_the_audit_log(qtbot, window, till):
    screen = logged_in(qtbot, window)
    scan(qtbot, screen, "2*" + barcode_of("MK1"))  # 2 × Rp15.700
    scan(qtbot, screen, barcode_of("SPHP5"))
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Up)  # select the first line
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Delete)  # void it
    assert [ln.item.code for ln in screen.cart.lines] == ["SPHP5"]
    (void,) = audit_rows("cart.line_voided")
    detail = json.loads(void.detail)
    assert void.user_id == demo_user("kasir").id
    assert "MK1" in detail["items"] and "× 2 " in detail["items"] and detail["value"] == "Rp31.400"

    scan(qtbot, screen, barcode_of("MK1"))
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F8)
    assert not screen.cart.lines and screen.model.rowCount() == 0
    (clear,) = audit_rows("cart.cleared")
    detail = json.loads(clear.detail)
    assert clear.user_id == demo_user("kasir").id and clear.approved_by_id is None
    assert detail["lines"] == 2 and detail["value"] == "Rp81.200"
    assert "SPHP5" in detail["items"] and "MK1" in detail["items"]


def test_a_void_past_the_shops_limit_needs_a_manager_pin(qtbot, window, till):
    till.ctx.set_setting("void.approval_over_rp", 50_000)
    screen = logged_in(qtbot, window)
    scan(qtbot, screen, barcode_of("SPHP5"))  # Rp65.500
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Delete)
    approval = screen.dialog
    assert isinstance(approval, ApprovalDialog) and "Rp65.500" in approval.action_label.text()
    qtbot.keyClick(approval.pin_field, Qt.Key.Key_Escape)  # cancelled: the line stays, no trace
    assert len(screen.cart.lines) == 1 and screen.dialog is None and not audit_rows("cart.line_voided")

    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F8)
    approval = screen.dialog
    assert isinstance(approval, ApprovalDialog)
    approve(qtbot, approval, pin="0000")  # a wrong PIN clears nothing
    assert approval.error_label.text() and len(screen.cart.lines) == 1
    approve(qtbot, approval)
    assert not screen.cart.lines and screen.dialog is None
    (clear,) = audit_rows("cart.cleared")
    assert clear.approved_by_id == demo_user("manajer").id
    qtbot.waitUntil(screen.scan_field.hasFocus)

    scan(qtbot, screen, barcode_of("MK1"))  # Rp15.700: within the limit, no manager
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Delete)
    assert not screen.cart.lines and screen.dialog is None
    assert audit_rows("cart.line_voided")[-1].approved_by_id is None


def test_obat_keras_is_refused_when_scanned_and_the_cart_stays_as_it_was(qtbot, window, till):
    screen = logged_in(qtbot, window)
    scan(qtbot, screen, barcode_of("MK1"))
    before = [(ln.item.code, ln.qty_milli) for ln in screen.cart.lines]
    scan(qtbot, screen, barcode_of("AMX"))
    assert [(ln.item.code, ln.qty_milli) for ln in screen.cart.lines] == before
    assert screen.model.rowCount() == 1
    text = screen.status_label.text()
    assert "Amoxicillin" in text and "obat keras" in text and "apotek" in text
    assert screen.scan_field.text() == "" and screen.scan_field.hasFocus()

    amx = till.catalog.item(ProductModel.get(ProductModel.code == "AMX").id)
    screen.controller.sell(amx)  # a search result or quick button: the same refusal
    assert [(ln.item.code, ln.qty_milli) for ln in screen.cart.lines] == before
