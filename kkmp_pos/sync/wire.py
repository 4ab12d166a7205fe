"""Wire schemas of the sync protocol (event envelope, push, pull), shared by the till and the server.

Plain dataclasses and validation functions only: the till must not need pydantic. The server wraps
these in pydantic models for its OpenAPI document, but validates requests with the functions here so
both sides agree on what is valid.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from kkmp_pos.core.errors import ValidationError

PROTOCOL_VERSION = 1
MAX_EVENTS_PER_PUSH = 500
MAX_PUSH_BYTES = 2 * 1024 * 1024
DEFAULT_PULL_LIMIT = 1000
MAX_PULL_LIMIT = 5000

# Every type a till emits. The server stores all of them; PROJECTED_TYPES also become rows of its own
# tables (sales, returns, members, products, stock). Anything else is quarantined as unknown.
PROJECTED_TYPES = frozenset(
    {
        "sale.completed",
        "sale.payment_confirmed",
        "sale.cancelled",
        "return.completed",
        "member.registered",
        "member.erased",
        "product.changed",
        "stock.received",
        "stock.written_off",
        "stock.count_adjusted",
    }
)
STORED_ONLY_TYPES = frozenset(
    {
        "shift.opened",
        "shift.closed",
        "cash.moved",
        "simpanan.recorded",
        "simpanan.billed",
        "member.status_changed",
    }
)
EVENT_TYPES = PROJECTED_TYPES | STORED_ONLY_TYPES

# Result of one pushed event, as the server reports it.
CREATED = "created"
DUPLICATE = "duplicate"
REJECTED = "rejected"
RESULT_STATUSES = (CREATED, DUPLICATE, REJECTED)

# Scopes of the change feed, in the order a cursor lists them.
SCOPES = ("national", "cooperative", "store", "terminal")
ENTITIES = frozenset({"product", "price", "ceiling", "member", "stock_movement", "qris_payment"})

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_TYPE_RE = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_SEQ = 2**63 - 1


class WireError(ValidationError):
    """A request or event that breaks the wire format; `field` says where, `reason` what.

    `reason` (English) is what the server sends back in a push result; the message shows
    `reason_id` in Bahasa Indonesia.
    """

    def __init__(self, field: str, reason: str, reason_id: str) -> None:
        super().__init__("sync_wire_invalid", field=field, reason=reason_id, reason_en=reason)
        self.field = field
        self.reason = reason


def is_valid_id(value: object) -> bool:
    """True for a cooperative, store or terminal id: 1-64 of A-Z a-z 0-9 _ -, not starting with _ -."""
    return isinstance(value, str) and _ID_RE.match(value) is not None


def _require_int(obj: dict[str, Any], name: str, minimum: int, maximum: int = _MAX_SEQ) -> int:
    value = obj.get(name)
    # bool is an int in Python but never a valid number on the wire
    if not isinstance(value, int) or isinstance(value, bool):
        raise WireError(name, "must be an integer", "harus bilangan bulat")
    if not minimum <= value <= maximum:
        raise WireError(
            name, f"must be between {minimum} and {maximum}", f"harus antara {minimum} dan {maximum}"
        )
    return value


def _require_str(obj: dict[str, Any], name: str, max_len: int = 64) -> str:
    value = obj.get(name)
    if not isinstance(value, str) or not value:
        raise WireError(name, "must be a non-empty string", "harus teks yang tidak kosong")
    if len(value) > max_len:
        raise WireError(name, f"longer than {max_len} characters", f"lebih dari {max_len} karakter")
    return value


def _require_id(obj: dict[str, Any], name: str) -> str:
    value = _require_str(obj, name)
    if not is_valid_id(value):
        raise WireError(name, "must be 1-64 of A-Z a-z 0-9 _ -", "harus 1-64 huruf/angka A-Z a-z 0-9 _ -")
    return value


def parse_utc(text: str, name: str = "occurred_at") -> _dt.datetime:
    """An ISO-8601 time with an explicit offset, converted to UTC; WireError otherwise."""
    try:
        value = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise WireError(name, "must be an ISO-8601 time", "harus waktu ISO-8601") from None
    if value.tzinfo is None:
        raise WireError(name, "must carry a UTC offset", "harus menyertakan selisih UTC")
    return value.astimezone(_dt.UTC)


@dataclass(frozen=True, slots=True)
class EventEnvelope:
    """One event as it travels up; identical for every type (SYNC.md)."""

    event_id: str
    cooperative_id: str
    store_id: str
    terminal_id: str
    seq: int
    type: str
    schema_version: int
    occurred_at: str
    business_date: str
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        # shallow on purpose: asdict() deep-copies every payload, which costs at ingest rates
        return {name: getattr(self, name) for name in self.__slots__}

    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON of the whole envelope: equal hashes mean the same event."""
        return self.hashed_payload()[0]

    def hashed_payload(self) -> tuple[str, str]:
        """(content hash, canonical JSON of the payload): the payload is encoded once, for the hash
        and for storing. The envelope's canonical text is its fields in key order with the payload's
        text spliced in, which is exactly what `canonical_json` of the whole envelope gives."""
        payload = canonical_json(self.payload)
        parts = [
            f"{key}{payload if name == 'payload' else _scalar_json(getattr(self, name))}"
            for name, key in _SORTED_KEYS
        ]
        envelope = "{" + ",".join(parts) + "}"
        return hashlib.sha256(envelope.encode()).hexdigest(), payload


