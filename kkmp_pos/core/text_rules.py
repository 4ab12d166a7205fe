"""The text every stored or sent string must be: no NUL, no lone surrogate, not longer than its column.

One set of rules for the till's edge (imports, forms, services, the outbox before a push) and the
server's validation, so that whatever the till accepts the server stores. PostgreSQL refuses a NUL in
text (psycopg2 raises `ValueError`) and UTF-8 cannot encode a lone surrogate; the lengths are those of
the server's columns. Pure: no peewee, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kkmp_pos.core.errors import ValidationError

MAX_CODE = 64  # product codes, barcodes, unit names, member numbers, ids: the server's key columns
MAX_NAME = 200  # names of products, members, suppliers, categories, people
MAX_TEXT = 2000  # addresses, notes, reasons (core.event_fields.MAX_TEXT)
MAX_DEPTH = 16  # nesting of a JSON payload (a sale is 3 deep)
MAX_INT = 2**53  # what JSON carries exactly; the event contract's bound (event_fields.MAX_SAFE_INT)

# A field's name in both languages, for the message that names it; unknown fields show as given.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "code": ("kode", "code"),
    "name": ("nama", "name"),
    "category": ("kategori", "category"),
    "base_unit": ("satuan dasar", "base unit"),
    "supplier": ("pemasok", "supplier"),
    "barcodes": ("barcode", "barcode"),
    "units": ("satuan jual", "selling unit"),
    "drug_class": ("golongan obat", "drug class"),
    "number": ("nomor anggota", "member number"),
    "nik": ("NIK", "NIK"),
    "phone": ("nomor HP", "phone number"),
    "address": ("alamat", "address"),
    "contact": ("kontak", "contact"),
    "kind": ("jenis", "kind"),
    "note": ("catatan", "note"),
    "reason": ("alasan", "reason"),
    "price": ("harga", "price"),
    "reference": ("referensi pembayaran", "payment reference"),
    "reorder_level": ("batas pesan ulang", "reorder level"),
}


class TextError(ValidationError):
    """A string that breaks the text rules; `field` is the field's key (`name`, `lines[2].name`)."""

    def __init__(self, code: str, field: str, **params: Any) -> None:
        label_id, label_en = FIELD_LABELS.get(field, (field, field))
        super().__init__(code, field=label_id, field_en=label_en, **params)
        self.field = field


def text_problem(value: str, max_len: int) -> str | None:
    """The message code of what is wrong with `value`, or None when it is fine."""
    if "\x00" in value:
        return "text_has_nul"
    if len(value) > max_len:
        return "text_too_long"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "text_not_unicode"  # a lone surrogate (from a broken file or a crafted request)
    return None


def check_text(value: str, field: str, max_len: int = MAX_TEXT) -> str:
    """`value` unchanged when it is fine; otherwise a ValidationError naming `field`."""
    problem = text_problem(value, max_len)
    if problem is not None:
        raise TextError(problem, field, max=max_len, length=len(value))
    return value


def check_optional_text(value: str | None, field: str, max_len: int = MAX_TEXT) -> str | None:
    return None if value is None else check_text(value, field, max_len)


def check_int(value: int, field: str, low: int = -MAX_INT, high: int = MAX_INT) -> int:
    """An integer that fits its column (64-bit unless told narrower)."""
    if type(value) is not int or not low <= value <= high:
        raise TextError("number_out_of_range", field, low=low, high=high)
    return value


def payload_problems(obj: Any, max_len: int = MAX_TEXT) -> Iterator[tuple[str, str]]:
    """(field path, message code) for every string, key or integer in a JSON value that would be
    refused: NUL, lone surrogates, strings past `max_len`, integers past 64 bits, nesting too deep."""
    stack: list[tuple[Any, str, int]] = [(obj, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            problem = text_problem(value, max_len)
            if problem is not None:
                yield path or "(value)", problem
        elif isinstance(value, bool) or value is None or isinstance(value, float):
            continue
        elif isinstance(value, int):
            if not -MAX_INT <= value <= MAX_INT:
                yield path or "(value)", "number_out_of_range"
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                yield path or "(value)", "payload_too_deep"
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    problem = text_problem(key, MAX_CODE)
                    if problem is not None:
                        yield f"{path}.(key)" if path else "(key)", problem
                        continue
                sub = f"{path}[{key}]" if isinstance(value, list) else (f"{path}.{key}" if path else str(key))
                stack.append((item, sub, depth + 1))


REASONS_EN = {
    "text_has_nul": "contains a NUL character",
    "text_too_long": "is too long",
    "text_not_unicode": "is not valid Unicode (a lone surrogate)",
    "number_out_of_range": "is out of range",
    "payload_too_deep": "is nested too deeply",
}
