"""Bank Indonesia SNAP "QRIS MPM" as an acquirer client: the B2B access token, qr-mpm-generate
(service 47) and qr-mpm-query (service 51), each request signed as SNAP asks (snap_signing.py).

Field names follow the SNAP standard as the acquirers' public sandbox documents show it (docs/QRIS.md).
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from kkmp_pos.integrations import snap_signing as sig
from kkmp_pos.integrations.qris_acquirer import (
    AcquirerConfig,
    AcquirerError,
    GeneratedQr,
    QrState,
    QrStatus,
)

TOKEN_PATH = "/v1.0/access-token/b2b"
GENERATE_PATH = "/v1.0/qr/qr-mpm-generate"
QUERY_PATH = "/v1.0/qr/qr-mpm-query"
NOTIFY_PATH = "/v1.0/qr/qr-mpm-notify"
SERVICE_GENERATE, SERVICE_QUERY, SERVICE_NOTIFY = "47", "51", "52"

# SNAP latestTransactionStatus
STATUS_BY_CODE = {
    "00": QrStatus.PAID,
    "01": QrStatus.PENDING,  # initiated
    "02": QrStatus.PENDING,  # paying
    "03": QrStatus.PENDING,
    "04": QrStatus.FAILED,  # refunded
    "05": QrStatus.EXPIRED,  # cancelled / expired
    "06": QrStatus.FAILED,
    "07": QrStatus.FAILED,  # not found
}


def amount_value(amount_rp: int) -> dict[str, str]:
    """SNAP writes money as text with two decimals: Rp10.000 is {"value": "10000.00", "currency": "IDR"}."""
    return {"value": f"{amount_rp}.00", "currency": "IDR"}


def amount_rp_of(amount: Any) -> int | None:
    if not isinstance(amount, dict) or not isinstance(amount.get("value"), str):
        return None
    whole, _, cents = amount["value"].partition(".")
    if not whole.isdigit() or cents.strip("0"):
        return None
    return int(whole)


def rrn_of(body: dict[str, Any]) -> str:
    """The RRN of a paid QR: `additionalInfo.rrn` (or `.referenceNumber`, as some acquirers name it)."""
    info = body.get("additionalInfo") or {}
    if not isinstance(info, dict):
        return ""
    return str(info.get("rrn") or info.get("referenceNumber") or "")


class SnapQrisAcquirer:
    """One acquirer account. Thread-safe: the token is shared and renewed a minute before it ends."""

    def __init__(self, config: AcquirerConfig, timeout_s: float = 10.0) -> None:
        self.config = config
        self.timeout_s = timeout_s
        self._token = ""
        self._token_until = 0.0
        self._lock = threading.Lock()

    # -- transport ---------------------------------------------------------------------------------
    def _post(self, path: str, headers: dict[str, str], text: str) -> dict[str, Any]:
        url = self.config.base_url.rstrip("/") + path
        headers = {"Content-Type": "application/json", **headers}
        try:
            response = httpx.post(url, content=text.encode("utf-8"), headers=headers, timeout=self.timeout_s)
        except httpx.HTTPError as exc:
            raise AcquirerError(f"{path}: {type(exc).__name__}: {exc}") from exc
        try:
            body = response.json()
        except ValueError as exc:
            raise AcquirerError(f"{path}: HTTP {response.status_code}, not JSON") from exc
        if not isinstance(body, dict):
            raise AcquirerError(f"{path}: HTTP {response.status_code}, not an object")
        code = str(body.get("responseCode", ""))
        if response.status_code != 200 or not code.startswith("200"):
            message = body.get("responseMessage", "")
            raise AcquirerError(
                f"{path}: {code or response.status_code} {message}",
                response_code=code,
                retryable=response.status_code >= 500 or response.status_code == 429,
            )
        return body

    def access_token(self) -> str:
        """The B2B token (SNAP access-token/b2b), asked for again when it is about to end."""
        with self._lock:
            if self._token and time.monotonic() < self._token_until:
                return self._token
            stamp = sig.snap_timestamp()
            text = sig.minify({"grantType": "client_credentials"})
            body = self._post(
                TOKEN_PATH,
                {
                    "X-TIMESTAMP": stamp,
                    "X-CLIENT-KEY": self.config.client_id,
                    "X-SIGNATURE": sig.rsa_sign(
                        self.config.private_key_pem, sig.token_string(self.config.client_id, stamp)
                    ),
                },
                text,
            )
            token = body.get("accessToken")
            if not isinstance(token, str) or not token:
                raise AcquirerError("access token missing in the answer")
            lifetime = int(body.get("expiresIn") or 900)
            self._token = token
            self._token_until = time.monotonic() + max(30, lifetime - 60)
            return token

    def _service(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        token = self.access_token()
        stamp = sig.snap_timestamp()
        text = sig.minify(payload)
        headers = {
            "Authorization": f"Bearer {token}",
            "X-TIMESTAMP": stamp,
            "X-SIGNATURE": sig.hmac_sign(
                self.config.client_secret, sig.transaction_string("POST", path, token, text, stamp)
            ),
            "X-PARTNER-ID": self.config.client_id,
            "X-EXTERNAL-ID": str(uuid.uuid4().int)[:32],  # unique per day, numeric
            "CHANNEL-ID": self.config.channel_id,
        }
        try:
            return self._post(path, headers, text)
        except AcquirerError as exc:
            if exc.response_code.startswith("401"):  # token ended early: once more with a new one
                with self._lock:
                    self._token = ""
            raise

    # -- QrisAcquirer ------------------------------------------------------------------------------
    def generate(self, amount_rp: int, partner_reference_no: str) -> GeneratedQr:
        until = datetime.now(UTC) + timedelta(minutes=self.config.validity_minutes)
        payload: dict[str, Any] = {
            "partnerReferenceNo": partner_reference_no,
            "amount": amount_value(amount_rp),
            "merchantId": self.config.merchant_id,
            "validityPeriod": sig.snap_timestamp(until),
        }
        if self.config.terminal_id:
            payload["terminalId"] = self.config.terminal_id
        body = self._service(GENERATE_PATH, payload)
        content, reference = body.get("qrContent"), body.get("referenceNo")
        if not isinstance(content, str) or not content or not isinstance(reference, str):
            raise AcquirerError("qrContent or referenceNo missing in the answer", retryable=False)
        return GeneratedQr(content, reference, partner_reference_no)

    def query(self, qr: GeneratedQr) -> QrState:
        body = self._service(
            QUERY_PATH,
            {
                "originalReferenceNo": qr.reference_no,
                "originalPartnerReferenceNo": qr.partner_reference_no,
                "serviceCode": SERVICE_GENERATE,
                "merchantId": self.config.merchant_id,
            },
        )
        return state_of(body)


def state_of(body: dict[str, Any]) -> QrState:
    """A query answer or a notification as a QrState (unknown codes count as pending)."""
    code = str(body.get("latestTransactionStatus", ""))
    status = STATUS_BY_CODE.get(code, QrStatus.PENDING)
    rrn = rrn_of(body) if status is QrStatus.PAID else ""
    if status is QrStatus.PAID and not rrn:
        status = QrStatus.PENDING  # paid without an RRN: nothing to confirm with yet
    return QrState(status, rrn, amount_rp_of(body.get("amount")), str(body.get("transactionStatusDesc", "")))
