"""A start-up's daily backup, run on a signal, round after round (driven by test_backup_race).

argv: data folder, control folder, rounds, name. For each round it waits for `go-N`, runs the daily
backup as the till's start-up does, and writes `done-N-name` with 'ok', 'skip' or the error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kkmp_pos.app import open_till


def main() -> None:
    data, control, rounds, name = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    till = open_till(data)
    (control / f"ready-{name}").write_text("ready")
    for n in range(rounds):
        while not (control / f"go-{n}").exists():
            time.sleep(0.002)
        try:
            made = till.maintenance.daily_backup()
            outcome = "ok" if made is not None else "skip"
        except Exception as exc:  # reported to the test, which fails on it
            outcome = f"error: {type(exc).__name__}: {exc}"
        done = control / f"done-{n}-{name}"
        done.with_suffix(".tmp").write_text(outcome)
        done.with_suffix(".tmp").replace(done)  # whole or absent: the test may read it the moment it appears
    till.close()


if __name__ == "__main__":
    main()
