"""The live database file is touched only through SQLite, and one till window owns a data folder.

Real processes throughout: the failures these guard against happen between processes (POSIX locks,
the WAL's last-connection cleanup, a second window on the same folder).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.errors import StorageError
from kkmp_pos.db import backup
from kkmp_pos.db.database import open_database
from kkmp_pos.db.instance_lock import InstanceLock, till_running

ROOT = Path(__file__).resolve().parents[2]
HOLD_LOCK = (
    "import sys, time\n"
    "from kkmp_pos.db.instance_lock import InstanceLock\n"
    "lock = InstanceLock.acquire(sys.argv[1])\n"
    "print('held', flush=True)\n"
    "time.sleep(120)\n"
)


def _python(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, **kw)


@pytest.fixture
def window_elsewhere(tmp_path: Path):
    """Another process holding the folder's window lock, as a running till does."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()


def test_checking_the_live_file_keeps_the_wal_of_the_process_that_has_it_open(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    db = open_database(path)
    db.execute_sql("CREATE TABLE t (x INTEGER)")
    db.execute_sql("PRAGMA wal_autocheckpoint=0")
    db.execute_sql("INSERT INTO t VALUES (1)")
    wal = Path(f"{path}-wal")
    assert wal.exists()

    result = backup.check_file(path, quick=True)  # the start-up check, in the till's own process
    assert result.ok

    # Another process opens and closes the file, as `report eod` or `db check` does. Had the check
    # dropped this process's locks, that process would believe it was the last and remove the WAL.
    out = _python(
        "-c", f"import sqlite3; c = sqlite3.connect({str(path)!r}); c.execute('select 1'); c.close()"
    )
    assert out.returncode == 0, out.stderr
    assert wal.exists()
    db.execute_sql("INSERT INTO t VALUES (2)")
    db.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 2
    conn.close()


@pytest.mark.parametrize("content", [b"", b"hello", b"x" * 4096])
def test_a_file_that_is_not_a_database_is_named_so(tmp_path: Path, content: bytes):
    path = tmp_path / "not.db"
    path.write_bytes(content)
    result = backup.check_file(path)
    assert not result.ok and result.detail == "not an SQLite database"


def test_a_second_window_on_the_same_folder_is_refused(tmp_path: Path, window_elsewhere):
    assert till_running(tmp_path)
    with pytest.raises(StorageError) as caught:
        InstanceLock.acquire(tmp_path)
    assert caught.value.code == "till_already_running"
    assert "sudah terbuka" in caught.value.message("id")
    assert "already open" in caught.value.message("en")


def test_the_lock_goes_with_the_process(tmp_path: Path, window_elsewhere):
    window_elsewhere.send_signal(signal.SIGKILL)  # a crash or a power cut: no stale lock
    window_elsewhere.wait()
    for _ in range(50):
        if not till_running(tmp_path):
            break
        time.sleep(0.1)
    lock = InstanceLock.acquire(tmp_path)
    assert till_running(tmp_path)  # held by this window now
    lock.release()
    assert not till_running(tmp_path)


def test_the_second_window_process_shows_why_and_exits(tmp_path: Path, window_elsewhere):
    env_extra = {"KKMP_POS_EXIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env_extra}
    out = subprocess.run(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode != 0
    assert "till_already_running" in out.stderr or "already open" in out.stderr
    assert not (tmp_path / DB_FILENAME).exists()  # the second window never touched the database


def test_restore_is_refused_while_a_window_has_the_folder(tmp_path: Path, window_elsewhere):
    data = tmp_path
    db = open_database(data / DB_FILENAME)
    db.execute_sql("CREATE TABLE t (x INTEGER)")
    copy = backup.backup_to(db, tmp_path / "copy.db")
    db.execute_sql("INSERT INTO t VALUES (1)")  # a sale made after the backup
    db.close()
    out = _python("-m", "kkmp_pos", "--data-dir", str(data), "db", "restore", str(copy))
    assert out.returncode != 0
    assert "Tutup aplikasi kasir" in out.stdout + out.stderr
    conn = sqlite3.connect(data / DB_FILENAME)
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 1  # nothing replaced
    conn.close()
