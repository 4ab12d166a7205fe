"""`kkmp-pos settings qris` in a real process: show, check a photo, save with a manager's PIN on stdin."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from PIL import Image

from kkmp_pos.config import DB_FILENAME
from tests.gui.dialog_support import STATIC_QRIS
from tests.services.test_qris_setup import qr_png


@pytest.fixture
def shop(till):
    folder = till.db_path.parent
    till.close()
    return folder


def run(shop, *args: str, pin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(shop), "settings", "qris", *args],
        input=pin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def stored(shop) -> str:
    conn = sqlite3.connect(shop / DB_FILENAME)
    row = conn.execute("SELECT value FROM setting WHERE key = 'qris.static_payload'").fetchone()
    conn.close()
    return row[0] if row else ""


def test_show_prints_the_demo_merchant(shop):
    out = run(shop, "--show")
    assert out.returncode == 0, out.stderr
    assert "GERAI KKMP GN SAMARINDA" in out.stdout and "ID1025000000017" in out.stdout
    assert "BALIKPAPAN" in out.stdout and "ID.CO.KKMPDEMO.WWW" in out.stdout


def test_a_photo_is_checked_without_saving(shop, tmp_path):
    before = stored(shop)
    out = run(shop, "--from-image", str(qr_png(tmp_path / "stiker.png", STATIC_QRIS)), "--check")
    assert out.returncode == 0, out.stderr
    assert "Baznas" in out.stdout and "ID2019002291555" in out.stdout and "belum disimpan" in out.stdout
    assert stored(shop) == before


def test_a_manager_saves_from_a_photo_and_a_cashier_cannot(shop, tmp_path):
    photo = str(qr_png(tmp_path / "stiker.jpg", STATIC_QRIS, fmt="JPEG"))
    refused = run(shop, "--from-image", photo, "--user", "Siti Rahmawati", pin="1111\n")
    assert refused.returncode == 2 and "Siti Rahmawati" in refused.stderr
    assert "Baznas" not in stored(shop)
    wrong_pin = run(shop, "--payload", STATIC_QRIS, "--user", "Budi Santoso", pin="0000\n")
    assert wrong_pin.returncode == 2 and "Baznas" not in stored(shop)
    saved = run(shop, "--from-image", photo, "--user", "Budi Santoso", pin="9999\n")
    assert saved.returncode == 0, saved.stderr
    assert "tersimpan" in saved.stdout and "Jakarta Pusat" in saved.stdout
    assert stored(shop) == f'"{STATIC_QRIS}"'
    assert "Baznas" in run(shop, "--show").stdout


def test_refusals_are_in_indonesian(shop, tmp_path):
    blank = tmp_path / "kosong.png"
    Image.new("RGB", (300, 300), "white").save(blank)
    out = run(shop, "--from-image", str(blank), "--check")
    assert out.returncode == 2 and "Tidak ada kode QR yang terbaca di kosong.png" in out.stderr
    damaged = run(shop, "--payload", STATIC_QRIS[:-4] + "0000", "--user", "Budi Santoso", pin="9999\n")
    assert damaged.returncode == 2 and "CRC" in damaged.stderr
    no_user = run(shop, "--payload", STATIC_QRIS)
    assert no_user.returncode == 2 and "--user" in no_user.stderr
    assert "Baznas" not in stored(shop)
