"""The cashier controller without a window: plain Python over a real demo till, with a view that records
what it was told to show."""

from __future__ import annotations

import subprocess
import sys

from kkmp_pos.db.models import SaleModel, ShiftModel
from kkmp_pos.gui.selling.cashier_controller import CashierController
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.services.test_sales import barcode_of


class RecordingView:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __getattr__(self, name: str):  # every CashierView method records its call
        return lambda *args: self.calls.append((name, *args))


def _controller(till, actor) -> tuple[CashierController, RecordingView]:
    view = RecordingView()
    controller = CashierController(till, view)
    controller.start(actor)
    return controller, view


def test_the_controller_imports_no_qt():
    code = "import sys, kkmp_pos.gui.selling.cashier_controller; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_quantity_prefix_scan_adds_that_many_and_shows_the_line(till, cashier):
    controller, view = _controller(till, cashier)
    controller.scan("3*" + barcode_of("MK1"))
    assert [(line.item.code, line.qty_milli) for line in controller.cart.lines] == [("MK1", 3000)]
    assert view.calls[-1] == ("line_added", controller.cart.lines[0].line_id)


def test_an_unknown_code_is_refused_and_the_cart_is_unchanged(till, cashier):
    controller, view = _controller(till, cashier)
    controller.scan("0000000000000")
    assert controller.cart.lines == []
    name, error = view.calls[-1]
    assert name == "scan_refused" and error.code == "barcode_unknown"


def test_a_weighed_item_typed_by_code_asks_for_its_weight(till, cashier):
    controller, view = _controller(till, cashier)
    controller.scan("12345")
    name, item, unit_price_rp = view.calls[-1]
    assert (name, item.code, unit_price_rp) == ("ask_weight", "12345", item.regular_price_rp)
    controller.add_weighed(item, 1250)
    assert controller.cart.lines[0].qty_milli == 1250


def test_checkout_books_the_sale_in_the_open_shift_and_starts_a_new_cart(no_shift, till, cashier):
    till.shifts.open(cashier, {50_000: 4})
    controller, view = _controller(till, cashier)
    controller.scan(barcode_of("MK1"))
    cart = controller.cart
    result = controller.checkout([PaymentInput(PaymentMethod.CASH, 0, 100_000)])
    assert controller.last_result is result and controller.cart is not cart
    assert view.calls[-1] == ("cart_replaced",)
    open_shift = ShiftModel.get(ShiftModel.status == "open")
    assert SaleModel.get_by_id(result.sale_id).shift_id == open_shift.id
