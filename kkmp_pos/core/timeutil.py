"""UTC storage, store-local display and business dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Makassar"  # Balikpapan (WITA)


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """UTC ISO-8601 with milliseconds and a Z, sortable as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def local(moment: datetime, tz: str = DEFAULT_TZ) -> datetime:
    return moment.astimezone(ZoneInfo(tz))


def business_date(moment: datetime, tz: str = DEFAULT_TZ) -> date:
    """The store's local calendar date at `moment`."""
    return local(moment, tz).date()
