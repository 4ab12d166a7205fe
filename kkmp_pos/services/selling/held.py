"""Parked carts: hold the cart being rung up, serve the next one, recall it later (after restarts too)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.drugs import check_drug_store
from kkmp_pos.core.errors import KkmpError, NotFoundError
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import format_rp
from kkmp_pos.db.models import HeldCartModel, ProductModel
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.members.lookup import MemberService
from kkmp_pos.services.selling.catalog import CatalogService
from kkmp_pos.services.setup.auth import require


@dataclass
class Recalled:
    cart: Cart
    # Lines that could not come back (a product deactivated meanwhile, a price now above its ceiling),
    # each with the reason: shown to the cashier, never silently dropped.
    problems: list[tuple[str, KkmpError]] = field(default_factory=list)


@dataclass(frozen=True)
class HeldSummary:
    id: str
    label: str
    cashier_name: str
    created_at: str
    line_count: int
    total_rp: int


class HeldCartService:
    def __init__(self, ctx: ServiceContext, catalog: CatalogService, members: MemberService) -> None:
        self.ctx = ctx
        self.catalog = catalog
        self.members = members

    def hold(self, cart: Cart, cashier: Actor, label: str = "") -> str:
        require(cashier, "hold")
        cart.require_lines()
        data = cart.to_dict()
        data["total_rp"] = cart.totals().total_rp
        held_id = uuid7()
        with self.ctx.db.atomic():
            count = HeldCartModel.select().count()
            HeldCartModel.create(
                id=held_id,
                label=label.strip() or f"Pelanggan {count + 1}",
                cashier=cashier.user_id,
                created_at=self.ctx.now_iso(),
                cart=json.dumps(data),
            )
        return held_id

    def list(self) -> list[HeldSummary]:
        rows = HeldCartModel.select().order_by(HeldCartModel.created_at)
        summaries = []
        for row in rows:
            data = json.loads(row.cart)
            summaries.append(
                HeldSummary(
                    row.id,
                    row.label,
                    row.cashier.name,
                    row.created_at,
                    len(data["lines"]),
                    data.get("total_rp", 0),
                )
            )
        return summaries

    def recall(self, held_id: str) -> Recalled:
        """Rebuild the cart with today's catalog; the held cart is removed only when this succeeds."""
        row = HeldCartModel.get_or_none(HeldCartModel.id == held_id)
        if row is None:
            raise NotFoundError("held_cart_not_found")
        data = json.loads(row.cart)
        cart = Cart()
        result = Recalled(cart)
        if data.get("member_id"):
            try:
                cart.set_member(self.members.get(data["member_id"]))
            except KkmpError as exc:
                result.problems.append(("anggota", exc))
        for saved in data["lines"]:
            try:
                product = ProductModel.get_or_none(ProductModel.id == saved["product_id"])
                if product is None or not product.active:
                    from kkmp_pos.core.errors import ValidationError

                    raise ValidationError("product_inactive", name=saved["name"])
                item = self.catalog.item(saved["product_id"], saved["unit_id"])
                check_drug_store(item.name, item.drug_class, is_apotek=self.ctx.store.is_apotek)
                line = cart.add(
                    item, saved["qty_milli"], merge=False, fixed_total_rp=saved.get("fixed_total_rp")
                )
                if saved.get("manual_price_rp") is not None:
                    cart.set_manual_price(line.line_id, saved["manual_price_rp"])
                if saved.get("discount_rp"):
                    cart.set_line_discount(line.line_id, min(saved["discount_rp"], line.gross_rp))
                line.prescription_ref = saved.get("prescription_ref", "")
            except KkmpError as exc:
                result.problems.append((saved["name"], exc))
        with self.ctx.db.atomic():
            HeldCartModel.delete().where(HeldCartModel.id == held_id).execute()
        return result

    def discard(self, held_id: str, actor: Actor) -> None:
        from kkmp_pos.services.audit import audit

        with self.ctx.db.atomic():
            row = HeldCartModel.get_or_none(HeldCartModel.id == held_id)
            if row is None:
                raise NotFoundError("held_cart_not_found")
            total = json.loads(row.cart).get("total_rp", 0)
            row.delete_instance()
            audit(self.ctx, "held_cart.discarded", actor, doc_id=held_id, total=format_rp(total))
