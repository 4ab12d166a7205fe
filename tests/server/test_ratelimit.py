"""The failure limiter: per source and per kind, a sliding window, Retry-After until the oldest
failure leaves the window."""

from __future__ import annotations

import pytest

from kkmp_pos.server.http import ApiError
from kkmp_pos.server.ratelimit import FailureLimiter, Limit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_source_past_its_failures_waits_until_the_window_moves_on():
    clock = Clock()
    limiter = FailureLimiter({"enrol": Limit(3, 60), "sign_in": Limit(3, 60)}, clock)
    for _ in range(3):
        limiter.check("enrol", "10.0.0.1")
        limiter.failed("enrol", "10.0.0.1")
        clock.now += 10
    with pytest.raises(ApiError) as throttled:
        limiter.check("enrol", "10.0.0.1")
    assert throttled.value.status == 429
    assert throttled.value.headers == {"Retry-After": "30"}  # the first failure leaves at 1060
    limiter.check("enrol", "10.0.0.2")  # another source is not held back
    limiter.check("sign_in", "10.0.0.1")  # nor another kind
    clock.now = 1060.5
    limiter.check("enrol", "10.0.0.1")  # one failure has left the window
