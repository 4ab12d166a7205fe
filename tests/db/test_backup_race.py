"""Backups are written under a unique name and renamed in one step: two start-ups on one day never
collide, and a failed backup leaves nothing behind. Real processes race for the same day's backup."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kkmp_pos.core.errors import StorageError
from kkmp_pos.db.backup import backup_to, check_file

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20


def _wait_for(path: Path, procs: list[subprocess.Popen]) -> None:
    while not path.exists():
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"a backup process ended early: {proc.stderr.read()}")
        time.sleep(0.005)


def test_two_start_ups_back_up_the_same_day_twenty_times_without_a_collision(tmp_path: Path):
    from kkmp_pos.app import open_till

    data, control = tmp_path / "shop", tmp_path / "control"
    control.mkdir()
    open_till(data).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = str(Path(__file__).with_name("backup_race_child.py"))
    procs = [
        subprocess.Popen(
            [sys.executable, child, str(data), str(control), str(ROUNDS), name],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    try:
        for name in ("a", "b"):
            _wait_for(control / f"ready-{name}", procs)
        backups = data / "backups"
        for n in range(ROUNDS):
            for old in backups.glob("*") if backups.exists() else []:
                old.unlink()
            (control / f"go-{n}").write_text("go")
            outcomes = []
            for name in ("a", "b"):
                done = control / f"done-{n}-{name}"
                _wait_for(done, procs)
                outcomes.append(done.read_text())
            assert not [o for o in outcomes if o.startswith("error")], (n, outcomes)
            assert "ok" in outcomes, (n, outcomes)  # at least one made the day's backup
            files = sorted(p.name for p in backups.iterdir())
            assert len(files) == 1 and files[0].startswith("kkmp-pos-"), (n, files)  # nothing left over
            assert check_file(backups / files[0]).ok
    finally:
        for proc in procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_a_failed_backup_leaves_nothing_behind(till, tmp_path: Path):
    folder = tmp_path / "copies"
    folder.mkdir()
    target = folder / "kkmp-pos-x.db"
    target.mkdir()  # the rename at the end fails: the name is taken by a folder
    with pytest.raises(StorageError) as caught:
        backup_to(till.ctx.db, target)
    assert caught.value.code in ("backup_failed", "db_read_only")
    assert "tidak dapat ditulis" in caught.value.message("id") or caught.value.code == "db_read_only"
    assert sorted(p.name for p in folder.iterdir()) == ["kkmp-pos-x.db"]  # only the folder itself
    assert list(target.iterdir()) == []


def test_a_backup_onto_a_full_disk_says_so_and_leaves_nothing(till, tmp_path: Path):
    from tests.db.test_storage_trouble import full_tmpfs

    with full_tmpfs(tmp_path / "drive") as drive:
        before = sorted(p.name for p in drive.iterdir())
        with pytest.raises(StorageError) as caught:
            backup_to(till.ctx.db, drive / "kkmp-pos-x.db")
        assert caught.value.code == "disk_full"
        assert sorted(p.name for p in drive.iterdir()) == before
