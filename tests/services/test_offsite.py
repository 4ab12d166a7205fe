"""A copy off the machine: sealed with the shop's passphrase, to a removable drive or the central server
(a real server on 127.0.0.1); the restore drill opens the newest copy and checks it without touching the
live file; the manager sees the copy's age and a warning after 3 days."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kkmp_pos.core.errors import PermissionDenied, StorageError, ValidationError
from kkmp_pos.db.models import SaleModel

PASS = "koperasi-merah-putih"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def drive(tmp_path: Path) -> Path:
    folder = tmp_path.parent / (tmp_path.name + "-usb")
    folder.mkdir()
    return folder


def test_the_daily_backup_goes_sealed_to_the_drive_and_the_drill_restores_it(till, manager, drive):
    till.offsite.configure(manager, "drive", str(drive), PASS)
    report = till.maintenance.run_startup()
    assert report.problem is None, report.problem
    copies = list(drive.glob("*.kkmpbak"))
    assert len(copies) == 1 and not list(drive.glob(".*"))  # one copy, nothing half-written
    sealed = copies[0].read_bytes()
    assert not sealed.startswith(b"SQLite format 3") and b"Beras" not in sealed  # encrypted
    assert till.offsite.status().warning is None

    live = Path(till.ctx.db.database)
    till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(live)
    result = till.offsite.drill()
    assert result.ok and result.detail == "ok"
    assert result.sales == SaleModel.select().count() > 0
    assert _digest(live) == before  # the live file was not touched


def test_a_wrong_passphrase_or_a_changed_copy_fails_the_drill(till, manager, drive):
    till.offsite.configure(manager, "drive", str(drive), PASS)
    till.maintenance.run_startup()
    copy = next(drive.glob("*.kkmpbak"))
    good = copy.read_bytes()
    till.offsite.configure(manager, "drive", str(drive), "another-passphrase")
    with pytest.raises(StorageError) as caught:
        till.offsite.drill()
    assert caught.value.code == "offsite_copy_unreadable"
    assert "kata sandi salah" in caught.value.message("id")
    till.offsite.configure(manager, "drive", str(drive), PASS)
    for changed in (good[:-100], good[:5000] + bytes([good[5000] ^ 1]) + good[5001:], good + b"x"):
        copy.write_bytes(changed)
        with pytest.raises(StorageError) as caught:
            till.offsite.drill()
        assert caught.value.code == "offsite_copy_unreadable"


def test_the_manager_is_warned_when_the_newest_copy_is_older_than_three_days(till, manager, drive):
    assert till.offsite.status().warning.code == "offsite_copy_none"
    till.offsite.configure(manager, "drive", str(drive), PASS)
    till.maintenance.run_startup()
    assert till.offsite.status().warning is None
    till.ctx.clock = lambda: datetime.now(UTC) + timedelta(days=4)
    warning = till.offsite.status().warning
    assert warning is not None and warning.code == "offsite_copy_old"
    assert "4 hari" in warning.message("id") and "4 days" in warning.message("en")


def test_an_unplugged_drive_is_said_and_the_local_backup_is_still_made(till, manager, drive):
    till.offsite.configure(manager, "drive", str(drive), PASS)
    drive.rmdir()
    report = till.maintenance.run_startup()
    assert report.backup is not None and report.backup.exists()
    assert report.problem is not None and report.problem.code == "offsite_drive_missing"
    assert "flashdisk" in report.problem.message("id")


def test_the_settings_are_checked(till, manager, cashier, drive):
    with pytest.raises(PermissionDenied):
        till.offsite.configure(cashier, "drive", str(drive), PASS)
    with pytest.raises(StorageError):
        till.offsite.configure(manager, "drive", str(drive), "short")
    with pytest.raises(ValidationError) as caught:
        till.offsite.configure(manager, "drive", str(till.ctx.data_dir / "copies"), PASS)
    assert caught.value.code == "offsite_drive_invalid"  # not off the machine at all
    with pytest.raises(ValidationError) as caught:
        till.offsite.configure(manager, "server", "", PASS)
    assert caught.value.code == "offsite_server_not_enrolled"


@pytest.fixture
def central(tmp_path: Path):
    from kkmp_pos.server import admin
    from kkmp_pos.server.app import create_app
    from kkmp_pos.server.live import start_server

    app = create_app(f"sqlite:///{tmp_path / 'server.db'}", backup_dir=tmp_path / "server-copies")
    live = start_server(app)
    sdb = app.state.sdb
    admin.create_cooperative(sdb, "kop1", "Koperasi 1")
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    yield live, sdb, tmp_path / "server-copies"
    live.stop()
    sdb.close()


def test_the_copy_goes_to_the_server_per_terminal_and_the_drill_takes_it_back(till, manager, central):
    from kkmp_pos.server import admin
    from kkmp_pos.services.sync.catalog_upload import enrol

    live, sdb, stored = central
    enrol(till.ctx, manager, live.url, admin.enrol_terminal(sdb, "kop1", "s1", "t1"), upload=False)
    till.offsite.configure(manager, "server", "", PASS)
    report = till.maintenance.run_startup()
    assert report.problem is None, report.problem
    kept = list((stored / "kop1" / "t1").glob("*.kkmpbak"))
    assert len(kept) == 1 and b"SQLite format 3" not in kept[0].read_bytes()[:100]
    result = till.offsite.drill()
    assert result.ok and result.sales == SaleModel.select().count()


def test_the_server_refuses_a_copy_without_a_terminal_token(central, tmp_path: Path):
    from kkmp_pos.sync.backup_transfer import download_latest, upload

    live, _sdb, stored = central
    blob = tmp_path / "x.kkmpbak"
    blob.write_bytes(b"KKMPBAK1" + b"\0" * 64)
    with pytest.raises(StorageError) as caught:
        upload(live.url, "not-a-token", "x.kkmpbak", blob)
    assert caught.value.code == "offsite_failed" and "401" in caught.value.message("en")
    with pytest.raises(StorageError), (tmp_path / "y").open("wb") as out:
        download_latest(live.url, "not-a-token", out)
    assert not stored.exists() or not list(stored.rglob("*.kkmpbak"))


def test_restore_check_only_on_the_command_line(till, manager, drive, capsys):
    from kkmp_pos.cli import main

    till.offsite.configure(manager, "drive", str(drive), PASS)
    till.maintenance.run_startup()
    data_dir = str(till.ctx.data_dir)
    assert main(["--data-dir", data_dir, "db", "restore", "--check-only"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK:") and "tidak disentuh" in out
