"""Every SQL statement the server sends to PostgreSQL during the test run, and the rule they keep.

The rule (issue 13, `docs/SCALING.md`): every statement that touches a tenant table names the
cooperative, so Citus can route it to the one shard that holds that cooperative's rows:
- SELECT, UPDATE and DELETE filter `cooperative_id` by equality (`= %s`, or `IN` a literal list that
  holds the national '' and one cooperative, which both live on known shards);
- a join between tenant tables joins on `cooperative_id` too (co-located shards);
- INSERT and COPY write the `cooperative_id` column.
DDL, schema migrations (`server/schema.py` on the call stack: they run once, before distribution), the
schema-version table and the session's own staging tables (`*_in`, filled by COPY and read
by one INSERT … SELECT) are outside the rule, and so are the few cross-tenant admin statements listed
in `CROSS_TENANT` with the reason.

Capture: `install()` gives every psycopg2 connection the server opens a cursor class that records
the statement text before sending it (COPY included), so the statements are the real ones, values
and all; only the text up to VALUES is kept.
"""

from __future__ import annotations

import re
import sys
import threading
from collections import Counter
from pathlib import Path

import peewee
import psycopg2.extensions

import kkmp_pos
from kkmp_pos.server import models

STATEMENTS: Counter[str] = Counter()
_lock = threading.Lock()

TENANT_TABLES = frozenset(
    model._meta.table_name for model in models.ALL_MODELS if "cooperative_id" in model._meta.fields
)

# server-wide tables, with no cooperative in them, and why (docs/SCALING.md: where each goes under Citus)
SERVER_WIDE: dict[str, str] = {
    "server_schema_version": "one row, the schema version: a reference table",
    "rate_limit_failure": "failed enrolments and sign-ins per client address, which names no cooperative: "
    "a local table of the coordinator, which the server connects to",
}

# statements allowed to span cooperatives (matched by a part of their text), and why
CROSS_TENANT: dict[str, str] = {
    'WHERE ("t1"."enrol_code_hash" = %s)': "enrolment: the code typed at a new till names no cooperative; "
    "it is found by its hash (Citus: a multi-shard lookup on an indexed column, once per till)",
    'FROM "change_log" AS "t1" WHERE ("t1"."change_id" <= %s) GROUP BY': "admin prune-feed: the change "
    "ids come from one sequence for all cooperatives; it runs per cooperative's shard in parallel",
    'DELETE FROM "change_log" WHERE ("change_log"."change_id" <= %s)': "admin prune-feed (as above)",
    'FROM "cooperative" AS "t1" WHERE ("t1"."region_code" ILIKE %s)': "the board's regional view (Dinas): "
    "which cooperatives are in the region, from the small `cooperative` table (Citus: one multi-shard "
    "read of the anchor table per page); every figure is then read per cooperative, by its key",
}


def _normal(sql: str | bytes) -> str:
    text = sql.decode("utf-8", "replace") if isinstance(sql, bytes) else str(sql)
    cut = re.search(r"\bVALUES\b", text, re.IGNORECASE)
    if cut and text.lstrip().upper().startswith("INSERT"):
        text = text[: cut.start() + 6]
    return " ".join(text.split())


_PACKAGE = str(Path(kkmp_pos.__file__).parent)
# peewee, playhouse and psycopg2 live in site-packages: the statement's origin is the first frame outside
_PLUMBING = (str(Path(peewee.__file__).parent), str(Path(__file__)))


_MIGRATIONS = str(Path(kkmp_pos.__file__).parent / "server" / "schema.py")


def _from_the_server() -> bool:
    """True when the statement comes from the package, not from a test's own look at the tables, and
    not from a schema migration (migrations run once, before any table is distributed)."""
    frame = sys._getframe(2)
    origin = None
    while frame is not None:
        name = frame.f_code.co_filename
        if name == _MIGRATIONS:
            return False
        if origin is None and not name.startswith(_PLUMBING):
            origin = name
        frame = frame.f_back
    return origin is not None and origin.startswith(_PACKAGE)


def record(sql: str | bytes) -> None:
    if _from_the_server():
        with _lock:
            STATEMENTS[_normal(sql)] += 1


class CapturingCursor(psycopg2.extensions.cursor):
    def execute(self, query, vars=None):
        record(query)
        return super().execute(query, vars)

    def executemany(self, query, vars_list):
        record(query)
        return super().executemany(query, vars_list)

    def copy_expert(self, sql, file, size=8192):
        record(sql)
        return super().copy_expert(sql, file, size)


def install() -> None:
    """Every server database opened from now on records its statements (tests only)."""
    from kkmp_pos.server import db as server_db

    original = server_db.PooledPostgresqlDatabase
    if getattr(original, "_captures", False):
        return

    class Capturing(original):  # type: ignore[misc, valid-type]
        _captures = True

        def __init__(self, database, **kwargs):
            kwargs.setdefault("cursor_factory", CapturingCursor)
            super().__init__(database, **kwargs)

    server_db.PooledPostgresqlDatabase = Capturing


_TABLE = r'"?([a-z_][a-z0-9_]*)"?'
_WRITES = re.compile(rf"^(?:INSERT INTO|COPY)\s+{_TABLE}\s*\(([^)]*)\)", re.IGNORECASE)
_TOUCHED = re.compile(rf"\b(?:FROM|JOIN|UPDATE|INTO|COPY)\s+{_TABLE}", re.IGNORECASE)
_VALUE = r"(?:%s|'[^']*'|\$\d+)"
_COOP_EQ = re.compile(
    rf'"cooperative_id"\s*(?:=\s*{_VALUE}|IN\s*\(\s*{_VALUE}\s*(?:,\s*{_VALUE}\s*)?\))', re.IGNORECASE
)
_JOIN = re.compile(
    r"\bJOIN\s+(\S+)(?:\s+(?:AS\s+)?\w+)?\s+ON\s+(.*?)(?=\bJOIN\b|\bWHERE\b|\bGROUP\b|\bORDER\b|\bLIMIT\b|$)",
    re.IGNORECASE,
)
_SKIP = ("CREATE ", "ALTER ", "DROP ", "SET ", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE ")


def problem(statement: str) -> str | None:
    """Why `statement` breaks the rule, or None."""
    upper = statement.upper()
    if upper.startswith(_SKIP) or any(part in statement for part in CROSS_TENANT):
        return None
    touched = {t for t in _TOUCHED.findall(statement) if t in TENANT_TABLES}
    if not touched:
        return None
    write = _WRITES.match(statement)
    if write:
        table, columns = write.groups()
        if table in TENANT_TABLES and "cooperative_id" not in columns:
            return f"writes {table} without its cooperative_id"
        if "SELECT" not in upper:
            return None
        read = {t for t in _TOUCHED.findall(statement[write.end() :]) if t in TENANT_TABLES}
        if not read:  # INSERT … SELECT from the session's staging table
            return None
    if not _COOP_EQ.search(statement):
        return f"touches {', '.join(sorted(touched))} without cooperative_id = …"
    for target, condition in _JOIN.findall(statement):
        if target.strip('"') in TENANT_TABLES and "cooperative_id" not in condition:
            return f"joins {target} without cooperative_id"
    return None


def problems(statements: Counter[str] | None = None) -> dict[str, str]:
    found = {}
    for statement in statements if statements is not None else STATEMENTS:
        reason = problem(statement)
        if reason:
            found[statement] = reason
    return found
