"""What the sync status indicator shows, and the back-off between failed tries (shared by the sync loop
in the worker process and the app's side of it, which restarts a worker process that died)."""

from __future__ import annotations

import random
from dataclasses import dataclass, fields
from typing import Any

DEBOUNCE_S = 2.0
PERIOD_S = 60.0
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 300.0


@dataclass
class SyncStatus:
    """What the status indicator shows."""

    online: bool | None = None  # None: not tried yet
    waiting: int = 0
    oldest_waiting_s: float | None = None
    last_success_at: str | None = None
    last_error: str | None = None
    stopped: bool = False  # 401/403: someone must re-enrol or un-revoke the terminal
    enrolled: bool = False
    revoked: bool = False  # 403: the cooperative revoked this till (not a token to renew)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> SyncStatus:
        """From `as_dict` (sent by the worker process); unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


def full_jitter(failures: int, cap_s: float = BACKOFF_CAP_S, retry_after: float | None = None) -> float:
    """uniform(0, min(cap, base * 2^failures)), never sooner than Retry-After."""
    ceiling = min(cap_s, BACKOFF_BASE_S * 2 ** min(failures, 20))
    return max(random.uniform(0, ceiling), retry_after or 0.0)
