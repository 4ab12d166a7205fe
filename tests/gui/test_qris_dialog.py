"""The QRIS dialog: the dynamic code drawn for the amount; confirm, abandon or leave pending."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.qris import parse_qris
from kkmp_pos.db.models import OutboxEventModel, PaymentConfirmationModel, ProductModel, SaleModel
from kkmp_pos.gui.selling.qris_dialog import QrisDialog, qr_image, qr_matrix
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.gui.dialog_support import STATIC_QRIS, show_active
from tests.services.test_sales import barcode_of


def _on_hand(code: str) -> int:
    return ProductModel.get(ProductModel.code == code).on_hand_milli


def _qris_sale(till, cashier, code: str = "MK1", qty: int = 2000):
    till.ctx.set_setting("qris.static_payload", STATIC_QRIS)
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of(code)), qty)
    total = cart.totals().total_rp
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.QRIS, total)], cashier), total


def _open(qtbot, till, cashier, sale_id) -> QrisDialog:
    dialog = QrisDialog(till, cashier, sale_id, None)
    return show_active(qtbot, dialog)


def _last_event() -> OutboxEventModel:
    return OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first()


def test_confirm_with_a_reference_completes_the_sale(qtbot, till, cashier):
    result, total = _qris_sale(till, cashier)
    dialog = _open(qtbot, till, cashier, result.sale_id)
    code = parse_qris(dialog.qris.payload)
    assert code.is_dynamic and code.amount_rp == total == 31_400
    assert dialog.qris.amount_label.text() == "Rp31.400" and dialog.qris.merchant_label.text() == "Baznas"
    assert dialog.qris.code_view.matrix == qr_matrix(dialog.qris.payload)
    assert dialog.qris.code_view.width() >= 400  # large enough to scan across the counter

    outcomes = []
    dialog.finished_payment.connect(outcomes.append)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # "Sudah dibayar"
    assert dialog.reference_field.hasFocus()
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)  # empty reference: refused
    assert "referensi" in dialog.error_label.text().lower()
    assert SaleModel.get_by_id(result.sale_id).status == "awaiting_payment"
    qtbot.keyClicks(dialog.reference_field, "556677889900")
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert outcomes == ["completed"] and not dialog.isVisible()
    assert SaleModel.get_by_id(result.sale_id).status == "completed"
    assert PaymentConfirmationModel.get().reference == "556677889900"
    event = _last_event()
    assert event.type == "sale.payment_confirmed" and json.loads(event.payload)["amount_rp"] == 31_400


def test_abandon_after_confirmation_reverses_the_sale_and_its_stock(qtbot, till, cashier):
    before = _on_hand("MK1")
    result, _total = _qris_sale(till, cashier)
    assert _on_hand("MK1") == before - 2000
    dialog = _open(qtbot, till, cashier, result.sale_id)
    outcomes = []
    dialog.finished_payment.connect(outcomes.append)
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    assert dialog.pages.currentIndex() == 2  # asks first
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # "Tidak": nothing happens
    assert (
        dialog.pages.currentIndex() == 0 and SaleModel.get_by_id(result.sale_id).status == "awaiting_payment"
    )
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    qtbot.mouseClick(dialog.abandon_button, Qt.MouseButton.LeftButton)
    assert outcomes == ["cancelled"]
    assert SaleModel.get_by_id(result.sale_id).status == "cancelled"
    assert _on_hand("MK1") == before
    event = _last_event()
    assert event.type == "sale.cancelled" and json.loads(event.payload)["kind"] == "qris_abandoned"


def test_later_leaves_the_sale_pending(qtbot, till, cashier):
    result, _total = _qris_sale(till, cashier)
    dialog = _open(qtbot, till, cashier, result.sale_id)
    outcomes = []
    dialog.finished_payment.connect(outcomes.append)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert outcomes == ["pending"] and not dialog.isVisible()
    assert SaleModel.get_by_id(result.sale_id).status == "awaiting_payment"


def test_without_a_static_code_the_dialog_says_so(qtbot, till, cashier):
    result, _total = _qris_sale(till, cashier)
    till.ctx.set_setting("qris.static_payload", "")
    dialog = _open(qtbot, till, cashier, result.sale_id)
    assert "QRIS" in dialog.error_label.text() and dialog.qris.payload == ""


def test_qr_image_has_the_quiet_zone_and_black_modules():
    image = qr_image(STATIC_QRIS, module_px=4)
    side = (len(qr_matrix(STATIC_QRIS)) + 8) * 4
    assert image.width() == image.height() == side
    assert image.pixelColor(0, 0).name() == "#ffffff"
    assert image.pixelColor(16, 16).name() == "#000000"  # the finder pattern's corner
