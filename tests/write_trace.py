"""What a piece of code writes, transaction by transaction: the SQL statements SQLite ran between each
BEGIN and its COMMIT on one connection, and each write statement run on its own (autocommit) as a
transaction of one (for tests that check a background job's writes are short)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_WRITE = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)\"?", re.IGNORECASE)


@contextmanager
def traced_transactions(connection: Any) -> Iterator[list[list[str]]]:
    """Collect, on a `sqlite3.Connection`, the statements of each transaction committed meanwhile.

    `executemany` shows one statement per row; the trace shows bound values written out."""
    statements: list[str] = []
    found: list[list[str]] = []
    connection.set_trace_callback(statements.append)
    try:
        yield found
    finally:
        connection.set_trace_callback(None)
        current: list[str] | None = None
        for sql in statements:
            head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
            if head == "BEGIN":
                current = []
            elif head in ("COMMIT", "ROLLBACK") and current is not None:
                found.append(current)
                current = None
            elif current is not None:
                current.append(sql)
            elif _WRITE.match(sql):
                found.append([sql])  # autocommit: a transaction of its own
        if current:
            found.append(current)  # left open: still counts


def _rows_of(sql: str) -> int:
    """Rows one statement names: the items of its last IN (…) list, its VALUES tuples, or 1."""
    upper = sql.upper()
    at = upper.rfind(" IN (")
    if at >= 0:
        inner = sql[at + 5 : sql.index(")", at)]
        return inner.count(",") + 1
    if " VALUES " in upper:
        values = upper.split(" VALUES ", 1)[1].split(" ON CONFLICT", 1)[0]
        return max(1, values.count("("))
    return 1


def writes_to(transaction: list[str], table: str) -> int:
    """How many rows of `table` a transaction's statements name (INSERT, UPDATE or DELETE)."""
    count = 0
    for sql in transaction:
        match = _WRITE.match(sql)
        if match and match.group(2).lower() == table.lower():
            count += _rows_of(sql)
    return count
