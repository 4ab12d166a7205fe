"""A till never stalls on what it pulls (SQLite and PostgreSQL servers, real HTTP on 127.0.0.1).

Rows that cannot be applied are written straight into the server's change feed, past its validation,
between good rows. The till sets each one aside in its sync problems with the reason, its cursor moves
past them, and the rest of the page applies. Before, every till that pulled such a page failed on it
forever and its cursor never moved.
"""

from __future__ import annotations

import pytest

from kkmp_pos.app import open_till
from kkmp_pos.db.models import ProductModel, ProductUnitModel, TerminalModel
from kkmp_pos.server.feed import PendingChange, append_changes
from kkmp_pos.services.sync.runner import sync_problems
from kkmp_pos.sync.apply import apply_changes, apply_changes_by_row
from kkmp_pos.sync.wire import PullResponse, encode_cursor
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import new_till, run_cli, seed_server


def _product(uid: str, code: str, name: object, **more: object) -> dict[str, object]:
    return {"product_id": uid, "code": code, "name": name, "unit": "pcs", "active": True, **more}


def _unit(factor: object, name: object = "Dus") -> dict[str, object]:
    return {"name": name, "factor_milli": factor, "regular_price_rp": 50_000, "barcodes": []}


BAD = {
    "BAD-UNITS": _product("BAD-UNITS", "X1", "Units are numbers", units=[12, 24]),
    "BAD-NONAME": {"product_id": "BAD-NONAME", "code": "X2", "unit": "pcs"},
    "BAD-FACTOR": _product("BAD-FACTOR", "X3", "Factor 10^30", units=[_unit(10**30)]),
    "BAD-NUL": _product("BAD-NUL", "X4", "Gula\x00Pasir"),
    "BAD-UNITNAME": _product("BAD-UNITNAME", "X5", "Unit name a number", units=[_unit(12_000, 12)]),
}


def _feed(sdb, changes: list[tuple[str, str, dict[str, object]]]) -> None:
    """Append rows to the cooperative's feed directly: no validation on the way."""
    with sdb.database.connection_context(), sdb.atomic():
        append_changes(sdb, [PendingChange("kop1", "cooperative", "kop1", e, k, d) for e, k, d in changes])


def _sync(folder):
    till = open_till(folder)
    try:
        return sync_once(folder)
    finally:
        till.close()


@pytest.fixture
def till_dir(tmp_path, sdb, live):
    seed_server(sdb)
    return new_till(tmp_path / "t1", sdb, live.url)


def test_bad_pulled_rows_are_set_aside_the_cursor_moves_and_the_rest_applies(sdb, live, till_dir):
    good_before = _product("GOOD-1", "G1", "Beras Baik 5 kg", units=[_unit(10_000)])
    good_after = _product("GOOD-2", "G2", "Minyak Baik 1 L")
    rows = [("product", "GOOD-1", good_before)]
    rows += [("product", key, data) for key, data in BAD.items()]
    rows += [
        ("product", "GOOD-2", good_after),
        ("price", "GOOD-2:regular", {"product_id": "GOOD-2", "price_type": "regular", "price_rp": 18_000}),
        ("price", "GOOD-1:regular", {"product_id": "GOOD-1", "price_type": "regular", "price_rp": 1e30}),
        ("member", "M-BAD", {"member_id": "M-BAD", "member_no": "A-9", "name": None}),
    ]
    _feed(sdb, rows)
    report = _sync(till_dir)
    assert report.problems == len(BAD) + 2
    till = open_till(till_dir)
    try:
        cursor = TerminalModel.get().pull_cursor
        problems = {p.key: p.reason for p in sync_problems() if p.pulled}
        assert set(problems) == {*BAD, "GOOD-1:regular", "M-BAD"}
        assert problems["BAD-UNITS"] == "units[0] must be an object"
        assert problems["BAD-NONAME"] == "name is missing"
        assert problems["BAD-FACTOR"] == "units[0].factor_milli is out of range"
        assert problems["BAD-NUL"] == "name contains a NUL character"
        assert problems["BAD-UNITNAME"] == "units[0].name must be a string"
        assert problems["GOOD-1:regular"] == "price_rp must be an integer"
        good = ProductModel.get(ProductModel.uid == "GOOD-1")
        assert good.name == "Beras Baik 5 kg"
        assert ProductUnitModel.get(ProductUnitModel.product == good.id).factor_milli == 10_000
        assert ProductModel.get(ProductModel.uid == "GOOD-2").regular_price_rp == 18_000  # after the bad rows
        assert not ProductModel.select().where(ProductModel.uid.startswith("BAD-")).exists()
    finally:
        till.close()
    # the cursor moved past them: the next round pulls nothing and sets nothing aside again
    again = _sync(till_dir)
    assert (again.pulled, again.problems) == (0, 0)
    till = open_till(till_dir)
    try:
        assert TerminalModel.get().pull_cursor == cursor
        assert len([p for p in sync_problems() if p.pulled]) == len(BAD) + 2
    finally:
        till.close()
    # and a later good change still arrives
    _feed(sdb, [("product", "GOOD-3", _product("GOOD-3", "G3", "Telur 1 kg"))])
    assert _sync(till_dir).applied.products == 1
    result = run_cli(till_dir, "sync", "--once")
    assert result.returncode == 0, result.stderr
    assert "set aside: product BAD-NUL: name contains a NUL character" in result.stdout


