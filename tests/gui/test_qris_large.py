"""The QR is shown large, with the amount and the merchant's name, on the payment dialog and on the
customer display (at the display's smallest window, 1024×600): each drawn offscreen to a PNG and the
code's side measured on the picture. KKMP_SHOT_DIR keeps the PNGs to look at."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.qris import build_dynamic_qris
from kkmp_pos.gui.selling.cart_model import CartModel
from kkmp_pos.gui.selling.customer_display import CustomerDisplay
from kkmp_pos.gui.selling.qris_dialog import QrisDialog
from kkmp_pos.gui.selling.qris_widget import MIN_SIDE_PX
from kkmp_pos.services.setup.demo import DEMO_QRIS
from tests.gui.dialog_support import show_active
from tests.gui.test_qris_dialog import _qris_sale


def _shot(widget, tmp_path: Path, name: str) -> QImage:
    folder = Path(os.environ.get("KKMP_SHOT_DIR") or tmp_path)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return QImage(str(path))


def _dark_span(image: QImage, view) -> int:
    """How wide the code's dark modules spread on the picture, along the view's middle row."""
    origin = view.mapTo(view.window(), view.rect().topLeft())
    y = origin.y() + view.height() // 2
    xs = [x for x in range(origin.x(), origin.x() + view.width()) if image.pixelColor(x, y).lightness() < 60]
    return xs[-1] - xs[0] if xs else 0


def test_the_dialog_shows_the_code_large_with_amount_and_merchant(qtbot, till, cashier, tmp_path):
    result, _total = _qris_sale(till, cashier)
    till.ctx.set_setting("qris.static_payload", DEMO_QRIS)
    dialog = show_active(qtbot, QrisDialog(till, cashier, result.sale_id, None))
    dialog.resize(1024, 640)
    qtbot.wait(50)
    image = _shot(dialog, tmp_path, "qris_dialog")
    assert min(dialog.qris.code_view.width(), dialog.qris.code_view.height()) >= MIN_SIDE_PX
    assert _dark_span(image, dialog.qris.code_view) >= MIN_SIDE_PX  # the code drawn, not the white
    assert dialog.qris.amount_label.text() == "Rp31.400"
    assert dialog.qris.merchant_label.text() == "GERAI KKMP GN SAMARINDA"


def test_the_customer_display_shows_the_code_large_with_amount_and_merchant(qtbot, till, tmp_path):
    display = CustomerDisplay(CartModel(Cart()), "Gerai KKMP Gunung Samarinda")
    qtbot.addWidget(display)
    display.resize(1024, 600)
    display.show()
    qtbot.waitExposed(display)
    display.show_qris(build_dynamic_qris(DEMO_QRIS, 31_400), 31_400, "GERAI KKMP GN SAMARINDA", 31_400)
    qtbot.wait(50)
    image = _shot(display, tmp_path, "customer_display_qris")
    view = display.qris.code_view
    assert min(view.width(), view.height()) >= MIN_SIDE_PX
    assert _dark_span(image, view) >= MIN_SIDE_PX
    assert display.qris.amount_label.text() == "Rp31.400"
    assert display.qris.merchant_label.text() == "GERAI KKMP GN SAMARINDA"
    assert display.qris.amount_label.isVisible() and display.qris.merchant_label.isVisible()
