"""Apply pulled feed changes to the till database: the server's catalog, prices, ceilings and members
win; other terminals' stock movements join the local ledger. The caller wraps a page and its cursor in
one transaction, so a page is applied exactly once even if the till dies half-way."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

import peewee

from kkmp_pos.core.text import fold, words_of
from kkmp_pos.db.database import database
from kkmp_pos.db.ledger import record_movements
from kkmp_pos.db.models import (
    BarcodeModel,
    CategoryModel,
    MemberModel,
    ProductModel,
    ProductWordModel,
    SettingModel,
    StockMovementModel,
    TerminalModel,
)
from kkmp_pos.sync import apply_bulk

log = logging.getLogger(__name__)


CEILINGS_KEY = "sync.ceilings"  # ceilings by product code, kept for products that arrive later


@dataclass
class ApplyStats:
    products: int = 0
    prices: int = 0
    ceilings: int = 0
    members: int = 0
    movements: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.products + self.prices + self.ceilings + self.members + self.movements


def _ceilings() -> dict[str, int]:
    row = SettingModel.get_or_none(SettingModel.key == CEILINGS_KEY)
    return json.loads(row.value) if row else {}


def apply_changes(changes: list[dict[str, Any]], now_iso: str) -> ApplyStats:
    """Apply changes in feed order. Must run inside a transaction (with the cursor update).

    The page goes in bulk (a few statements per entity, see apply_bulk); a page with a clash the
    bulk path does not resolve is undone (savepoint) and applied change by change instead."""
    try:
        with database.atomic():
            return _apply_bulk(changes, now_iso)
    except apply_bulk.NeedRows as exc:
        log.info("sync: page applied change by change (%s)", exc)
    return apply_changes_by_row(changes, now_iso)


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
        elif entity in ("product", "price", "member", "stock_movement"):
            by_entity.setdefault(entity, []).append(change.get("data") or {})
        else:
            stats.skipped.append(f"unknown entity {entity}")
    for code, rp in ceiling_items:
        ceilings[code] = rp
    # products first: prices and movements of this page may name products new in this page
    if by_entity.get("product"):
        apply_bulk.upsert_products(by_entity["product"], now_iso, ceilings, fold, words_of)
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
    for note in stats.skipped:
        log.warning("sync: %s", note)
    return stats


def apply_changes_by_row(changes: list[dict[str, Any]], now_iso: str) -> ApplyStats:
    """The change-by-change path (slow; used when a page needs it). Inside a transaction."""
    stats = ApplyStats()
    ceilings = _ceilings()
    ceilings_changed = False
    for change in changes:
        entity = change.get("entity")
        data = change.get("data") or {}
        if change.get("op") == "delete":
            stats.skipped.append(f"{entity}:{change.get('key')}: delete not supported")
            continue
        if entity == "product":
            _product(data, now_iso, ceilings)
            stats.products += 1
        elif entity == "price":
            if _price(data):
                stats.prices += 1
            else:
                stats.skipped.append(f"price for unknown product {data.get('product_id')}")
        elif entity == "ceiling":
            ceilings[str(data["product_code"])] = int(data["ceiling_rp"])
            ceilings_changed = True
            ProductModel.update(ceiling_rp=int(data["ceiling_rp"])).where(
                ProductModel.code == str(data["product_code"])
            ).execute()
            stats.ceilings += 1
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
        else:
            stats.skipped.append(f"unknown entity {entity}")
    if ceilings_changed:
        SettingModel.insert(key=CEILINGS_KEY, value=json.dumps(ceilings)).on_conflict_replace().execute()
    for note in stats.skipped:
        log.warning("sync: %s", note)
    return stats


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
    for name in ("business_unit", "drug_class"):
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
    words = [{"word": w, "product": product_id} for w in words_of(fields["name"], code)]
    if words:
        ProductWordModel.insert_many(words).on_conflict_ignore().execute()


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
    fields = {
        "number": str(data["member_no"]),
        "name": str(data["name"]),
        "nik": data.get("nik") or None,
        "phone": str(data.get("phone") or ""),
        "address": str(data.get("address") or ""),
        "status": "active" if data.get("active", True) else "inactive",
        "search_text": fold(str(data["name"])),
    }
    try:
        with MemberModel._meta.database.atomic():  # savepoint: a clash skips only this member
            if MemberModel.get_or_none(MemberModel.id == member_id) is None:
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
