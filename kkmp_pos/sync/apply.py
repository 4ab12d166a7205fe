"""Apply pulled feed changes to the till database: the server's catalog, prices, ceilings and members
win; other terminals' stock movements join the local ledger. The caller wraps a page and its cursor in
one transaction, so a page is applied exactly once even if the till dies half-way."""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import peewee

from kkmp_pos.core.text import alias_list, fold, index_words
from kkmp_pos.db.database import database
from kkmp_pos.db.ledger import record_movements
from kkmp_pos.db.models import (
    BarcodeModel,
    CategoryModel,
    MemberModel,
    ProductModel,
    ProductWordModel,
    PullProblemModel,
    SettingModel,
    StockMovementModel,
    TerminalModel,
)
from kkmp_pos.sync import apply_bulk
from kkmp_pos.sync.apply_qris import record_qris_payments
from kkmp_pos.sync.feed_check import change_problem

log = logging.getLogger(__name__)


CEILINGS_KEY = "sync.ceilings"  # ceilings by product code, kept for products that arrive later
KEEP_PROBLEMS = 1000  # the newest pulled changes set aside; older ones are forgotten
# What a change's own data can raise while it is applied. Anything else (a full disk, an I/O error)
# is about the till, not the change, and must stop the page so that nothing is skipped for it.
DATA_ERRORS = (
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    OverflowError,
    sqlite3.IntegrityError,
    sqlite3.InterfaceError,
    peewee.IntegrityError,
    peewee.InterfaceError,
)


@dataclass(frozen=True)
class PullProblem:
    """A pulled change this till could not apply, and why (English, naming the field)."""

    entity: str
    key: str
    reason: str
    data: str  # the change as pulled, JSON


def pull_problem(change: Any, reason: str) -> PullProblem:
    raw = change if isinstance(change, dict) else {"change": change}
    try:
        data = json.dumps(raw, ensure_ascii=True, default=repr)
    except (TypeError, ValueError):
        data = repr(raw)
    return PullProblem(
        str(raw.get("entity", "?"))[:64], str(raw.get("key", ""))[:128], reason[:2000], data[:4000]
    )


