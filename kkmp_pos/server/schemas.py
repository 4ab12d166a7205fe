"""Pydantic mirrors of the wire schemas, used only to describe the API in the OpenAPI document.

Requests are validated by kkmp_pos.sync.wire (the same code the till runs), not by these models.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from kkmp_pos.sync.wire import MAX_EVENTS_PER_PUSH


class EventEnvelopeDoc(BaseModel):
    event_id: str = Field(description="UUIDv7 made by the till, lower case")
    cooperative_id: str
    store_id: str
    terminal_id: str
    seq: int = Field(ge=1, description="per-terminal sequence number, never repeats")
    type: str = Field(examples=["sale.completed"])
    schema_version: int = Field(ge=1)
    occurred_at: str = Field(description="UTC ISO-8601 time")
    business_date: str = Field(description="store-local date YYYY-MM-DD")
    payload: dict[str, Any]


class PushRequestDoc(BaseModel):
    protocol: int = 1
    events: list[EventEnvelopeDoc] = Field(max_length=MAX_EVENTS_PER_PUSH)


class EventResultDoc(BaseModel):
    event_id: str | None
    seq: int | None
    status: Literal["created", "duplicate", "rejected"]
    reason: str | None = None


class PushResponseDoc(BaseModel):
    results: list[EventResultDoc]
    acked_through_seq: int


class ChangeDoc(BaseModel):
    id: int
    scope: Literal["national", "cooperative", "store", "terminal"]
    entity: Literal["product", "price", "ceiling", "member", "stock_movement"]
    op: Literal["upsert", "delete"]
    key: str
    data: dict[str, Any]


class PullResponseDoc(BaseModel):
    changes: list[ChangeDoc]
    next_cursor: str
    has_more: bool


class EnrolRequestDoc(BaseModel):
    code: str = Field(examples=["ABCD-EFGH-JKLM-NPQR"])


class EnrolResponseDoc(BaseModel):
    token: str
    cooperative_id: str
    store_id: str
    terminal_id: str


class ErrorDetailDoc(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorDoc(BaseModel):
    error: ErrorDetailDoc


class SnapshotDoc(BaseModel):
    changes: list[ChangeDoc]
    cursor: str
    replace: bool


class CursorExpiredDoc(BaseModel):
    error: ErrorDetailDoc
    snapshot: SnapshotDoc


class RowsDoc(BaseModel):
    rows: list[dict[str, Any]]


class WriteResultDoc(BaseModel):
    rows: int = Field(description="rows received")
    changes: int = Field(description="feed changes written")


class HealthDoc(BaseModel):
    status: Literal["ok"]
    protocol: int
    time: str


DOC_MODELS = [PushRequestDoc, EnrolRequestDoc, RowsDoc]

_WHY = {
    400: "The request or a field in it is invalid; `error.field` names it.",
    401: "No token, or not a token of this server.",
    403: "The token may not do this (a revoked terminal, another cooperative's data).",
    413: "The body is too large.",
    503: "The database is busy or unreachable; retry after `Retry-After` seconds.",
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of an endpoint for its OpenAPI `responses`: each a JSON `ErrorDoc`."""
    return {code: {"model": ErrorDoc, "description": _WHY[code]} for code in codes}


# Who may call what: a till's token for the sync endpoints, the cooperative's admin token for the
# admin API; enrolment and health need none.
SECURITY_SCHEMES = {
    "terminalToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "The terminal's token, received at enrolment (`POST /v1/enrol`).",
    },
    "adminToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A cooperative's admin API token (`kkmp-pos-server admin-token`).",
    },
}


def declare_security(doc: dict[str, Any]) -> None:
    """Add the security schemes to an OpenAPI document, and to each operation the one it needs."""
    doc.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    for path, operations in doc.get("paths", {}).items():
        scheme = (
            "adminToken"
            if path.startswith("/v1/admin/")
            else "terminalToken"
            if path.startswith("/v1/sync/")
            else None
        )
        for operation in operations.values():
            # FastAPI lists 422 for its own validation; this API answers those with 400
            operation.get("responses", {}).pop("422", None)
            if scheme:
                operation["security"] = [{scheme: []}]
