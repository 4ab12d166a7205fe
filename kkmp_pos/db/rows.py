"""Whole rows written with SQL prepared once per table and set of columns, for the sale path.

Peewee builds the text of every INSERT again, field by field: on a checkout that was a third of the
time. `insert_rows(Model, rows)` writes the same rows, with the model's column names and its Python-side
defaults for the fields a row leaves out, through one cached statement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import peewee as pw

from kkmp_pos.db.database import database


@lru_cache(maxsize=64)
def _plan(model: type[pw.Model], given: tuple[str, ...]) -> tuple[str, tuple[pw.Field, ...], tuple[str, ...]]:
    """(INSERT text, the fields it writes in order, the given keys in that order)."""
    fields = model._meta.fields
    unknown = [name for name in given if name not in fields]
    if unknown:
        raise KeyError(f"{model.__name__} has no field {unknown[0]!r}")
    defaulted = tuple(
        f for f in model._meta.sorted_fields if f.name not in given and f in model._meta.defaults
    )
    written = tuple(fields[name] for name in given) + defaulted
    columns = ", ".join(f'"{f.column_name}"' for f in written)
    marks = ", ".join("?" for _ in written)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})', written, given


def _default(field: pw.Field) -> Any:
    value = field.model._meta.defaults[field]
    return value() if callable(value) else value


def insert_rows(model: type[pw.Model], rows: Sequence[Mapping[str, Any]]) -> int | None:
    """Insert `rows` (field name → value; every row with the same keys) into `model`'s table, in the
    caller's transaction. Returns the last row's rowid (an AutoField's new id)."""
    if not rows:
        return None
    sql, fields, given = _plan(model, tuple(rows[0]))
    extra = fields[len(given) :]
    params = [
        tuple(f.db_value(row[name]) for f, name in zip(fields, given, strict=False))
        + tuple(f.db_value(_default(f)) for f in extra)
        for row in rows
    ]
    cursor = database.cursor()
    if len(params) == 1:
        cursor.execute(sql, params[0])
    else:
        cursor.executemany(sql, params)
    return cursor.lastrowid


def insert_row(model: type[pw.Model], row: Mapping[str, Any]) -> int:
    """Insert one row (see insert_rows); returns its rowid (an AutoField's new id)."""
    rowid = insert_rows(model, [row])
    assert rowid is not None
    return rowid
