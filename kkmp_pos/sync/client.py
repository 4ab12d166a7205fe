"""HTTP client of the sync protocol (stdlib only): enrol, push a batch, pull a page.

Every failure becomes a SyncError whose `retryable` says whether sending the same request again later
is right (network errors, time-outs, 5xx, 429) or not (401/403: stop and tell someone; other 4xx).
"""

from __future__ import annotations

import json
import logging
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


class SyncClient:
    def __init__(self, base_url: str, token: str = "", timeout: float = READ_TIMEOUT_S) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Any]:
        headers = {"Accept": "application/json", "User-Agent": "kkmp-pos-sync/1"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.base_url + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
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

    def enrol(self, code: str) -> dict[str, Any]:
        body = json.dumps({"code": code}).encode()
        status, payload = self._request("POST", "/v1/enrol", body)
        return self._ok(status, payload)

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
