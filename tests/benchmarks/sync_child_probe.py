"""The sync worker process with its write-lock holds recorded: `python -m tests.benchmarks.sync_child_probe
OUT.json -- ARGS…` runs `kkmp-pos ARGS…` (the app's `sync worker` command) with LockHolds on the database
the worker opens, and writes the holds to OUT.json as it exits (see `probe_command`)."""

from __future__ import annotations

import atexit
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def probe_command(worker_argv: list[str], out: Path) -> list[str]:
    """`worker_argv` (sync.worker_process.worker_command) run under this probe."""
    marker = worker_argv.index("--data-dir")  # the program part ends where kkmp-pos's options begin
    return [sys.executable, "-m", "tests.benchmarks.sync_child_probe", str(out), "--", *worker_argv[marker:]]


def read_holds(out: Path) -> dict[str, Any]:
    return json.loads(out.read_text())


def main(argv: list[str]) -> int:
    out, rest = Path(argv[0]), argv[argv.index("--") + 1 :]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kkmp_pos import cli
    from kkmp_pos.sync import child
    from kkmp_pos.sync.loop import THREAD_NAME
    from tests.benchmarks.lock_hold import LockHolds, on_thread

    real_open = child.open_database

    def open_and_watch(*args: Any, **kwargs: Any) -> Any:
        db = real_open(*args, **kwargs)
        holds = LockHolds(db, on_thread(THREAD_NAME)).__enter__()

        def dump() -> None:
            data = {"samples": holds.samples, "origins": holds.origins, "waited": holds.waited}
            out.write_text(json.dumps(data))

        atexit.register(dump)
        return db

    child.open_database = open_and_watch  # type: ignore[assignment]
    return cli.main(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
