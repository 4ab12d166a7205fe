"""QRIS confirmed by the acquirer, the whole path over real HTTP: the till asks the SNAP simulator for
a code, the customer pays (simulator control), the simulator sends its signed qr-mpm-notify to the
real server (SQLite and PostgreSQL), the server feeds it to the till that made the sale, and the till's
pull confirms the sale with the acquirer's RRN."""

from __future__ import annotations

import json

import httpx
import pytest

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.core.qris import parse_qris
from kkmp_pos.db.models import AuditLogModel, PaymentConfirmationModel, SaleModel, UserModel
from kkmp_pos.integrations import snap_signing as sig
from kkmp_pos.integrations.qris_acquirer import QrStatus
from kkmp_pos.integrations.snap_simulator import SIM_STATIC_QRIS, SnapSimulator
from kkmp_pos.server.qris_notify import set_acquirer_key
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import PRODUCTS, new_till, seed_server

NOTIFY_PATH = "/v1/qris/kop1/s1/v1.0/qr/qr-mpm-notify"


@pytest.fixture
def sim(live):
    simulator = SnapSimulator(notify_url=live.url + NOTIFY_PATH).start()
    yield simulator
    simulator.stop()


def qris_sale(till) -> str:
    cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(PRODUCTS[3]["barcode"]), 2000)
    total = 2 * PRODUCTS[3]["price_rp"]
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.QRIS, total)], cashier).sale_id


def feed_entries(sdb) -> list[tuple[str, str, str]]:
    Change = sdb.m.ChangeModel
    with sdb.database.connection_context():
        query = Change.select(Change.scope, Change.scope_id, Change.data).where(
            Change.entity == "qris_payment"
        )
        return [(c.scope, c.scope_id, c.data) for c in query]


def test_paid_qr_reaches_the_till_through_notify_and_pull_and_confirms_the_sale_with_the_rrn(
    tmp_path, live, sdb, sim
):
    seed_server(sdb)
    set_acquirer_key(sdb, "kop1", "s1", sim.notify_public_pem)
    folder = new_till(tmp_path / "till", sdb, live.url)
    till = open_till(folder)
    try:
        till.ctx.set_setting("qris.static_payload", SIM_STATIC_QRIS)
        boss = actor_of(till.auth.create_user("Budi", "manajer", "9999"))
        till.acquirer_setup.save(boss, sim.new_client("KKMP01"))
        sale_id = qris_sale(till)

        code = till.qris_online.code(sale_id)
        assert code.automatic and parse_qris(code.payload).amount_rp == 2 * PRODUCTS[3]["price_rp"]
        assert till.qris_online.code(sale_id).payload == code.payload  # reopened: the same code
        sync_once(folder)  # the sale reaches the server: the notification will name its terminal

        paid = sim.settle(sim.find(sale_id.replace("-", "")).reference_no, "pay")
        assert paid.notified == 200
        assert [(scope, scope_id) for scope, scope_id, _ in feed_entries(sdb)] == [("terminal", "t1")]
        assert sim.send_notify(paid) == 200  # the acquirer's retry: stored and fed once
        assert len(feed_entries(sdb)) == 1

        assert SaleModel.get_by_id(sale_id).status == "awaiting_payment"
        report = sync_once(folder)
        assert report.applied.qris_payments == 1
        assert till.qris_online.apply_notifications() == 1
        assert SaleModel.get_by_id(sale_id).status == "completed"
        assert PaymentConfirmationModel.get(PaymentConfirmationModel.sale == sale_id).reference == paid.rrn
        row = AuditLogModel.get(AuditLogModel.action == "qris.confirmed_by_acquirer")
        detail = json.loads(row.detail)
        assert detail["reference"] == paid.rrn and detail["source"] == "notify" and detail["cashier"] == "Ani"
        state = till.qris_online.check(sale_id, boss)  # an open dialog's next check: paid, no query
        assert state.status is QrStatus.PAID and state.rrn == paid.rrn
    finally:
        till.close()


def test_notify_with_a_bad_signature_or_an_unknown_store_is_refused(live, sdb, sim):
    seed_server(sdb)
    set_acquirer_key(sdb, "kop1", "s1", sim.notify_public_pem)
    forger_private, _ = sig.new_key_pair()
    body = sig.minify(
        {
            "originalReferenceNo": "SIM1",
            "originalPartnerReferenceNo": "0" * 32,
            "latestTransactionStatus": "00",
            "amount": {"value": "1000.00", "currency": "IDR"},
            "additionalInfo": {"rrn": "412000000001"},
        }
    )
    stamp = sig.snap_timestamp()

    def post(path: str, key: str) -> httpx.Response:
        signature = sig.rsa_sign(key, sig.notify_string("POST", path, body, stamp))
        headers = {"X-TIMESTAMP": stamp, "X-SIGNATURE": signature, "Content-Type": "application/json"}
        return httpx.post(live.url + path, content=body, headers=headers)

    forged = post(NOTIFY_PATH, forger_private)
    assert forged.status_code == 401 and forged.json()["responseCode"] == "4015200"
    elsewhere = post("/v1/qris/kop1/s9/v1.0/qr/qr-mpm-notify", sim.notify_private_pem)
    assert elsewhere.status_code == 401
    assert feed_entries(sdb) == []
    good = post(NOTIFY_PATH, sim.notify_private_pem)  # the same, signed by the acquirer
    assert good.status_code == 200 and good.json()["responseCode"] == "2005200"
    assert [(scope, scope_id) for scope, scope_id, _ in feed_entries(sdb)] == [("store", "s1")]
