"""Writing thousands of validated product specs at once (the import's commit), in plain SQL.

The same rows ProductService._write makes one product at a time, without peewee building a query per
statement: 10,000 products must import in seconds on a low-end PC. Call inside one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import peewee as pw

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.reasons import sqlite_reason
from kkmp_pos.core.text import alias_list, fold, index_words
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.stock.products import ProductService, ProductSpec, spec_ppn_default

_FIELDS = (
    "code, name, search_text, base_unit, is_weighed, category_id, business_unit, supplier_id, "
    "regular_price_rp, member_price_rp, ceiling_rp, reorder_level_milli, track_batches, drug_class, "
    "requires_nik, active, updated_at"
)
_INSERT_PRODUCT = (
    f"INSERT INTO product (uid, cost_rp, on_hand_milli, {_FIELDS}, ppn_exempt, aliases) "
    "VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# ppn_exempt or aliases NULL (column left out of the file) keeps the product's flag or aliases
_UPDATE_PRODUCT = (
    "UPDATE product SET cost_rp = CASE WHEN on_hand_milli <= 0 THEN ? ELSE cost_rp END, "
    + ", ".join(f"{f.strip()} = ?" for f in _FIELDS.split(","))
    + ", ppn_exempt = COALESCE(?, ppn_exempt), aliases = COALESCE(?, aliases) WHERE id = ?"
)


def _ids(cursor: sqlite3.Cursor, table: str, names: set[str]) -> dict[str, int]:
    """name → id for categories or suppliers, creating the missing ones."""
    found = {n: i for i, n in cursor.execute(f'SELECT id, name FROM "{table}"').fetchall()}
    for name in sorted(names - found.keys()):
        if table == "supplier":
            cursor.execute(
                "INSERT INTO supplier (name, kind, contact, phone, address, active) "
                "VALUES (?, 'other', '', '', '', 1)",
                (name,),
            )
        else:
            cursor.execute("INSERT INTO category (name) VALUES (?)", (name,))
        found[name] = int(cursor.lastrowid or 0)
    return found


def _aliases(cursor: sqlite3.Cursor, spec: ProductSpec, pid: int) -> str:
    if spec.aliases is not None:
        return spec.aliases
    row = cursor.execute("SELECT aliases FROM product WHERE id = ?", (pid,)).fetchone()
    return str(row[0]) if row else ""


def write_specs(ctx: ServiceContext, rows: Sequence[tuple[ProductSpec, int | None]]) -> list[int]:
    """Create (id None) or replace each product; returns the product ids in order."""
    cursor = ctx.db.cursor()
    now = ctx.now_iso()
    categories = _ids(cursor, "category", {s.category for s, _ in rows if s.category})
    suppliers = _ids(cursor, "supplier", {s.supplier for s, _ in rows if s.supplier})
    existing = [pid for _, pid in rows if pid is not None]
    old_units: dict[tuple[int, str], int] = {}
    for chunk in range(0, len(existing), 500):
        ids = existing[chunk : chunk + 500]
        marks = ",".join("?" * len(ids))
        for uid, pid, name in cursor.execute(
            f"SELECT id, product_id, name FROM product_unit WHERE product_id IN ({marks})", ids
        ).fetchall():
            old_units[(pid, fold(name))] = uid
        cursor.execute(f"DELETE FROM barcode WHERE product_id IN ({marks})", ids)
        cursor.execute(f"DELETE FROM product_word WHERE product_id IN ({marks})", ids)
    barcodes: list[tuple[str, int, int | None]] = []
    words: list[tuple[str, int]] = []
    product_ids: list[int] = []
    kept_units: set[int] = set()
    try:
        for spec, pid in rows:
            values = (
                spec.code,
                spec.name,
                fold(spec.name),
                spec.base_unit,
                int(spec.is_weighed),
                categories.get(spec.category) if spec.category else None,
                spec.business_unit,
                suppliers.get(spec.supplier) if spec.supplier else None,
                spec.regular_price_rp,
                spec.member_price_rp,
                spec.ceiling_rp,
                spec.reorder_level_milli,
                int(spec.track_batches),
                spec.drug_class,
                int(spec.requires_nik),
                int(spec.active),
                now,
            )
            exempt = None if spec.ppn_exempt is None else int(spec.ppn_exempt)
            if pid is None:
                if exempt is None:
                    exempt = int(spec_ppn_default(spec))
                cursor.execute(_INSERT_PRODUCT, (uuid7(), spec.cost_rp, *values, exempt, spec.aliases or ""))
                pid = int(cursor.lastrowid or 0)
            else:
                cursor.execute(_UPDATE_PRODUCT, (spec.cost_rp, *values, exempt, spec.aliases, pid))
            product_ids.append(pid)
            barcodes.extend((code, pid, None) for code in spec.barcodes)
            for unit in spec.units:
                unit_values = (
                    unit.name.strip(),
                    unit.factor_milli,
                    unit.regular_price_rp,
                    unit.member_price_rp,
                    unit.ceiling_rp,
                    int(unit.active),
                )
                unit_id = old_units.get((pid, fold(unit.name)))
                if unit_id is None:
                    cursor.execute(
                        "INSERT INTO product_unit (product_id, name, factor_milli, regular_price_rp, "
                        "member_price_rp, ceiling_rp, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (pid, *unit_values),
                    )
                    unit_id = int(cursor.lastrowid or 0)
                else:
                    cursor.execute(
                        "UPDATE product_unit SET name = ?, factor_milli = ?, regular_price_rp = ?, "
                        "member_price_rp = ?, ceiling_rp = ?, active = ? WHERE id = ?",
                        (*unit_values, unit_id),
                    )
                kept_units.add(unit_id)
                barcodes.extend((code, pid, unit_id) for code in unit.barcodes)
            texts = (spec.name, spec.code, *alias_list(_aliases(cursor, spec, pid)), *spec.barcodes)
            words.extend((w, pid) for w in index_words(*texts))
        dropped = [u for u in old_units.values() if u not in kept_units]
        cursor.executemany("UPDATE product_unit SET active = 0 WHERE id = ?", [(u,) for u in dropped])
        cursor.executemany("INSERT INTO barcode (code, product_id, unit_id) VALUES (?, ?, ?)", barcodes)
        cursor.executemany("INSERT OR IGNORE INTO product_word (word, product_id) VALUES (?, ?)", words)
    except (sqlite3.IntegrityError, pw.IntegrityError) as exc:
        # Someone changed the catalog between the preview and now: the caller's transaction rolls back.
        detail_id, detail_en = sqlite_reason(str(exc))
        raise ValidationError("import_changed_since_preview", detail=detail_id, detail_en=detail_en) from exc
    if ctx.terminal.enrolled:
        from kkmp_pos.db.models import ProductModel

        service = ProductService(ctx)
        for product in ProductModel.select().where(ProductModel.id.in_(product_ids)):
            service.queue_changed(product)
    return product_ids
