"""Discounts and manual prices at the till: within the manager's limits, or approved on the spot by PIN.

Never above a price ceiling (the cart refuses it). Every override lands in the audit log.
"""

from __future__ import annotations

from decimal import Decimal

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.core.money import format_rp, percent_of_rp
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require


class OverrideService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _amount(self, base_rp: int, amount_rp: int | None, percent: Decimal | str | int | None) -> int:
        if (amount_rp is None) == (percent is None):
            raise ValidationError("discount_invalid", name="?")
        if percent is not None:
            pct = Decimal(str(percent))
            if pct <= 0 or pct > 100:
                raise ValidationError("discount_invalid", name=f"{pct}%")
            return percent_of_rp(base_rp, pct)
        assert amount_rp is not None
        if amount_rp <= 0:
            raise ValidationError("discount_invalid", name=format_rp(amount_rp))
        return amount_rp

    def needs_approval(self, base_rp: int, discount_rp: int) -> bool:
        max_rp = self.ctx.settings.discount_max_rp
        max_pct = Decimal(self.ctx.settings.discount_max_percent)
        over_pct = base_rp > 0 and Decimal(discount_rp) * 100 > max_pct * base_rp
        return discount_rp > max_rp or over_pct

    def _approve(
        self, actor: Actor, approver: Actor | None, permission: str, what: str, what_en: str
    ) -> Actor | None:
        if approver is None:
            if permission in _role_permissions(actor):
                return None
            raise PermissionDenied("approval_required", name=actor.name, action=what, action_en=what_en)
        require(approver, permission)
        return approver

    def discount_line(
        self,
        cart: Cart,
        line_id: int,
        actor: Actor,
        *,
        amount_rp: int | None = None,
        percent: Decimal | str | int | None = None,
        approver: Actor | None = None,
    ) -> int:
        line = cart.line(line_id)
        discount = self._amount(line.gross_rp, amount_rp, percent)
        approved = None
        if self.needs_approval(line.gross_rp, discount):
            approved = self._approve(
                actor, approver, "discount_over_limit", "diskon di atas batas", "a discount over the limit"
            )
        cart.set_line_discount(line_id, discount)
        with self.ctx.db.atomic():
            audit(
                self.ctx,
                "discount.line",
                actor,
                approved_by=approved,
                product=line.item.code,
                discount=format_rp(discount),
                line_total=format_rp(line.gross_rp),
            )
        return discount

    def discount_total(
        self,
        cart: Cart,
        actor: Actor,
        *,
        amount_rp: int | None = None,
        percent: Decimal | str | int | None = None,
        approver: Actor | None = None,
    ) -> int:
        base = cart.totals().total_rp
        discount = self._amount(base, amount_rp, percent)
        approved = None
        if self.needs_approval(base, discount):
            approved = self._approve(
                actor, approver, "discount_over_limit", "diskon di atas batas", "a discount over the limit"
            )
        cart.apply_total_discount(discount)
        with self.ctx.db.atomic():
            audit(
                self.ctx,
                "discount.total",
                actor,
                approved_by=approved,
                discount=format_rp(discount),
                total=format_rp(base),
            )
        return discount

    def set_price(
        self, cart: Cart, line_id: int, unit_price_rp: int, actor: Actor, approver: Actor | None
    ) -> None:
        """Any manual price change needs a manager (the actor, or an approver by PIN)."""
        line = cart.line(line_id)
        approved = self._approve(actor, approver, "override_price", "ubah harga", "a price change")
        old = line.unit_price_rp
        cart.set_manual_price(line_id, unit_price_rp)
        with self.ctx.db.atomic():
            audit(
                self.ctx,
                "price.override",
                actor,
                approved_by=approved or actor,
                product=line.item.code,
                old=format_rp(old),
                new=format_rp(unit_price_rp),
            )


def _role_permissions(actor: Actor) -> set[str]:
    from kkmp_pos.services.setup.auth import PERMISSIONS

    return PERMISSIONS.get(actor.role, set())
