"""Rows a till could not apply never reach the feed, numbers stay within 64 bits and the report's sums,
and hostile admin bodies, enrolment codes and cursors get a 4xx naming the field, never a 5xx."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.server import admin
from kkmp_pos.server.importer import read_rows
from tests.server.support import seed


@pytest.fixture
def world(sdb):
    return seed(sdb)


def _admin(world):
    return {"Authorization": f"Bearer {world['admin_token']}"}


def _post(http, world, what, rows):
    body = json.dumps({"rows": rows}).encode()  # \ud800 escapes arrive as lone surrogates
    headers = _admin(world) | {"Content-Type": "application/json"}
    return http.post(f"/v1/admin/{what}", content=body, headers=headers)


def _feed(http, till):
    answer = http.get("/v1/sync/pull", headers=till.headers)
    assert answer.status_code == 200
    return answer.json()["changes"]


def _nested(depth):
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


GOOD_UNIT = {"name": "dus", "factor_milli": 40_000, "regular_price_rp": 110_000}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"units": [1, 2]}, "units[0]"),
        ({"units": [GOOD_UNIT | {"factor_milli": 10**30}]}, "units[0].factor_milli"),
        ({"units": [GOOD_UNIT | {"factor_milli": 0}]}, "units[0].factor_milli"),
        ({"units": [GOOD_UNIT | {"name": ""}]}, "units[0].name"),
        ({"units": [GOOD_UNIT | {"member_price_rp": {"rp": 1}}]}, "units[0].member_price_rp"),
        ({"units": [GOOD_UNIT | {"barcodes": [None]}]}, "units[0].barcodes[0]"),
        ({"units": "dus"}, "units"),
        ({"name": None}, "name"),
        ({"name": "Gula\x00"}, "name"),
        ({"name": "Gula \ud800"}, "name"),
        ({"business_unit": "senjata"}, "business_unit"),
        ({"reorder_level_milli": 2**64}, "reorder_level_milli"),
        ({"price_rp": 2**64}, "price_rp"),
        ({"price_rp": 10**12 + 1}, "price_rp"),
        ({"barcodes": "899"}, "barcodes"),
        ({"product_id": "P" * 65}, "product_id"),
    ],
)
def test_a_product_row_a_till_could_not_apply_is_refused_and_not_published(http, world, change, field):
    row = {"code": "GULA1", "name": "Gula 1 kg", "units": [GOOD_UNIT]} | change
    answer = _post(http, world, "products", [row])
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["field"].startswith(f"rows[0].{field}")
    assert _feed(http, world["tills"]["t1"]) == []


def test_a_product_with_proper_units_is_published_as_the_till_applies_it(http, world):
    row = {"code": "GULA1", "name": "Gula 1 kg", "business_unit": "sembako", "units": [GOOD_UNIT]}
    assert _post(http, world, "products", [row]).status_code == 200
    [change] = _feed(http, world["tills"]["t1"])
    assert change["data"]["units"] == [
        GOOD_UNIT | {"member_price_rp": None, "ceiling_rp": None, "active": True, "barcodes": []}
    ]


@pytest.mark.parametrize(
    "product",
    [
        {"code": "G2", "name": "Gula", "units": [1, 2]},
        {"code": "G2", "name": "Gula", "units": [GOOD_UNIT | {"factor_milli": 10**30}]},
        {"code": "G2", "name": " "},
    ],
)
def test_a_tills_product_changed_event_a_till_could_not_apply_is_quarantined(http, sdb, world, product):
    till = world["tills"]["t1"]
    bad = till.event("product.changed", product)
    answer = http.post("/v1/sync/push", json={"events": [bad, till.sale()]}, headers=till.headers)
    assert [r["status"] for r in answer.json()["results"]] == ["rejected", "created"]
    assert [c for c in _feed(http, world["tills"]["t1"]) if c["entity"] == "product"] == []


@pytest.mark.parametrize(
    ("what", "row", "field"),
    [
        ("prices", {"code": "GULA1", "price_rp": 2**63}, "price_rp"),
        ("ceilings", {"code": "GULA1", "ceiling_rp": 2**70}, "ceiling_rp"),
        ("members", {"member_no": "A1", "name": "Siti", "address": "x" * 201}, "address"),
        ("members", {"member_no": "A\x001", "name": "Siti"}, "member_no"),
        ("members", {"member_no": "A1", "name": {"first": "Siti"}}, "name"),
        ("members", {"member_no": "A1", "name": "Siti", "note": _nested(20)}, "note"),
    ],
)
def test_other_admin_rows_out_of_bounds_get_a_400_naming_the_field(http, world, what, row, field):
    assert _post(http, world, "products", [{"code": "GULA1", "name": "Gula"}]).status_code == 200
    answer = _post(http, world, what, [row])
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["field"].startswith(f"rows[0].{field}")


def test_the_report_adds_up_sums_past_64_bits_exactly(http, sdb, world):
    """Stored before amounts were bounded: SQLite's SUM overflowed and the report answered 503 for good."""
    m = sdb.m
    big = 2**62
    rows = [
        {
            "cooperative_id": "kop1",
            "business_date": "2026-08-23",
            "sale_id": f"S{i}",
            "store_id": "s1",
            "terminal_id": "t1",
            "event_id": f"00000000-0000-7000-8000-00000000000{i}",
            "receipt_no": "",
            "status": "completed",
            "total_rp": big,
            "cashier": "",
            "member_id": None,
            "occurred_at": "2026-08-23T01:00:00+00:00",
        }
        for i in range(4)
    ]
    with sdb.database.connection_context(), sdb.atomic():
        sdb.insert_rows(m.SaleModel, rows)
    answer = http.get("/v1/admin/report", headers=_admin(world))
    assert answer.status_code == 200
    assert answer.json()[0]["total_rp"] == 4 * big
    assert admin.report(sdb, "kop1")[0]["total_rp"] == 4 * big


