"""The server's clock as the till last saw it: the `Date` header of the sync server's answers.

The sync client records each answer's `Date` beside the till's own clock at that moment; the
till's clock check (services/setup/clock.py) reads the latest sample. Kept in memory: it describes
this process's clock now, and a till that is offline has no sample to trust.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


@dataclass(frozen=True)
class ServerTimeSample:
    server_at: datetime  # the server's clock (UTC), to the second
    local_at: datetime  # this PC's clock when the answer arrived (UTC)

    @property
    def offset_s(self) -> float:
        """How far this PC's clock is ahead of the server's (negative: behind)."""
        return (self.local_at - self.server_at).total_seconds()


_lock = threading.Lock()
_latest: ServerTimeSample | None = None


def record(date_header: str | None, local_at: datetime | None = None) -> ServerTimeSample | None:
    """Keep the server time of one answer; an absent or unreadable header is ignored."""
    global _latest
    if not date_header:
        return None
    try:
        server_at = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return None
    if server_at.tzinfo is None:
        server_at = server_at.replace(tzinfo=UTC)
    sample = ServerTimeSample(server_at.astimezone(UTC), local_at or datetime.now(UTC))
    with _lock:
        _latest = sample
    return sample


def latest() -> ServerTimeSample | None:
    with _lock:
        return _latest


def forget() -> None:
    """Drop the sample (tests; a till that changed server)."""
    global _latest
    with _lock:
        _latest = None
