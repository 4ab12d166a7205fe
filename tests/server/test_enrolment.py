"""Enrolment: a code claimed by one till may be claimed again by it (a lost reply) until it confirms;
other tills are refused; a revoked terminal is told so (403); wrong codes are throttled per source."""

from __future__ import annotations

import datetime as dt

import pytest

from kkmp_pos.server import admin
from kkmp_pos.server.ratelimit import ENROL_LIMIT

DEVICE = "till-device-key-0123456789abcdef"
OTHER = "another-device-key-0123456789abc"


@pytest.fixture
def code(sdb):
    admin.create_cooperative(sdb, "kop1", "Koperasi 1")
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    return admin.enrol_terminal(sdb, "kop1", "s1", "t1")


def _enrol(http, code, device=DEVICE):
    body = {"code": code} | ({"device_key": device} if device else {})
    return http.post("/v1/enrol", json=body)


def _pull(http, token):
    return http.get("/v1/sync/pull", headers={"Authorization": f"Bearer {token}"})


def test_same_code_from_the_same_till_after_a_lost_reply_gives_the_same_terminal_a_fresh_token(http, code):
    first = _enrol(http, code)  # the till never hears this answer
    assert first.status_code == 200
    again = _enrol(http, code.lower().replace("-", ""))  # typed again, as a person would
    assert again.status_code == 200, again.text
    assert again.json()["terminal_id"] == first.json()["terminal_id"] == "t1"
    assert again.json()["token"] != first.json()["token"]
    assert _pull(http, first.json()["token"]).status_code == 401  # the lost token is revoked
    assert _pull(http, again.json()["token"]).status_code == 200


def test_another_till_cannot_take_a_claimed_code(http, code):
    assert _enrol(http, code).status_code == 200
    other = _enrol(http, code, OTHER)
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "sync_enrol_code_claimed"
    assert _enrol(http, code, device=None).status_code == 409


def test_the_code_is_used_up_once_the_till_confirms(http, code):
    token = _enrol(http, code).json()["token"]
    confirm = http.post("/v1/enrol/confirm", headers={"Authorization": f"Bearer {token}"})
    assert confirm.status_code == 200
    again = _enrol(http, code)
    assert again.status_code == 401 and again.json()["error"]["code"] == "sync_enrol_code_invalid"
    assert _pull(http, token).status_code == 200  # the confirmed token stays


def test_the_first_authenticated_call_confirms_too(http, code):
    token = _enrol(http, code).json()["token"]
    assert _pull(http, token).status_code == 200
    assert _enrol(http, code).status_code == 401


def test_an_expired_claimed_code_is_refused(http, sdb, code):
    assert _enrol(http, code).status_code == 200
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat(timespec="seconds")
    with sdb.database.connection_context():
        sdb.m.TerminalModel.update(enrol_expires_at=past).execute()
    assert _enrol(http, code).status_code == 401


def test_a_till_without_a_device_key_uses_the_code_up_at_once(http, code):
    assert _enrol(http, code, device=None).status_code == 200
    assert _enrol(http, code, device=None).status_code == 401


def test_revoked_terminal_is_told_it_was_revoked_and_a_new_enrolment_lifts_it(http, sdb, code):
    token = _enrol(http, code).json()["token"]
    admin.revoke_terminal(sdb, "kop1", "t1")
    refused = _pull(http, token)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "sync_terminal_revoked"
    new_code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    assert _pull(http, token).status_code == 401  # the revoked token never comes back
    fresh = _enrol(http, new_code).json()["token"]
    assert _pull(http, fresh).status_code == 200


def test_wrong_codes_are_throttled_per_source(http, code):
    for _ in range(ENROL_LIMIT.failures):
        assert _enrol(http, "AAAA-BBBB-CCCC-DDDD").status_code == 401
    throttled = _enrol(http, code)  # even the right code waits: the source is guessing
    assert throttled.status_code == 429
    assert throttled.json()["error"]["code"] == "server_rate_limited"
    assert 1 <= int(throttled.headers["Retry-After"]) <= ENROL_LIMIT.window_s


def test_bad_tokens_are_throttled_per_source(http, code):
    from kkmp_pos.server.ratelimit import SIGN_IN_LIMIT

    bad = "kkt1.kop1.t1.not-the-secret"
    for _ in range(SIGN_IN_LIMIT.failures):
        assert _pull(http, bad).status_code == 401
    assert _pull(http, bad).status_code == 429
    assert "Retry-After" in _pull(http, bad).headers


def test_a_new_code_is_not_held_by_the_claim_of_the_old_one(http, sdb, code):
    assert _enrol(http, code).status_code == 200  # claimed, never confirmed (that PC broke)
    new_code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    assert _enrol(http, code, OTHER).status_code == 401  # the old code is gone
    replaced = _enrol(http, new_code, OTHER)  # the replacement PC
    assert replaced.status_code == 200 and replaced.json()["terminal_id"] == "t1"


def test_the_till_tells_a_throttled_enrolment_when_to_try_again(http, live, code):
    from kkmp_pos.sync.client import SyncClient, SyncHttpError

    for _ in range(ENROL_LIMIT.failures):
        _enrol(http, "AAAA-BBBB-CCCC-DDDD")
    with pytest.raises(SyncHttpError) as throttled:
        SyncClient(live.url).enrol(code, DEVICE)
    assert throttled.value.status == 429 and throttled.value.retryable
    words = throttled.value.message("id")
    assert "Terlalu banyak percobaan" in words and f"{int(throttled.value.retry_after)} detik" in words
