"""HTTP client of the sync protocol (stdlib only): enrol, push a batch, pull a page.

Every failure becomes a SyncError whose `retryable` says whether sending the same request again later
is right (network errors, time-outs, 5xx, 429) or not (401/403: stop and tell someone; other 4xx).

Transport: https with the server's certificate verified (the system's CAs, or one pinned PEM file
for a self-signed server); plain http only to this machine or a private address (a shop's LAN),
unless the till is told explicitly (`sync.allow_plain_http`): sales and tokens cross the internet.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from kkmp_pos.core.errors import SyncError
from kkmp_pos.core.reasons import foreign_reason, os_error_reason
from kkmp_pos.sync import server_time
from kkmp_pos.sync.wire import PullResponse, PushResponse, WireError, push_body

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 60.0


class SyncHttpError(SyncError):
    """A failed exchange with the server."""

    def __init__(
        self,
        code: str,
        *,
        status: int | None = None,
        retryable: bool,
        retry_after: float | None = None,
        body: Any = None,
        **params: Any,
    ) -> None:
        super().__init__(code, **params)
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after
        self.body = body

    @property
    def auth_failed(self) -> bool:
        return self.status in (401, 403)


class Snapshot:
    """A 410 answer: start again from this snapshot and cursor."""

    def __init__(self, changes: list[dict[str, Any]], cursor: str) -> None:
        self.changes = changes
        self.cursor = cursor


def is_local_address(host: str) -> bool:
    """True for this machine and private networks (a shop's LAN, a VPN): every address `host`
    resolves to is loopback, private or link-local. A name that does not resolve is not local."""
    host = host.strip("[]")
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        if host.lower() == "localhost":
            return True
        try:
            infos = socket.getaddrinfo(host, None)
        except OSError:
            return False
        addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos}
    return bool(addresses) and all(a.is_loopback or a.is_private or a.is_link_local for a in addresses)


def tls_context(pinned_cert: str = "") -> ssl.SSLContext:
    """Verifying TLS: the system's CAs, or only `pinned_cert` (the server's own self-signed
    certificate, PEM). The host name is checked against the certificate either way."""
    if pinned_cert:
        return ssl.create_default_context(cafile=pinned_cert)
    return ssl.create_default_context()


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        timeout: float = READ_TIMEOUT_S,
        *,
        allow_plain_http: bool = False,
        pinned_cert: str = "",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.allow_plain_http = allow_plain_http
        self.pinned_cert = pinned_cert
        self._context: ssl.SSLContext | None = None
        self._transport_checked = False

    def _check_transport(self) -> ssl.SSLContext | None:
        """Refuse plain http to a public address; the TLS context for https."""
        parts = urllib.parse.urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SyncHttpError(
                "sync_unreachable",
                retryable=False,
                url=self.base_url,
                reason="alamat harus http:// atau https://",
                reason_en="the address must be http:// or https://",
            )
        if parts.scheme == "http":
            checked = self._transport_checked or self.allow_plain_http
            if not checked and not is_local_address(parts.hostname):
                raise SyncHttpError("sync_insecure_url", retryable=False, url=self.base_url)
            self._transport_checked = True
            return None
        if self._context is None:
            try:
                self._context = tls_context(self.pinned_cert)
            except (OSError, ssl.SSLError) as exc:
                raise SyncHttpError(
                    "sync_tls_failed", retryable=False, url=self.base_url, reason=str(exc)[:200]
                ) from None
        return self._context

    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Any]:
        context = self._check_transport()
        headers = {"Accept": "application/json", "User-Agent": "kkmp-pos-sync/1"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.base_url + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout, context=context) as response:
                server_time.record(response.headers.get("Date"))  # the till's clock check reads it
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            try:
                payload = json.loads(raw) if raw else None
            except ValueError:
                payload = None
            return exc.code, _ErrorAnswer(exc.code, payload, exc.headers.get("Retry-After"))
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            cause = getattr(exc, "reason", exc)
            if isinstance(cause, ssl.SSLCertVerificationError):
                raise SyncHttpError(
                    "sync_tls_failed",
                    retryable=True,  # a renewed certificate or a fixed clock heals it
                    url=self.base_url,
                    reason=str(cause.verify_message or cause)[:200],
                ) from None
            if isinstance(cause, OSError):
                reason_id, reason_en = os_error_reason(cause)
            else:
                reason_id, reason_en = foreign_reason(str(cause))
            raise SyncHttpError(
                "sync_unreachable",
                retryable=True,
                url=self.base_url,
                reason=reason_id[:200],
                reason_en=reason_en[:200],
            ) from None
        except ValueError:  # a reply that is not JSON: a proxy page, a cut response
            raise SyncHttpError(
                "sync_unreachable",
                retryable=True,
                url=self.base_url,
                reason="jawaban server tidak terbaca",
                reason_en="bad reply",
            ) from None

    def _ok(self, status: int, payload: Any, accept: tuple[int, ...] = (200,)) -> Any:
        if status in accept and not isinstance(payload, _ErrorAnswer):
            return payload
        assert isinstance(payload, _ErrorAnswer)
        code = payload.code or "sync_server_error"
        retryable = status >= 500 or status == 429 or status == 408
        if status == 429 and code == "server_rate_limited":  # too many wrong codes: say when to retry
            raise SyncHttpError(
                code,
                status=status,
                retryable=True,
                retry_after=payload.retry_after,
                body=payload.body,
                retry_after_s=int(payload.retry_after or 60),
            )
        raise SyncHttpError(
            code if not retryable else "sync_server_error",
            status=status,
            retryable=retryable,
            retry_after=payload.retry_after,
            body=payload.body,
            **(payload.params if not retryable else {"http_status": status}),
        )

    def health(self) -> bool:
        status, payload = self._request("GET", "/v1/health")
        return status == 200 and isinstance(payload, dict)

    def enrol(self, code: str, device_key: str | None = None) -> dict[str, Any]:
        """Trade the code for a token. With this till's `device_key`, asking again after a lost
        reply gives the same terminal a fresh token (until `confirm_enrolment`)."""
        request: dict[str, Any] = {"code": code}
        if device_key:
            request["device_key"] = device_key
        status, payload = self._request("POST", "/v1/enrol", json.dumps(request).encode())
        return self._ok(status, payload)

    def confirm_enrolment(self) -> None:
        """Tell the server this till holds its token: the enrolment code is used up."""
        status, payload = self._request("POST", "/v1/enrol/confirm", b"{}")
        self._ok(status, payload)

    def exchange_key(self, offer: str | None) -> dict[str, Any]:
        """The cooperative's personal-data hash key (base64), offering this till's own key, which a
        cooperative without one adopts: {"hmac_key", "adopted"} (POST /v1/sync/keys)."""
        body = json.dumps({"hmac_key": offer}).encode()
        status, payload = self._request("POST", "/v1/sync/keys", body)
        return self._ok(status, payload)

    def with_token(self, token: str) -> SyncClient:
        """The same server and transport settings, another token."""
        return SyncClient(
            self.base_url,
            token,
            self.timeout,
            allow_plain_http=self.allow_plain_http,
            pinned_cert=self.pinned_cert,
        )

    def push(self, events: list[dict[str, Any]]) -> PushResponse:
        status, payload = self._request("POST", "/v1/sync/push", push_body(events))
        try:
            return PushResponse.from_dict(self._ok(status, payload))
        except WireError:
            raise SyncHttpError(
                "sync_unreachable",
                retryable=True,
                url=self.base_url,
                reason="jawaban server atas kiriman tidak terbaca",
                reason_en="bad push reply",
            ) from None

    def pull(self, cursor: str, limit: int) -> PullResponse | Snapshot:
        query = urllib.parse.urlencode({"cursor": cursor, "limit": limit})
        status, payload = self._request("GET", f"/v1/sync/pull?{query}")
        if status == 410 and isinstance(payload, _ErrorAnswer) and payload.body:
            snap = payload.body.get("snapshot") or {}
            return Snapshot(list(snap.get("changes", [])), str(snap.get("cursor", "")))
        return PullResponse.from_dict(self._ok(status, payload))


class _ErrorAnswer:
    """A non-2xx answer: its JSON body, error code and Retry-After (seconds)."""

    def __init__(self, status: int, body: Any, retry_after: str | None) -> None:
        self.status = status
        self.body = body if isinstance(body, dict) else None
        error = (self.body or {}).get("error") or {}
        self.code = error.get("code") if isinstance(error, dict) else None
        self.params = {"detail": error.get("message", "")} if isinstance(error, dict) else {}
        self.retry_after: float | None = None
        if retry_after and retry_after.strip().isdigit():
            self.retry_after = float(retry_after.strip())
