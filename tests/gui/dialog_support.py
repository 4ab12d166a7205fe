"""Helpers for the dialog tests: show a dialog as the active window, sell a sale to work on."""

from __future__ import annotations

from kkmp_pos.core.cart import Cart
from tests.services.test_sales import barcode_of, cash

STATIC_QRIS = (
    "00020101021126550016ID.CO.SHOPEE.WWW01189360091800000000180202180303UBE51440014ID.CO.QRIS.WWW0215"
    "ID20190022915550303UBE5204839853033605802ID5906Baznas6013Jakarta Pusat61051034062070703A016304A402"
)


def show_active(qtbot, dialog):  # type: ignore[no-untyped-def]
    """Show a dialog like the till does and wait until it has the keyboard (focus asserts need it)."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    return dialog


def sell(till, actor, items, payments=None, member=None):  # type: ignore[no-untyped-def]
    """A committed sale of [(product code, qty_milli)], paid cash unless `payments` says otherwise."""
    cart = Cart()
    for code, qty in items:
        cart.add(till.catalog.lookup_barcode(barcode_of(code)), qty)
    if member:
        cart.set_member(till.members.find(member))
    return till.sales.checkout(cart, payments or cash(1_000_000), actor)
