"""The event contract: every till event round-trips, bad fields are refused by name, and every payload
an older till queued (frozen under tests/fixtures) still loads."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkmp_pos.core import events
from kkmp_pos.core.events import (
    EVENT_CLASSES,
    EventError,
    MemberRef,
    Person,
    SaleCompleted,
    SaleLine,
    SalePayment,
    StockMovement,
    current_version,
    parse_event,
)
from kkmp_pos.sync.wire import EVENT_TYPES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V1_FILES = sorted((FIXTURES / "events_v1").glob("*.json"))


def _fixture(name: str) -> dict:
    return json.loads((FIXTURES / "events_v1" / f"{name}.json").read_text())


def sale_v2(**changes: object) -> SaleCompleted:
    line = SaleLine(
        line_no=1,
        product_id=7,
        product_code="BRS5",
        name="Beras 5 kg",
        unit_label="sak",
        qty_milli=2000,
        base_qty_milli=2000,
        unit_price_rp=70_000,
        regular_price_rp=70_000,
        price_type="regular",
        line_total_rp=140_000,
        ppn_exempt=True,
    )
    taxable = SaleLine(
        line_no=2,
        product_id=9,
        product_code="MKT1",
        qty_milli=1000,
        base_qty_milli=1000,
        unit_price_rp=15_600,
        line_total_rp=15_600,
        ppn_exempt=False,
    )
    fields: dict[str, object] = {
        "sale_id": "01a2293d-721d-7119-a2a7-8a574c21f3b2",
        "total_rp": 155_600,
        "subtotal_rp": 155_600,
        "lines": (line, taxable),
        "payments": (SalePayment("cash", 155_600, "p1", 200_000, 44_400),),
        "movements": (
            StockMovement("m1", 7, -2000, "sale", None, 62_000),
            StockMovement("m2", 9, -1000, "sale", 3, 14_000),
        ),
        "receipt_no": "KMPBPN-T1-261119-0001",
        "cashier": Person(1, "Siti"),
        "member": MemberRef("mem-1", "A-000001"),
        "created_at": "2026-11-19T00:20:30.000Z",
        "change_rp": 44_400,
        "vat_registered": True,
        "ppn_percent": 11,
    }
    fields.update(changes)
    return SaleCompleted(**fields)  # type: ignore[arg-type]


def test_wire_types_are_exactly_the_contract_types() -> None:
    assert set(EVENT_CLASSES) == set(EVENT_TYPES)


def test_the_till_writes_sale_events_as_version_2_and_the_rest_as_version_1() -> None:
    assert current_version("sale.completed") == 2
    assert sale_v2().schema_version == 2
    others = set(EVENT_CLASSES) - {"sale.completed"}
    assert {current_version(t) for t in others} == {1}


def test_a_sale_round_trips_through_its_payload() -> None:
    sale = sale_v2()
    payload = json.loads(json.dumps(sale.to_payload()))
    assert parse_event("sale.completed", 2, payload) == sale
    assert payload["lines"][0]["ppn_exempt"] is True
    assert payload["vat_registered"] is True and payload["ppn_percent"] == 11
    assert [m["unit_cost_rp"] for m in payload["movements"]] == [62_000, 14_000]


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.stem)
def test_every_v1_payload_of_todays_till_loads_and_round_trips_unchanged(path: Path) -> None:
    stored = json.loads(path.read_text())
    event = parse_event(stored["type"], stored["schema_version"], stored["payload"])
    assert type(event) is EVENT_CLASSES[stored["type"]]
    assert event.to_payload() == stored["payload"]
    assert parse_event(stored["type"], event.schema_version, event.to_payload()) == event


def test_every_event_type_has_a_frozen_v1_payload() -> None:
    assert {json.loads(p.read_text())["type"] for p in V1_FILES} == set(EVENT_CLASSES)


def test_a_v1_sale_loads_with_the_ppn_facts_unknown_and_stays_version_1() -> None:
    sale = parse_event("sale.completed", 1, _fixture("sale_completed")["payload"])
    assert isinstance(sale, SaleCompleted)
    assert sale.vat_registered is None and sale.ppn_percent is None
    assert all(line.ppn_exempt is None for line in sale.lines)
    assert all(m.unit_cost_rp == 0 for m in sale.movements)
    assert sale.schema_version == 1
    assert "vat_registered" not in sale.to_payload()


def test_a_v1_sales_exemption_can_come_from_what_the_server_knows_of_its_products() -> None:
    sale = parse_event("sale.completed", 1, _fixture("sale_completed")["payload"])
    assert isinstance(sale, SaleCompleted)
    everything = sum(line.line_total_rp for line in sale.lines)
    first = sale.lines[0]
    assert sale.taxable_rp() == everything
    assert sale.taxable_rp(frozenset({first.product_id})) == everything - first.line_total_rp
    v2 = sale_v2()
    assert v2.taxable_rp(frozenset({9})) == 15_600  # the line's own flag wins


@pytest.mark.parametrize("db", sorted(FIXTURES.glob("schema_v*.db")), ids=lambda p: p.stem)
def test_payloads_queued_in_every_frozen_database_load(db: Path) -> None:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT type, schema_version, payload FROM outbox_event").fetchall()
    finally:
        con.close()
    assert rows
    for etype, version, text in rows:
        stored = json.loads(text)
        event = parse_event(etype, version, stored)
        again = event.to_payload()
        # older tills wrote fewer fields (no prescription_ref, no buyer_nik); nothing they wrote is lost
        assert {k: again[k] for k in stored if k != "lines"} == {
            k: v for k, v in stored.items() if k != "lines"
        }
        assert [{k: ln[k] for k in old} for ln, old in zip(again["lines"], stored["lines"], strict=True)] == (
            stored["lines"]
        )


def test_hand_made_v1_forms_the_server_always_accepted_still_load() -> None:
    sale = parse_event(
        "sale.completed",
        1,
        {
            "id": "s-1",
            "cashier": "Ani",
            "member": "mem-9",
            "totals": {"total_rp": 5000},
            "lines": [{"product_id": "P0", "qty_milli": 1000, "unit_price_rp": 5000, "line_total_rp": 5000}],
            "payments": [{"method": "cash", "amount_rp": 5000}],
            "movements": [{"movement_id": "m-1", "product_id": "P0", "qty_milli": -1000}],
        },
    )
    assert isinstance(sale, SaleCompleted)
    assert (sale.sale_id, sale.total_rp, sale.status) == ("s-1", 5000, "completed")
    assert sale.cashier == Person(None, "Ani") and sale.member == MemberRef("mem-9")
    assert sale.movements[0].id == "m-1" and sale.movements[0].kind == "sale"
    stock = parse_event("stock.written_off", 1, {"product_id": 3, "qty_milli": -500, "reason": "rusak"})
    assert isinstance(stock, events.StockWrittenOff) and stock.movements[0].kind == "rusak"


def _set(payload: dict, path: str, value: object) -> dict:
    out = copy.deepcopy(payload)
    target = out
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return out


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("total_rp", 1500.0, "total_rp must be an integer number of rupiah"),
        ("total_rp", True, "total_rp must be an integer number of rupiah"),
        ("total_rp", -5, "total_rp must not be negative"),
        ("total_rp", _DELETE, "total_rp is missing"),
        ("sale_id", _DELETE, "sale_id is missing"),
        ("lines.1.line_total_rp", "15600", "lines[1].line_total_rp must be an integer number of rupiah"),
        ("lines.0.qty_milli", 2.5, "lines[0].qty_milli must be an integer"),
        ("lines.0.ppn_exempt", _DELETE, "lines[0].ppn_exempt is missing"),
        ("lines.0.ppn_exempt", "ya", "lines[0].ppn_exempt must be true or false"),
        ("vat_registered", _DELETE, "vat_registered is missing"),
        ("ppn_percent", 11.0, "ppn_percent must be an integer"),
        ("payments.0.amount_rp", 155_600.0, "payments[0].amount_rp must be an integer number of rupiah"),
        ("payments.0.method", "", "payments[0].method is missing"),
        (
            "movements.1.unit_cost_rp",
            14_000.5,
            "movements[1].unit_cost_rp must be an integer number of rupiah",
        ),
        ("movements.0.product_id", None, "movements[0].product_id is missing"),
        ("lines", {"a": 1}, "lines must be a list of objects"),
        ("cashier", [1], "cashier must be an object"),
    ],
)
def test_a_bad_field_is_refused_with_its_name_and_the_reason(path: str, value: object, message: str) -> None:
    payload = _set(sale_v2().to_payload(), path, value)
    with pytest.raises(EventError) as caught:
        parse_event("sale.completed", 2, payload)
    assert str(caught.value) == message
    assert caught.value.code == "event_invalid"
    assert message in caught.value.message("en")


def test_unknown_types_and_versions_are_refused() -> None:
    with pytest.raises(EventError, match=r"unknown event type 'sale\.teleported'"):
        parse_event("sale.teleported", 1, {})
    with pytest.raises(EventError, match=r"3 is not a version of sale\.completed"):
        parse_event("sale.completed", 3, sale_v2().to_payload())
    with pytest.raises(EventError, match=r"2 is not a version of shift\.opened"):
        parse_event("shift.opened", 2, {})
    with pytest.raises(EventError, match="payload must be an object"):
        parse_event("shift.opened", 1, [])


@pytest.mark.parametrize(
    ("etype", "payload", "message"),
    [
        (
            "return.completed",
            {"return_id": "r", "refund_rp": 1.5},
            "refund_rp must be an integer number of rupiah",
        ),
        ("stock.received", {"receipt_id": "g"}, "movements is missing"),
        ("member.registered", {"member": {"name": "Ani"}}, "member.member_no is missing"),
        ("member.registered", {"member": "Ani"}, "member must be an object"),
        ("product.changed", {"code": "X"}, "name is missing"),
        ("shift.closed", {"counted_detail": {"1000": 2.0}}, "counted_detail.1000 must be an integer"),
        ("cash.moved", {"amount_rp": False}, "amount_rp must be an integer number of rupiah"),
        ("sale.payment_confirmed", {"amount_rp": 5000}, "sale_id is missing"),
        (
            "sale.cancelled",
            {"sale_id": "s", "refund_rp": "0"},
            "refund_rp must be an integer number of rupiah",
        ),
    ],
)
def test_other_events_refuse_bad_fields_by_name(etype: str, payload: dict, message: str) -> None:
    with pytest.raises(EventError) as caught:
        parse_event(etype, 1, payload)
    assert str(caught.value) == message


def test_the_simpanan_event_is_a_placeholder_not_yet_on_the_wire() -> None:
    assert events.SavingsDeposited.TYPE not in EVENT_CLASSES
    assert events.SavingsDeposited.VERSIONS == ()


# The parts of a sale are read in one pass when well formed, field by field otherwise (to name what
# is wrong). Whatever the payload, both ways must give the same event or both refuse it.
_ODD_VALUES = st.sampled_from([None, "", "x", "P7", 0, 1, -1, 1.5, True, False, 2**60, [], {}, "9" * 300])


def _both_ways(read_fast, read_careful, obj: dict) -> None:
    try:
        fast = read_fast(obj)
    except EventError as exc:
        fast = ("refused", str(exc))
    try:
        careful = read_careful(obj)
    except EventError as exc:
        careful = ("refused", str(exc))
    if isinstance(fast, tuple) or isinstance(careful, tuple):
        assert isinstance(fast, tuple) and isinstance(careful, tuple), (obj, fast, careful)
    else:
        assert fast == careful, obj


def _mutations(base: dict):
    keys = st.sampled_from([*sorted(base), "movement_id", "reason", "ppn_exempt", "product_uid", "totals"])
    return st.dictionaries(keys, _ODD_VALUES | st.just(_DELETE), max_size=3).map(
        lambda changes: {k: v for k, v in (base | changes).items() if v is not _DELETE}
    )


_SALE = sale_v2().to_payload()
_V1_SALE = _fixture("sale_completed")["payload"]


@given(obj=_mutations(_SALE["lines"][0]), version=st.sampled_from([1, 2]))
@settings(max_examples=300, deadline=None)
def test_a_sale_line_reads_the_same_both_ways(obj: dict, version: int) -> None:
    _both_ways(
        lambda o: SaleLine.from_payload(o, "lines[0].", 1, version),
        lambda o: SaleLine.read_each_field(o, "lines[0].", 1, version),
        obj,
    )


@given(obj=_mutations(_SALE["movements"][1]))
@settings(max_examples=300, deadline=None)
def test_a_movement_reads_the_same_both_ways(obj: dict) -> None:
    _both_ways(
        lambda o: StockMovement.from_payload(o, "", "sale"),
        lambda o: StockMovement.read_each_field(o, "", "sale"),
        obj,
    )


@given(obj=_mutations(_SALE["payments"][0]))
@settings(max_examples=200, deadline=None)
def test_a_payment_reads_the_same_both_ways(obj: dict) -> None:
    _both_ways(
        lambda o: SalePayment.from_payload(o, "payments[0]."),
        lambda o: SalePayment.read_each_field(o, "payments[0]."),
        obj,
    )


@given(data=st.data(), version=st.sampled_from([1, 2]))
@settings(max_examples=300, deadline=None)
def test_a_sale_reads_the_same_both_ways(data: st.DataObject, version: int) -> None:
    base = _SALE if version == 2 else _V1_SALE
    header = {k: v for k, v in base.items() if k not in ("lines", "payments", "movements")}
    obj = data.draw(_mutations(header)) | {k: base[k] for k in ("lines", "payments", "movements")}

    def careful(o: dict) -> SaleCompleted:
        lines = tuple(
            SaleLine.read_each_field(ln, f"lines[{i}].", i + 1, version) for i, ln in enumerate(o["lines"])
        )
        payments = tuple(
            SalePayment.read_each_field(p, f"payments[{i}].") for i, p in enumerate(o["payments"])
        )
        movements = tuple(
            StockMovement.read_each_field(m, f"movements[{i}].", "sale") for i, m in enumerate(o["movements"])
        )
        cashier, member = Person.read(o, "cashier"), MemberRef.read(o)
        return SaleCompleted.read_each_field(o, version, lines, payments, movements, cashier, member)

    _both_ways(lambda o: SaleCompleted.from_payload(o, version), careful, obj)
