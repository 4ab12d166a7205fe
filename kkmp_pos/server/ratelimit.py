"""Per-source throttling of enrolment and of failed sign-ins (bad terminal or admin tokens).

Counts failures per client address in a sliding window, in memory: one server process is one
counter (several worker processes each count on their own; a reverse proxy must pass the client's
address, see `serve --forwarded-allow-ips`). A source past its limit gets 429 with Retry-After
before its code or token is even looked at, so guessing costs the guesser time, not the server.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from kkmp_pos.server.http import ApiError


@dataclass(frozen=True)
class Limit:
    failures: int  # allowed failures per window
    window_s: float


ENROL_LIMIT = Limit(failures=10, window_s=15 * 60)
SIGN_IN_LIMIT = Limit(failures=30, window_s=5 * 60)
_MAX_SOURCES = 100_000  # bounds the memory a flood of addresses can take


class FailureLimiter:
    """Sliding-window counts of failures per (kind, source)."""

    def __init__(self, limits: dict[str, Limit], clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, kind: str, source: str, now: float) -> deque[float]:
        window = self.limits[kind].window_s
        times = self._failures.get((kind, source))
        if times is None:
            return deque()
        while times and times[0] <= now - window:
            times.popleft()
        if not times:
            del self._failures[(kind, source)]
        return times

    def check(self, kind: str, source: str) -> None:
        """Raise 429 (with Retry-After) when the source used up its failures for `kind`."""
        limit = self.limits[kind]
        now = self.clock()
        with self._lock:
            times = self._recent(kind, source, now)
            if len(times) < limit.failures:
                return
            retry_after = max(1, math.ceil(times[0] + limit.window_s - now))
        raise ApiError(
            429, "server_rate_limited", headers={"Retry-After": str(retry_after)}, retry_after_s=retry_after
        )

    def failed(self, kind: str, source: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) >= _MAX_SOURCES:
                self._failures.clear()  # a flood of addresses: forget, rather than grow without end
            self._recent(kind, source, now)
            self._failures.setdefault((kind, source), deque()).append(now)


def default_limiter() -> FailureLimiter:
    return FailureLimiter({"enrol": ENROL_LIMIT, "sign_in": SIGN_IN_LIMIT})
