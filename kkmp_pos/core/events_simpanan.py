"""Members' money events of the contract: simpanan documents, monthly wajib bills, status changes.

The server stores them as they are (balances across tills come later); their fields are typed here so
the till writes them one way and the server validates them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from kkmp_pos.core import event_fields as f
from kkmp_pos.core.event_fields import EventError, Person

_DOC_TYPES = ("deposit", "withdrawal", "reversal", "opening")
_KINDS = ("pokok", "wajib", "sukarela")


def _months(payload: dict[str, Any], name: str) -> tuple[str, ...]:
    value = payload.get(name, [])
    if not isinstance(value, list) or not all(isinstance(m, str) and len(m) == 7 for m in value):
        raise EventError(name, "must be a list of months 'YYYY-MM'")
    return tuple(value)


def _choice(payload: dict[str, Any], name: str, choices: tuple[str, ...]) -> str:
    value = f.required_text(payload, name)
    if value not in choices:
        raise EventError(name, f"must be one of {', '.join(choices)}")
    return value


@dataclass(frozen=True, slots=True)
class SimpananRecorded:
    """`simpanan.recorded`: one immutable simpanan document. `amount_rp` is its signed effect on the
    member's balance of `kind`; the drawer moved `amount_rp + rounding_rp` when `method` is cash."""

    TYPE: ClassVar[str] = "simpanan.recorded"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    id: str
    number: str
    member_id: str
    member_number: str
    kind: str
    doc_type: str
    amount_rp: int
    method: str = ""
    reference: str = ""
    rounding_rp: int = 0
    months: tuple[str, ...] = ()
    reverses_id: str | None = None
    balance_after_rp: int = 0
    shift_id: str | None = None
    cashier: Person | None = None
    approved_by: Person | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "member_id": self.member_id,
            "member_number": self.member_number,
            "kind": self.kind,
            "doc_type": self.doc_type,
            "amount_rp": self.amount_rp,
            "method": self.method,
            "reference": self.reference,
            "rounding_rp": self.rounding_rp,
            "months": list(self.months),
            "reverses_id": self.reverses_id,
            "balance_after_rp": self.balance_after_rp,
            "shift_id": self.shift_id,
            "cashier": self.cashier.to_payload() if self.cashier else None,
            "approved_by": self.approved_by.to_payload() if self.approved_by else None,
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> SimpananRecorded:
        return cls(
            id=f.required_text(payload, "id"),
            number=f.required_text(payload, "number"),
            member_id=f.required_text(payload, "member_id"),
            member_number=f.text(payload, "member_number", default=""),
            kind=_choice(payload, "kind", _KINDS),
            doc_type=_choice(payload, "doc_type", _DOC_TYPES),
            amount_rp=f.rp(payload, "amount_rp"),
            method=f.text(payload, "method", default=""),
            reference=f.text(payload, "reference", default=""),
            rounding_rp=f.rp(payload, "rounding_rp", default=0),
            months=_months(payload, "months"),
            reverses_id=f.optional_text(payload, "reverses_id"),
            balance_after_rp=f.rp(payload, "balance_after_rp", default=0),
            shift_id=f.optional_text(payload, "shift_id"),
            cashier=Person.read(payload, "cashier"),
            approved_by=Person.read(payload, "approved_by"),
        )


@dataclass(frozen=True, slots=True)
class BilledMember:
    id: str
    member_id: str
    amount_rp: int

    def to_payload(self) -> dict[str, Any]:
        return {"id": self.id, "member_id": self.member_id, "amount_rp": self.amount_rp}


@dataclass(frozen=True, slots=True)
class SimpananBilled:
    """`simpanan.billed`: wajib bills made for one month (a batch; a month's bills may take several)."""

    TYPE: ClassVar[str] = "simpanan.billed"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    month: str
    bills: tuple[BilledMember, ...]

    def to_payload(self) -> dict[str, Any]:
        return {"month": self.month, "bills": [b.to_payload() for b in self.bills]}

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> SimpananBilled:
        month = f.required_text(payload, "month")
        bills = []
        for i, obj in enumerate(f.objects(payload, "bills")):
            at = f"bills[{i}]."
            bills.append(
                BilledMember(
                    id=f.required_text(obj, "id", at),
                    member_id=f.required_text(obj, "member_id", at),
                    amount_rp=f.rp(obj, "amount_rp", at, signed=False),
                )
            )
        return cls(month=month, bills=tuple(bills))


@dataclass(frozen=True, slots=True)
class MemberStatusChanged:
    """`member.status_changed`: a member became active, inactive or pending, on a business date."""

    TYPE: ClassVar[str] = "member.status_changed"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    member_id: str
    member_number: str
    status: str
    reason: str
    changed_on: str

    def to_payload(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "member_number": self.member_number,
            "status": self.status,
            "reason": self.reason,
            "changed_on": self.changed_on,
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> MemberStatusChanged:
        return cls(
            member_id=f.required_text(payload, "member_id"),
            member_number=f.text(payload, "member_number", default=""),
            status=_choice(payload, "status", ("active", "inactive", "pending")),
            reason=f.text(payload, "reason", default=""),
            changed_on=f.required_text(payload, "changed_on"),
        )
