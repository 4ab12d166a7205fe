"""The till's sale event carries what the server needs to rebuild the till's figures (each line's PPN
exemption, the store's VAT status and rate, each movement's stored cost) and passes the contract."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.core.events import SaleCompleted, current_version, parse_event
from kkmp_pos.core.tax import dpp_and_ppn
from kkmp_pos.db.models import OutboxEventModel, SaleLineModel, StockMovementModel, StoreModel
from tests.services.test_ppn import cart_of, make_pkp, sell, split


def sale_event(sale_id: str) -> tuple[OutboxEventModel, SaleCompleted]:
    row = OutboxEventModel.get(
        (OutboxEventModel.type == "sale.completed") & (OutboxEventModel.payload.contains(sale_id))
    )
    event = parse_event(row.type, row.schema_version, json.loads(row.payload))
    assert isinstance(event, SaleCompleted)
    return row, event


def test_sale_event_is_version_2_and_carries_each_lines_exemption(till, cashier) -> None:
    sale_id = sell(till, cashier, cart_of(("SPHP5", 2000), ("MK1", 1000)))
    row, event = sale_event(sale_id)
    assert row.schema_version == current_version("sale.completed") == 2 == event.schema_version
    stored = {
        ln.line_no: bool(ln.ppn_exempt) for ln in SaleLineModel.select().where(SaleLineModel.sale == sale_id)
    }
    assert {ln.line_no: ln.ppn_exempt for ln in event.lines} == stored
    assert stored == {1: True, 2: False}


def test_sale_event_says_the_store_is_not_vat_registered(till, cashier) -> None:
    assert not StoreModel.get().vat_registered
    till.ctx.set_setting("tax.ppn_percent", 12)
    _, event = sale_event(sell(till, cashier, cart_of(("SLF", 1000))))
    assert event.vat_registered is False
    assert event.ppn_percent == 12  # the rate the till would apply, sent even when it applies none


@pytest.mark.parametrize("percent", [11, 12])
def test_the_server_can_compute_the_receipts_ppn_from_the_event_alone(till, cashier, percent) -> None:
    make_pkp(till)
    till.ctx.set_setting("tax.ppn_percent", percent)
    sale_id = sell(till, cashier, cart_of(("SPHP5", 1000), ("MK1", 2000), ("PCT", 1000)))
    _, event = sale_event(sale_id)
    assert event.vat_registered is True and event.ppn_percent == percent
    taxable, _exempt = split(sale_id)
    assert event.taxable_rp() == taxable
    receipt = till.receipts.data(sale_id)
    assert dpp_and_ppn(event.taxable_rp(), event.ppn_percent) == (receipt.ppn_dpp_rp, receipt.ppn_rp)


def test_each_movement_carries_the_unit_cost_the_ledger_stored(till, cashier) -> None:
    sale_id = sell(till, cashier, cart_of(("SPHP5", 2000), ("PCT", 2000)))
    _, event = sale_event(sale_id)
    stored = {
        m.id: (m.product_id, m.qty_milli, m.unit_cost_rp)
        for m in StockMovementModel.select().where(StockMovementModel.doc_id == sale_id)
    }
    assert {m.id: (m.product_id, m.qty_milli, m.unit_cost_rp) for m in event.movements} == stored


def test_every_event_the_till_queued_passes_the_contract(till, cashier, manager) -> None:
    sale_id = sell(till, cashier, cart_of(("SPHP5", 1000)))
    till.reversals.cancel(sale_id, cashier, manager, "salah input")
    rows = list(OutboxEventModel.select())
    assert {r.type for r in rows} >= {"sale.completed", "sale.cancelled"}
    for row in rows:
        parse_event(row.type, row.schema_version, json.loads(row.payload))