def test_an_unreadable_change_in_a_page_is_set_aside_not_the_page():
    page = PullResponse.from_dict(
        {
            "changes": [
                {"id": 1, "scope": "cooperative", "entity": "gadget", "op": "upsert", "key": "g", "data": {}},
                {"id": 2, "scope": "cooperative", "entity": "product", "op": "upsert", "key": "k", "data": 5},
                {
                    "id": 3,
                    "scope": "cooperative",
                    "entity": "product",
                    "op": "upsert",
                    "key": "p",
                    "data": {},
                },
            ],
            "next_cursor": encode_cursor({"cooperative": 3}),
            "has_more": False,
        }
    )
    assert [c.id for c in page.changes] == [3]
    assert [reason for _, reason in page.unreadable] == [
        "entity unknown entity",
        "change needs a string key and an object data",
    ]


def test_change_by_change_a_row_the_database_refuses_is_undone_alone(till):
    """Behind the checks, the change-by-change path gives each change its own savepoint: an error
    its data causes while writing (a unit price that overflows SQLite) undoes and sets aside only it."""
    from kkmp_pos.db.database import database

    changes = [
        {"entity": "product", "op": "upsert", "key": "A", "data": _product("A", "A1", "Satu")},
        {
            "entity": "product",
            "op": "upsert",
            "key": "B",
            "data": _product("B", "B1", "Dua", units=[{**_unit(1000), "member_price_rp": 2**70}]),
        },
        {"entity": "product", "op": "upsert", "key": "C", "data": _product("C", "C1", "Tiga")},
    ]
    with database.atomic():
        stats = apply_changes_by_row(changes, "2026-01-05T00:00:00.000Z")
    assert [p.key for p in stats.problems] == ["B"] and "OverflowError" in stats.problems[0].reason
    with database.atomic():  # the checked path sets it aside before writing anything
        checked = apply_changes(changes, "2026-01-05T00:00:01.000Z")
    assert [(p.key, p.reason) for p in checked.problems] == [
        ("B", "units[0].member_price_rp is out of range")
    ]
    assert {p.uid for p in ProductModel.select().where(ProductModel.uid.in_(["A", "B", "C"]))} == {"A", "C"}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"entity": "member", "data": {"member_id": "m", "member_no": "A-1", "name": "Siti \ud800"}},
         "name is not valid Unicode (a lone surrogate)"),
        ({"entity": "member", "data": {"member_id": "m", "member_no": "A-1", "name": "S" * 201}},
         "name is too long"),
        ({"entity": "stock_movement", "data": {"movement_id": "m\x00", "product_code": "B", "qty_milli": 1}},
         "movement_id contains a NUL character"),
        ({"entity": "stock_movement", "data": {"movement_id": "m", "qty_milli": 1}},
         "product_uid is missing"),
        ({"entity": "ceiling", "data": {"product_code": "B", "ceiling_rp": "5000"}},
         "ceiling_rp must be an integer"),
        ({"entity": "product", "data": _product("P", "C", "N", units={"Dus": 12})}, "units must be a list"),
        ({"entity": "product", "data": _product("P", "C", "N", barcodes="899")}, "barcodes must be a list"),
        ({"entity": "product", "data": _product("P", "C", "N", active="ya")}, "active must be true or false"),
        ({"entity": "product", "data": []}, "data must be an object"),
    ],
)  # fmt: skip
def test_each_kind_of_bad_change_is_named(change, reason):
    from kkmp_pos.sync.feed_check import change_problem

    assert change_problem({"op": "upsert", "key": "k", **change}) == reason