@dataclass
class ApplyStats:
    products: int = 0
    prices: int = 0
    ceilings: int = 0
    members: int = 0
    movements: int = 0
    qris_payments: int = 0  # the acquirer's payment notifications kept (services confirm the sales)
    skipped: list[str] = field(default_factory=list)
    problems: list[PullProblem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return (
            self.products + self.prices + self.ceilings + self.members + self.movements + self.qris_payments
        )


def _ceilings() -> dict[str, int]:
    row = SettingModel.get_or_none(SettingModel.key == CEILINGS_KEY)
    return json.loads(row.value) if row else {}


def apply_changes(changes: list[dict[str, Any]], now_iso: str) -> ApplyStats:
    """Apply changes in feed order. Must run inside a transaction (with the cursor update).

    A change that cannot be applied (feed_check, or an error its data causes) is set aside in
    `stats.problems` and the rest of the page applies. The page goes in bulk (a few statements per
    entity, see apply_bulk); a page with a clash the bulk path does not resolve, or a change it
    cannot write, is undone (savepoint) and applied change by change instead, each change in its
    own savepoint."""
    good: list[dict[str, Any]] = []
    problems: list[PullProblem] = []
    for change in changes:
        reason = change_problem(change)
        if reason is None:
            good.append(change)
        else:
            problems.append(pull_problem(change, reason))
    try:
        with database.atomic():
            stats = _apply_bulk(good, now_iso)
    except apply_bulk.NeedRows as exc:
        log.info("sync: page applied change by change (%s)", exc)
        stats = apply_changes_by_row(good, now_iso)
    except DATA_ERRORS as exc:
        log.warning("sync: page applied change by change after %s: %s", type(exc).__name__, exc)
        stats = apply_changes_by_row(good, now_iso)
    stats.problems[:0] = problems
    for problem in problems:
        log.warning("sync: pulled %s %s set aside: %s", problem.entity, problem.key, problem.reason)
    return stats


def record_problems(problems: list[PullProblem], now_iso: str) -> None:
    """Keep the pulled changes set aside, with the page and its cursor (same transaction)."""
    if not problems:
        return
    PullProblemModel.insert_many(
        [
            {"seen_at": now_iso, "entity": p.entity, "entity_key": p.key, "reason": p.reason, "data": p.data}
            for p in problems
        ]
    ).execute()
    newest = PullProblemModel.select(PullProblemModel.id).order_by(PullProblemModel.id.desc())
    PullProblemModel.delete().where(PullProblemModel.id.not_in(newest.limit(KEEP_PROBLEMS))).execute()


def recorded_problems(limit: int = 200) -> list[PullProblemModel]:
    """The pulled changes set aside, newest first, for the 'sync problems' view."""
    return list(PullProblemModel.select().order_by(PullProblemModel.id.desc()).limit(limit))


def snapshot_product_ids(changes: list[Any]) -> set[str]:
    """The products a snapshot lists, including those set aside: a product the server still has is
    never deactivated here because its row could not be applied."""
    return {
        str(c["data"]["product_id"])
        for c in changes
        if isinstance(c, dict)
        and c.get("entity") == "product"
        and isinstance(c.get("data"), dict)
        and isinstance(c["data"].get("product_id"), str | int)
    }


def _apply_bulk(changes: list[dict[str, Any]], now_iso: str) -> ApplyStats:
    stats = ApplyStats()
    ceilings = _ceilings()
    by_entity: dict[str, list[dict[str, Any]]] = {}
    ceiling_items: list[tuple[str, int]] = []
    for change in changes:
        entity = str(change.get("entity"))
        if change.get("op") == "delete":
            stats.skipped.append(f"{entity}:{change.get('key')}: delete not supported")
        elif entity == "ceiling":
            data = change.get("data") or {}
            ceiling_items.append((str(data["product_code"]), int(data["ceiling_rp"])))
        elif entity in ("product", "price", "member", "stock_movement", "qris_payment"):
            by_entity.setdefault(entity, []).append(change.get("data") or {})
        else:
            stats.skipped.append(f"unknown entity {entity}")
    for code, rp in ceiling_items:
        ceilings[code] = rp
    # products first: prices and movements of this page may name products new in this page
    if by_entity.get("product"):
        apply_bulk.upsert_products(by_entity["product"], now_iso, ceilings, fold, index_words)
        stats.products = len(by_entity["product"])
    if by_entity.get("price"):
        stats.prices, unknown = apply_bulk.set_prices(by_entity["price"])
        stats.skipped += [f"price for unknown product {uid}" for uid in unknown]
    if ceiling_items:
        apply_bulk.set_ceilings(ceiling_items)
        SettingModel.insert(key=CEILINGS_KEY, value=json.dumps(ceilings)).on_conflict_replace().execute()
        stats.ceilings = len(ceiling_items)
    if by_entity.get("member"):
        apply_bulk.upsert_members(by_entity["member"], now_iso, fold)
        stats.members = len(by_entity["member"])
    if by_entity.get("stock_movement"):
        notes = apply_bulk.add_movements(by_entity["stock_movement"], now_iso)
        stats.movements = len(by_entity["stock_movement"]) - len(notes)
        stats.skipped += notes
    if by_entity.get("qris_payment"):
        stats.qris_payments = record_qris_payments(by_entity["qris_payment"], now_iso)
    for note in stats.skipped:
        log.warning("sync: %s", note)
    return stats


def apply_changes_by_row(changes: list[dict[str, Any]], now_iso: str) -> ApplyStats:
    """The change-by-change path (slow; used when a page needs it). Inside a transaction.

    Each change runs in its own savepoint: one whose data the database refuses is undone alone and
    set aside in `stats.problems`."""
    stats = ApplyStats()
    ceilings = _ceilings()
    ceilings_changed = False
    for change in changes:
        entity = change.get("entity")
        data = change.get("data") or {}
        if change.get("op") == "delete":
            stats.skipped.append(f"{entity}:{change.get('key')}: delete not supported")
            continue
        try:
            with database.atomic():
                if _apply_one(entity, data, now_iso, ceilings, stats):
                    ceilings_changed = True
        except DATA_ERRORS as exc:
            stats.problems.append(pull_problem(change, f"{type(exc).__name__}: {exc}"))
    if ceilings_changed:
        SettingModel.insert(key=CEILINGS_KEY, value=json.dumps(ceilings)).on_conflict_replace().execute()
    for note in stats.skipped:
        log.warning("sync: %s", note)
    return stats


def _apply_one(
    entity: Any, data: dict[str, Any], now_iso: str, ceilings: dict[str, int], stats: ApplyStats
) -> bool:
    """Apply one change; True when it was a ceiling (the caller saves the ceilings once)."""
    if entity == "product":
        _product(data, now_iso, ceilings)
        stats.products += 1
    elif entity == "price":
        if _price(data):
            stats.prices += 1
        else:
            stats.skipped.append(f"price for unknown product {data.get('product_id')}")
    elif entity == "ceiling":
        code, ceiling_rp = str(data["product_code"]), int(data["ceiling_rp"])
        ProductModel.update(ceiling_rp=ceiling_rp).where(ProductModel.code == code).execute()
        ceilings[code] = ceiling_rp
        stats.ceilings += 1
        return True
    elif entity == "member":
        if _member(data, now_iso):
            stats.members += 1
        else:
            stats.skipped.append(f"member {data.get('member_no')} clashes with a local one")
    elif entity == "stock_movement":
        if _movement(data, now_iso):
            stats.movements += 1
        else:
            stats.skipped.append(f"movement of unknown product {data.get('product_code')}")
    elif entity == "qris_payment":
        stats.qris_payments += record_qris_payments([data], now_iso)
    else:
        stats.skipped.append(f"unknown entity {entity}")
    return False


def _product(data: dict[str, Any], now_iso: str, ceilings: dict[str, int]) -> None:
    uid = str(data["product_id"])
    code = str(data["code"])
    existing = ProductModel.get_or_none(ProductModel.uid == uid)
    if existing is None:
        # made at this till before enrolment, or imported on both sides: the server's identity wins
        existing = ProductModel.get_or_none(ProductModel.code == code)
    category = None
    if data.get("category"):
        category, _ = CategoryModel.get_or_create(name=str(data["category"]))
    fields: dict[str, Any] = {
        "uid": uid,
        "code": code,
        "name": str(data["name"]),
        "search_text": fold(str(data["name"])),
        "base_unit": str(data.get("unit") or data.get("base_unit") or "pcs"),
        "category": category,
        "active": bool(data.get("active", True)),
        "updated_at": now_iso,
    }
    for name in ("is_weighed", "requires_nik", "track_batches", "ppn_exempt"):
        if name in data:
            fields[name] = bool(data[name])
    for name in ("business_unit", "drug_class", "aliases"):
        if name in data:
            fields[name] = data[name]
    if code in ceilings:
        fields["ceiling_rp"] = ceilings[code]
    if existing is None:
        fields.setdefault("ppn_exempt", apply_bulk.default_exempt(data))
        product_id = ProductModel.insert(regular_price_rp=0, **fields).execute()
    else:
        product_id = existing.id
        # another local product holding the code would break the unique key: free it first
        ProductModel.update(code=ProductModel.code.concat("~" + uid[:8])).where(
            (ProductModel.code == code) & (ProductModel.id != product_id)
        ).execute()
        ProductModel.update(**fields).where(ProductModel.id == product_id).execute()
    barcodes = data.get("barcodes") or ([data["barcode"]] if data.get("barcode") else [])
    for barcode in barcodes:
        BarcodeModel.insert(code=str(barcode), product=product_id, unit=None).on_conflict_replace().execute()
    if "units" in data:
        apply_bulk.sync_units(product_id, data["units"])
    ProductWordModel.delete().where(ProductWordModel.product == product_id).execute()
    words = [
        {"word": w, "product": product_id}
        for w in index_words(fields["name"], code, *alias_list(_aliases(data, existing)))
    ]
    if words:
        ProductWordModel.insert_many(words).on_conflict_ignore().execute()


def _aliases(data: dict[str, Any], existing: ProductModel | None) -> str:
    """The aliases the feed sends, or the product's own when the server's row has none yet."""
    if "aliases" in data:
        return str(data["aliases"] or "")
    return existing.aliases if existing is not None else ""


def _price(data: dict[str, Any]) -> bool:
    column = {"regular": "regular_price_rp", "member": "member_price_rp"}.get(data.get("price_type"))
    if column is None:
        return True  # a price type this till does not use (wholesale) is not an error
    changed = (
        ProductModel.update({column: int(data["price_rp"])})
        .where(ProductModel.uid == str(data["product_id"]))
        .execute()
    )
    return changed > 0


def _member(data: dict[str, Any], now_iso: str) -> bool:
    member_id = str(data["member_id"])
    hashes = dict(
        zip(
            ("nik_hmac", "nik_last4", "kk", "kk_hmac", "kk_last4", "erased_at"),
            apply_bulk._numbers(data, now_iso),
            strict=True,
        )
    )
    fields = {
        "number": str(data["member_no"]),
        "name": str(data["name"]),
        "phone": str(data.get("phone") or ""),
        "address": str(data.get("address") or ""),
        "status": "active" if data.get("active", True) else "inactive",
        "search_text": fold(str(data["name"])),
        **hashes,
    }
    try:
        with MemberModel._meta.database.atomic():  # savepoint: a clash skips only this member
            known = MemberModel.get_or_none(MemberModel.id == member_id)
            # the feed has hash + last 4: a full number this till registered stays while it matches
            for name in ("nik", "kk"):
                mine = getattr(known, name) if known is not None else None
                same = bool(mine) and hashes[f"{name}_last4"] != "" and mine[-4:] == hashes[f"{name}_last4"]
                fields[name] = data.get(name) or (mine if same else None)
            if known is not None and known.status == "pending" and fields["status"] == "inactive":
                fields["status"] = "pending"  # the server's flag says only active or not; pokok is due
            if known is None:
                MemberModel.insert(
                    id=member_id,
                    card_code=str(data.get("card_code") or fields["number"]),
                    joined_on=str(data.get("joined_on") or now_iso[:10]),
                    created_at=now_iso,
                    **fields,
                ).execute()
            else:
                MemberModel.update(**fields).where(MemberModel.id == member_id).execute()
    except peewee.IntegrityError:
        return False
    return True


def _movement(data: dict[str, Any], now_iso: str) -> bool:
    product = None
    if data.get("product_uid"):
        product = ProductModel.get_or_none(ProductModel.uid == str(data["product_uid"]))
    if product is None and data.get("product_code"):
        product = ProductModel.get_or_none(ProductModel.code == str(data["product_code"]))
    if product is None:
        return False
    if StockMovementModel.get_or_none(StockMovementModel.id == str(data["movement_id"])):
        return True  # already in the ledger
    record_movements([apply_bulk.remote_movement(data, product.id, now_iso)])
    return True


def deactivate_missing(uids: set[str]) -> int:
    """After a snapshot: products the server no longer has stop selling (kept for history)."""
    return (
        ProductModel.update(active=False)
        .where(ProductModel.uid.not_in(list(uids)) & (ProductModel.active == True))  # noqa: E712
        .execute()
        if uids
        else 0
    )


def save_cursor(cursor: str) -> None:
    TerminalModel.update(pull_cursor=cursor).execute()
