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


@dataclass
class CartLine:
    line_id: int
    item: PricedItem
    qty_milli: int
    unit_price_rp: int
    price_type: PriceType
    discount_rp: int = 0

    @property
    def gross_rp(self) -> int:
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


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    member: MemberRef | None = None
    _next_id: int = 1

    @property
    def member_active(self) -> bool:
        return self.member is not None and self.member.active

    def add(self, item: PricedItem, qty_milli: int = MILLI, *, merge: bool = True) -> CartLine:
        """Add an item; scanning the same piece item again adds to its line."""
        check_quantity(item, qty_milli)
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

    def reprice(self) -> None:
        for line in self.lines:
            if line.price_type is PriceType.MANUAL:
                continue
            price = price_for(line.item, self.member_active)
            check_ceiling(line.item, price.unit_price_rp)
            line.unit_price_rp = price.unit_price_rp
            line.price_type = price.price_type

    def replace_item(self, line_id: int, item: PricedItem) -> None:
        """Swap in fresh catalog data for a line (a recalled held cart)."""
        line = self.line(line_id)
        line.item = replace(item)
        self.reprice()

    def totals(self) -> CartTotals:
        subtotal = sum(line.gross_rp for line in self.lines)
        discount = sum(line.discount_rp for line in self.lines)
        member_savings = sum(line.member_saving_rp for line in self.lines)
        potential = (
            0 if self.member_active else sum(line.potential_member_saving_rp for line in self.lines)
        )
        return CartTotals(
            subtotal_rp=subtotal,
            discount_rp=discount,
            total_rp=subtotal - discount,
            member_savings_rp=member_savings,
            potential_member_savings_rp=potential,
            line_count=len(self.lines),
        )

    def require_lines(self) -> None:
        if not self.lines:
            raise ValidationError("cart_empty")
