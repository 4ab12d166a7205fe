"""What every endpoint of the central server shares: errors with a catalogue code, bounded JSON bodies,
and the OpenAPI reference of a documented request body."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from kkmp_pos.core.messages import render
from kkmp_pos.core.safe_json import printable

MAX_ADMIN_BYTES = 10 * 1024 * 1024
MAX_SMALL_BYTES = 16 * 1024


class ApiError(Exception):
    """An HTTP error with a code from the message catalogue."""

    def __init__(self, status: int, code: str, headers: dict[str, str] | None = None, **params: Any):
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params
        self.headers = headers


def error_body(code: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    # a field name or value echoed from the request may hold a NUL or a lone surrogate
    params = {k: printable(v) if isinstance(v, str) else v for k, v in (params or {}).items()}
    body: dict[str, Any] = {"code": code, "message": render(code, params, "en")}
    if "field" in params:
        body["field"] = params["field"]
    return {"error": body}


async def read_json(request: Request, limit: int) -> Any:
    """The request body as JSON, refusing more than `limit` bytes (413) before reading it all."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "sync_wire_invalid", field="content-length", reason="not a number")
        if int(declared) > limit:
            raise ApiError(413, "sync_too_large", limit=limit)
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "sync_too_large", limit=limit)
        chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "sync_malformed_json", detail=str(exc)[:200]) from None
    except RecursionError:
        raise ApiError(400, "sync_malformed_json", detail="nested too deeply") from None


def body_ref(name: str) -> dict[str, Any]:
    """The OpenAPI `requestBody` of an endpoint that reads its JSON itself (see `read_json`)."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
        }
    }
