"""Is a pulled change one this till can apply? The second line of defence behind the server's own
validation: a row that fails here is set aside as a sync problem, with its reason, and the rest of the
page applies (a till must never stall on what it pulls). Pure: no database.
"""

from __future__ import annotations

from typing import Any

from kkmp_pos.core.text_rules import MAX_CODE, MAX_INT, MAX_NAME, MAX_TEXT, REASONS_EN, text_problem


class Bad(Exception):
    """`field reason`, in English like the server's quarantine reasons."""


def _text(data: dict[str, Any], name: str, max_len: int, *, required: bool = False, at: str = "") -> None:
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise Bad(f"{at}{name} is missing")
        return
    if type(value) is int and max_len == MAX_CODE:
        return  # ids and codes sent as numbers are taken as their digits
    if not isinstance(value, str):
        raise Bad(f"{at}{name} must be a string")
    problem = text_problem(value, max_len)
    if problem is not None:
        raise Bad(f"{at}{name} {REASONS_EN[problem]}")


def _int(
    data: dict[str, Any], name: str, *, required: bool = True, low: int = -MAX_INT, at: str = ""
) -> None:
    value = data.get(name)
    if value is None and not required:
        return
    if type(value) is not int:
        raise Bad(f"{at}{name} must be an integer")
    if not low <= value <= MAX_INT:
        raise Bad(f"{at}{name} is out of range")


def _flags(data: dict[str, Any], *names: str) -> None:
    for name in names:
        if name in data and not isinstance(data[name], bool | int):
            raise Bad(f"{name} must be true or false")


def _codes(value: Any, at: str) -> None:
    if value is None:
        return
    if not isinstance(value, list):
        raise Bad(f"{at} must be a list")
    for i, code in enumerate(value):
        _text({"c": code}, "c", MAX_CODE, required=True, at=f"{at}[{i}]")


def _product(data: dict[str, Any]) -> None:
    _text(data, "product_id", MAX_CODE, required=True)
    _text(data, "code", MAX_CODE, required=True)
    _text(data, "name", MAX_NAME, required=True)
    for name in ("unit", "base_unit", "business_unit", "drug_class"):
        _text(data, name, MAX_CODE)
    _text(data, "category", MAX_NAME)
    _flags(data, "active", "is_weighed", "requires_nik", "track_batches", "ppn_exempt")
    _text(data, "barcode", MAX_CODE)
    _codes(data.get("barcodes"), "barcodes")
    if "units" not in data:
        return
    units = data["units"]
    if not isinstance(units, list):
        raise Bad("units must be a list")
    for i, unit in enumerate(units):
        at = f"units[{i}]."
        if not isinstance(unit, dict):
            raise Bad(f"units[{i}] must be an object")
        _text(unit, "name", MAX_CODE, required=True, at=at)
        if isinstance(unit["name"], int):
            raise Bad(f"{at}name must be a string")
        _int(unit, "factor_milli", low=1, at=at)
        _int(unit, "regular_price_rp", low=0, at=at)
        _int(unit, "member_price_rp", required=False, low=0, at=at)
        _int(unit, "ceiling_rp", required=False, low=0, at=at)
        _codes(unit.get("barcodes"), f"{at}barcodes")


def _price(data: dict[str, Any]) -> None:
    _text(data, "product_id", MAX_CODE, required=True)
    _text(data, "price_type", MAX_CODE, required=True)
    _int(data, "price_rp", low=0)


def _ceiling(data: dict[str, Any]) -> None:
    _text(data, "product_code", MAX_CODE, required=True)
    _int(data, "ceiling_rp", low=0)


def _member(data: dict[str, Any]) -> None:
    _text(data, "member_id", MAX_CODE, required=True)
    _text(data, "member_no", MAX_CODE, required=True)
    _text(data, "name", MAX_NAME, required=True)
    for name in ("nik", "phone", "card_code", "joined_on"):
        _text(data, name, MAX_CODE)
    _text(data, "address", MAX_TEXT)
    _flags(data, "active")


def _movement(data: dict[str, Any]) -> None:
    _text(data, "movement_id", MAX_CODE, required=True)
    _text(data, "product_uid", MAX_CODE)
    _text(data, "product_code", MAX_CODE)
    if not data.get("product_uid") and not data.get("product_code"):
        raise Bad("product_uid is missing")
    _int(data, "qty_milli")
    for name in ("event_id", "terminal_id", "business_date"):
        _text(data, name, MAX_CODE)


def _qris_payment(data: dict[str, Any]) -> None:
    _text(data, "reference_no", MAX_CODE, required=True)
    _text(data, "sale_id", MAX_CODE)
    _text(data, "rrn", MAX_CODE)
    if data.get("status") not in ("pending", "paid", "expired", "failed"):
        raise Bad("status must be pending, paid, expired or failed")
    if data["status"] == "paid" and not data.get("rrn"):
        raise Bad("rrn is missing")
    _int(data, "amount_rp", required=False, low=0)


_CHECKS = {
    "product": _product,
    "price": _price,
    "ceiling": _ceiling,
    "member": _member,
    "stock_movement": _movement,
    "qris_payment": _qris_payment,
}


def change_problem(change: Any) -> str | None:
    """Why this change cannot be applied, or None. Unknown entities and deletes are not problems
    here (they are skipped with a note, as before)."""
    if not isinstance(change, dict):
        return "change must be an object"
    data = change.get("data")
    if not isinstance(data, dict):
        return "data must be an object"
    check = _CHECKS.get(str(change.get("entity")))
    if check is None or change.get("op") == "delete":
        return None
    try:
        check(data)
    except Bad as exc:
        return str(exc)
    return None
