"""Regulated goods at checkout: the buyer's NIK for LPG 3 kg, and purchase caps kept as data.

`check` tells the GUI before payment what the cart needs (a NIK) and which caps it would break;
`enforce` runs inside the sale's transaction and refuses what `check` showed as blocked unless a manager
approved; `record` writes the warnings that were passed and the blocks that were overridden to the audit
log. What a buyer bought before is counted from the sale lines of their completed and awaiting sales in
the period, net of returns (cancelled sales do not count), found by NIK or member.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from typing import Any

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.limits import (
    LimitRule,
    Purchase,
    Violation,
    check_rule,
    evaluate,
    measured,
    window,
)
from kkmp_pos.core.nik import validate_nik
from kkmp_pos.core.personal import last4, mask
from kkmp_pos.db.models import MemberModel, ProductModel, PurchaseLimitModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.privacy.keys import number_hash
from kkmp_pos.services.setup.auth import require

log = logging.getLogger(__name__)

OVERRIDE_PERMISSION = "override_limit"
EDIT_PERMISSION = "settings"

# DOMAIN.md "Regulated goods". The same ids and figures as schema step 6 inserts for existing tills.
DEFAULT_RULES = [
    LimitRule(
        id="0190a6c0-0000-7000-8000-000000000001",
        name="Beras SPHP",
        product_codes={"SPHP5": 1000},
        max_milli=2000,
        unit_label="pak",
        period="transaction",
        per="buyer",
        mode="block",
        note="Bulog: paling banyak 2 pak (10 kg) per pembeli",
    ),
    LimitRule(
        id="0190a6c0-0000-7000-8000-000000000002",
        name="MinyaKita",
        product_codes={"MK1": 1000, "MK2": 2000, "MK05": 500},
        max_milli=2000,
        unit_label="L",
        period="day",
        per="buyer",
        mode="block",
        note="Surat edaran 2023: paling banyak 2 L per orang per hari",
    ),
    LimitRule(
        id="0190a6c0-0000-7000-8000-000000000003",
        name="LPG 3 kg",
        product_codes={"LPG3": 1000, "LPGT": 1000},
        max_milli=1000,
        unit_label="tabung",
        period="day",
        per="nik",
        mode="warn",
        note="Belum ada batas nasional: peringatan saja",
    ),
]


@dataclass(frozen=True)
class LimitCheck:
    """What a cart needs before it may be paid, and the caps it would break."""

    nik_products: tuple[str, ...]  # names of lines that need the buyer's NIK (LPG 3 kg)
    buyer_nik: str | None  # the NIK that will be recorded: the member's, or the one typed
    nik_from_member: bool
    violations: tuple[Violation, ...]
    # the buyer as kept for good: keyed hash + last 4 (a member known from the feed has no full NIK here)
    buyer_nik_hmac: str | None = None
    buyer_nik_last4: str = ""

    @property
    def buyer(self) -> tuple[str | None, str | None, str]:
        """(full NIK, keyed hash, last 4) as the sale records them (docs/PRIVACY.md)."""
        return self.buyer_nik, self.buyer_nik_hmac, self.buyer_nik_last4

    @property
    def nik_required(self) -> bool:
        return bool(self.nik_products)

    @property
    def nik_missing(self) -> bool:
        return self.nik_required and not (self.buyer_nik or self.buyer_nik_hmac)

    @property
    def blocks(self) -> list[Violation]:
        return [v for v in self.violations if v.blocks]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if not v.blocks]


def rule_of(row: PurchaseLimitModel) -> LimitRule:
    return LimitRule(
        id=row.id,
        name=row.name,
        product_codes={str(k): int(v) for k, v in json.loads(row.product_codes or "{}").items()},
        category=row.category or None,
        max_milli=row.max_milli,
        unit_label=row.unit_label,
        period=row.period,
        per=row.per,
        mode=row.mode,
        effective_from=row.effective_from,
        active=bool(row.active),
        note=row.note,
    )


class LimitService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- the rules (data) -------------------------------------------------------------------------
    def rules(self, *, include_inactive: bool = False) -> list[LimitRule]:
        query = PurchaseLimitModel.select().order_by(PurchaseLimitModel.name, PurchaseLimitModel.id)
        if not include_inactive:
            query = query.where(PurchaseLimitModel.active == True)  # noqa: E712
        return [rule_of(row) for row in query]

    def save(self, rule: LimitRule, actor: Actor | None) -> LimitRule:
        """Add (empty id) or change a rule; a manager's act, audited with the rule as it now is."""
        require(actor, EDIT_PERMISSION)
        check_rule(rule)
        if not rule.id:
            rule = replace(rule, id=uuid7())
        fields: dict[str, Any] = {
            "name": rule.name.strip(),
            "product_codes": json.dumps(dict(rule.product_codes)),
            "category": (rule.category or "").strip() or None,
            "max_milli": rule.max_milli,
            "unit_label": rule.unit_label.strip(),
            "period": rule.period,
            "per": rule.per,
            "mode": rule.mode,
            "effective_from": rule.effective_from,
            "active": rule.active,
            "note": rule.note,
            "updated_at": self.ctx.now_iso(),
        }
        with self.ctx.db.atomic():
            if PurchaseLimitModel.get_or_none(PurchaseLimitModel.id == rule.id) is None:
                PurchaseLimitModel.create(id=rule.id, **fields)
            else:
                PurchaseLimitModel.update(**fields).where(PurchaseLimitModel.id == rule.id).execute()
            audit(self.ctx, "purchase_limit.saved", actor, doc_id=rule.id, **fields)
        return rule

    def deactivate(self, rule_id: str, actor: Actor | None) -> None:
        require(actor, EDIT_PERMISSION)
        row = PurchaseLimitModel.get_or_none(PurchaseLimitModel.id == rule_id)
        if row is None:
            raise NotFoundError("limit_rule_not_found")
        with self.ctx.db.atomic():
            PurchaseLimitModel.update(active=False, updated_at=self.ctx.now_iso()).where(
                PurchaseLimitModel.id == rule_id
            ).execute()
            audit(self.ctx, "purchase_limit.deactivated", actor, doc_id=rule_id, name=row.name)

    def install_defaults(self) -> int:
        """The DOMAIN.md caps for the regulated products this shop has (the demo shop calls it)."""
        codes = {p.code for p in ProductModel.select(ProductModel.code)}
        added = 0
        with self.ctx.db.atomic():
            for rule in DEFAULT_RULES:
                if not codes & set(rule.product_codes):
                    continue
                if PurchaseLimitModel.get_or_none(PurchaseLimitModel.id == rule.id) is not None:
                    continue
                PurchaseLimitModel.create(
                    id=rule.id,
                    name=rule.name,
                    product_codes=json.dumps(dict(rule.product_codes)),
                    category=rule.category,
                    max_milli=rule.max_milli,
                    unit_label=rule.unit_label,
                    period=rule.period,
                    per=rule.per,
                    mode=rule.mode,
                    effective_from=rule.effective_from,
                    active=rule.active,
                    note=rule.note,
                    updated_at=self.ctx.now_iso(),
                )
                added += 1
        return added

    # -- checking a cart ----------------------------------------------------------------------------
    def check(self, cart: Cart, buyer_nik: str | None = None) -> LimitCheck:
        """What the cart needs and breaks. A typed NIK is validated (ValidationError('nik_invalid'))."""
        nik_products = tuple(dict.fromkeys(line.item.name for line in cart.lines if line.item.requires_nik))
        nik, digest, tail, from_member = self._buyer_nik(cart, buyer_nik)
        rules = self.rules()
        violations: tuple[Violation, ...] = ()
        if rules and cart.lines:
            bdate = self.ctx.business_date()
            purchases = self._purchases(cart)
            member_id = cart.member.id if cart.member else None
            prior = self.prior_milli(rules, digest, member_id, bdate)
            violations = tuple(evaluate(rules, purchases, prior, bdate))
        return LimitCheck(nik_products, nik, from_member, violations, digest, tail)

    def enforce(
        self, cart: Cart, buyer_nik: str | None, cashier: Actor, approver: Actor | None = None
    ) -> LimitCheck:
        """Refuse the sale unless every rule is met, or a manager approved the blocked caps.

        Called inside the sale's transaction, so two tills cannot both sell the last allowed unit.
        """
        result = self.check(cart, buyer_nik)
        if result.nik_missing:
            raise ValidationError("buyer_nik_required", product=", ".join(result.nik_products))
        blocks = result.blocks
        if blocks:
            if approver is None:
                raise blocks[0].error()
            require(approver, OVERRIDE_PERMISSION)
        return result

    def record(self, sale_id: str, result: LimitCheck, cashier: Actor, approver: Actor | None = None) -> None:
        """Audit the warnings the cashier went past and the blocks a manager overrode (in the sale's
        transaction)."""
        for v in result.violations:
            detail = {k: v2 for k, v2 in v.params().items() if k != "period_en"}
            if result.buyer_nik or result.buyer_nik_last4:
                detail["nik"] = mask(result.buyer_nik, result.buyer_nik_last4)
            if v.blocks:
                audit(
                    self.ctx,
                    "purchase_limit.override",
                    cashier,
                    doc_id=sale_id,
                    approved_by=approver,
                    **detail,
                )
            else:
                audit(self.ctx, "purchase_limit.warning", cashier, doc_id=sale_id, **detail)

    # -- the parts ------------------------------------------------------------------------------------
    def _buyer_nik(self, cart: Cart, typed: str | None) -> tuple[str | None, str | None, str, bool]:
        """(full NIK or None, keyed hash, last 4, from the member): the attached member's NIK wins
        (in full for the till's own members, else as the feed gave it); otherwise the typed one."""
        if cart.member is not None:
            member = MemberModel.get_or_none(MemberModel.id == cart.member.id)
            if member is not None and member.nik:
                return member.nik, number_hash(self.ctx, member.nik), last4(member.nik), True
            if member is not None and member.nik_hmac:
                # known by hash only (registered at another till): a typed NIK that matches is recorded
                typed_nik = validate_nik(typed) if typed and typed.strip() else None
                if typed_nik and number_hash(self.ctx, typed_nik) == member.nik_hmac:
                    return typed_nik, member.nik_hmac, last4(typed_nik), True
                return None, member.nik_hmac, member.nik_last4, True
        if typed and typed.strip():
            nik = validate_nik(typed)
            return nik, number_hash(self.ctx, nik), last4(nik), False
        return None, None, "", False

    def _purchases(self, cart: Cart) -> list[Purchase]:
        ids = sorted({line.item.product_id for line in cart.lines})
        marks = ", ".join("?" for _ in ids)
        categories: dict[int, str] = dict(
            self.ctx.db.execute_sql(  # SQL text: this runs in every sale's transaction
                f'SELECT p."id", c."name" FROM "product" p JOIN "category" c ON c."id" = p."category_id" '
                f'WHERE p."id" IN ({marks})',
                ids,
            ).fetchall()
        )
        return [
            Purchase(
                line.item.code, categories.get(line.item.product_id), line.item.name, line.base_qty_milli
            )
            for line in cart.lines
        ]

    def prior_milli(
        self, rules: list[LimitRule], nik: str | None, member_id: str | None, business_date: str
    ) -> dict[str, int]:
        """What this person bought before, per rule (in the rule's unit), over each rule's period.

        The person is found by the keyed hash of the NIK (`nik`: recorded on the sale, or the NIK of
        the member on it), so caps work offline without full NIKs, and by the member card on the
        cart. Returns are netted; cancelled sales are not counted.
        """
        windows = {r.id: window(r.period, business_date) for r in rules}
        starts = [w[0] for w in windows.values() if w is not None]
        if not starts or not (nik or member_id):
            return {}
        member_ids = {member_id} if member_id else set()
        if nik:
            member_ids |= {
                m.id for m in MemberModel.select(MemberModel.id).where(MemberModel.nik_hmac == nik)
            }
        rows = self._sold_lines(nik, sorted(member_ids), min(starts), business_date)
        prior: dict[str, int] = {}
        for rule in rules:
            span = windows[rule.id]
            if span is None:
                continue
            bought = [
                Purchase(code, category, name, qty)
                for bdate, code, category, name, qty in rows
                if span[0] <= bdate <= span[1]
            ]
            prior[rule.id] = measured(rule, bought)[0]
        return prior

    def _sold_lines(
        self, nik: str | None, member_ids: list[str], start: str, end: str
    ) -> list[tuple[str, str, str | None, str, int]]:
        """(business_date, code, category, name, net base qty) of the person's sale lines in the window.

        One indexed range per key: sale(buyer_nik_hmac, business_date) and sale(member_id); UNION keeps a
        sale found by both keys once (the line id is in the row).
        """
        select = (
            "SELECT sl.id, s.business_date, p.code, c.name, sl.name, sl.base_qty_milli - COALESCE("
            "(SELECT SUM(rl.base_qty_milli) FROM sale_return_line rl WHERE rl.sale_line_id = sl.id), 0) "
            "FROM sale s JOIN sale_line sl ON sl.sale_id = s.id JOIN product p ON p.id = sl.product_id "
            "LEFT JOIN category c ON c.id = p.category_id "
            "WHERE s.status IN ('completed', 'awaiting_payment') AND s.business_date BETWEEN ? AND ? AND "
        )
        parts: list[str] = []
        params: list[object] = []
        if nik:
            parts.append(select + "s.buyer_nik_hmac = ?")
            params += [start, end, nik]
        for member_id in member_ids:
            parts.append(select + "s.member_id = ?")
            params += [start, end, member_id]
        cursor = self.ctx.db.execute_sql(" UNION ".join(parts), params)
        return [(bdate, code, cat, name, qty) for _id, bdate, code, cat, name, qty in cursor]
