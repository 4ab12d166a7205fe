"""Bulk apply of one pulled page: a few statements per page instead of several per change.

A till catching up on 100,000 catalog changes spent almost all its time in per-row round trips
(~750 changes/s). Here each entity of a page is written with `executemany` upserts keyed by the
till's own row ids, looked up for the whole page at once. Cases the bulk path does not handle (a page
in which two products claim one code, a member whose number clashes) raise `NeedRows`; the caller
then undoes the savepoint and applies that page change by change, with the same result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from kkmp_pos.core.tax import default_ppn_exempt
from kkmp_pos.core.text import alias_list
from kkmp_pos.db.database import database
from kkmp_pos.db.ledger import MovementRow, record_movements

CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

_OPTIONAL_BOOLS = ("is_weighed", "requires_nik", "track_batches", "ppn_exempt")
_OPTIONAL_TEXT = ("business_unit", "drug_class", "aliases")
# insert values for columns the feed may leave out (the model's defaults)
_INSERT_DEFAULTS: dict[str, Any] = {
    "is_weighed": 0,
    "requires_nik": 0,
    "track_batches": 0,
    "business_unit": "sembako",
    "drug_class": None,
    "ceiling_rp": None,
    "cost_rp": 0,
    "regular_price_rp": 0,
    "reorder_level_milli": 0,
    "on_hand_milli": 0,
}


def default_exempt(data: dict[str, Any]) -> bool:
    """PPN exemption of a product first seen in a feed without the field (an older server)."""
    unit = str(data.get("business_unit") or "sembako")
    category = str(data["category"]) if data.get("category") else None
    return default_ppn_exempt(unit, category, bool(data.get("requires_nik")))


class NeedRows(Exception):
    """This page needs the change-by-change path (a rare clash the bulk path does not resolve)."""


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _select_in(sql: str, values: Iterable[Any]) -> list[tuple[Any, ...]]:
    """Run `sql` (with one `{marks}` placeholder list) over `values` in chunks."""
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(list(values)):
        marks = ", ".join("?" for _ in chunk)
        rows.extend(database.execute_sql(sql.format(marks=marks), chunk).fetchall())
    return rows


def _executemany(sql: str, rows: list[tuple[Any, ...]]) -> int:
    if not rows:
        return 0
    cursor = database.cursor()
    try:
        cursor.executemany(sql, rows)
    except sqlite3.IntegrityError as exc:  # a unique key the bulk path did not foresee
        raise NeedRows(str(exc)) from None
    return cursor.rowcount


def upsert_products(
    items: list[dict[str, Any]],
    now_iso: str,
    ceilings: dict[str, int],
    fold: Any,
    words_of: Any,
) -> None:
    """Insert or update the page's products, their barcodes and their word-index rows."""
    latest: dict[str, dict[str, Any]] = {}
    for data in items:  # a product changed twice in one page: the later version wins
        uid = str(data["product_id"])
        latest.pop(uid, None)
        latest[uid] = data
    codes = [str(d["code"]) for d in latest.values()]
    if len(set(codes)) != len(codes):
        raise NeedRows("two products claim one code in this page")
    category_ids = _categories({str(d["category"]) for d in latest.values() if d.get("category")})
    by_uid = dict(_select_in("SELECT uid, id FROM product WHERE uid IN ({marks})", latest))
    holders = {
        code: (pid, uid)
        for code, pid, uid in _select_in("SELECT code, id, uid FROM product WHERE code IN ({marks})", codes)
    }

    renames: list[tuple[str, int]] = []
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for uid, data in latest.items():
        code = str(data["code"])
        target = by_uid.get(uid)
        holder = holders.get(code)
        if target is None and holder is not None:
            if holder[1] in latest and holder[1] != uid:
                raise NeedRows("a product adopted by code is itself in this page")
            target = holder[0]  # made here before enrolment: the server's identity wins
        if holder is not None and holder[0] != target:
            renames.append((code + "~" + uid[:8], holder[0]))  # free the code, as the row path does
        name = str(data["name"])
        values: dict[str, Any] = {
            "uid": uid,
            "code": code,
            "name": name,
            "search_text": fold(name),
            "base_unit": str(data.get("unit") or data.get("base_unit") or "pcs"),
            "category_id": category_ids.get(str(data["category"])) if data.get("category") else None,
            "active": 1 if data.get("active", True) else 0,
            "updated_at": now_iso,
        }
        for key in _OPTIONAL_BOOLS:
            if key in data:
                values[key] = 1 if data[key] else 0
        for key in _OPTIONAL_TEXT:
            if key in data:
                values[key] = data[key]
        if code in ceilings:
            values["ceiling_rp"] = ceilings[code]
        updated = tuple(values)
        row = {"id": target, **values}
        row.setdefault("ppn_exempt", int(default_exempt(data)))  # a new product the feed says nothing of
        for key, default in _INSERT_DEFAULTS.items():
            row.setdefault(key, default)
        groups.setdefault(updated, []).append(tuple(row.values()))
        groups.setdefault(("#columns", *updated), [tuple(row)])  # remembers the column order
    _executemany("UPDATE product SET code = ? WHERE id = ?", renames)
    for updated, rows in groups.items():
        if updated[0] == "#columns":
            continue
        columns = groups[("#columns", *updated)][0]
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in updated)
        _executemany(
            f'INSERT INTO product ({names}) VALUES ({marks}) ON CONFLICT("id") DO UPDATE SET {sets}', rows
        )
    ids = dict(_select_in("SELECT uid, id FROM product WHERE uid IN ({marks})", latest))
    barcodes: list[tuple[Any, ...]] = []
    words: list[tuple[Any, ...]] = []
    for uid, data in latest.items():
        pid = ids[uid]
        found = data.get("barcodes") or ([data["barcode"]] if data.get("barcode") else [])
        barcodes.extend((str(b), pid) for b in found)
        aliases = alias_list(str(data.get("aliases") or ""))
        words.extend((w, pid) for w in sorted(words_of(str(data["name"]), str(data["code"]), *aliases)))
    _executemany(
        'INSERT OR REPLACE INTO barcode ("code", "product_id", "unit_id") VALUES (?, ?, NULL)', barcodes
    )
    for uid, data in latest.items():
        if "units" in data:
            sync_units(ids[uid], data["units"])
    for chunk in _chunks(list(ids.values())):
        marks = ", ".join("?" for _ in chunk)
        database.execute_sql(f"DELETE FROM product_word WHERE product_id IN ({marks})", chunk)
    _executemany('INSERT OR IGNORE INTO product_word ("word", "product_id") VALUES (?, ?)', words)


