"""One writer per invariant: a scan of the package's source finds every write to the stock ledger and its
on-hand caches, the outbox and the terminal sequence, and a sale's status, and each is in its writer.

A write is a peewee insert/update/delete/create/replace on the model, a helper handed the model to build
an INSERT, an assignment to the cached attribute, or raw SQL (INSERT/UPDATE/DELETE/REPLACE) naming the
table. `server/` is left out (its own database and tables); so are the frozen schema steps in
`db/migrations.py`, which never run outside an upgrade.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kkmp_pos

PACKAGE = Path(kkmp_pos.__file__).parent
SKIPPED = ("server/", "db/migrations.py")

OWNERS = {
    "stock_movement": {"db/ledger.py"},
    "on_hand cache": {"db/ledger.py"},
    "outbox_event": {"db/outbox.py"},
    "terminal.next_seq": {"db/outbox.py"},
    "sale.status": {"services/selling/sale_state.py"},
    # a new sale row carries the status it commits with (core.sale_status.status_at_commit)
    "new sale": {"services/selling/sales.py", "devtools/bulkgen.py"},
    "journal": {"db/journal.py"},
    "journal_line": {"db/journal.py"},
}

MODEL_TABLES = {
    "StockMovementModel": "stock_movement",
    "OutboxEventModel": "outbox_event",
    "ProductModel": "product",
    "BatchModel": "batch",
    "TerminalModel": "terminal",
    "SaleModel": "sale",
    "JournalModel": "journal",
    "JournalLineModel": "journal_line",
}
WRITE_METHODS = {
    "insert", "insert_many", "insert_from", "create", "update", "delete", "replace", "replace_many",
    "bulk_create", "bulk_update", "get_or_create", "delete_by_id", "set_by_id", "truncate_table",
}  # fmt: skip
INSERT_METHODS = {"insert", "insert_many", "insert_from", "create", "replace", "replace_many", "bulk_create"}
# Values a new row may start with: no movements yet, the first sequence number.
STARTING_VALUES = {"on_hand_milli": 0, "next_seq": 1}

SQL_WRITE = re.compile(
    r"\b(INSERT(?:\s+OR\s+\w+)?\s+INTO|DELETE\s+FROM|REPLACE\s+INTO)\s+\"?(\w+)\"?"
    r"|\bUPDATE(?:\s+OR\s+\w+)?\s+\"?(\w+)\"?\s+SET\s+(.*?)(?:\bWHERE\b|$)",
    re.IGNORECASE | re.DOTALL,
)
SET_COLUMN = re.compile(r"\"?(\w+)\"?\s*=(?!=)")


def _invariant(table: str, column: str | None, inserting: bool) -> str | None:
    """Which invariant a write to `table` (setting `column`, if known) touches, if any."""
    if table in ("stock_movement", "outbox_event", "journal", "journal_line"):
        return table
    if table in ("product", "batch") and column == "on_hand_milli":
        return "on_hand cache"
    if table == "terminal" and column == "next_seq":
        return "terminal.next_seq"
    if table == "sale" and inserting:
        return "new sale"
    if table == "sale" and column == "status":
        return "sale.status"
    return None


def _model_of(node: ast.expr) -> str | None:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return MODEL_TABLES.get(name or "")


def _set_columns(call: ast.Call) -> list[tuple[str, ast.expr | None]]:
    """Columns a peewee write names: keywords, and dict keys (`{Model.col: ...}` or `{"col": ...}`)."""
    columns: list[tuple[str, ast.expr | None]] = [(k.arg, k.value) for k in call.keywords if k.arg]
    for arg in call.args:
        if isinstance(arg, ast.Dict):
            for key, value in zip(arg.keys, arg.values, strict=True):
                if isinstance(key, ast.Attribute):
                    columns.append((key.attr, value))
                elif isinstance(key, ast.Constant) and isinstance(key.value, str):
                    columns.append((key.value, value))
    return columns


def _peewee_writes(call: ast.Call) -> set[str]:
    found: set[str] = set()
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in WRITE_METHODS:
        table = _model_of(func.value)
        if table is None:
            return found
        inserting = func.attr in INSERT_METHODS
        if (hit := _invariant(table, None, inserting)) is not None:
            found.add(hit)
        for column, value in _set_columns(call):
            start = STARTING_VALUES.get(column)
            if inserting and isinstance(value, ast.Constant) and value.value == start:
                continue
            if (hit := _invariant(table, column, inserting)) is not None:
                found.add(hit)
    # a helper handed a model to build its INSERT (e.g. insert_sql(StockMovementModel, columns))
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if re.search(r"insert|sql|bulk|write", name, re.IGNORECASE):
        for arg in call.args:
            table = _model_of(arg)
            if table is not None and (hit := _invariant(table, None, True)) is not None:
                found.add(hit)
    return found


def _sql_writes(text: str) -> set[str]:
    found: set[str] = set()
    for match in SQL_WRITE.finditer(text):
        if match.group(1):
            verb, table = match.group(1).upper(), match.group(2).lower()
            if (hit := _invariant(table, None, not verb.startswith("DELETE"))) is not None:
                found.add(hit)
        else:
            table = match.group(3).lower()
            for column in SET_COLUMN.findall(match.group(4)):
                if (hit := _invariant(table, column.lower(), False)) is not None:
                    found.add(hit)
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of string constants that are statements of their own (docstrings): prose, not SQL."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def writes_in(source: str) -> set[str]:
    """The invariants a piece of source writes."""
    tree = ast.parse(source)
    prose = _docstrings(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found |= _peewee_writes(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            found |= _sql_writes(node.value)
        elif isinstance(node, ast.JoinedStr):  # an f-string: its fixed parts, holes left open
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            found |= _sql_writes(str(text))
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if not isinstance(target, ast.Attribute):
                    continue
                if target.attr == "on_hand_milli":
                    found.add("on_hand cache")
                elif target.attr == "next_seq":
                    found.add("terminal.next_seq")
                elif (
                    target.attr == "status"
                    and isinstance(target.value, ast.Name)
                    and "sale" in target.value.id.lower()
                ):
                    found.add("sale.status")
    return found


def _package_writes() -> dict[str, set[str]]:
    writes = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(SKIPPED):
            continue
        found = writes_in(path.read_text(encoding="utf-8"))
        if found:
            writes[rel] = found
    return writes


def test_each_invariant_is_written_only_by_its_writer():
    strays = {
        rel: sorted(hit for hit in found if rel not in OWNERS[hit])
        for rel, found in _package_writes().items()
    }
    assert {rel: hits for rel, hits in strays.items() if hits} == {}


def test_the_writers_are_found_writing():
    """The scan sees the writers themselves, so a scan that finds nothing cannot pass by accident."""
    writes = _package_writes()
    assert writes["db/ledger.py"] >= {"stock_movement", "on_hand cache"}
    assert writes["db/outbox.py"] >= {"outbox_event", "terminal.next_seq"}
    assert "sale.status" in writes["services/selling/sale_state.py"]


def test_the_scan_catches_every_kind_of_write():
    cases = {
        "StockMovementModel.insert(id='x').execute()": "stock_movement",
        "m.StockMovementModel.delete().execute()": "stock_movement",
        "con.executemany(insert_sql(StockMovementModel, COLUMNS), rows)": "stock_movement",
        "db.execute_sql('INSERT INTO stock_movement (id) VALUES (?)', ('x',))": "stock_movement",
        "ProductModel.update(on_hand_milli=ProductModel.on_hand_milli + 1).execute()": "on_hand cache",
        "BatchModel.update({BatchModel.on_hand_milli: 5}).execute()": "on_hand cache",
        "ProductModel.create(code='x', on_hand_milli=7)": "on_hand cache",
        "product.on_hand_milli += 1000": "on_hand cache",
        'cur.executemany(\'UPDATE "product" SET "on_hand_milli" = ? WHERE id = ?\', rows)': "on_hand cache",
        "sql = f'UPDATE batch SET on_hand_milli = on_hand_milli + {qty} WHERE id = 1'": "on_hand cache",
        "OutboxEventModel.create(seq=1, payload='{}')": "outbox_event",
        "OutboxEventModel.update(status='acked').execute()": "outbox_event",
        "db.execute_sql('DELETE FROM outbox_event WHERE seq < ?', (9,))": "outbox_event",
        "TerminalModel.update(next_seq=TerminalModel.next_seq + 1).execute()": "terminal.next_seq",
        'con.execute(\'UPDATE "terminal" SET "next_seq" = ? WHERE "id" = 1\', (5,))': "terminal.next_seq",
        "terminal.next_seq = 9": "terminal.next_seq",
        "SaleModel.update(status='cancelled').where(SaleModel.id == x).execute()": "sale.status",
        "db.execute_sql(\"UPDATE sale SET status = 'completed' WHERE id = ?\", (x,))": "sale.status",
        "sale.status = 'cancelled'": "sale.status",
        "SaleModel.create(id=x, status='completed')": "new sale",
    }
    for source, invariant in cases.items():
        assert writes_in(source) == {invariant}, source


def test_reads_and_fresh_rows_are_not_writes():
    harmless = [
        "StockMovementModel.select().where(StockMovementModel.kind == 'sale')",
        "db.execute_sql('SELECT SUM(qty_milli) FROM stock_movement WHERE product_id = ?', (1,))",
        "ProductModel.update(name='x', cost_rp=5).execute()",
        "db.execute_sql('UPDATE product SET cost_rp = CASE WHEN on_hand_milli <= 0 THEN ? END')",
        "ProductModel.insert(code='x', on_hand_milli=0).execute()",
        "TerminalModel.create(id='t', code='T1', number=1, next_seq=1)",
        "TerminalModel.update(pull_cursor='c').execute()",
        "StockCountModel.update(status='cancelled').execute()",
        "result.status = 'rejected'",
        '"""Update the product cache: INSERT INTO stock_movement happens in the ledger."""',
    ]
    for source in harmless:
        assert writes_in(source) == set(), source
