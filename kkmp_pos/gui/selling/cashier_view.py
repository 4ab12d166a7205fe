"""What the cashier controller needs from the cashier screen: show what the controller decided.

A Protocol, so the controller (plain Python, no Qt) never imports the screen that holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kkmp_pos.core.cart import MemberRef
    from kkmp_pos.core.errors import KkmpError
    from kkmp_pos.core.pricing import PricedItem


class CashierView(Protocol):
    """The screen as the controller sees it."""

    def scan_taken(self) -> None:
        """The scan field's text was used: clear it."""

    def scan_refused(self, error: KkmpError) -> None:
        """Say why the scan or the line was refused, and make the field ready for the next scan."""

    def line_added(self, line_id: int) -> None:
        """A line was added or changed by a scan: show it and be ready for the next scan."""

    def line_changed(self, line_id: int) -> None:
        """A line was added or changed from a dialog (weight, quantity): show it."""

    def cart_replaced(self) -> None:
        """The cart is another one (the next customer, a recalled cart): show all of it."""

    def cart_changed(self) -> None:
        """Every line may have changed (member, discount): show the rows and totals again."""

    def member_attached(self, member: MemberRef, error: KkmpError | None) -> None:
        """A member was attached to the cart, or refused with `error` (the cart has no member then)."""

    def ask_weight(self, item: PricedItem, unit_price_rp: int) -> None:
        """A weighed item: ask its weight, then call `CashierController.add_weighed`."""

    def show_receipt(self, sale_id: str) -> None:
        """A scanned receipt code: show that receipt."""
