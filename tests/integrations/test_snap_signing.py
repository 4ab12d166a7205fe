"""SNAP signatures checked against the cryptography library directly, not against our own verifier."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from kkmp_pos.integrations import snap_signing as sig


@pytest.fixture(scope="module")
def keys() -> tuple[str, str]:
    return sig.new_key_pair()


def test_token_signature_is_sha256_with_rsa_over_client_id_and_timestamp(keys):
    private_pem, public_pem = keys
    stamp = "2026-12-06T09:30:00+07:00"
    signature = sig.rsa_sign(private_pem, sig.token_string("KKMP01", stamp))
    public = serialization.load_pem_public_key(public_pem.encode())
    public.verify(  # raises InvalidSignature if wrong
        base64.b64decode(signature), b"KKMP01|2026-12-06T09:30:00+07:00", padding.PKCS1v15(), hashes.SHA256()
    )
    with pytest.raises(InvalidSignature):
        public.verify(
            base64.b64decode(signature),
            b"KKMP01|2026-12-06T09:30:01+07:00",
            padding.PKCS1v15(),
            hashes.SHA256(),
        )


def test_transaction_signature_is_hmac_sha512_over_the_snap_string():
    body = {"partnerReferenceNo": "abc", "amount": {"value": "10000.00", "currency": "IDR"}}
    minified = sig.minify(body)
    assert minified == '{"partnerReferenceNo":"abc","amount":{"value":"10000.00","currency":"IDR"}}'
    stamp = "2026-12-06T09:30:00+07:00"
    text = sig.transaction_string("post", "/v1.0/qr/qr-mpm-generate", "TOKEN", minified, stamp)
    digest = hashlib.sha256(minified.encode()).hexdigest()
    assert text == f"POST:/v1.0/qr/qr-mpm-generate:TOKEN:{digest}:{stamp}"
    expected = base64.b64encode(hmac.new(b"secret", text.encode(), hashlib.sha512).digest()).decode()
    assert sig.hmac_sign("secret", text) == expected
    assert sig.hmac_verify("secret", text, expected)
    assert not sig.hmac_verify("other", text, expected)


def test_notify_signature_verifies_only_with_the_acquirers_key_and_the_same_body(keys):
    private_pem, public_pem = keys
    _, stranger_pem = sig.new_key_pair()
    text = sig.notify_string("POST", "/n", sig.minify({"a": 1}), "2026-12-06T09:30:00+07:00")
    signature = sig.rsa_sign(private_pem, text)
    assert sig.rsa_verify(public_pem, text, signature)
    assert not sig.rsa_verify(stranger_pem, text, signature)
    other = sig.notify_string("POST", "/n", sig.minify({"a": 2}), "2026-12-06T09:30:00+07:00")
    assert not sig.rsa_verify(public_pem, other, signature)
    assert not sig.rsa_verify(public_pem, text, "not base64!")


def test_response_code_is_status_service_case():
    assert sig.response_code(200, "47", "00") == "2004700"
    assert sig.response_code(401, "51", "00") == "4015100"


def test_timestamp_is_wib_with_offset():
    assert sig.snap_timestamp().endswith("+07:00")
