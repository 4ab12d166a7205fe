"""A product as the feed publishes it, checked against what every till's apply needs
(`sync/apply.py`, `sync/apply_bulk.py`): a row that passes here applies at any till, so the server
never publishes a product that would stop the tills' pulls.

The till reads `name` and `code` as text, each unit's `name`, `factor_milli` and `regular_price_rp`
as numbers it stores in 64-bit columns, and barcodes as text; its own product form refuses a unit
without a name or with a factor of zero or less, a business unit it does not know and an unknown
drug class. The same rules hold here.
"""

from __future__ import annotations

from typing import Any

from kkmp_pos.core.drugs import parse_drug_class
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.pricing import BusinessUnit
from kkmp_pos.server.row_fields import RowError, flag, text, whole

MAX_UNITS = 50
MAX_BARCODES = 100
_BOOLS = ("is_weighed", "requires_nik", "ppn_exempt", "track_batches")


def product_data(row: dict[str, Any], product_id: str, code: str) -> dict[str, Any]:
    """The product's feed data from a posted, imported or pushed row; RowError names what is wrong."""
    data: dict[str, Any] = {
        "product_id": product_id,
        "code": code,
        "name": text(row, "name"),
        "unit": text(row, "unit", required=False, max_len=16) or "pcs",
        "barcode": text(row, "barcode", required=False, max_len=64),
        "category": text(row, "category", required=False),
        "active": flag(row, "active"),
    }
    for name in _BOOLS:
        value = row.get(name)
        if value is not None:
            if type(value) is not bool:
                raise RowError(name, "must be true or false")
            data[name] = value
    if row.get("business_unit") is not None:
        unit = text(row, "business_unit", max_len=16)
        if unit not in {b.value for b in BusinessUnit}:
            known = ", ".join(b.value for b in BusinessUnit)
            raise RowError("business_unit", f"must be one of {known}")
        data["business_unit"] = unit
    if row.get("drug_class") is not None:
        try:
            drug = parse_drug_class(text(row, "drug_class", required=False, max_len=32))
        except ValidationError:
            raise RowError("drug_class", "is not a known drug class") from None
        data["drug_class"] = drug.value if drug else None
    if row.get("aliases") is not None:  # other names the tills' search finds it by
        data["aliases"] = text(row, "aliases", required=False)
    if row.get("reorder_level_milli") is not None:
        data["reorder_level_milli"] = whole(row, "reorder_level_milli")
    if row.get("barcodes") is not None:
        data["barcodes"] = barcodes(row, "barcodes")
    if row.get("units") is not None:
        data["units"] = units(row.get("units"))
    return data


def barcodes(row: dict[str, Any], name: str, at: str = "") -> list[str]:
    value = row.get(name)
    if not isinstance(value, list):
        raise RowError(at + name, "must be a list of barcodes")
    if len(value) > MAX_BARCODES:
        raise RowError(at + name, f"more than {MAX_BARCODES} barcodes")
    out = []
    for i, code in enumerate(value):
        try:
            if isinstance(code, float):
                raise RowError(name, "must be text")
            out.append(text({name: code}, name, max_len=64))
        except RowError as exc:
            raise RowError(f"{at}{name}[{i}]", exc.reason) from None
    return out


def units(value: Any) -> list[dict[str, Any]]:
    """Selling units (a renceng, a dus): each with a name, a factor above zero and a price."""
    if not isinstance(value, list):
        raise RowError("units", "must be a list of units")
    if len(value) > MAX_UNITS:
        raise RowError("units", f"more than {MAX_UNITS} units")
    out: list[dict[str, Any]] = []
    names: set[str] = set()
    for i, unit in enumerate(value):
        at = f"units[{i}]."
        if not isinstance(unit, dict):
            raise RowError(f"units[{i}]", "must be an object")
        try:
            name = text(unit, "name", max_len=64)
        except RowError as exc:
            raise RowError(at + exc.field, exc.reason) from None
        if name.casefold() in names:
            raise RowError(at + "name", f"unit {name} is listed twice")
        names.add(name.casefold())
        checked: dict[str, Any] = {
            "name": name,
            "factor_milli": whole(unit, "factor_milli", minimum=1, at=at),
            "regular_price_rp": whole(unit, "regular_price_rp", at=at),
            "member_price_rp": None,
            "ceiling_rp": None,
            "active": True,
            "barcodes": [],
        }
        for optional in ("member_price_rp", "ceiling_rp"):
            if unit.get(optional) is not None:
                checked[optional] = whole(unit, optional, at=at)
        if unit.get("active") is not None:
            if type(unit["active"]) is not bool:
                raise RowError(at + "active", "must be true or false")
            checked["active"] = unit["active"]
        if unit.get("barcodes") is not None:
            checked["barcodes"] = barcodes(unit, "barcodes", at)
        out.append(checked)
    return out
