"""The till database opens with production settings, and bad files give clear messages."""

import sqlite3
import subprocess
import sys

import pytest

from kkmp_pos.core.errors import StorageError
from kkmp_pos.db.database import open_database


def test_production_pragmas(tmp_path):
    db = open_database(tmp_path / "t.db")
    pragma = lambda name: db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL: a committed sale survives a power cut
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 5000
    assert db._lock_type == "IMMEDIATE"
    db.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "kkmp-pos.db"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.code == "db_not_sqlite"
    assert "bukan database" in info.value.message("id")
    assert str(path) in info.value.message("en")
    assert path.read_bytes() == before


def test_a_file_locked_by_another_process_gives_a_clear_message(tmp_path):
    path = tmp_path / "kkmp-pos.db"
    open_database(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3,sys,time;c=sqlite3.connect(sys.argv[1],isolation_level=None);"
            "c.execute('BEGIN EXCLUSIVE');print('locked',flush=True);time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        # the holder keeps the lock for 30 s: an open that waited it out would succeed and fail here
        with pytest.raises(StorageError) as info:
            open_database(path)
        assert info.value.code == "db_locked"
        assert "dipakai program lain" in info.value.message()
    finally:
        holder.kill()
        holder.wait()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
