"""What the cashier screen's Qt helpers (the checkout flow, the tools) use of the screen.

A Protocol naming only what they use, so the helpers import this module instead of the screen, and no
two of the screen's files import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from kkmp_pos.core.cart import CartLine
    from kkmp_pos.gui.selling.cart_model import CartModel
    from kkmp_pos.gui.selling.cashier_controller import CashierController
    from kkmp_pos.services.selling.sales import SaleResult
    from kkmp_pos.services.till import Till


class CashierHost(Protocol):
    """The screen as its Qt helpers (checkout flow, tools) see it."""

    till: Till
    controller: CashierController
    model: CartModel
    dialog: Any  # the open dialog, if any
    totals_changed: Any  # Signal(CartTotals, member name): the customer display follows it

    def open_dialog(self, dialog: Any) -> None: ...

    def set_status(self, text: str, *, error: bool = False) -> None: ...

    def window_message(self, text: str, kind: str = "error") -> None: ...

    def focus_scan(self) -> None: ...

    def selected_line_id(self) -> int | None: ...

    def cart_changed(self) -> None: ...

    def line_voided(self, line: CartLine) -> None: ...

    def cart_cleared(self) -> None: ...

    def show_sale(self, result: SaleResult) -> None: ...

    def print_job(self, job_id: int, *, retry: bool = False) -> None: ...

    def reprint_last(self) -> None: ...

    def window(self) -> Any: ...
