"""Start-up: the window reports when shown (benchmark); a bad database file is explained, no crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KKMP_POS_EXIT_WHEN_SHOWN": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_when_shown_prints_seconds_since_start(till):
    till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    proc = _run(["--data-dir", str(till.db_path.parent)])
    assert proc.returncode == 0, proc.stderr
    shown = [line for line in proc.stdout.splitlines() if line.startswith("SHOWN ")]
    assert len(shown) == 1 and 0 < float(shown[0].split()[1]) < 60


def test_a_file_that_is_not_sqlite_gives_a_clear_message_and_exit_code(tmp_path):
    (tmp_path / "kkmp-pos.db").write_bytes(b"this is not a database" * 100)
    proc = _run(["--data-dir", str(tmp_path)])
    assert proc.returncode == 2
    assert "SHOWN" not in proc.stdout
    assert (tmp_path / "kkmp-pos.db").read_bytes() == b"this is not a database" * 100  # untouched
