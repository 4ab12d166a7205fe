"""The shop's passphrase never stays on the PC: only the scrypt key of it, in `offsite.key` (0600)
beside the database. Not in the database file, its WAL or any local backup; a till from before has its
stored passphrase moved out at start. Copies carry what a new PC needs to open them with the
passphrase alone, and copies sealed before the change still open."""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path

import pytest

from kkmp_pos.core.errors import StorageError
from kkmp_pos.services.setup.offsite_crypto import decrypt_file
from kkmp_pos.services.setup.offsite_key import KEY_FILENAME, load_key

PASS = "koperasi-merah-putih"


@pytest.fixture
def drive(tmp_path: Path) -> Path:
    folder = tmp_path.parent / (tmp_path.name + "-usb")
    folder.mkdir()
    return folder


def _everything_on_disk(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.name != KEY_FILENAME]


def _holds(path: Path, secret: str) -> bool:
    data = path.read_bytes()
    return secret.encode() in data or secret.encode("utf-16-le") in data


def seal_v1(source: Path, target: Path, passphrase: str) -> None:
    """A copy as the till sealed it before the key file (KKMPBAK1: scrypt key used directly)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt, prefix = os.urandom(16), os.urandom(7)
    key = Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode())
    header = b"KKMPBAK1" + salt + prefix
    data = source.read_bytes()
    chunks = [data[i : i + (1 << 20)] for i in range(0, len(data), 1 << 20)] or [b""]
    with target.open("wb") as out:
        out.write(header)
        for index, chunk in enumerate(chunks):
            nonce = prefix + struct.pack(">I", index) + (b"\x01" if index == len(chunks) - 1 else b"\x00")
            sealed = AESGCM(key).encrypt(nonce, chunk, header)
            out.write(struct.pack(">I", len(sealed)) + sealed)


def test_the_passphrase_is_nowhere_in_the_database_or_the_backups_after_configure(till, manager, drive):
    till.offsite.configure(manager, "drive", str(drive), PASS)
    report = till.maintenance.run_startup()  # the day's local backup and its sealed copy
    assert report.problem is None, report.problem
    assert report.backup is not None and report.backup.exists()
    data_dir = till.ctx.data_dir
    files = _everything_on_disk(data_dir) + _everything_on_disk(drive)
    assert any(p.suffix == ".db" for p in files) and any(p.name.endswith("-wal") for p in files)
    assert [p for p in files if _holds(p, PASS)] == []
    assert till.ctx.setting_raw("offsite.passphrase") is None
    key_file = data_dir / KEY_FILENAME
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert PASS not in key_file.read_text() and load_key(data_dir) is not None
    assert not list(data_dir.glob(".offsite-key-*"))  # written atomically: no part left


def test_a_copy_opens_on_a_new_pc_with_the_passphrase_alone(till, manager, drive, tmp_path):
    till.offsite.configure(manager, "drive", str(drive), PASS)
    till.maintenance.run_startup()
    copy = next(drive.glob("*.kkmpbak"))
    restored = tmp_path / "new-pc.db"
    with copy.open("rb") as src:  # no key file, no database: only the copy and the passphrase
        decrypt_file(src, restored, passphrase=PASS)
    assert restored.read_bytes().startswith(b"SQLite format 3")
    with copy.open("rb") as src, pytest.raises(StorageError) as caught:
        decrypt_file(src, tmp_path / "wrong.db", passphrase="bukan-kata-sandinya")
    assert caught.value.code == "offsite_copy_unreadable"
    assert "kata sandi salah" in caught.value.message("id")
    assert "wrong passphrase" in caught.value.message("en")


def test_copies_sealed_before_the_change_still_open(till, manager, drive):
    till.offsite.configure(manager, "drive", str(drive), PASS)
    backup = till.maintenance.daily_backup()
    assert backup is not None
    old = drive / "kkmp-pos-T1-2026-01-01.kkmpbak"
    seal_v1(backup, old, PASS)
    result = till.offsite.drill(old, passphrase=PASS)
    assert result.ok and result.sales > 0
    with pytest.raises(StorageError) as caught:  # the kept key alone cannot: it says what can
        till.offsite.drill(old)
    assert "kata sandi" in caught.value.message("id") and "--from-offsite" in caught.value.message("id")
    with pytest.raises(StorageError) as caught:
        till.offsite.drill(old, passphrase="bukan-kata-sandinya")
    assert "kata sandi salah" in caught.value.message("id")


def test_an_empty_passphrase_keeps_the_key_and_a_new_one_replaces_it(till, manager, drive):
    with pytest.raises(StorageError) as caught:  # no key yet: a passphrase is needed
        till.offsite.configure(manager, "drive", str(drive), "")
    assert caught.value.code == "offsite_passphrase_short"
    till.offsite.configure(manager, "drive", str(drive), PASS)
    first = load_key(till.ctx.data_dir)
    till.offsite.configure(manager, "drive", str(drive), "")  # e.g. only the folder changed
    assert load_key(till.ctx.data_dir) == first
    till.offsite.configure(manager, "drive", str(drive), "kata-sandi-baru")
    assert load_key(till.ctx.data_dir) != first
    till.offsite.configure(manager, "", "", "")
    assert not till.offsite.has_key()


def test_a_passphrase_stored_by_a_till_from_before_moves_to_the_key_file_at_start(
    till, manager, drive, tmp_path
):
    from kkmp_pos.app import open_till
    from kkmp_pos.db.models import SettingModel

    till.offsite.configure(manager, "drive", str(drive), PASS)
    (tmp_path / KEY_FILENAME).unlink()
    SettingModel.insert(key="offsite.passphrase", value=f'"{PASS}"').execute()  # as it was kept
    till.close()
    assert _holds(tmp_path / "kkmp-pos.db", PASS) or _holds(tmp_path / "kkmp-pos.db-wal", PASS)

    again = open_till(tmp_path)
    try:
        assert again.ctx.setting_raw("offsite.passphrase") is None and again.offsite.has_key()
        assert [p for p in _everything_on_disk(tmp_path) if _holds(p, PASS)] == []
        again.maintenance.run_startup()
        copy = next(drive.glob("*.kkmpbak"))
        assert again.offsite.drill().ok  # sealed with the moved key
        with copy.open("rb") as src:
            decrypt_file(src, tmp_path.parent / (tmp_path.name + "-x.db"), passphrase=PASS)
    finally:
        again.close()
