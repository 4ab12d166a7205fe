"""Per-source throttling of enrolment and of failed sign-ins (bad terminal or admin tokens).

Counts failures per client address in a sliding window, in the database (`rate_limit_failure`), so
every worker process of `serve --workers N` sees the same count: a guesser gains nothing by landing
on another worker. A reverse proxy must pass the client's address (`serve --forwarded-allow-ips`). A
source past its limit gets 429 with Retry-After before its code or token is even looked at, so
guessing costs the guesser time, not the server. The table is server-wide, not cooperative data
(docs/SCALING.md: a local table of the coordinator).
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kkmp_pos.server.http import ApiError

if TYPE_CHECKING:
    from kkmp_pos.server.db import ServerDb


@dataclass(frozen=True)
class Limit:
    failures: int  # allowed failures per window
    window_s: float


ENROL_LIMIT = Limit(failures=10, window_s=15 * 60)
SIGN_IN_LIMIT = Limit(failures=30, window_s=5 * 60)
# the board's web log-in: per client address, and per account (a lockout whatever the address)
WEB_LOGIN_LIMIT = Limit(failures=30, window_s=5 * 60)
WEB_ACCOUNT_LIMIT = Limit(failures=5, window_s=15 * 60)


class FailureLimiter:
    """Sliding-window counts of failures per (kind, source), one row per failure.

    `check` and `failed` use the calling thread's connection when one is open, else open one; the
    clock is wall time (shared by the processes), injectable for tests."""

    def __init__(
        self, sdb: ServerDb, limits: dict[str, Limit], clock: Callable[[], float] = time.time
    ) -> None:
        self.sdb = sdb
        self.limits = limits
        self.clock = clock
        self._longest_s = max(limit.window_s for limit in limits.values())

    def check(self, kind: str, source: str) -> None:
        """Raise 429 (with Retry-After) when the source used up its failures for `kind`."""
        limit = self.limits[kind]
        now = self.clock()
        source = source[:64]
        Failure = self.sdb.m.RateLimitFailureModel
        recent = Failure.select(Failure.failed_at).where(
            (Failure.kind == kind) & (Failure.source == source) & (Failure.failed_at > now - limit.window_s)
        )
        with self._connection():
            # the oldest failure that still counts is the failures-th newest one
            row = recent.order_by(Failure.failed_at.desc()).offset(limit.failures - 1).limit(1).first()
        if row is None:
            return
        retry_after = max(1, math.ceil(row.failed_at + limit.window_s - now))
        raise ApiError(
            429, "server_rate_limited", headers={"Retry-After": str(retry_after)}, retry_after_s=retry_after
        )

    def failed(self, kind: str, source: str) -> None:
        now = self.clock()
        Failure = self.sdb.m.RateLimitFailureModel
        with self._connection(), self.sdb.atomic():
            # failures older than the longest window count for nothing: the table holds minutes, not a flood
            Failure.delete().where(Failure.failed_at <= now - self._longest_s).execute()
            Failure.insert(kind=kind, source=source[:64], failed_at=now).execute()

    def _connection(self) -> contextlib.AbstractContextManager[Any]:
        database = self.sdb.database
        return contextlib.nullcontext() if not database.is_closed() else database.connection_context()


def default_limiter(sdb: ServerDb) -> FailureLimiter:
    return FailureLimiter(
        sdb,
        {
            "enrol": ENROL_LIMIT,
            "sign_in": SIGN_IN_LIMIT,
            "web_login": WEB_LOGIN_LIMIT,
            "web_account": WEB_ACCOUNT_LIMIT,
        },
    )
