"""Lines voided and carts cleared before payment: each lands in the audit log (who, which goods, how many,
what they were worth), and past a value the shop chooses (void.approval_over_rp) only with a manager's PIN.

A scanned line that disappears before payment is where a till loses money without a trace, so the trace
is written before the line goes.
"""

from __future__ import annotations

from collections.abc import Callable

from kkmp_pos.core.cart import Cart, CartLine
from kkmp_pos.core.errors import PermissionDenied
from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import PERMISSIONS, require

PERMISSION = "void_over_limit"


def describe(lines: list[CartLine]) -> str:
    """'Minyak Kita 1 L × 2 pcs (Rp31.400); …' as the audit log shows it."""
    return "; ".join(
        f"{line.item.name} [{line.item.code}] × {format_qty(line.qty_milli, line.item.unit_label)}"
        f" ({format_rp(line.total_rp)})"
        for line in lines
    )


class CartVoidService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def needs_approval(self, value_rp: int) -> bool:
        """Worth more than the shop lets a cashier void alone (0 = no limit)."""
        limit = self.ctx.settings.void_approval_over_rp
        return limit > 0 and value_rp > limit

    def _approve(
        self, value_rp: int, actor: Actor, approver: Actor | None, what: str, what_en: str
    ) -> Actor | None:
        if not self.needs_approval(value_rp) or PERMISSION in PERMISSIONS.get(actor.role, set()):
            return None
        if approver is None:
            limit = format_rp(self.ctx.settings.void_approval_over_rp)
            raise PermissionDenied(
                "approval_required",
                name=actor.name,
                action=f"{what} senilai {format_rp(value_rp)} (di atas {limit})",
                action_en=f"{what_en} worth {format_rp(value_rp)} (over {limit})",
            )
        require(approver, PERMISSION)
        return approver

    def void_line(
        self,
        cart: Cart,
        line_id: int,
        actor: Actor,
        approver: Actor | None = None,
        *,
        remove: Callable[[int], object] | None = None,
    ) -> CartLine:
        """Take one line out of the cart, audited. `remove` takes it out (the cashier screen passes its
        table model's, which tells the view); it runs only once the void is allowed and recorded."""
        line = cart.line(line_id)
        approved = self._approve(line.total_rp, actor, approver, "hapus baris", "voiding a line")
        with self.ctx.db.atomic():
            audit(
                self.ctx,
                "cart.line_voided",
                actor,
                approved_by=approved,
                items=describe([line]),
                value=format_rp(line.total_rp),
                cart_total=format_rp(cart.totals().total_rp),
            )
            (remove or cart.remove)(line_id)
        return line

    def clear(self, cart: Cart, actor: Actor, approver: Actor | None = None) -> bool:
        """Empty the cart, audited when it held goods; False when there was nothing to clear."""
        if not cart.lines and cart.member is None:
            return False
        if cart.lines:
            value = cart.totals().total_rp
            approved = self._approve(value, actor, approver, "kosongkan keranjang", "clearing the cart")
            with self.ctx.db.atomic():
                audit(
                    self.ctx,
                    "cart.cleared",
                    actor,
                    approved_by=approved,
                    items=describe(cart.lines),
                    lines=len(cart.lines),
                    value=format_rp(value),
                    member=cart.member.number if cart.member else "",
                )
        cart.clear()
        return True
