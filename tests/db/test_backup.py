"""Online backup, integrity check and restore of the till database."""

import sqlite3

import pytest

from kkmp_pos.core.errors import StorageError
from kkmp_pos.db.backup import backup_to, check_file, restore_from
from kkmp_pos.db.models import SaleModel


def test_backup_while_open_then_restore_keeps_the_replaced_file(till, tmp_path):
    sales = SaleModel.select().count()
    target = backup_to(till.ctx.db, tmp_path / "backups" / "b.db")
    assert check_file(target).ok
    live = till.db_path
    SaleModel.delete().where(SaleModel.id == SaleModel.select().first().id).execute()
    till.close()

    kept = restore_from(target, live)
    assert kept.exists() and kept != live
    conn = sqlite3.connect(live)
    assert conn.execute("SELECT count(*) FROM sale").fetchone()[0] == sales
    conn.close()
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM sale").fetchone()[0] == sales - 1
    conn.close()


def test_a_damaged_backup_is_refused_and_the_live_file_untouched(till, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)
    live = till.db_path
    till.close()
    before = live.read_bytes()
    with pytest.raises(StorageError) as info:
        restore_from(bad, live)
    assert info.value.code == "backup_invalid"
    assert live.read_bytes() == before


def test_check_detects_corruption(till, tmp_path):
    copy = backup_to(till.ctx.db, tmp_path / "c.db")
    data = bytearray(copy.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 6)):
        data[offset] = 0x5A
    copy.write_bytes(bytes(data))
    result = check_file(copy)
    assert not result.ok
    assert result.detail


def test_a_backup_leaves_out_the_pages_pruning_freed(till, tmp_path):
    """Backups stay proportional to the documents: printed jobs pruned from the live file leave free
    pages there, not in the copy (VACUUM INTO)."""
    db = till.ctx.db
    sales = SaleModel.select().count()
    with db.atomic():
        db.execute_sql(
            "INSERT INTO print_job (kind, document, is_copy, status, attempts, printer_uri, created_at) "
            "SELECT 'receipt', printf('%.4000c', 'x'), 0, 'sent', 1, '', '2020-01-01T00:00:00Z' "
            "FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
            "SELECT i FROM n)"
        )
    db.execute_sql("DELETE FROM print_job WHERE created_at = '2020-01-01T00:00:00Z'")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    live_pages, free_pages = (
        db.execute_sql(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "freelist_count")
    )
    assert free_pages > 1000  # ~8 MB freed in the live file
    target = backup_to(db, tmp_path / "b.db")
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA freelist_count").fetchone()[0] == 0
        # the copy holds the used pages only (VACUUM rebuilds every b-tree, so a page more or less)
        assert copy.execute("PRAGMA page_count").fetchone()[0] <= (live_pages - free_pages) * 1.02
        assert copy.execute("SELECT count(*) FROM sale").fetchone()[0] == sales
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        copy.close()
    assert check_file(target).ok
