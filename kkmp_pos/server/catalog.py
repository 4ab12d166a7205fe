"""Server-owned data (products, prices, ceilings, members): validate, upsert, and queue feed changes.

Used by the admin JSON API, the CSV/XLSX import and the projection of till events (a product or
member edited at a till): whichever writes last wins, and the server's version goes back down the feed.
Functions run inside the caller's transaction and return the changes for the caller to append last.
"""

from __future__ import annotations

import json
from typing import Any

from kkmp_pos.core.ids import uuid7
from kkmp_pos.server import personal
from kkmp_pos.server.auth import utc_now
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.feed import PendingChange, price_data, price_key
from kkmp_pos.server.models import NATIONAL
from kkmp_pos.server.product_rows import product_data
from kkmp_pos.server.row_fields import RowError, flag, text, whole
from kkmp_pos.sync.wire import canonical_json, is_valid_id

PRICE_TYPES = ("regular", "member", "wholesale")


def upsert_product(sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    """Insert or update a product by id (or by code when no id is given); optional price columns
    `price_rp` and `member_price_rp` set the regular and member prices as well."""
    m = sdb.m
    row = dict(row)
    # a till's product.changed payload names things its own way
    row.setdefault("product_id", row.get("uid"))
    row.setdefault("unit", row.get("base_unit"))
    row.setdefault("price_rp", row.get("regular_price_rp"))
    code = text(row, "code", max_len=64)
    existing = m.ProductModel.get_or_none(
        (m.ProductModel.cooperative_id == coop) & (m.ProductModel.code == code)
    )
    product_id = text(row, "product_id", required=False, max_len=64)
    if product_id and not is_valid_id(product_id):
        raise RowError("product_id", "must be 1-64 of A-Z a-z 0-9 _ -")
    if existing is not None and product_id and existing.product_id != product_id:
        raise RowError("code", f"already used by product {existing.product_id}")
    product_id = product_id or (existing.product_id if existing else uuid7())
    data = product_data(row, product_id, code)
    now = utc_now()
    m.ProductModel.insert(
        cooperative_id=coop,
        product_id=product_id,
        code=code,
        data=canonical_json(data),
        updated_at=now,
    ).on_conflict(
        conflict_target=[m.ProductModel.cooperative_id, m.ProductModel.product_id],
        update={
            m.ProductModel.code: code,
            m.ProductModel.data: canonical_json(data),
            m.ProductModel.updated_at: now,
        },
    ).execute()
    changes = [PendingChange(coop, "cooperative", coop, "product", product_id, data)]
    for column, price_type in (("price_rp", "regular"), ("member_price_rp", "member")):
        if row.get(column) not in (None, ""):
            changes += set_price(
                sdb, coop, {"product_id": product_id, "price_type": price_type, "price_rp": row[column]}
            )
    return changes


def upload_product(sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    """A product from a till's catalog upload (enrolment of a shop that ran stand-alone): inserted
    with its prices, and its ceiling when the server has none for the code, only if the server knows
    neither its id nor its code. Otherwise nothing changes: the server's version wins and the till
    adopts it from the feed, so an upload sent twice changes nothing."""
    m = sdb.m
    code = text(row, "code", max_len=64)
    product_id = text(row, "product_id", required=False, max_len=64) or text(
        row, "uid", required=False, max_len=64
    )
    same = m.ProductModel.code == code
    if product_id:
        same |= m.ProductModel.product_id == product_id
    if m.ProductModel.select().where((m.ProductModel.cooperative_id == coop) & same).exists():
        return []
    changes = upsert_product(sdb, coop, row)
    ceiling = row.get("ceiling_rp")
    if ceiling not in (None, "", 0):
        has_ceiling = (
            m.CeilingModel.select()
            .where(
                m.CeilingModel.cooperative_id.in_([NATIONAL, coop]) & (m.CeilingModel.product_code == code)
            )
            .exists()
        )
        if not has_ceiling:
            changes += set_ceiling(sdb, coop, {"code": code, "ceiling_rp": ceiling})
    return changes


def upload_member(sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    """A member from a till's upload: inserted if the server does not have its id yet (a number
    held by someone else is refused, as for a registration); a known member stays as it is."""
    m = sdb.m
    member_id = text(row, "member_id", required=False, max_len=64) or text(row, "id", max_len=64)
    known = m.MemberModel.select().where(
        (m.MemberModel.cooperative_id == coop) & (m.MemberModel.member_id == member_id)
    )
    if known.exists():
        return []
    return upsert_member(sdb, coop, row)


def _product_id_for(sdb: ServerDb, coop: str, row: dict[str, Any]) -> str:
    m = sdb.m
    product_id = text(row, "product_id", required=False, max_len=64)
    code = text(row, "code", required=False, max_len=64)
    if product_id:
        found = m.ProductModel.get_or_none(
            (m.ProductModel.cooperative_id == coop) & (m.ProductModel.product_id == product_id)
        )
    elif code:
        found = m.ProductModel.get_or_none(
            (m.ProductModel.cooperative_id == coop) & (m.ProductModel.code == code)
        )
    else:
        raise RowError("code", "is required")
    if found is None:
        raise RowError("code", f"unknown product {product_id or code}")
    return found.product_id


def set_price(sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    m = sdb.m
    product_id = _product_id_for(sdb, coop, row)
    price_type = text(row, "price_type", required=False, max_len=32) or "regular"
    if price_type not in PRICE_TYPES:
        raise RowError("price_type", f"must be one of {', '.join(PRICE_TYPES)}")
    store_id = text(row, "store_id", required=False, max_len=64)
    if (
        store_id
        and m.StoreModel.get_or_none(
            (m.StoreModel.cooperative_id == coop) & (m.StoreModel.store_id == store_id)
        )
        is None
    ):
        raise RowError("store_id", f"unknown store {store_id}")
    price_rp = whole(row, "price_rp")
    now = utc_now()
    m.PriceModel.insert(
        cooperative_id=coop,
        product_id=product_id,
        price_type=price_type,
        store_id=store_id,
        price_rp=price_rp,
        updated_at=now,
    ).on_conflict(
        conflict_target=[
            m.PriceModel.cooperative_id,
            m.PriceModel.product_id,
            m.PriceModel.price_type,
            m.PriceModel.store_id,
        ],
        update={m.PriceModel.price_rp: price_rp, m.PriceModel.updated_at: now},
    ).execute()
    data = price_data(product_id, price_type, store_id, price_rp)
    scope, scope_id = ("store", store_id) if store_id else ("cooperative", coop)
    return [PendingChange(coop, scope, scope_id, "price", price_key(data), data)]


def set_ceiling(sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    """A ceiling (HET) by product code; coop '' sets a national one."""
    m = sdb.m
    code = text(row, "code", max_len=64)
    ceiling_rp = whole(row, "ceiling_rp", minimum=1)
    now = utc_now()
    m.CeilingModel.insert(
        cooperative_id=coop, product_code=code, ceiling_rp=ceiling_rp, updated_at=now
    ).on_conflict(
        conflict_target=[m.CeilingModel.cooperative_id, m.CeilingModel.product_code],
        update={m.CeilingModel.ceiling_rp: ceiling_rp, m.CeilingModel.updated_at: now},
    ).execute()
    scope = "national" if coop == NATIONAL else "cooperative"
    data = {"product_code": code, "ceiling_rp": ceiling_rp}
    return [PendingChange(coop, scope, coop, "ceiling", code, data)]


def upsert_member(sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    """Insert or update a member by id (or by member number); a number held by another member is
    refused, so two tills registering offline cannot silently merge two people."""
    m = sdb.m
    row = dict(row)
    # a till's member.registered payload names things its own way
    row.setdefault("member_id", row.get("id"))
    row.setdefault("member_no", row.get("number"))
    if "active" not in row and "status" in row:
        row["active"] = row["status"] == "active"
    member_no = text(row, "member_no", max_len=64)
    member_id = text(row, "member_id", required=False, max_len=64)
    if member_id and not is_valid_id(member_id):
        raise RowError("member_id", "must be 1-64 of A-Z a-z 0-9 _ -")
    holder = m.MemberModel.get_or_none(
        (m.MemberModel.cooperative_id == coop) & (m.MemberModel.member_no == member_no)
    )
    if holder is not None and member_id and holder.member_id != member_id:
        raise RowError("member_no", f"already used by member {holder.member_id}")
    member_id = member_id or (holder.member_id if holder else uuid7())
    existing = m.MemberModel.get_or_none(
        (m.MemberModel.cooperative_id == coop) & (m.MemberModel.member_id == member_id)
    )
    if existing is not None and json.loads(existing.data).get("erased"):
        return []  # an erased member stays erased, whatever a till still has queued
    data = {
        "member_id": member_id,
        "member_no": member_no,
        "name": text(row, "name"),
        "phone": text(row, "phone", required=False, max_len=32),
        "address": text(row, "address", required=False),
        "active": flag(row, "active"),
    }
    # NIK and KK: encrypted in their own columns, in the data (and so the feed) only hash + last 4
    sealed = personal.seal_member_numbers(sdb, coop, row, existing, data)
    # the card printed at the counter and the join date travel back to every till unchanged
    for name in ("card_code", "joined_on"):
        value = text(row, name, required=False, max_len=64)
        if value:
            data[name] = value
    now = utc_now()
    m.MemberModel.insert(
        cooperative_id=coop,
        member_id=member_id,
        member_no=member_no,
        data=canonical_json(data),
        updated_at=now,
        **sealed,
    ).on_conflict(
        conflict_target=[m.MemberModel.cooperative_id, m.MemberModel.member_id],
        update={
            m.MemberModel.member_no: member_no,
            m.MemberModel.data: canonical_json(data),
            m.MemberModel.updated_at: now,
            **{getattr(m.MemberModel, k): v for k, v in sealed.items()},
        },
    ).execute()
    return [PendingChange(coop, "cooperative", coop, "member", member_id, data)]


def list_products(sdb: ServerDb, coop: str) -> list[dict[str, Any]]:
    m = sdb.m
    prices: dict[str, dict[str, int]] = {}
    for p in m.PriceModel.select().where(
        (m.PriceModel.cooperative_id == coop) & (m.PriceModel.store_id == "")
    ):
        prices.setdefault(p.product_id, {})[p.price_type] = p.price_rp
    out = []
    for row in (
        m.ProductModel.select().where(m.ProductModel.cooperative_id == coop).order_by(m.ProductModel.code)
    ):
        data = json.loads(row.data)
        data["prices"] = prices.get(row.product_id, {})
        out.append(data)
    return out


def list_members(sdb: ServerDb, coop: str) -> list[dict[str, Any]]:
    m = sdb.m
    query = m.MemberModel.select().where(m.MemberModel.cooperative_id == coop)
    return [json.loads(r.data) for r in query.order_by(m.MemberModel.member_no)]


def list_ceilings(sdb: ServerDb, coop: str) -> list[dict[str, Any]]:
    m = sdb.m
    query = m.CeilingModel.select().where(m.CeilingModel.cooperative_id.in_([NATIONAL, coop]))
    return [
        {"code": r.product_code, "ceiling_rp": r.ceiling_rp, "national": r.cooperative_id == ""}
        for r in query.order_by(m.CeilingModel.product_code)
    ]
