"""Returns at the till: part of a sale back with a manager's PIN, stock and refund right, slip printed;
more than is left refused with a clear message."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.db.models import OutboxEventModel, ProductModel, SaleReturnModel
from kkmp_pos.devices.printer import FakePrinter
from kkmp_pos.gui.approval_dialog import ApprovalDialog
from kkmp_pos.gui.selling.return_dialog import ReturnDialog
from tests.gui.dialog_support import sell, show_active


def _on_hand(code: str) -> int:
    return ProductModel.get(ProductModel.code == code).on_hand_milli


def _row_of(dialog: ReturnDialog, fragment: str) -> int:
    return next(i for i, line in enumerate(dialog.lines) if fragment in line.name)


@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP
def test_cashier_returns_part_of_a_sale_with_a_manager_pin(qtbot, till, cashier, manager):
    till.printing.attach(FakePrinter())
    result = sell(till, cashier, [("SPHP5", 3000), ("MK1", 2000)], member="A-000001")
    rice_before = _on_hand("SPHP5")
    oil_before = _on_hand("MK1")
    dialog = show_active(qtbot, ReturnDialog(till, cashier, None))
    assert dialog.find_field.hasFocus()
    qtbot.keyClicks(dialog.find_field, result.receipt_code)  # the scanner reads the receipt's barcode
    qtbot.keyClick(dialog.find_field, Qt.Key.Key_Return)
    assert result.receipt_no in dialog.sale_label.text()
    assert len(dialog.lines) == 2
    rice = _row_of(dialog, "SPHP")
    field = dialog.qty_fields[rice]
    field.setFocus()
    qtbot.mouseClick(dialog.keypad.findChildren(type(dialog.submit_button))[6], Qt.MouseButton.LeftButton)
    assert field.text() == "1"  # the keypad typed into the focused line
    assert "64.500" in dialog.refund_label.text()
    qtbot.keyClicks(dialog.reason_field, "kemasan sobek")
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)

    approval = dialog.child
    assert isinstance(approval, ApprovalDialog)
    assert SaleReturnModel.select().count() == 0  # nothing before the manager says yes
    approval.select_user(manager.user_id)
    qtbot.keyClicks(approval.pin_field, "9999")
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.keyClick(approval.pin_field, Qt.Key.Key_Return)

    ret = SaleReturnModel.get_by_id(dialog.return_id)
    assert (ret.refund_rp, ret.refund_method, ret.reason) == (64_500, "cash", "kemasan sobek")
    assert ret.approved_by_id == manager.user_id and ret.user_id == cashier.user_id
    assert _on_hand("SPHP5") == rice_before + 1000 and _on_hand("MK1") == oil_before
    event = OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first()
    payload = json.loads(event.payload)
    assert event.type == "return.completed" and payload["refund_rp"] == 64_500
    assert payload["sale_id"] == result.sale_id and len(payload["lines"]) == 1
    assert "64.500" in dialog.done_refund.text()
    # the slip, beside the drawer opening for the cash paid back (an empty kick job)
    (slip,) = [text for text in till.printing.printer.texts() if text.strip()]
    assert "NOTA RETUR" in slip and result.receipt_no in slip and "64.500" in slip
    assert dialog.lines[rice].name in slip and manager.name in slip
    assert "tercetak" in dialog.print_status.text()


@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP
def test_a_second_return_beyond_what_is_left_is_refused(qtbot, till, cashier, manager):
    till.printing.attach(FakePrinter())
    result = sell(till, cashier, [("SPHP5", 3000)])
    line = till.reversals.returnable(result.sale_id)[0]
    till.reversals.create_return(result.sale_id, {line.sale_line_id: 2000}, cashier, manager)
    rice_before = _on_hand("SPHP5")
    dialog = show_active(qtbot, ReturnDialog(till, manager, None, sale_id=result.sale_id))
    assert dialog.table.item(0, 2).text() == "2 pak"  # already returned, shown
    dialog.qty_fields[0].setText("3")
    qtbot.keyClick(dialog, Qt.Key.Key_F12)  # a manager approves their own return: no PIN dialog
    assert dialog.child is None and dialog.return_id is None
    assert "melebihi" in dialog.error_label.text() or "tersisa" in dialog.error_label.text()
    assert SaleReturnModel.select().count() == 1 and _on_hand("SPHP5") == rice_before

    dialog.qty_fields[0].setText("1")  # what is left is fine
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
    assert SaleReturnModel.select().count() == 2 and _on_hand("SPHP5") == rice_before + 1000

    again = show_active(qtbot, ReturnDialog(till, manager, None, sale_id=result.sale_id))
    assert not again.qty_fields[0].isEnabled()
    assert "sudah diretur" in again.error_label.text()


def test_an_unknown_receipt_number_says_so(qtbot, till, cashier):
    dialog = show_active(qtbot, ReturnDialog(till, cashier, None))
    qtbot.keyClicks(dialog.find_field, "KMPBPN-T1-000000-9999")
    qtbot.keyClick(dialog.find_field, Qt.Key.Key_Return)
    assert dialog.error_label.text() and dialog.sale is None


def test_weighed_line_returns_in_kg_with_decimals(qtbot, till, cashier, manager):
    till.ctx.set_setting("printer.uri", "")
    from kkmp_pos.core.cart import Cart
    from tests.services.test_sales import cash

    cart = Cart()
    cart.add(till.catalog.item(ProductModel.get(ProductModel.code == "12345").id), 1500)
    result = till.sales.checkout(cart, cash(50_000), cashier)
    dialog = show_active(qtbot, ReturnDialog(till, manager, None, sale_id=result.sale_id))
    assert dialog.table.item(0, 1).text() == "1,5 kg"
    dialog.qty_fields[0].setText("0,25")
    with qtbot.waitSignal(dialog.printed, timeout=10_000):  # no printer set up: the slip waits in the queue
        dialog.submit()
    assert "belum tercetak" in dialog.print_status.text() and dialog.retry_button.isVisible()
    ret = SaleReturnModel.get_by_id(dialog.return_id)
    assert ret.lines[0].qty_milli == 250


def test_a_slip_answer_after_the_dialog_closed_is_ignored(qtbot, till, manager):
    from kkmp_pos.gui.ops import running_ops

    result = sell(till, manager, [("MK1", 1000)])
    dialog = ReturnDialog(till, manager, None, sale_id=result.sale_id)  # not owned by qtbot: deleted here
    dialog.show()
    dialog.qty_fields[0].setText("1")
    dialog.submit()
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)  # no "already deleted" error on the way
    assert SaleReturnModel.select().count() == 1
