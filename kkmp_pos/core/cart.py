"""The cart being rung up: lines, the attached member, and totals. Pure and fast, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.money import MILLI, line_total_rp
from kkmp_pos.core.pricing import (
    PricedItem,
    PriceType,
    check_ceiling,
    check_quantity,
    price_for,
)


@dataclass(frozen=True)
class MemberRef:
    id: str
    number: str
    name: str
    active: bool
    masked_nik: str = ""
    # members' money as the till knows it, filled when a card is scanned or a member looked up
    status: str = ""  # active | inactive | pending
    arrears_months: int = 0
    arrears_rp: int = 0
    sukarela_rp: int = 0


@dataclass
class CartLine:
    line_id: int
    item: PricedItem
    qty_milli: int
    unit_price_rp: int
    price_type: PriceType
    discount_rp: int = 0  # line discount plus this line's share of a total discount
    # A price-embedded scale label fixes the line total; its quantity is derived for stock only.
    fixed_total_rp: int | None = None
    prescription_ref: str = ""  # obat keras: the prescription this line was sold against

    @property
    def gross_rp(self) -> int:
        if self.fixed_total_rp is not None:
            return self.fixed_total_rp
        return line_total_rp(self.unit_price_rp, self.qty_milli)

    @property
    def total_rp(self) -> int:
        return self.gross_rp - self.discount_rp

    @property
    def regular_total_rp(self) -> int:
        return line_total_rp(self.item.regular_price_rp, self.qty_milli)

    @property
    def member_saving_rp(self) -> int:
        if self.price_type is not PriceType.MEMBER:
            return 0
        return self.regular_total_rp - self.gross_rp

    @property
    def potential_member_saving_rp(self) -> int:
        """What this line would save at the member price (the invitation on a non-member receipt)."""
        member = self.item.member_price_rp
        if member is None or member >= self.item.regular_price_rp:
            return 0
        return self.regular_total_rp - line_total_rp(member, self.qty_milli)

    @property
    def base_qty_milli(self) -> int:
        return self.qty_milli * self.item.factor_milli // MILLI


@dataclass(frozen=True)
class CartTotals:
    subtotal_rp: int
    discount_rp: int
    total_rp: int
    member_savings_rp: int
    potential_member_savings_rp: int
    line_count: int


@dataclass(frozen=True)
class Markdown:
    """Everything taken off a line or a cart, measured against the catalog price in force."""

    list_rp: int  # what it costs at the catalog price for this customer, before anyone's discount
    markdown_rp: int  # what was taken off: discounts, shares of cart discounts, a lower manual price

    def over(self, max_rp: int, max_percent: int) -> bool:
        """Past the cashier's limit: more rupiah than `max_rp`, or more than `max_percent` of the list."""
        return self.markdown_rp > max_rp or self.markdown_rp * 100 > max_percent * self.list_rp


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    member: MemberRef | None = None
    _next_id: int = 1

    @property
    def member_active(self) -> bool:
        return self.member is not None and self.member.active

    def add(
        self,
        item: PricedItem,
        qty_milli: int = MILLI,
        *,
        merge: bool = True,
        fixed_total_rp: int | None = None,
    ) -> CartLine:
        """Add an item; scanning the same piece item again adds to its line."""
        check_quantity(item, qty_milli)
        if fixed_total_rp is not None:
            # A price label from the shop's own scale: the label's value is what the customer pays.
            price = price_for(item, self.member_active)
            check_ceiling(item, price.unit_price_rp)
            line = CartLine(
                self._next_id, item, qty_milli, price.unit_price_rp, price.price_type, 0, fixed_total_rp
            )
            self._next_id += 1
            self.lines.append(line)
            return line
        if merge and not item.is_weighed:
            for line in self.lines:
                if line.item.product_id == item.product_id and line.item.unit_id == item.unit_id:
                    if line.price_type is PriceType.MANUAL:
                        break
                    self.set_qty(line.line_id, line.qty_milli + qty_milli)
                    return line
        price = price_for(item, self.member_active)
        check_ceiling(item, price.unit_price_rp)
        line = CartLine(self._next_id, item, qty_milli, price.unit_price_rp, price.price_type)
        self._next_id += 1
        self.lines.append(line)
        return line

    def line(self, line_id: int) -> CartLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise NotFoundError("line_not_found")

    def set_qty(self, line_id: int, qty_milli: int) -> CartLine:
        line = self.line(line_id)
        check_quantity(line.item, qty_milli)
        if line.fixed_total_rp is not None:
            raise ValidationError("scale_label_qty_fixed", name=line.item.name)
        if qty_milli < line.qty_milli:
            # Fewer pieces, proportionally less off (rounded down): taking pieces away never turns a
            # discount given within the limit into a larger share of the line.
            line.discount_rp = line.discount_rp * qty_milli // line.qty_milli
        line.qty_milli = qty_milli
        if line.discount_rp > line.gross_rp:
            line.discount_rp = line.gross_rp
        return line

    def remove(self, line_id: int) -> CartLine:
        line = self.line(line_id)
        self.lines.remove(line)
        return line

    def clear(self) -> None:
        self.lines.clear()
        self.member = None

    def set_member(self, member: MemberRef | None) -> None:
        """Attach or remove a member and re-price every line that is not a manual price."""
        self.member = member
        self.reprice()

    def set_manual_price(self, line_id: int, unit_price_rp: int) -> CartLine:
        """A price typed by hand (the caller has the manager's approval); never above the ceiling."""
        line = self.line(line_id)
        if unit_price_rp <= 0:
            raise ValidationError("price_not_positive", name=line.item.name)
        check_ceiling(line.item, unit_price_rp)
        line.unit_price_rp = unit_price_rp
        line.price_type = PriceType.MANUAL
        line.fixed_total_rp = None
        return line

    def set_line_discount(self, line_id: int, discount_rp: int) -> CartLine:
        line = self.line(line_id)
        if discount_rp < 0 or discount_rp > line.gross_rp:
            raise ValidationError("discount_invalid", name=line.item.name)
        line.discount_rp = discount_rp
        return line

    def apply_total_discount(self, discount_rp: int) -> None:
        """Spread a discount on the whole cart over its lines, in proportion, to the rupiah.

        Kept per line so that a later return refunds exactly what was paid for the returned goods.
        """
        gross = [line.gross_rp - line.discount_rp for line in self.lines]
        base = sum(gross)
        if discount_rp < 0 or discount_rp > base:
            raise ValidationError("discount_invalid", name="total")
        shares = [discount_rp * g // base if base else 0 for g in gross]
        remainders = sorted(
            range(len(gross)), key=lambda i: discount_rp * gross[i] % base if base else 0, reverse=True
        )
        for i in remainders[: discount_rp - sum(shares)]:
            shares[i] += 1
        for line, share in zip(self.lines, shares, strict=True):
            line.discount_rp += share

    def list_total_rp(self, line: CartLine) -> int:
        """The line at the catalog price in force for this customer (the member price for an active
        member, a scale label's value), before any discount or manual price."""
        if line.fixed_total_rp is not None:
            return line.fixed_total_rp
        return line_total_rp(price_for(line.item, self.member_active).unit_price_rp, line.qty_milli)

    def line_markdown(self, line_id: int) -> Markdown:
        """All that was taken off one line, in however many steps: its discount, its shares of cart
        discounts, and a manual price below the list price."""
        line = self.line(line_id)
        listed = self.list_total_rp(line)
        return Markdown(listed, max(0, listed - line.total_rp))

    def markdown(self) -> Markdown:
        """All that was taken off the cart. A line priced above its list price offsets nothing."""
        marks = [self.line_markdown(line.line_id) for line in self.lines]
        return Markdown(sum(m.list_rp for m in marks), sum(m.markdown_rp for m in marks))

    def copy(self) -> Cart:
        """A trial copy: changing its lines leaves this cart as it is."""
        return Cart([replace(line) for line in self.lines], self.member, self._next_id)

    def reprice(self) -> None:
        for line in self.lines:
            if line.price_type is PriceType.MANUAL:
                continue
            price = price_for(line.item, self.member_active)
            check_ceiling(line.item, price.unit_price_rp)
            line.unit_price_rp = price.unit_price_rp
            line.price_type = price.price_type

    def totals(self) -> CartTotals:
        subtotal = sum(line.gross_rp for line in self.lines)
        discount = sum(line.discount_rp for line in self.lines)
        member_savings = sum(line.member_saving_rp for line in self.lines)
        potential = 0 if self.member_active else sum(line.potential_member_saving_rp for line in self.lines)
        return CartTotals(
            subtotal_rp=subtotal,
            discount_rp=discount,
            total_rp=subtotal - discount,
            member_savings_rp=member_savings,
            potential_member_savings_rp=potential,
            line_count=len(self.lines),
        )

    def to_dict(self) -> dict[str, object]:
        """What a held cart keeps: references and choices, not prices (they are looked up again)."""
        return {
            "member_id": self.member.id if self.member else None,
            "lines": [
                {
                    "product_id": line.item.product_id,
                    "unit_id": line.item.unit_id,
                    "name": line.item.name,
                    "qty_milli": line.qty_milli,
                    "manual_price_rp": line.unit_price_rp if line.price_type is PriceType.MANUAL else None,
                    "discount_rp": line.discount_rp,
                    "fixed_total_rp": line.fixed_total_rp,
                    "prescription_ref": line.prescription_ref,
                }
                for line in self.lines
            ],
        }

    def require_lines(self) -> None:
        if not self.lines:
            raise ValidationError("cart_empty")
