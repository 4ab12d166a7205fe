"""The event contract: every event the till writes to its outbox, as typed fields with a schema version.

The till builds each payload from one of these classes (`to_payload()`), and the server reads each
pushed payload back through the same class (`parse_event` → `from_payload`), so the two cannot drift.
A payload's fields are versioned by the envelope's `schema_version`; a class lists every version it
has ever been sent as (`VERSIONS`), and the server accepts all of them, so events queued at a till
before an upgrade, or stored on a server, still load. The version a till writes today is
`current_version(type)`; an event loaded from an older version reports the version its fields satisfy
(`event.schema_version`).

Adding a field: give it a default that means "not sent", bump the class's last version, require the
field only from that version on (see `SaleCompleted`), and say what it means in docs/SYNC.md.

Pure: no peewee, no Qt, no I/O.
"""

from __future__ import annotations

from typing import Any

from kkmp_pos.core.event_fields import EventError, Person
from kkmp_pos.core.events_parts import MemberRef, SaleLine, SalePayment, StockMovement
from kkmp_pos.core.events_people import (
    CashMoved,
    MemberFields,
    MemberRegistered,
    ProductChanged,
    SavingsDeposited,
    SavingsPayment,
    ShiftClosed,
    ShiftOpened,
)
from kkmp_pos.core.events_privacy import MemberErased
from kkmp_pos.core.events_sale import (
    ReturnCompleted,
    ReturnLine,
    SaleCancelled,
    SaleCompleted,
    SalePaymentConfirmed,
)
from kkmp_pos.core.events_simpanan import (
    BilledMember,
    MemberStatusChanged,
    SimpananBilled,
    SimpananRecorded,
)
from kkmp_pos.core.events_stock import (
    CountLine,
    ReceivedLine,
    StockCountAdjusted,
    StockReceived,
    StockWrittenOff,
)

Event = (
    SaleCompleted
    | SalePaymentConfirmed
    | SaleCancelled
    | ReturnCompleted
    | MemberRegistered
    | MemberErased
    | ProductChanged
    | StockReceived
    | StockWrittenOff
    | StockCountAdjusted
    | ShiftOpened
    | ShiftClosed
    | CashMoved
    | SimpananRecorded
    | SimpananBilled
    | MemberStatusChanged
)

# Every event type a till writes, by its wire name.
EVENT_CLASSES: dict[str, Any] = {
    cls.TYPE: cls
    for cls in (
        SaleCompleted,
        SalePaymentConfirmed,
        SaleCancelled,
        ReturnCompleted,
        MemberRegistered,
        MemberErased,
        ProductChanged,
        StockReceived,
        StockWrittenOff,
        StockCountAdjusted,
        ShiftOpened,
        ShiftClosed,
        CashMoved,
        SimpananRecorded,
        SimpananBilled,
        MemberStatusChanged,
    )
}


def current_version(event_type: str) -> int:
    """The schema version the till writes for `event_type` today."""
    return int(_class_of(event_type).VERSIONS[-1])


def parse_event(event_type: str, schema_version: int, payload: object) -> Event:
    """The typed event of a payload, or EventError saying which field is wrong and why."""
    cls = _class_of(event_type)
    if type(schema_version) is not int or schema_version not in cls.VERSIONS:
        known = ", ".join(str(v) for v in cls.VERSIONS)
        raise EventError(
            "schema_version", f"{schema_version} is not a version of {event_type} (known: {known})"
        )
    if not isinstance(payload, dict):
        raise EventError("payload", "must be an object")
    event: Event = cls.from_payload(payload, schema_version)
    return event


def _class_of(event_type: str) -> Any:
    cls = EVENT_CLASSES.get(event_type)
    if cls is None:
        raise EventError("type", f"unknown event type '{event_type}'")
    return cls


__all__ = [
    "EVENT_CLASSES",
    "BilledMember",
    "CashMoved",
    "CountLine",
    "Event",
    "EventError",
    "MemberErased",
    "MemberFields",
    "MemberRef",
    "MemberRegistered",
    "MemberStatusChanged",
    "Person",
    "ProductChanged",
    "ReceivedLine",
    "ReturnCompleted",
    "ReturnLine",
    "SaleCancelled",
    "SaleCompleted",
    "SaleLine",
    "SalePayment",
    "SalePaymentConfirmed",
    "SavingsDeposited",
    "SavingsPayment",
    "ShiftClosed",
    "ShiftOpened",
    "SimpananBilled",
    "SimpananRecorded",
    "StockCountAdjusted",
    "StockMovement",
    "StockReceived",
    "StockWrittenOff",
    "current_version",
    "parse_event",
]