def test_good_changes_of_every_entity_pass():
    from kkmp_pos.sync.feed_check import change_problem

    good = [
        {"entity": "product", "data": _product("P", "C", "Gula", units=[_unit(12_000)], barcodes=["899"])},
        {"entity": "price", "data": {"product_id": "P", "price_type": "regular", "price_rp": 15_000}},
        {"entity": "ceiling", "data": {"product_code": "C", "ceiling_rp": 16_000}},
        {"entity": "member", "data": {"member_id": "m", "member_no": 7, "name": "Siti", "nik": None}},
        {"entity": "stock_movement", "data": {"movement_id": "m", "product_uid": "P", "qty_milli": -1000}},
        {"entity": "gadget", "data": {}},  # unknown: skipped with a note, as before
    ]
    assert [change_problem({"op": "upsert", "key": "k", **c}) for c in good] == [None] * len(good)


def test_a_snapshot_with_a_bad_row_applies_the_rest_and_keeps_that_product_selling(sdb, live, till_dir):
    """After a prune the till gets a snapshot (410); a malformed product in it is set aside, the
    others apply, and the product it is about is not deactivated (the server still has it)."""
    import json

    from kkmp_pos.server.feed import prune
    from tests.sync.support import PRODUCTS

    m = sdb.m
    code = PRODUCTS[3]["code"]
    with sdb.database.connection_context():
        row = m.ProductModel.get((m.ProductModel.cooperative_id == "kop1") & (m.ProductModel.code == code))
        bad = {**json.loads(row.data), "units": [12, 24]}
        m.ProductModel.update(data=json.dumps(bad)).where(
            (m.ProductModel.cooperative_id == "kop1") & (m.ProductModel.product_id == row.product_id)
        ).execute()
    # a change the till has not seen, pruned: its cursor is now behind the horizon
    _feed(sdb, [("ceiling", code, {"product_code": code, "ceiling_rp": 90_000})])
    with sdb.database.connection_context():
        last = m.ChangeModel.select(m.ChangeModel.change_id).order_by(m.ChangeModel.change_id.desc()).scalar()
    prune(sdb, last)
    with sdb.database.connection_context(), sdb.atomic():  # new on the server, only in the snapshot
        m.ProductModel.insert(
            cooperative_id="kop1",
            product_id="SNAP-ONLY",
            code="SO1",
            data=json.dumps(_product("SNAP-ONLY", "SO1", "Hanya di Snapshot")),
            updated_at="2026-01-05T00:00:00.000Z",
        ).execute()
    report = _sync(till_dir)
    assert report.snapshot and report.problems == 1
    till = open_till(till_dir)
    try:
        [problem] = [p for p in sync_problems() if p.pulled]
        assert (problem.key, problem.reason) == (row.product_id, "units[0] must be an object")
        assert ProductModel.get(ProductModel.code == code).active  # not deactivated
        assert ProductModel.get(ProductModel.uid == "SNAP-ONLY").name == "Hanya di Snapshot"
    finally:
        till.close()
    assert _sync(till_dir).problems == 0  # the cursor moved on from the snapshot's
