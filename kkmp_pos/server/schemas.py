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
    entity: Literal["product", "price", "ceiling", "member", "stock_movement", "qris_payment"]
    op: Literal["upsert", "delete"]
    key: str
    data: dict[str, Any]


class PullResponseDoc(BaseModel):
    changes: list[ChangeDoc]
    next_cursor: str
    has_more: bool


class EnrolRequestDoc(BaseModel):
    code: str = Field(examples=["ABCD-EFGH-JKLM-NPQR"])
    device_key: str | None = Field(
        default=None,
        max_length=128,
        description="a random key the till keeps; the same code from the same key may enrol again "
        "until the till confirms (a lost reply does not burn the code)",
    )


class EnrolResponseDoc(BaseModel):
    token: str
    cooperative_id: str
    store_id: str
    terminal_id: str


class KeysRequestDoc(BaseModel):
    hmac_key: str | None = Field(
        default=None,
        max_length=100,
        description="base64 of the 32-byte key this till hashed personal numbers with before it was "
        "enrolled; adopted when the cooperative has none yet",
    )


class KeysResponseDoc(BaseModel):
    hmac_key: str = Field(description="base64 of the cooperative's 32-byte personal-data hash key")
    adopted: bool = Field(description="True when the server took the till's own key")


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


class AdminTokenRequestDoc(BaseModel):
    name: str = Field(max_length=200, examples=["laptop bendahara"])
    expires_days: int | None = Field(default=None, ge=1, le=3650, description="None: until revoked")


class AdminTokenDoc(BaseModel):
    token_id: str
    name: str
    created_at: str
    expires_at: str | None
    revoked_at: str | None
    active: bool


class AdminTokenCreatedDoc(BaseModel):
    token: str = Field(description="shown once; only its hash is stored")
    token_id: str


class WriteResultDoc(BaseModel):
    rows: int = Field(description="rows received")
    changes: int = Field(description="feed changes written")


class HealthDoc(BaseModel):
    status: Literal["ok"]
    protocol: int
    time: str


DOC_MODELS = [PushRequestDoc, EnrolRequestDoc, RowsDoc, AdminTokenRequestDoc, KeysRequestDoc]

_WHY = {
    400: "The request or a field in it is invalid; `error.field` names it.",
    401: "No token, or not a token of this server.",
    403: "The token may not do this (a revoked terminal, another cooperative's data).",
    404: "No such item of the token's cooperative.",
    409: "Another till claimed this enrolment code.",
    413: "The body is too large.",
    429: "Too many failed sign-ins or enrolments from this address; see Retry-After.",
    503: "The database is busy or unreachable; retry after `Retry-After` seconds.",
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of an endpoint for its OpenAPI `responses`: each a JSON `ErrorDoc`."""
    return {code: {"model": ErrorDoc, "description": _WHY[code]} for code in codes}


def declare_security(doc: dict[str, Any]) -> None:
    """Give each operation the scheme it needs by its path (the schemes themselves, and the auth
    failures, are added by `exposure.declare_security`)."""
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
