"""The sync worker process: `kkmp-pos --data-dir DIR sync worker` (started by the app's SyncWorker).

It opens the till's database (already upgraded by the app), runs the sync loop (sync/loop.py) and talks
to the app over its standard streams, one line each:

- stdin, from the app: `notify` (a sale was queued), `sync_now`, `stop`. End of input (the app closed
  the pipe or died) stops the worker too, so it never outlives its till.
- stdout, to the app: the status as one JSON object per line, each time it changes.

Logging goes to stderr and the till's log file, never to stdout.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from pathlib import Path
from typing import IO

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.db.database import open_database
from kkmp_pos.sync.loop import SyncLoop
from kkmp_pos.sync.status import BACKOFF_CAP_S, DEBOUNCE_S, PERIOD_S, SyncStatus

log = logging.getLogger(__name__)

COMMANDS = ("notify", "sync_now", "stop")


class StatusWriter:
    """Writes each status as a JSON line to the app; a closed pipe (the app is gone) is ignored."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self._lock = threading.Lock()

    def __call__(self, status: SyncStatus) -> None:
        line = json.dumps(status.as_dict(), separators=(",", ":"))
        with self._lock:
            try:
                self.stream.write(line + "\n")
                self.stream.flush()
            except (OSError, ValueError):
                log.debug("the app no longer reads the sync status", exc_info=True)


def serve(loop: SyncLoop, commands: IO[str]) -> None:
    """Run `loop` until `stop` or the end of `commands`."""
    loop.start()
    try:
        for line in commands:
            word = line.strip()
            if word == "notify":
                loop.notify()
            elif word == "sync_now":
                loop.sync_now()
            elif word == "stop":
                break
            elif word:
                log.warning("sync worker: unknown command %r", word)
    finally:
        loop.stop()


def main(
    data_dir: Path | str,
    period_s: float = PERIOD_S,
    debounce_s: float = DEBOUNCE_S,
    backoff_cap_s: float = BACKOFF_CAP_S,
) -> int:
    data_dir = Path(data_dir)
    db = open_database(data_dir / DB_FILENAME, migrate=False)  # the app upgraded it before starting us
    # The worker's commits skip the fsync (WAL + NORMAL: still atomic, only the last ones may be lost
    # in a power cut): they record answers and pulled pages that the next round brings again (the
    # server answers `duplicate`; the cursor rolls back with its page). The fsync was most of each of
    # its lock holds. The till's own connections keep synchronous=full for its documents.
    db.pragma("synchronous", "normal", permanent=True)
    # Nor does a commit of the worker copy the WAL back into the file (SQLite's automatic checkpoint
    # runs inside the commit that crosses its threshold, lock held): the app's checkpointer does that.
    db.pragma("wal_autocheckpoint", 0, permanent=True)
    writer = StatusWriter(sys.stdout)
    loop = SyncLoop(data_dir, period_s=period_s, debounce_s=debounce_s, backoff_cap_s=backoff_cap_s)
    loop.on_status = writer
    try:
        serve(loop, sys.stdin)
    finally:
        db.close()
    return 0
