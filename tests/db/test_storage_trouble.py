"""A read-only data folder and a full disk are reported as what they are, never as a damaged database.

Real mechanisms only: a folder the OS refuses to write (chmod, or the immutable flag when the tests run
as root, for whom chmod does not stop writes), SQLite's own SQLITE_READONLY and SQLITE_FULL (a file
opened read-only; `max_page_count`), and, where the tests may mount, a real full tmpfs.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.errors import StorageError
from kkmp_pos.db.sqlite_errors import storage_errors

ROOT = Path(__file__).resolve().parents[2]


def _chattr(flag: str, *paths: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True)
    return done.returncode == 0


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files and folders unwritable for this process, by whatever the OS really enforces."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    if not _chattr("+i", *paths):
        pytest.skip("running as root, where chmod does not stop writes, and chattr +i is unavailable")
    try:
        yield
    finally:
        _chattr("-i", *paths)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A closed till's data folder with its database (the WAL folded in on close)."""
    from kkmp_pos.app import open_till

    open_till(tmp_path).close()
    return tmp_path


def _assert_read_only(exc: StorageError) -> None:
    assert exc.code == "db_read_only", exc
    assert "hanya bisa dibaca" in exc.message("id") and "tidak rusak" in exc.message("id")
    assert "read-only" in exc.message("en")
    assert "Pulihkan" not in exc.message("id")


def test_a_read_only_data_folder_is_called_read_only_not_damaged(shop: Path):
    from kkmp_pos.app import open_till

    files = [p for p in shop.iterdir() if p.is_file()]
    with read_only(shop, *files), pytest.raises(StorageError) as caught:
        open_till(shop)
    _assert_read_only(caught.value)


def test_a_read_only_database_file_is_called_read_only(shop: Path):
    from kkmp_pos.app import open_till

    with read_only(shop / DB_FILENAME), pytest.raises(StorageError) as caught:
        open_till(shop)
    _assert_read_only(caught.value)


def test_the_window_on_a_read_only_folder_explains_and_exits(shop: Path):
    files = [p for p in shop.iterdir() if p.is_file()]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "KKMP_POS_EXIT_WHEN_SHOWN": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    with read_only(shop, *files):
        out = subprocess.run(
            [sys.executable, "-m", "kkmp_pos", "--data-dir", str(shop)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    assert out.returncode != 0
    assert "db_read_only" in out.stderr, out.stderr
    assert "db_damaged" not in out.stderr and "Traceback" not in out.stderr


def test_sqlite_readonly_is_read_only(shop: Path):
    """SQLITE_READONLY itself (a connection opened read-only), through the one translation."""
    path = shop / DB_FILENAME
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(StorageError) as caught, storage_errors(path):
            conn.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
    finally:
        conn.close()
    _assert_read_only(caught.value)


def test_a_full_database_refuses_the_sale_as_a_full_disk_and_keeps_the_earlier_ones(
    till, cashier, without_purchase_caps
):
    """SQLITE_FULL (the file may not grow: `max_page_count`) during checkout."""
    from kkmp_pos.core.cart import Cart
    from kkmp_pos.db.models import SaleModel
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

    product = till.catalog.search("beras")[0]
    pages = till.ctx.db.execute_sql("PRAGMA page_count").fetchone()[0]
    till.ctx.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    sold: list[str] = []
    with pytest.raises(StorageError) as caught:
        for _ in range(500):
            cart = Cart()
            cart.add(product, 1000)
            due = till.sales.cash_due(cart)
            pay = [PaymentInput(PaymentMethod.CASH, 0, due)]
            sold.append(till.sales.checkout(cart, pay, cashier).sale_id)
    assert caught.value.code == "disk_full"
    assert "Disk penuh" in caught.value.message("id")
    kept = SaleModel.select().where(SaleModel.id.in_(sold)).count() if sold else 0
    assert kept == len(sold)


@contextmanager
def full_tmpfs(where: Path, room: int = 0) -> Iterator[Path]:
    """A real, small filesystem filled up to `room` bytes from the end (needs the right to mount)."""
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here to fill a real disk")
    try:
        with (where / "filler").open("wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        if room:
            filler = where / "filler"
            os.truncate(filler, max(0, filler.stat().st_size - room))
        yield where
    finally:
        if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)
            pytest.fail("the full disk was still in use: a failed start left a file open on it")


@pytest.mark.parametrize("room", [0, 64 * 1024, 256 * 1024])
def test_a_first_start_on_a_full_disk_says_the_disk_is_full(tmp_path: Path, room: int):
    """Full before the first page, during the schema steps, or while the store is set up."""
    import gc

    from kkmp_pos.app import open_till

    with full_tmpfs(tmp_path / "disk", room) as disk:
        try:
            open_till(disk / "shop")
        except StorageError as exc:
            code, message = exc.code, exc.message("id")
        else:
            pytest.fail("the till opened on a full disk")
        gc.collect()  # the failed connection lives on in the traceback until collected
    assert code == "disk_full", code
    assert "Disk penuh" in message
