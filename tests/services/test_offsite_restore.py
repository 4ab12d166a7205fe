"""The day the PC dies: `kkmp-pos db restore --from-offsite` on a new PC takes the newest sealed copy
from the removable drive (or a given file, or this terminal's newest on the central server), opens it
with the passphrase read from stdin, checks it and puts it in place through `db restore`'s own path,
which refuses while a till has the file open. Real files, a real server on 127.0.0.1, real processes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.db.models import SaleModel
from kkmp_pos.services.setup.offsite_key import KEY_FILENAME, load_key

ROOT = Path(__file__).resolve().parents[2]
PASS = "koperasi-merah-putih"


def kkmp(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("KKMP_POS_PIN", None)
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _sales(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM sale")}
    finally:
        conn.close()


@pytest.fixture
def drive(tmp_path: Path) -> Path:
    folder = tmp_path.parent / (tmp_path.name + "-usb")
    folder.mkdir()
    return folder


@pytest.fixture
def copied(till, manager, drive):  # type: ignore[no-untyped-def]
    """The shop's day: a sealed copy on the drive, then the till closed (the PC dies)."""
    till.offsite.configure(manager, "drive", str(drive), PASS)
    report = till.maintenance.run_startup()
    assert report.problem is None, report.problem
    sales = {s.id for s in SaleModel.select(SaleModel.id)}
    key = load_key(till.ctx.data_dir)
    till.close()
    return sales, key


def test_a_new_pc_restores_the_newest_copy_from_the_drive(copied, drive, tmp_path):
    sales, key = copied
    older = drive / "kkmp-pos-T1-2000-01-01.kkmpbak"  # an older copy beside it: not the one taken
    older.write_bytes(b"KKMPBAK2" + b"\0" * 100)
    os.utime(older, (1, 1))
    new_pc = tmp_path.parent / (tmp_path.name + "-newpc") / "data"
    out = kkmp(new_pc, "db", "restore", "--from-offsite", str(drive), stdin=PASS + "\n")
    said = out.stdout + out.stderr
    assert out.returncode == 0, said
    assert "Traceback" not in said and PASS not in said
    assert _sales(new_pc / DB_FILENAME) == sales
    assert load_key(new_pc) == key  # the next copies are sealed as before, the passphrase kept nowhere
    assert [p.name for p in new_pc.iterdir() if p.name.startswith(".offsite-restore")] == []

    from kkmp_pos.app import open_till  # and the till opens on it

    restored = open_till(new_pc)
    try:
        assert restored.offsite.drill().ok
    finally:
        restored.close()


def test_a_given_copy_replaces_the_file_of_the_same_pc_and_keeps_the_old_one(copied, drive, tmp_path):
    sales, _key = copied
    live = tmp_path / DB_FILENAME
    conn = sqlite3.connect(live)
    conn.execute("DELETE FROM sale_line")  # what went wrong after the copy
    conn.commit()
    conn.close()
    copy = next(drive.glob("*.kkmpbak"))
    out = kkmp(tmp_path, "--lang", "en", "db", "restore", "--from-offsite", str(copy), stdin=PASS + "\n")
    assert out.returncode == 0, out.stdout + out.stderr
    assert _sales(live) == sales
    kept = list(tmp_path.glob("kkmp-pos.replaced-*.db"))
    assert len(kept) == 1 and "schema v" in out.stdout


def test_an_empty_or_wrong_passphrase_is_refused_in_words_and_nothing_changes(copied, drive, tmp_path):
    live = tmp_path / DB_FILENAME
    before = hashlib.sha256(live.read_bytes()).hexdigest()
    out = kkmp(tmp_path, "db", "restore", "--from-offsite", str(drive), stdin="")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "Kata sandi salinan kosong" in out.stderr and "stdin" in out.stderr
    out = kkmp(tmp_path, "db", "restore", "--from-offsite", str(drive), stdin="bukan-kata-sandinya\n")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "kata sandi salah" in out.stderr
    assert hashlib.sha256(live.read_bytes()).hexdigest() == before
    assert not list(tmp_path.glob("kkmp-pos.replaced-*"))
    new_pc = tmp_path.parent / (tmp_path.name + "-empty")  # no path, no old database: which copy?
    out = kkmp(new_pc, "db", "restore", "--from-offsite", stdin=PASS + "\n")
    assert out.returncode != 0 and "PATH" in out.stderr and "Traceback" not in out.stderr


def test_without_a_path_the_drive_the_shop_chose_is_used(copied, tmp_path):
    sales, _key = copied
    out = kkmp(tmp_path, "db", "restore", "--from-offsite", stdin=PASS + "\n")
    assert out.returncode == 0, out.stdout + out.stderr
    assert _sales(tmp_path / DB_FILENAME) == sales


def test_refused_while_a_till_has_the_file_open(copied, drive, tmp_path):
    from kkmp_pos.db.instance_lock import InstanceLock

    lock = InstanceLock.acquire(tmp_path)  # as the till's window holds it
    try:
        out = kkmp(tmp_path, "db", "restore", "--from-offsite", str(drive), stdin=PASS + "\n")
    finally:
        lock.release()
    assert out.returncode != 0 and "Tutup aplikasi kasir" in out.stderr
    assert not list(tmp_path.glob("kkmp-pos.replaced-*"))


@pytest.fixture
def central(tmp_path: Path):  # type: ignore[no-untyped-def]
    from kkmp_pos.server import admin
    from kkmp_pos.server.app import create_app
    from kkmp_pos.server.live import start_server

    app = create_app(f"sqlite:///{tmp_path / 'server.db'}", backup_dir=tmp_path / "server-copies")
    live = start_server(app)
    sdb = app.state.sdb
    admin.create_cooperative(sdb, "kop1", "Koperasi 1")
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    yield live, sdb
    live.stop()
    sdb.close()


def test_the_newest_copy_on_the_server_with_this_terminals_token(till, manager, central, tmp_path):
    from kkmp_pos.server import admin
    from kkmp_pos.services.sync.catalog_upload import enrol

    live, sdb = central
    enrol(till.ctx, manager, live.url, admin.enrol_terminal(sdb, "kop1", "s1", "t1"), upload=False)
    till.offsite.configure(manager, "server", "", PASS)
    assert till.maintenance.run_startup().problem is None
    sales = {s.id for s in SaleModel.select(SaleModel.id)}
    till.close()
    live_db = tmp_path / DB_FILENAME
    conn = sqlite3.connect(live_db)
    conn.execute("DELETE FROM sale_line")
    conn.commit()
    conn.close()
    out = kkmp(tmp_path, "db", "restore", "--from-offsite", "--server", live.url, stdin=PASS + "\n")
    assert out.returncode == 0, out.stdout + out.stderr
    assert _sales(live_db) == sales

    new_pc = tmp_path.parent / (tmp_path.name + "-newpc")  # no old database: no terminal token
    out = kkmp(new_pc, "db", "restore", "--from-offsite", "--server", live.url, stdin=PASS + "\n")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "token" in out.stderr and not (new_pc / DB_FILENAME).exists()
    assert not (new_pc / KEY_FILENAME).exists()
