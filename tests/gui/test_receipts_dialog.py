"""Today's receipts: a copy says SALINAN, cancelling needs a manager, awaiting-QRIS sales come first."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from kkmp_pos.db.models import OutboxEventModel, ProductModel, SaleCancellationModel, SaleModel
from kkmp_pos.devices.printer import FakePrinter
from kkmp_pos.gui.approval_dialog import ApprovalDialog
from kkmp_pos.gui.selling.qris_dialog import QrisDialog
from kkmp_pos.gui.selling.receipts_dialog import ReceiptsDialog
from kkmp_pos.gui.selling.return_dialog import ReturnDialog
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.gui.dialog_support import STATIC_QRIS, sell, show_active


def _open(qtbot, till, actor) -> ReceiptsDialog:
    return show_active(qtbot, ReceiptsDialog(till, actor, None))


def _pick(qtbot, dialog: ReceiptsDialog, text: str) -> None:
    qtbot.keyClicks(dialog.search_field, text)
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_Return)


def test_today_lists_sales_and_a_reprint_says_salinan(qtbot, till, cashier):
    till.printing.attach(FakePrinter())
    result = sell(till, cashier, [("MK1", 1000)])
    dialog = _open(qtbot, till, cashier)
    numbers = [s.receipt_no for s in dialog.sales]
    assert result.receipt_no in numbers
    _pick(qtbot, dialog, result.receipt_code)  # scanning the receipt's barcode selects it
    assert dialog.selected().id == result.sale_id
    assert result.receipt_no in dialog.preview.toPlainText()
    assert "SALINAN" not in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.keyClick(dialog.search_field, Qt.Key.Key_F11)
    (text,) = till.printing.printer.texts()
    assert "SALINAN" in text and result.receipt_no in text
    assert "tercetak" in dialog.status_label.text()


def test_cancel_needs_a_manager_and_writes_a_reversal(qtbot, till, cashier, manager):
    result = sell(till, cashier, [("GP1", 2000)])
    before = ProductModel.get(ProductModel.code == "GP1").on_hand_milli
    dialog = _open(qtbot, till, cashier)
    _pick(qtbot, dialog, result.receipt_no)
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert dialog.actions.currentIndex() == 1 and dialog.reason_field.hasFocus()
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)  # no reason: refused before anyone approves
    assert dialog.child is None and "alasan" in dialog.status_label.text().lower()
    qtbot.keyClicks(dialog.reason_field, "salah input")
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
    approval = dialog.child
    assert isinstance(approval, ApprovalDialog) and approval.permission == "void_sale"
    approval.pin_field.setText("0000")
    approval.submit()
    assert SaleModel.get_by_id(result.sale_id).status == "completed"  # a wrong PIN cancels nothing
    approval.select_user(manager.user_id)
    qtbot.keyClicks(approval.pin_field, "9999")
    qtbot.keyClick(approval.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.child is None)

    sale = SaleModel.get_by_id(result.sale_id)
    assert sale.status == "cancelled"
    cancel = SaleCancellationModel.get(SaleCancellationModel.sale == sale.id)
    assert (cancel.approved_by_id, cancel.reason, cancel.refund_method) == (
        manager.user_id,
        "salah input",
        "cash",
    )
    assert ProductModel.get(ProductModel.code == "GP1").on_hand_milli == before + 2000
    event = OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first()
    assert (
        event.type == "sale.cancelled" and json.loads(event.payload)["approved_by"]["id"] == manager.user_id
    )
    assert "dibatalkan" in dialog.status_label.text()
    row = next(i for i, s in enumerate(dialog.sales) if s.id == sale.id)
    assert dialog.table.item(row, 3).text() == "Dibatalkan"
    assert not dialog.cancel_button.isEnabled() and not dialog.return_button.isEnabled()


def test_awaiting_qris_comes_first_and_is_finished_from_the_list(qtbot, till, cashier):
    till.ctx.set_setting("qris.static_payload", STATIC_QRIS)
    sell(till, cashier, [("MK1", 1000)])
    pending = sell(till, cashier, [("GP1", 1000)], [PaymentInput(PaymentMethod.QRIS, 17_500)])
    sell(till, cashier, [("MK1", 1000)])
    dialog = _open(qtbot, till, cashier)
    assert dialog.sales[0].id == pending.sale_id and dialog.table.item(0, 3).text() == "Menunggu QRIS"
    assert "1 menunggu QRIS" in dialog.pending_label.text()
    assert dialog.selected().id == pending.sale_id and dialog.qris_button.isEnabled()
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_F9)
    qris = dialog.child
    assert isinstance(qris, QrisDialog) and qris.amount_rp == 17_500
    qris.ask_reference()
    qris.reference_field.setText("000111222333")
    qris.confirm()
    qtbot.waitUntil(lambda: dialog.child is None)
    assert SaleModel.get_by_id(pending.sale_id).status == "completed"
    assert not dialog.pending_label.isVisible()


def test_return_opens_for_the_selected_sale(qtbot, till, cashier):
    result = sell(till, cashier, [("SPHP5", 2000)])
    dialog = _open(qtbot, till, cashier)
    _pick(qtbot, dialog, result.receipt_no)
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_F6)
    child = dialog.child
    assert isinstance(child, ReturnDialog) and child.sale.id == result.sale_id
    assert len(child.lines) == 1
    child.reject()
    qtbot.waitUntil(lambda: dialog.child is None)
