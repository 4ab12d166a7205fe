"""Every command of `kkmp-pos`, run while a till process sells on the same folder, leaves the till's
WAL in place and the till committing; after a SIGKILL, every sale the till acknowledged is there.

The commands are taken from the CLI's own registry: a command added later without an entry here fails
the test, so it cannot be forgotten. Commands that must not run beside a till (`db restore`, a second
window) have to refuse cleanly, with words, not a traceback.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from kkmp_pos.cli import registry
from kkmp_pos.config import DB_FILENAME
from kkmp_pos.services.setup.demo import DEMO_QRIS

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("selling_till_child.py")


def _invocations(tmp: Path) -> dict[str, list[tuple[list[str], str]]]:
    """Per registered command: (arguments, expected outcome: 'ok' or the words of a clean refusal)."""
    today = date.today().isoformat()
    return {
        "gui": [([], "till_already_running")],  # a second window: its dialog, logged
        "screenshot": [(["screenshot", str(tmp / "screen.png")], "ok")],
        "receipt": [
            (["receipt", "show", "--last"], "ok"),
            (["receipt", "print", "--last", "--printer", "dummy://"], "ok"),
        ],
        "db": [
            (["db", "check"], "ok"),
            (["db", "backup", str(tmp / "copy.db")], "ok"),
            (["db", "restore", str(tmp / "copy.db")], "Tutup aplikasi kasir"),
            (["db", "restore", "--check-only"], "Belum dipilih"),  # no off-machine copy chosen
            # refused before the passphrase is even read (and again before the file would be swapped)
            (["db", "restore", "--from-offsite", str(tmp / "none.kkmpbak")], "Tutup aplikasi kasir"),
        ],
        "enrol": [(["enrol", "http://127.0.0.1:9", "ABCD-1234", "--user", "Siti Rahmawati"], "refused")],
        "shift": [
            (["shift", "status", "--json"], "ok"),
            (["shift", "close", "--counted", "0", "--user", "Siti Rahmawati"], "refused"),  # no PIN on stdin
        ],
        "sync": [(["sync", "--status"], "ok"), (["sync", "--once"], "refused")],
        "report": [
            (["report", "eod", "--date", today], "ok"),
            (["report", "eod", "--date", today, "--json", "--pdf", str(tmp / "eod.pdf")], "ok"),
            (["report", "range", "--from", today, "--to", today], "ok"),
            (["report", "members", "--from", today, "--to", today], "ok"),
            (["report", "lpg", "--from", today, "--to", today], "ok"),
        ],
        "demo": [(["demo", "create"], "ok")],
        "books": [
            (["books", "trial-balance", "--to", today, "--json"], "ok"),
            (["books", "phu", "--year", today[:4], "--pdf", str(tmp / "phu.pdf")], "ok"),
            (["books", "neraca", "--date", today], "ok"),
            (["books", "accounts", "add", "619100", "Beban rapat anggota"], "ok"),
            (["books", "backfill"], "ok"),
        ],
        "member": [(["member", "erase", "A-000003", "--user", "Budi Santoso"], "refused")],  # no PIN on stdin
        "members": [
            (["members", "show", "A-000002", "--json"], "ok"),
            (["members", "capital", "--json"], "ok"),
        ],
        "simpanan": [
            (["simpanan", "bills", "--month", today[:7], "--json"], "ok"),
            (
                [
                    "simpanan",
                    "pay",
                    "A-000002",
                    "--kind",
                    "sukarela",
                    "--amount",
                    "5000",
                    "--user",
                    "Siti Rahmawati",
                ],
                "refused",
            ),  # no PIN on stdin
        ],
        "settings": [
            (["settings", "qris", "--show"], "ok"),
            (["settings", "qris", "--payload", DEMO_QRIS, "--check"], "ok"),
            (["settings", "qris", "--payload", DEMO_QRIS, "--user", "Budi Santoso"], "refused"),  # no PIN
        ],
    }


class Seller:
    def __init__(self, data: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.acknowledged: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next_line() == "READY"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("EOF")

    def next_line(self) -> str:
        line = self.lines.get(timeout=60)
        if line == "EOF" or line.startswith("ERROR"):
            raise AssertionError(f"the till stopped selling: {line} {self.proc.stderr.read()}")
        return line

    def sells(self, count: int = 2) -> None:
        """Wait for `count` sales acknowledged from now on (the till keeps committing)."""
        while not self.lines.empty():
            self._take(self.lines.get_nowait())
        for _ in range(count):
            self._take(self.next_line())

    def _take(self, line: str) -> None:
        if line.startswith("SALE "):
            self.acknowledged.append(line.split()[1])
        elif line == "EOF" or line.startswith("ERROR"):
            raise AssertionError(f"the till stopped selling: {line}")


@pytest.fixture
def shop(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import _demo_template

    data = tmp_path / "shop"
    data.mkdir()
    shutil.copyfile(_demo_template(tmp_path_factory) / DB_FILENAME, data / DB_FILENAME)
    return data


def test_every_command_beside_a_selling_till_keeps_its_wal_and_its_sales(shop: Path, tmp_path: Path):
    from kkmp_pos.cli import build_parser

    build_parser()  # registers every command module's subcommands
    plan = _invocations(tmp_path)
    assert set(plan) == set(registry.COMMANDS), "a command is missing from this test's plan"
    seller = Seller(shop)
    wal = Path(f"{shop / DB_FILENAME}-wal")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "KKMP_POS_EXIT_WHEN_SHOWN": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    try:
        seller.sells()
        for name, runs in plan.items():
            for args, expected in runs:
                out = subprocess.run(
                    [sys.executable, "-m", "kkmp_pos", "--data-dir", str(shop), *args],
                    capture_output=True,
                    text=True,
                    env=env,
                    timeout=300,
                )
                said = out.stdout + out.stderr
                assert "Traceback" not in said, (name, args, said)
                if expected == "ok":
                    assert out.returncode == 0, (name, args, said)
                else:
                    assert out.returncode != 0, (name, args, said)
                    if expected != "refused":
                        assert expected in said, (name, args, said)
                assert wal.exists(), f"the till's WAL was removed by {args}"
                try:
                    seller.sells()  # and the till still commits
                except queue.Empty:
                    raise AssertionError(f"the till made no sale for 60 s after {args}: {said}") from None
        seller.sells(5)
    finally:
        seller.proc.send_signal(signal.SIGKILL)
        seller.proc.wait()
    while not seller.lines.empty():
        line = seller.lines.get_nowait()
        if line.startswith("SALE "):
            seller.acknowledged.append(line.split()[1])
    conn = sqlite3.connect(shop / DB_FILENAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {row[0] for row in conn.execute("SELECT id FROM sale")}
    finally:
        conn.close()
    missing = [sale for sale in seller.acknowledged if sale not in found]
    assert len(seller.acknowledged) > 40 and not missing, missing
