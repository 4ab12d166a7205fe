"""The cashier screen's controller: the cart being rung up, the cashier at the till, the last sale, and
what the checkout has asked so far (the buyer's NIK, a manager's approval of a purchase cap).

Plain Python, no Qt: it calls the till's services and tells the screen (a `CashierView`) what to show.
The screen turns the cashier's keys into calls here, and opens the dialogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kkmp_pos.core.cart import Cart, MemberRef
from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import MILLI
from kkmp_pos.core.pricing import PricedItem, price_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from kkmp_pos.core.cart import CartLine
    from kkmp_pos.core.payments import Settlement
    from kkmp_pos.gui.selling.cashier_view import CashierView
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.selling.held import Recalled
    from kkmp_pos.services.selling.limits import LimitCheck
    from kkmp_pos.services.selling.sales import PaymentInput, SaleResult
    from kkmp_pos.services.till import Till


class CashierController:
    def __init__(self, till: Till, view: CashierView) -> None:
        self.till = till
        self.view = view
        self.actor: Actor | None = None
        self.cart = Cart()
        self.last_result: SaleResult | None = None
        # What the checkout asked for this cart: the buyer's NIK (LPG 3 kg) holds while the cart is the
        # same one; a manager's approval of a cap holds for one payment only.
        self._nik_cart: Cart | None = None
        self.buyer_nik: str | None = None
        self.limit_approver: Actor | None = None

    # -- the session ----------------------------------------------------------------------------
    def start(self, actor: Actor) -> None:
        self.actor = actor
        self.last_result = None  # the previous cashier's last sale is not this one's to reprint

    def can_log_out(self) -> bool:
        """A cart is finished, held or cleared before the cashier leaves."""
        return not self.cart.lines

    def log_out(self) -> None:
        self.actor = None

    # -- scanning -------------------------------------------------------------------------------
    def scan(self, text: str) -> None:
        """What the scan field received; the scan service says what it is."""
        from kkmp_pos.services.selling.scanning import ScanResultKind

        try:
            result = self.till.scanner.read(text, member_active=self.cart.member_active)
        except KkmpError as exc:
            self.view.scan_refused(exc)
            return
        self.view.scan_taken()
        if result.kind is ScanResultKind.MEMBER:
            assert result.member is not None
            self.attach_member(result.member)
        elif result.kind is ScanResultKind.RECEIPT:
            assert result.sale_id is not None
            self.view.show_receipt(result.sale_id)
        elif result.needs_weight:
            assert result.item is not None
            self.ask_weight(result.item)
        else:
            assert result.item is not None
            self.add_item(result.item, result.qty_milli, fixed_total_rp=result.fixed_total_rp)

    def sell(self, item: PricedItem) -> None:
        """A search result or quick button: weighed goods ask for the weight, the rest add one."""
        try:
            self.till.scanner.check_addable(item)
        except KkmpError as exc:
            self.view.scan_refused(exc)
            return
        self.view.scan_taken()
        if item.is_weighed:
            self.ask_weight(item)
        else:
            self.add_item(item)

    def ask_weight(self, item: PricedItem) -> None:
        self.view.ask_weight(item, price_for(item, self.cart.member_active).unit_price_rp)

    # -- the cart -------------------------------------------------------------------------------
    def add_item(
        self, item: PricedItem, qty_milli: int = MILLI, *, fixed_total_rp: int | None = None
    ) -> None:
        try:
            line = self.cart.add(item, qty_milli, fixed_total_rp=fixed_total_rp)
        except KkmpError as exc:
            self.view.scan_refused(exc)
            return
        self.view.line_added(line.line_id)

    def add_weighed(self, item: PricedItem, qty_milli: int) -> None:
        """The weight dialog's answer; a refusal is raised for the dialog to show."""
        line = self.cart.add(item, qty_milli)
        self.view.line_changed(line.line_id)

    def set_qty(self, line_id: int, qty_milli: int) -> None:
        """The quantity dialog's answer; a refusal is raised for the dialog to show."""
        self.cart.set_qty(line_id, qty_milli)
        self.view.line_changed(line_id)

    def new_cart(self, cart: Cart | None = None) -> None:
        """Start the next customer's cart, or show a recalled one."""
        self.cart = cart if cart is not None else Cart()
        self.view.cart_replaced()

    def void_line(
        self, line_id: int, approver: Actor | None = None, *, remove: Callable[[int], object] | None = None
    ) -> CartLine:
        """Void one line, audited; past the shop's limit it needs `approver` (a refusal is raised).
        `remove` takes the line out (the screen's table model, so the view follows)."""
        assert self.actor is not None
        return self.till.voids.void_line(self.cart, line_id, self.actor, approver, remove=remove)

    def clear_cart(self, approver: Actor | None = None) -> bool:
        """Empty the cart, audited; False when there was nothing to clear. Past the shop's limit it
        needs `approver` (a refusal is raised)."""
        assert self.actor is not None
        if not self.till.voids.clear(self.cart, self.actor, approver):
            return False
        self.new_cart()
        return True

    # -- the member -----------------------------------------------------------------------------
    def attach_member(self, member: MemberRef) -> None:
        error: KkmpError | None = None
        try:
            self.cart.set_member(member)
        except KkmpError as exc:
            self.cart.set_member(None)
            error = exc
        self.view.member_attached(member, error)

    def remove_member(self) -> bool:
        """Sell at regular prices again; False when no member was attached."""
        if self.cart.member is None:
            return False
        self.cart.set_member(None)
        self.view.cart_changed()
        return True

    # -- holding and recalling ------------------------------------------------------------------
    def hold(self) -> str:
        """Hold the cart for later and start the next; returns the held cart's label."""
        assert self.actor is not None
        label = self.cart.member.name if self.cart.member is not None else ""
        held_id = self.till.held.hold(self.cart, self.actor, label)
        summary = next((h for h in self.till.held.list() if h.id == held_id), None)
        self.new_cart()
        return summary.label if summary else label

    def recalled(self, recalled: Recalled) -> None:
        self.new_cart(recalled.cart)

    # -- paying ---------------------------------------------------------------------------------
    def begin_payment(self) -> None:
        self.limit_approver = None  # an approval holds for the cart as it is now, asked at each payment
        if self._nik_cart is not self.cart:
            self._nik_cart, self.buyer_nik = self.cart, None

    def check_limits(self) -> LimitCheck:
        """What the cart needs (the buyer's NIK) and breaks (purchase caps) before it is paid."""
        try:
            return self.till.limits.check(self.cart, self.buyer_nik)
        except KkmpError:  # a NIK typed earlier for this cart and no longer valid
            self.buyer_nik = None
            raise

    def give_nik(self, nik: str | None) -> None:
        self.buyer_nik = nik

    def approve_limits(self, approver: Actor) -> None:
        self.limit_approver = approver

    def shift_needed(self, payments: list[PaymentInput] | None = None) -> bool:
        """Whether these payments (None: any payment at all) need a shift opened first."""
        if payments is None:
            return self.till.shifts.needed_for(["qris"])  # every method needs one under the setting
        return self.till.shifts.needed_for([str(p.method) for p in payments])

    def preview_settlement(self, payments: list[PaymentInput]) -> Settlement:
        return self.till.sales.preview_settlement(self.cart, payments)

    def checkout(self, payments: list[PaymentInput]) -> SaleResult:
        """Commit the cart with these payments and start the next customer's cart.

        The sale belongs to the drawer's open shift, which the sale service finds; a refusal is raised.
        """
        assert self.actor is not None
        result = self.till.sales.checkout(
            self.cart,
            payments,
            self.actor,
            buyer_nik=self.buyer_nik if self._nik_cart is self.cart else None,
            limit_approver=self.limit_approver,
        )
        self.last_result = result
        self.new_cart()
        return result
