"""What a piece of code writes, transaction by transaction: the SQL statements SQLite ran between each
BEGIN and its COMMIT on one connection (for tests that check a background job's writes are short)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def traced_transactions(connection: Any) -> Iterator[list[list[str]]]:
    """Collect, on a `sqlite3.Connection`, the statements of each transaction committed meanwhile.

    `executemany` shows one statement per row, so a transaction's length counts the rows it wrote."""
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
        if current:
            found.append(current)  # left open: still counts


def writes_to(transaction: list[str], table: str) -> int:
    """How many statements of a transaction wrote to `table` (INSERT, UPDATE or DELETE)."""
    count = 0
    for sql in transaction:
        text = " ".join(sql.replace('"', "").upper().split())
        name = table.upper()
        if text.startswith((f"INSERT INTO {name} ", f"UPDATE {name} ", f"DELETE FROM {name} ")):
            count += 1
    return count