def test_the_largest_sales_a_till_may_send_add_up_in_the_report(http, sdb, world):
    till = world["tills"]["t1"]
    events = [till.sale(10**12, lines=1) for _ in range(20)]
    answer = http.post("/v1/sync/push", json={"events": events}, headers=till.headers)
    assert {r["status"] for r in answer.json()["results"]} == {"created"}
    assert admin.report(sdb, "kop1")[0]["total_rp"] == 20 * 10**12


@pytest.mark.parametrize("code", ["ABCD\x00", "\ud800ABCD", "A" * 65])
def test_an_enrolment_code_no_database_can_hold_gets_a_400(http, world, code):
    body = json.dumps({"code": code}).encode()
    answer = http.post("/v1/enrol", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400


@pytest.mark.parametrize("cursor", ["v1.n\u00b2.c0.s0.t0", "v1.n0.c99999999999999999999999.s0.t0"])
def test_a_cursor_that_is_not_ours_gets_a_400(http, world, cursor):
    answer = http.get("/v1/sync/pull", params={"cursor": cursor}, headers=world["tills"]["t1"].headers)
    assert answer.status_code == 400


def test_an_imported_file_with_a_nul_names_the_row_and_stores_nothing(tmp_path, sdb, world):
    from kkmp_pos.server.admin_api import apply_rows
    from kkmp_pos.server.catalog import RowError, upsert_product

    path = tmp_path / "barang.csv"
    path.write_text("kode,nama\nG1,Gula\nG2,Kopi\x00Kapal\n", encoding="utf-8")
    with pytest.raises(RowError) as refused:
        apply_rows(sdb, "kop1", read_rows(path), upsert_product)
    assert refused.value.field == "rows[1].name"
    assert admin.counts(sdb, "kop1")["product"] == 0


def test_an_imported_file_that_is_not_utf8_is_refused_with_a_message(tmp_path):
    from kkmp_pos.core.errors import ValidationError

    path = tmp_path / "barang.csv"
    path.write_bytes(b"kode,nama\nG1,Gula \xff\xfe\n")
    with pytest.raises(ValidationError) as refused:
        read_rows(path)
    assert refused.value.code == "server_import_invalid"
