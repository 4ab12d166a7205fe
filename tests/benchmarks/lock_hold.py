"""How long write transactions hold SQLite's write lock: from the moment BEGIN IMMEDIATE returns (the
lock is ours) to the moment COMMIT or ROLLBACK returns, per thread, on the till's peewee database."""

from __future__ import annotations

import re
import statistics
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


class LockHolds:
    """Record the lock hold (ms) of every transaction begun on the threads `accept` says yes to, and
    of every write statement they run on its own.

    Used as a context manager around the work to watch; `samples` keeps every hold in order."""

    def __init__(self, db: Any, accept: Callable[[threading.Thread], bool] | None = None) -> None:
        self.db = getattr(db, "obj", db)  # the DatabaseProxy's database
        self.accept = accept or (lambda thread: True)
        self.samples: list[float] = []
        self.origins: list[str] = []  # for each sample: the package function that began it
        self._started: dict[int, tuple[float, str]] = {}
        self._holding: set[int] = set()  # threads of this process inside BEGIN … COMMIT
        self.waited = 0  # statements on their own left out: another thread held the lock as they began
        self._lock = threading.Lock()

    def __enter__(self) -> LockHolds:
        db = self.db
        begin, commit, rollback, execute_sql = db.begin, db.commit, db.rollback, db.execute_sql

        def timed_execute(sql: str, *args: Any, **kwargs: Any) -> Any:
            # A write run on its own (autocommit) is a transaction of one statement, timed whole. Its
            # time also counts any wait for the lock, so it is kept only when no other thread of this
            # process (the till selling) held the lock as it began; the others are counted in `waited`.
            if db.in_transaction() or not _WRITES.match(sql) or not self.accept(threading.current_thread()):
                return execute_sql(sql, *args, **kwargs)
            origin, contended = _origin(), bool(self._holding)
            started = time.perf_counter()
            try:
                return execute_sql(sql, *args, **kwargs)
            finally:
                elapsed = (time.perf_counter() - started) * 1000
                with self._lock:
                    if contended:
                        self.waited += 1
                    else:
                        self.samples.append(elapsed)
                        self.origins.append(origin)

        def timed_begin(*args: Any, **kwargs: Any) -> Any:
            result = begin(*args, **kwargs)
            self._holding.add(threading.get_ident())
            if self.accept(threading.current_thread()):
                self._started[threading.get_ident()] = (time.perf_counter(), _origin())
            return result

        def ended(finish: Callable[[], Any]) -> Callable[[], Any]:
            def timed() -> Any:
                try:
                    return finish()
                finally:
                    self._holding.discard(threading.get_ident())
                    started = self._started.pop(threading.get_ident(), None)
                    if started is not None:
                        with self._lock:
                            self.samples.append((time.perf_counter() - started[0]) * 1000)
                            self.origins.append(started[1])

            return timed

        db.begin, db.commit, db.rollback = timed_begin, ended(commit), ended(rollback)
        db.execute_sql = timed_execute
        return self

    def __exit__(self, *exc: object) -> None:
        for name in ("begin", "commit", "rollback", "execute_sql"):
            self.db.__dict__.pop(name, None)

    def longest(self, count: int = 3) -> str:
        """The `count` longest holds with where they began, e.g. '12.3 ms mark_results'."""
        pairs = sorted(zip(self.samples, self.origins, strict=True), reverse=True)[:count]
        return ", ".join(f"{ms:.1f} ms {where}" for ms, where in pairs)

    @property
    def max_ms(self) -> float:
        return max(self.samples, default=0.0)

    @property
    def mean_ms(self) -> float:
        return statistics.fmean(self.samples) if self.samples else 0.0


def _origin() -> str:
    """The innermost kkmp_pos function on the stack outside the database module (who began it)."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("kkmp_pos") and module != "kkmp_pos.db.database":
            return frame.f_code.co_name
        frame = frame.f_back
    return "?"


def on_thread(name: str) -> Callable[[threading.Thread], bool]:
    return lambda thread: thread.name == name


def cpu_hogs(count: int = 2) -> list[Any]:
    """`count` busy-looping Python processes beside the benchmark (stop them with `stop_hogs`)."""
    import subprocess
    import sys

    return [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(count)]


def stop_hogs(hogs: list[Any]) -> None:
    for proc in hogs:
        proc.kill()
        proc.wait(10)
