"""The failure limiter: per source and per kind, a sliding window counted in the database,
Retry-After until the oldest failure leaves the window; a second limiter on the same database (another
worker process) sees the same count."""

from __future__ import annotations

import pytest

from kkmp_pos.server import schema
from kkmp_pos.server.db import open_server_db
from kkmp_pos.server.http import ApiError
from kkmp_pos.server.ratelimit import FailureLimiter, Limit


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server_db(database_url):
    sdb = open_server_db(database_url)
    schema.migrate(sdb)
    yield sdb
    sdb.close()


def test_a_source_past_its_failures_waits_until_the_window_moves_on(server_db):
    clock = Clock()
    limits = {"enrol": Limit(3, 60), "sign_in": Limit(3, 60)}
    limiter = FailureLimiter(server_db, limits, clock)
    other_worker = FailureLimiter(server_db, limits, clock)
    for worker in (limiter, other_worker, limiter):
        worker.check("enrol", "10.0.0.1")
        worker.failed("enrol", "10.0.0.1")
        clock.now += 10
    for worker in (limiter, other_worker):
        with pytest.raises(ApiError) as throttled:
            worker.check("enrol", "10.0.0.1")
        assert throttled.value.status == 429
        assert throttled.value.headers == {"Retry-After": "30"}  # the first failure leaves at +60
    limiter.check("enrol", "10.0.0.2")  # another source is not held back
    limiter.check("sign_in", "10.0.0.1")  # nor another kind
    clock.now += 30.5
    other_worker.check("enrol", "10.0.0.1")  # one failure has left the window


def test_failures_older_than_every_window_are_dropped(server_db):
    clock = Clock()
    limiter = FailureLimiter(server_db, {"enrol": Limit(3, 60), "sign_in": Limit(3, 120)}, clock)
    for n in range(50):
        limiter.failed("sign_in", f"10.0.1.{n}")
    clock.now += 121
    limiter.failed("enrol", "10.0.0.9")
    Failure = server_db.m.RateLimitFailureModel
    with server_db.database.connection_context():
        assert [(r.kind, r.source) for r in Failure.select()] == [("enrol", "10.0.0.9")]