def _categories(names: set[str]) -> dict[str, int]:
    if not names:
        return {}
    _executemany(
        'INSERT INTO category ("name") SELECT ? WHERE NOT EXISTS (SELECT 1 FROM category WHERE name = ?)',
        [(n, n) for n in sorted(names)],
    )
    return {
        name: cid for cid, name in _select_in("SELECT id, name FROM category WHERE name IN ({marks})", names)
    }


def set_prices(items: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Regular/member prices by product uid; returns (applied, uids unknown to this till)."""
    known = {
        uid
        for (uid,) in _select_in(
            "SELECT uid FROM product WHERE uid IN ({marks})", {str(d["product_id"]) for d in items}
        )
    }
    by_column: dict[str, list[tuple[Any, ...]]] = {"regular_price_rp": [], "member_price_rp": []}
    applied, unknown = 0, []
    for data in items:
        column = {"regular": "regular_price_rp", "member": "member_price_rp"}.get(data.get("price_type"))
        uid = str(data["product_id"])
        if column is None:
            applied += 1  # a price type this till does not use (wholesale) is not an error
        elif uid in known:
            by_column[column].append((int(data["price_rp"]), uid))  # feed order: the last one wins
            applied += 1
        else:
            unknown.append(uid)
    for column, rows in by_column.items():
        _executemany(f'UPDATE product SET "{column}" = ? WHERE uid = ?', rows)
    return applied, unknown


def set_ceilings(items: list[tuple[str, int]]) -> None:
    _executemany('UPDATE product SET "ceiling_rp" = ? WHERE code = ?', [(rp, code) for code, rp in items])


def upsert_members(items: list[dict[str, Any]], now_iso: str, fold: Any) -> None:
    """Insert or update members by id; a number, card or NIK held by another member -> NeedRows."""
    latest: dict[str, dict[str, Any]] = {}
    for data in items:
        latest.pop(str(data["member_id"]), None)
        latest[str(data["member_id"])] = data
    rows = []
    for member_id, data in latest.items():
        number = str(data["member_no"])
        rows.append(
            (
                member_id,
                number,
                str(data.get("card_code") or number),
                str(data["name"]),
                data.get("nik") or None,  # a server before issue 12 sent it in full
                str(data.get("phone") or ""),
                str(data.get("address") or ""),
                "active" if data.get("active", True) else "inactive",
                str(data.get("joined_on") or now_iso[:10]),
                now_iso,
                fold(str(data["name"])),
                *_numbers(data, now_iso),
            )
        )
    _executemany(
        'INSERT INTO member ("id", "number", "card_code", "name", "nik", "phone", "address", '
        '"status", "joined_on", "created_at", "search_text", "nik_hmac", "nik_last4", "kk", "kk_hmac", '
        '"kk_last4", "erased_at") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        'ON CONFLICT("id") DO UPDATE SET "number" = excluded."number", "name" = excluded."name", '
        f'"nik" = {_KEEP_FULL.format(n="nik")}, "kk" = {_KEEP_FULL.format(n="kk")}, '
        '"phone" = excluded."phone", "address" = excluded."address", '
        # the feed's flag says only active or not: a member pending their pokok here stays pending
        '"status" = CASE WHEN "member"."status" = \'pending\' AND excluded."status" = \'inactive\' '
        'THEN \'pending\' ELSE excluded."status" END, "search_text" = excluded."search_text", '
        '"nik_hmac" = excluded."nik_hmac", "nik_last4" = excluded."nik_last4", '
        '"kk_hmac" = excluded."kk_hmac", "kk_last4" = excluded."kk_last4", '
        '"erased_at" = excluded."erased_at"',
        rows,
    )


# The feed carries a member's NIK and KK as hash + last 4 (docs/PRIVACY.md): a till keeps the full
# number it registered while the feed still names the same one (same last 4 digits); an erasure or a
# changed number drops it.
_KEEP_FULL = (
    'CASE WHEN excluded."{n}" IS NOT NULL THEN excluded."{n}" '
    'WHEN member."{n}" IS NOT NULL AND excluded."{n}_last4" != \'\' '
    'AND substr(member."{n}", -4) = excluded."{n}_last4" THEN member."{n}" ELSE NULL END'
)


def _numbers(data: dict[str, Any], now_iso: str) -> tuple[Any, ...]:
    """(nik_hmac, nik_last4, kk, kk_hmac, kk_last4, erased_at) of a feed member."""
    return (
        data.get("nik_hmac") or None,
        str(data.get("nik_last4") or ""),
        data.get("kk") or None,
        data.get("kk_hmac") or None,
        str(data.get("kk_last4") or ""),
        now_iso if data.get("erased") else None,
    )


def add_movements(items: list[dict[str, Any]], now_iso: str) -> list[str]:
    """Other terminals' movements into the ledger (once each) and the on-hand cache; returns the
    notes for movements of products this till does not know."""
    uids = {str(d["product_uid"]) for d in items if d.get("product_uid")}
    codes = {str(d["product_code"]) for d in items if d.get("product_code")}
    by_uid = dict(_select_in("SELECT uid, id FROM product WHERE uid IN ({marks})", uids))
    by_code = dict(_select_in("SELECT code, id FROM product WHERE code IN ({marks})", codes))
    seen = {
        mid
        for (mid,) in _select_in(
            "SELECT id FROM stock_movement WHERE id IN ({marks})", {str(d["movement_id"]) for d in items}
        )
    }
    rows: list[MovementRow] = []
    notes: list[str] = []
    for data in items:
        pid = by_uid.get(str(data.get("product_uid") or "")) or by_code.get(
            str(data.get("product_code") or "")
        )
        if pid is None:
            notes.append(f"movement of unknown product {data.get('product_code')}")
            continue
        movement_id = str(data["movement_id"])
        if movement_id in seen:
            continue  # already in the ledger
        seen.add(movement_id)
        rows.append(remote_movement(data, pid, now_iso))
    try:
        record_movements(rows)
    except sqlite3.IntegrityError as exc:  # a unique key the bulk path did not foresee
        raise NeedRows(str(exc)) from None
    return notes


def remote_movement(data: dict[str, Any], product_id: int, now_iso: str) -> MovementRow:
    """The ledger row of another terminal's movement, pulled from the feed."""
    return MovementRow(
        id=str(data["movement_id"]),
        product_id=product_id,
        batch_id=None,
        qty_milli=int(data["qty_milli"]),
        kind="remote",
        doc_id=str(data.get("event_id") or ""),
        unit_cost_rp=0,
        terminal_id=str(data.get("terminal_id") or ""),
        created_at=now_iso,
        business_date=str(data.get("business_date") or now_iso[:10]),
    )


def sync_units(product_id: int, units: list[dict[str, Any]]) -> None:
    """Make a product's selling units (a renceng, a dus) and their barcodes what the server says.

    Units are matched by name within the product; a unit the server no longer lists is deactivated,
    never deleted (old sale lines point at it).
    """
    listed: list[str] = []
    for unit in units:
        name = str(unit["name"])
        listed.append(name)
        values = (
            int(unit["factor_milli"]),
            int(unit["regular_price_rp"]),
            unit.get("member_price_rp"),
            unit.get("ceiling_rp"),
            1 if unit.get("active", True) else 0,
        )
        database.execute_sql(
            'INSERT INTO product_unit ("product_id", "name", "factor_milli", "regular_price_rp", '
            '"member_price_rp", "ceiling_rp", "active") VALUES (?, ?, ?, ?, ?, ?, ?) '
            'ON CONFLICT("product_id", "name") DO UPDATE SET "factor_milli" = excluded."factor_milli", '
            '"regular_price_rp" = excluded."regular_price_rp", '
            '"member_price_rp" = excluded."member_price_rp", '
            '"ceiling_rp" = excluded."ceiling_rp", "active" = excluded."active"',
            (product_id, name, *values),
        )
        unit_id = database.execute_sql(
            'SELECT "id" FROM product_unit WHERE "product_id" = ? AND "name" = ?', (product_id, name)
        ).fetchone()[0]
        _executemany(
            'INSERT OR REPLACE INTO barcode ("code", "product_id", "unit_id") VALUES (?, ?, ?)',
            [(str(code), product_id, unit_id) for code in unit.get("barcodes") or []],
        )
    marks = ", ".join("?" for _ in listed) or "NULL"
    database.execute_sql(
        f'UPDATE product_unit SET "active" = 0 WHERE "product_id" = ? AND "name" NOT IN ({marks})',
        (product_id, *listed),
    )