_SORTED_KEYS = [(name, json.dumps(name) + ":") for name in sorted(EventEnvelope.__slots__)]
_encode_text = json.encoder.encode_basestring  # what json.dumps(text, ensure_ascii=False) gives


def _scalar_json(value: Any) -> str:
    """`canonical_json` of an envelope field, without a json.dumps call for plain text and integers
    (nine per event, at ingest rates)."""
    kind = type(value)
    if kind is str:
        return _encode_text(value)
    if kind is int:
        return int.__repr__(value)
    return canonical_json(value)


def canonical_json(obj: Any) -> str:
    """JSON with sorted keys and no spaces, so equal content gives equal text."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def validate_envelope(obj: object) -> EventEnvelope:
    """Check one raw event against the envelope rules; return it typed or raise WireError."""
    if not isinstance(obj, dict):
        raise WireError("event", "must be a JSON object", "harus objek JSON")
    event_id = _require_str(obj, "event_id", 36)
    if not _UUID_RE.match(event_id):
        raise WireError("event_id", "must be a lower-case UUID", "harus UUID huruf kecil")
    etype = _require_str(obj, "type", 64)
    if not _TYPE_RE.match(etype):
        raise WireError("type", "must look like 'noun.verb'", "harus berbentuk 'benda.kerja'")
    occurred_at = _require_str(obj, "occurred_at", 40)
    parse_utc(occurred_at)
    business_date = _require_str(obj, "business_date", 10)
    try:
        if not _DATE_RE.match(business_date):
            raise ValueError
        _dt.date.fromisoformat(business_date)
    except ValueError:
        raise WireError("business_date", "must be a date YYYY-MM-DD", "harus tanggal TTTT-BB-HH") from None
    payload = obj.get("payload")
    if not isinstance(payload, dict):
        raise WireError("payload", "must be a JSON object", "harus objek JSON")
    extra = set(obj) - set(EventEnvelope.__slots__)
    if extra:
        raise WireError(sorted(extra)[0], "is not an envelope field", "bukan kolom amplop peristiwa")
    return EventEnvelope(
        event_id=event_id,
        cooperative_id=_require_id(obj, "cooperative_id"),
        store_id=_require_id(obj, "store_id"),
        terminal_id=_require_id(obj, "terminal_id"),
        seq=_require_int(obj, "seq", 1),
        type=etype,
        schema_version=_require_int(obj, "schema_version", 1, 1000),
        occurred_at=occurred_at,
        business_date=business_date,
        payload=payload,
    )


def parse_push_request(obj: object) -> list[Any]:
    """The raw events of a push body `{"events": [...]}`; each is validated on its own later so one
    bad event does not sink the batch. Raises WireError for a body that is wrong as a whole."""
    if not isinstance(obj, dict):
        raise WireError("body", "must be a JSON object", "harus objek JSON")
    extra = set(obj) - {"events", "protocol"}
    if extra:
        raise WireError(sorted(extra)[0], "unknown field", "kolom tidak dikenal")
    events = obj.get("events")
    if not isinstance(events, list):
        raise WireError("events", "must be a list", "harus daftar")
    if not events:
        raise WireError("events", "must not be empty", "tidak boleh kosong")
    if len(events) > MAX_EVENTS_PER_PUSH:
        raise WireError(
            "events",
            f"at most {MAX_EVENTS_PER_PUSH} events per push",
            f"paling banyak {MAX_EVENTS_PER_PUSH} peristiwa per kiriman",
        )
    return events


def push_body(events: list[dict[str, Any]]) -> bytes:
    """The bytes of a push request, as the till sends them."""
    return json.dumps(
        {"protocol": PROTOCOL_VERSION, "events": events}, separators=(",", ":"), ensure_ascii=False
    ).encode()


@dataclass(frozen=True, slots=True)
class EventResult:
    """The server's answer for one event: created, duplicate or rejected (with a reason)."""

    event_id: str | None
    seq: int | None
    status: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PushResponse:
    """Per-event results plus the highest seq of the batch that is settled (cumulative ack)."""

    results: list[EventResult]
    acked_through_seq: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "results": [asdict(r) for r in self.results],
            "acked_through_seq": self.acked_through_seq,
        }

    @classmethod
    def from_dict(cls, obj: object) -> PushResponse:
        if not isinstance(obj, dict) or not isinstance(obj.get("results"), list):
            raise WireError("results", "must be a list", "harus daftar")
        results = []
        for raw in obj["results"]:
            if not isinstance(raw, dict) or raw.get("status") not in RESULT_STATUSES:
                raise WireError(
                    "results", "each needs a known status", "masing-masing perlu status yang dikenal"
                )
            results.append(EventResult(raw.get("event_id"), raw.get("seq"), raw["status"], raw.get("reason")))
        return cls(results, _require_int(obj, "acked_through_seq", 0))


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the change feed: an entity upserted or deleted in some scope."""

    id: int
    scope: str
    entity: str
    op: str
    key: str
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, obj: object) -> Change:
        if not isinstance(obj, dict):
            raise WireError("change", "must be a JSON object", "harus objek JSON")
        scope = obj.get("scope")
        entity = obj.get("entity")
        op = obj.get("op")
        data = obj.get("data")
        key = obj.get("key")
        if scope not in SCOPES:
            raise WireError("scope", "unknown scope", "cakupan tidak dikenal")
        if entity not in ENTITIES:
            raise WireError("entity", "unknown entity", "jenis data tidak dikenal")
        if op not in ("upsert", "delete"):
            raise WireError("op", "must be upsert or delete", "harus upsert atau delete")
        if not isinstance(key, str) or not isinstance(data, dict):
            raise WireError(
                "change", "needs a string key and an object data", "perlu kunci teks dan data berupa objek"
            )
        return cls(_require_int(obj, "id", 0), scope, entity, op, key, data)


@dataclass(frozen=True, slots=True)
class PullResponse:
    """A page of the change feed and the cursor to ask for next."""

    changes: list[Change]
    next_cursor: str
    has_more: bool
    # changes of the page the till cannot read, with the reason: set aside, never a stalled cursor
    unreadable: list[tuple[Any, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "changes": [asdict(c) for c in self.changes],
            "next_cursor": self.next_cursor,
            "has_more": self.has_more,
        }

    @classmethod
    def from_dict(cls, obj: object) -> PullResponse:
        if not isinstance(obj, dict) or not isinstance(obj.get("changes"), list):
            raise WireError("changes", "must be a list", "harus daftar")
        cursor = obj.get("next_cursor")
        decode_cursor(cursor)  # refuse a page whose cursor the till could not send back
        changes, unreadable = [], []
        for raw in obj["changes"]:
            try:
                changes.append(Change.from_dict(raw))
            except WireError as exc:
                unreadable.append((raw, f"{exc.field} {exc.reason}"))
        return cls(changes, str(cursor), bool(obj.get("has_more")), unreadable)


# A cursor holds the last change id seen in each scope. Within one scope the server commits changes
# in id order (a per-scope lock on the writer), so "id > last seen" never skips a change there.
def encode_cursor(positions: dict[str, int]) -> str:
    """`v1.n<id>.c<id>.s<id>.t<id>`: opaque to the till, readable in logs."""
    return "v1." + ".".join(f"{scope[0]}{int(positions.get(scope, 0))}" for scope in SCOPES)


def decode_cursor(text: object) -> dict[str, int]:
    """Positions per scope from a cursor; '' or None is the start of the feed."""
    if text is None or text == "":
        return dict.fromkeys(SCOPES, 0)
    if not isinstance(text, str) or len(text) > 120:
        raise WireError("cursor", "not a cursor this server issued", "bukan kursor dari server ini")
    parts = text.split(".")
    if len(parts) != len(SCOPES) + 1 or parts[0] != "v1":
        raise WireError("cursor", "not a cursor this server issued", "bukan kursor dari server ini")
    positions = {}
    for scope, part in zip(SCOPES, parts[1:], strict=True):
        digits = part[1:]
        # ASCII digits that fit a 64-bit id ('²'.isdigit() is true, and int() refuses it)
        if not part.startswith(scope[0]) or not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
            raise WireError("cursor", "not a cursor this server issued", "bukan kursor dari server ini")
        positions[scope] = int(part[1:])
    return positions
