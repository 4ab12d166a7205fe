"""The SNAP client against the simulator over real HTTP: tokens, generate, query, and refusals of
bad signatures."""

from __future__ import annotations

import httpx
import pytest

from kkmp_pos.core.qris import parse_qris
from kkmp_pos.integrations import snap_signing as sig
from kkmp_pos.integrations.qris_acquirer import AcquirerConfig, AcquirerError, QrStatus
from kkmp_pos.integrations.snap_qris import GENERATE_PATH, TOKEN_PATH, SnapQrisAcquirer
from kkmp_pos.integrations.snap_simulator import SnapSimulator


@pytest.fixture
def sim():
    simulator = SnapSimulator().start()
    yield simulator
    simulator.stop()


def acquirer(sim: SnapSimulator) -> SnapQrisAcquirer:
    return SnapQrisAcquirer(AcquirerConfig.from_dict(sim.new_client("KKMP01")))


def test_generate_gives_a_valid_dynamic_qris_with_the_amount_and_query_follows_payment(sim):
    client = acquirer(sim)
    qr = client.generate(31_400, "0193a1b2c3d4e5f60718293a4b5c6d7e")
    parsed = parse_qris(qr.qr_content)  # CRC and structure checked
    assert parsed.raw == qr.qr_content
    assert "540531400" in qr.qr_content and qr.qr_content.startswith("000201010212")
    assert client.query(qr).status is QrStatus.PENDING
    sim.settle(qr.reference_no, "pay")
    state = client.query(qr)
    assert state.status is QrStatus.PAID and len(state.rrn) == 12 and state.amount_rp == 31_400
    assert ("/v1.0/qr/qr-mpm-generate", "2004700") in sim.requests


@pytest.mark.parametrize("outcome,status", [("expire", QrStatus.EXPIRED), ("fail", QrStatus.FAILED)])
def test_expired_and_failed_codes(sim, outcome, status):
    client = acquirer(sim)
    qr = client.generate(5_000, "0193a1b2c3d4e5f60718293a4b5c6d7f")
    httpx.post(f"{sim.url}/sim/qr/{qr.reference_no}/{outcome}")
    assert client.query(qr).status is status


def test_token_signed_with_another_key_is_refused(sim):
    account = sim.new_client("KKMP01")
    other_private, _ = sig.new_key_pair()
    bad = SnapQrisAcquirer(AcquirerConfig.from_dict(account | {"private_key_pem": other_private}))
    with pytest.raises(AcquirerError) as refused:
        bad.generate(1_000, "0193a1b2c3d4e5f60718293a4b5c6d70")
    assert refused.value.response_code == "4017300"
    assert (TOKEN_PATH, "4017300") in sim.requests


def test_transaction_signed_with_a_wrong_secret_is_refused(sim):
    account = sim.new_client("KKMP01")
    bad = SnapQrisAcquirer(AcquirerConfig.from_dict(account | {"client_secret": "wrong"}))
    with pytest.raises(AcquirerError) as refused:
        bad.generate(1_000, "0193a1b2c3d4e5f60718293a4b5c6d71")
    assert refused.value.response_code == "4014700"
    assert not sim.qrs


def test_a_body_changed_after_signing_is_refused(sim):
    client = acquirer(sim)
    token = client.access_token()
    stamp = sig.snap_timestamp()
    signed = sig.minify({"partnerReferenceNo": "x", "amount": {"value": "1000.00", "currency": "IDR"}})
    sent = signed.replace("1000.00", "1.00")
    headers = {
        "Authorization": f"Bearer {token}",
        "X-TIMESTAMP": stamp,
        "X-SIGNATURE": sig.hmac_sign(
            client.config.client_secret,
            sig.transaction_string("POST", GENERATE_PATH, token, signed, stamp),
        ),
        "X-PARTNER-ID": "KKMP01",
        "X-EXTERNAL-ID": "1",
        "CHANNEL-ID": "95221",
        "Content-Type": "application/json",
    }
    answer = httpx.post(sim.url + GENERATE_PATH, content=sent, headers=headers)
    assert answer.status_code == 401 and answer.json()["responseCode"] == "4014700"
