"""QRIS through the acquirer (SNAP simulator over real HTTP): the code comes from the acquirer, a query
that answers paid confirms the sale with the RRN; with the acquirer down, or none set up, the static
code and the manual confirmation stay."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.core.qris import parse_qris
from kkmp_pos.db.models import AuditLogModel, PaymentConfirmationModel, SaleModel
from kkmp_pos.integrations.qris_acquirer import QrStatus
from kkmp_pos.integrations.snap_simulator import SIM_STATIC_QRIS, SnapSimulator
from kkmp_pos.services.selling.qris_online import poll_delay
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.services.test_till_features import sell


@pytest.fixture
def sim():
    simulator = SnapSimulator().start()
    yield simulator
    if simulator.httpd.socket.fileno() != -1:
        simulator.stop()


@pytest.fixture
def online(till, manager, sim):
    till.ctx.set_setting("qris.static_payload", SIM_STATIC_QRIS)
    till.acquirer_setup.save(manager, sim.new_client("KKMP01"))
    return till


def qris_sale(till, cashier, amount_rp=65_500) -> str:
    return sell(till, cashier, [("SPHP5", 1000)], [PaymentInput(PaymentMethod.QRIS, amount_rp)]).sale_id


def test_a_paid_query_confirms_the_sale_with_the_rrn_and_audits_the_cashier(online, cashier, sim):
    sale_id = qris_sale(online, cashier)
    code = online.qris_online.code(sale_id)
    assert code.automatic and parse_qris(code.payload).amount_rp == 65_500
    assert code.merchant_name == "GERAI KKMP GN SAMARINDA"
    assert online.qris_online.check(sale_id, cashier).status is QrStatus.PENDING
    assert SaleModel.get_by_id(sale_id).status == "awaiting_payment"
    qr = sim.settle(sim.find(sale_id.replace("-", "")).reference_no, "pay")
    state = online.qris_online.check(sale_id, cashier)
    assert state.status is QrStatus.PAID and state.rrn == qr.rrn
    assert SaleModel.get_by_id(sale_id).status == "completed"
    assert PaymentConfirmationModel.get(PaymentConfirmationModel.sale == sale_id).reference == qr.rrn
    detail = json.loads(AuditLogModel.get(AuditLogModel.action == "qris.confirmed_by_acquirer").detail)
    assert detail["source"] == "query" and detail["cashier"] == cashier.name


def test_an_expired_code_leaves_the_sale_waiting_for_the_cashier(online, cashier, sim):
    sale_id = qris_sale(online, cashier)
    online.qris_online.code(sale_id)
    sim.settle(sale_id.replace("-", ""), "expire")
    assert online.qris_online.check(sale_id, cashier).status is QrStatus.EXPIRED
    assert SaleModel.get_by_id(sale_id).status == "awaiting_payment"
    fresh = online.qris_online.code(sale_id)  # shown again: the acquirer makes a new code
    assert fresh.automatic and len(sim.qrs) == 2


def test_an_unreachable_acquirer_falls_back_to_the_static_code_and_manual_rrn(online, cashier, sim):
    sale_id = qris_sale(online, cashier)
    sim.stop()
    code = online.qris_online.code(sale_id)
    assert not code.automatic and code.note
    assert parse_qris(code.payload).amount_rp == 65_500  # the shop's static code made dynamic
    assert online.qris_online.check(sale_id, cashier).status is QrStatus.PENDING
    online.qris.confirm(sale_id, "412345678901", cashier)
    detail = json.loads(AuditLogModel.get(AuditLogModel.action == "qris.confirmed").detail)
    assert detail["source"] == "manual" and detail["cashier"] == cashier.name


def test_without_an_acquirer_the_code_is_the_static_one(till, cashier):
    till.ctx.set_setting("qris.static_payload", SIM_STATIC_QRIS)
    sale_id = qris_sale(till, cashier)
    code = till.qris_online.code(sale_id)
    assert not code.automatic and code.note == ""
    assert till.qris_online.check(sale_id, cashier).detail == "manual"


def test_polls_slow_down_and_stay_bounded():
    delays = [poll_delay(i) for i in range(20)]
    assert delays == sorted(delays) and delays[0] < delays[-1] == max(delays)


def test_notifications_that_do_not_fit_confirm_nothing_and_say_why(till, cashier):
    from kkmp_pos.db.models import QrisNotificationModel
    from kkmp_pos.sync.apply_qris import record_qris_payments

    till.ctx.set_setting("qris.static_payload", SIM_STATIC_QRIS)
    sale_id = qris_sale(till, cashier)
    notes = [
        {"reference_no": "A", "sale_id": sale_id, "status": "paid", "rrn": "412000000001", "amount_rp": 1},
        {"reference_no": "B", "sale_id": None, "status": "paid", "rrn": "412000000002", "amount_rp": 65_500},
        {"reference_no": "C", "sale_id": sale_id, "status": "expired", "rrn": "", "amount_rp": 65_500},
    ]
    with till.ctx.db.atomic():
        assert record_qris_payments(notes, till.ctx.now_iso()) == 3
        assert record_qris_payments(notes, till.ctx.now_iso()) == 0  # pulled again: kept once
    assert till.qris_online.apply_notifications() == 0
    outcomes = {n.reference_no: n.outcome for n in QrisNotificationModel.select()}
    assert outcomes == {"A": "amount_differs", "B": "unknown_sale", "C": "recorded"}
    assert SaleModel.get_by_id(sale_id).status == "awaiting_payment"
