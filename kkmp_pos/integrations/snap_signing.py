"""Bank Indonesia SNAP signatures: what is signed, how, and how it is checked.

- B2B access token (asymmetric): SHA256withRSA over `clientId|X-TIMESTAMP`, base64, with the
  partner's private key; the acquirer verifies it with the partner's registered public key.
- Transaction (symmetric): HMAC-SHA512 with the client secret over
  `METHOD:path:accessToken:lowercase(hex(sha256(minified body))):X-TIMESTAMP`, base64.
- Notification (asymmetric, acquirer to merchant): SHA256withRSA with the acquirer's private key over
  `METHOD:path:lowercase(hex(sha256(minified body))):X-TIMESTAMP`, base64.

Pure functions over bytes and text; the keys are PEM text as the parties exchange them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

JAKARTA = timezone(timedelta(hours=7))  # SNAP timestamps are written in WIB, e.g. 2026-12-06T09:30:00+07:00


def snap_timestamp(moment: datetime | None = None) -> str:
    """X-TIMESTAMP: ISO-8601 to the second with the +07:00 offset."""
    return (moment or datetime.now(UTC)).astimezone(JAKARTA).isoformat(timespec="seconds")


def minify(body: Any) -> str:
    """The request body as SNAP signs it: JSON without whitespace (keys in the sender's order)."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def body_digest(minified: str) -> str:
    return hashlib.sha256(minified.encode("utf-8")).hexdigest().lower()


def token_string(client_id: str, timestamp: str) -> str:
    return f"{client_id}|{timestamp}"


def transaction_string(method: str, path: str, access_token: str, minified: str, timestamp: str) -> str:
    return f"{method.upper()}:{path}:{access_token}:{body_digest(minified)}:{timestamp}"


def notify_string(method: str, path: str, minified: str, timestamp: str) -> str:
    return f"{method.upper()}:{path}:{body_digest(minified)}:{timestamp}"


def load_private_key(pem: str) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("an RSA private key is needed")
    return key


def load_public_key(pem: str) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(pem.encode("ascii"))
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("an RSA public key is needed")
    return key


def rsa_sign(private_pem: str, text: str) -> str:
    """SHA256withRSA (PKCS#1 v1.5), base64: SNAP's asymmetric signature."""
    raw = load_private_key(private_pem).sign(text.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(raw).decode("ascii")


def rsa_verify(public_pem: str, text: str, signature: str) -> bool:
    try:
        raw = base64.b64decode(signature, validate=True)
        load_public_key(public_pem).verify(raw, text.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def hmac_sign(secret: str, text: str) -> str:
    """HMAC-SHA512, base64: SNAP's symmetric signature."""
    raw = hmac.new(secret.encode("utf-8"), text.encode("utf-8"), hashlib.sha512).digest()
    return base64.b64encode(raw).decode("ascii")


def hmac_verify(secret: str, text: str, signature: str) -> bool:
    return hmac.compare_digest(hmac_sign(secret, text), signature or "")


def new_key_pair() -> tuple[str, str]:
    """A fresh RSA-2048 pair as (private PEM, public PEM): for the simulator, the demo and the tests."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    return private, public


def response_code(http_status: int, service: str, case: str) -> str:
    """SNAP's seven-digit responseCode: HTTP status, two-digit service code, two-digit case."""
    return f"{http_status:03d}{service}{case}"
