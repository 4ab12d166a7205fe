"""Pushed events no database can store (NUL, lone surrogates, over-long ids, huge numbers, deep
nesting) and events a database refuses: each refuses only its own event, on SQLite and PostgreSQL,
and never answers 5xx."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.server import admin
from tests.server.support import seed


@pytest.fixture
def world(sdb):
    return seed(sdb)


@pytest.fixture
def till(world):
    return world["tills"]["t1"]


def _push_bytes(http, till, events):
    """The body as the JSON text a client may send: `\\ud800` escapes arrive as lone surrogates."""
    body = json.dumps({"events": events}).encode()
    headers = till.headers | {"Content-Type": "application/json"}
    return http.post("/v1/sync/push", content=body, headers=headers)


def _statuses(answer):
    assert answer.status_code == 200, answer.text
    return [r["status"] for r in answer.json()["results"]]


@pytest.mark.parametrize("batch_size", [3, 60], ids=["small", "copy-sized"])
def test_nul_in_a_line_name_refuses_only_that_sale(http, sdb, till, batch_size):
    events = [till.sale(10_000) for _ in range(batch_size)]
    events[1]["payload"]["lines"][0]["name"] = "Gula\x00Pasir"
    answer = _push_bytes(http, till, events)
    statuses = _statuses(answer)
    assert statuses[1] == "rejected" and statuses.count("created") == batch_size - 1
    reason = answer.json()["results"][1]["reason"]
    assert "lines[0].name" in reason and "NUL" in reason
    assert admin.counts(sdb, "kop1")["sale"] == batch_size - 1
    assert admin.quarantined(sdb, "kop1")[0]["event_id"] == events[1]["event_id"]


def test_lone_surrogate_refuses_only_that_sale(http, sdb, world, till):
    events = [till.sale() for _ in range(3)]
    events[1]["payload"]["receipt_no"] = "S1-\ud800"
    answer = _push_bytes(http, till, events)
    assert _statuses(answer) == ["created", "rejected", "created"]
    assert "receipt_no" in answer.json()["results"][1]["reason"]
    assert "surrogate" in answer.json()["results"][1]["reason"]
    # the quarantine keeps the event as it came, escaped, and the admin API can show it
    [kept] = admin.quarantined(sdb, "kop1")
    assert json.loads(kept["raw"])["payload"]["receipt_no"] == "S1-\ud800"
    token = {"Authorization": f"Bearer {world['admin_token']}"}
    listed = http.get("/v1/admin/quarantine", headers=token)
    assert listed.status_code == 200
    assert listed.json()[0]["event_id"] == events[1]["event_id"]


def test_surrogate_in_an_envelope_key_or_id_is_answered_not_crashed(http, till):
    odd_key = till.sale()
    odd_key["\udfff"] = 1
    odd_id = till.sale()
    odd_id["event_id"] = "\ud83d-\x00"
    answer = _push_bytes(http, till, [odd_key, odd_id, till.sale()])
    assert _statuses(answer) == ["rejected", "rejected", "created"]


def test_sale_id_longer_than_64_characters_refuses_only_that_sale(http, sdb, till):
    events = [till.sale() for _ in range(3)]
    events[1]["payload"]["sale_id"] = "S" * 65
    answer = _push_bytes(http, till, events)
    assert _statuses(answer) == ["created", "rejected", "created"]
    assert "sale_id" in answer.json()["results"][1]["reason"]
    assert admin.counts(sdb, "kop1")["sale"] == 2


@pytest.mark.parametrize(
    ("where", "value"),
    [("total", 2**64), ("total", 10**12 + 1), ("extra", 2**70), ("extra", -(2**64))],
)
def test_numbers_beyond_the_bounds_refuse_only_that_event(http, sdb, till, where, value):
    bad = till.sale()
    if where == "total":
        bad["payload"]["totals"]["total_rp"] = value
    else:
        bad["payload"]["note"] = {"counted": value}
    answer = _push_bytes(http, till, [till.sale(), bad, till.sale()])
    assert _statuses(answer) == ["created", "rejected", "created"]
    assert (
        "total_rp" in answer.json()["results"][1]["reason"]
        or "note.counted" in (answer.json()["results"][1]["reason"])
    )


def test_a_payload_nested_too_deep_refuses_only_that_event(http, sdb, till):
    deep: object = "x"
    for _ in range(40):
        deep = {"d": deep}
    shift = till.event("shift.opened", {"shift_id": "sh1", "opening_detail": deep})
    answer = _push_bytes(http, till, [till.sale(), shift, till.sale()])
    assert _statuses(answer) == ["created", "rejected", "created"]
    assert "nested deeper" in answer.json()["results"][1]["reason"]


def test_a_body_nested_beyond_any_parser_is_a_400(http, till):
    body = b'{"events": [' + b"[" * 200_000 + b"]" * 200_000 + b"]}"
    answer = http.post(
        "/v1/sync/push", content=body, headers=till.headers | {"Content-Type": "application/json"}
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "sync_malformed_json"


def test_an_event_the_database_refuses_is_quarantined_and_the_others_stored(http, sdb, till):
    """A refusal only the database knows (here a trigger, as a constraint would) sends the batch to the
    event-by-event replay, which must refuse that one event and store the ones after it."""
    with sdb.database.connection_context():
        if sdb.is_postgres:
            sdb.database.execute_sql(
                "CREATE FUNCTION no_boom() RETURNS trigger AS $$ BEGIN "
                "IF NEW.name = 'BOOM' THEN RAISE EXCEPTION 'no BOOM here'; END IF; RETURN NEW; END "
                "$$ LANGUAGE plpgsql"
            )
            sdb.database.execute_sql(
                "CREATE TRIGGER no_boom BEFORE INSERT ON sale_line FOR EACH ROW EXECUTE FUNCTION no_boom()"
            )
        else:
            sdb.database.execute_sql(
                "CREATE TRIGGER no_boom BEFORE INSERT ON sale_line WHEN NEW.name = 'BOOM' "
                "BEGIN SELECT RAISE(ABORT, 'no BOOM here'); END"
            )
    events = [till.sale(10_000) for _ in range(4)]
    events[1]["payload"]["lines"][0]["name"] = "BOOM"
    answer = _push_bytes(http, till, events)
    assert _statuses(answer) == ["created", "rejected", "created", "created"]
    assert "no BOOM here" in answer.json()["results"][1]["reason"]
    counts = admin.counts(sdb, "kop1")
    assert counts["sale"] == 3 and counts["sale_line"] == 6 and counts["sync_event"] == 3
    assert admin.report(sdb, "kop1")[0]["total_rp"] == 30_000


def test_the_same_sale_under_another_business_date_is_stored_once(http, sdb, till):
    sale = till.sale(25_000, business_date="2026-08-23")
    assert _statuses(_push_bytes(http, till, [sale])) == ["created"]
    later = till.sale(25_000, business_date="2026-08-24")
    later["payload"] = json.loads(json.dumps(sale["payload"]))
    answer = _push_bytes(http, till, [later, till.sale(5_000)])
    assert _statuses(answer) == ["duplicate", "created"]
    assert sale["payload"]["sale_id"] in answer.json()["results"][0]["reason"]
    counts = admin.counts(sdb, "kop1")
    assert counts["sale"] == 2 and counts["sale_line"] == 4 and counts["stock_movement"] == 4
    assert sum(r["total_rp"] for r in admin.report(sdb, "kop1")) == 30_000
    # both in one batch: the first keeps the sale
    again = till.sale(7_000, business_date="2026-08-25")
    twin = till.sale(7_000, business_date="2026-08-26")
    twin["payload"]["sale_id"] = again["payload"]["sale_id"]
    assert _statuses(_push_bytes(http, till, [again, twin])) == ["created", "duplicate"]
    assert admin.counts(sdb, "kop1")["sale"] == 3


def test_a_return_under_another_business_date_is_stored_once(http, sdb, till):
    sale = till.sale(10_000)
    payload = {"return_id": "R1", "sale_id": sale["payload"]["sale_id"], "refund_rp": 4_000}
    first = till.event("return.completed", payload, "2026-08-23")
    second = till.event("return.completed", dict(payload), "2026-08-30")
    assert _statuses(_push_bytes(http, till, [sale, first, second])) == ["created", "created", "duplicate"]
    assert admin.counts(sdb, "kop1")["sale_return"] == 1
