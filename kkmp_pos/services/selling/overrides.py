"""Discounts and manual prices at the till: within the manager's limits, or approved on the spot by PIN.

The limits bound everything taken off a line or the cart against the catalog price in force, whoever
gave it and in however many steps: a second small discount that takes the total past the limit needs a
manager just as one large discount does. Never above a price ceiling (the cart refuses it). Every
override lands in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from kkmp_pos.core.cart import Cart, Markdown
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

    def over_limit(self, markdown: Markdown) -> bool:
        """Past what a cashier may take off on their own (the discount.max_* settings)."""
        settings = self.ctx.settings
        return markdown.over(settings.discount_max_rp, settings.discount_max_percent)

    def needs_approval(self, before: Cart, after: Cart) -> Markdown | None:
        """The markdown past the limit that a change (from `before` to `after`) would make, if any.

        The cart's total markdown and every line's are measured after the change; a change that takes
        nothing more off (a smaller discount, a discount removed) never needs a manager.
        """
        cart_before, cart_after = before.markdown(), after.markdown()
        if cart_after.markdown_rp > cart_before.markdown_rp and self.over_limit(cart_after):
            return cart_after
        for line in after.lines:
            line_after = after.line_markdown(line.line_id)
            taken_before = before.line_markdown(line.line_id).markdown_rp  # the same lines, unchanged
            if line_after.markdown_rp > taken_before and self.over_limit(line_after):
                return line_after
        return None

    def _approve(
        self, actor: Actor, approver: Actor | None, permission: str, what: str, what_en: str
    ) -> Actor | None:
        if approver is None:
            if permission in _role_permissions(actor):
                return None
            raise PermissionDenied("approval_required", name=actor.name, action=what, action_en=what_en)
        require(approver, permission)
        return approver

    def _within_limits(
        self, cart: Cart, change: Callable[[Cart], object], actor: Actor, approver: Actor | None
    ) -> tuple[Actor | None, Markdown]:
        """Try `change` on a copy of the cart; past the limit, the actor or an approver must hold
        discount_over_limit. Returns who approved (None: within the actor's own rights)."""
        trial = cart.copy()
        change(trial)
        over = self.needs_approval(cart, trial)
        approved = None
        if over is not None:
            taken, listed = format_rp(over.markdown_rp), format_rp(over.list_rp)
            approved = self._approve(
                actor,
                approver,
                "discount_over_limit",
                f"total potongan {taken} dari {listed}, di atas batas kasir",
                f"a total markdown of {taken} on {listed}, over the cashier's limit",
            )
        return approved, trial.markdown()

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
        approved, markdown = self._within_limits(
            cart, lambda c: c.set_line_discount(line_id, discount), actor, approver
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
                line_markdown=format_rp(cart.line_markdown(line_id).markdown_rp),
                cart_markdown=format_rp(markdown.markdown_rp),
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
        approved, markdown = self._within_limits(
            cart, lambda c: c.apply_total_discount(discount), actor, approver
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
                cart_markdown=format_rp(markdown.markdown_rp),
                cart_list=format_rp(markdown.list_rp),
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
