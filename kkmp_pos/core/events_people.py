"""Member, catalog and drawer events of the contract: member registered, product changed, shift, cash.

Members and products are rows the server owns once a till is enrolled; the server checks their
fields with the same rules as its admin import (`server/catalog.py`), so the contract checks only what
it needs to route them. Shift and cash events are stored by the server as they are; their fields are
typed here so the till writes them one way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from kkmp_pos.core import event_fields as f
from kkmp_pos.core.event_fields import EventError, Person


@dataclass(frozen=True, slots=True)
class MemberFields:
    id: str
    number: str
    name: str
    card_code: str = ""
    nik: str | None = None
    phone: str | None = None
    address: str = ""
    status: str = "active"
    joined_on: str = ""
    kk: str | None = None  # family card number (issue 12): sent only when the till has it
    # for the SIMKOPDES exports; each sent only when known
    gender: str = ""  # 'F' | 'M', from the NIK
    occupation: str = ""
    kode_wilayah: str = ""

    def to_payload(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "number": self.number,
            "card_code": self.card_code,
            "name": self.name,
            "nik": self.nik,
            "phone": self.phone,
            "address": self.address,
            "status": self.status,
            "joined_on": self.joined_on,
        }
        if self.kk:
            out["kk"] = self.kk
        for name in ("gender", "occupation", "kode_wilayah"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        return out

    @classmethod
    def from_payload(cls, obj: dict[str, Any], at: str) -> MemberFields:
        return cls(
            id=f.text(obj, "id", at, default=""),
            number=f.required_text(obj, f.pick(obj, "member_no", "number") or "member_no", at),
            name=f.required_text(obj, "name", at),
            card_code=f.text(obj, "card_code", at, default=""),
            nik=f.optional_text(obj, "nik", at),
            phone=f.optional_text(obj, "phone", at),
            address=f.text(obj, "address", at, default=""),
            status=f.text(obj, "status", at, default="active"),
            joined_on=f.text(obj, "joined_on", at, default=""),
            kk=f.optional_text(obj, "kk", at),
            gender=f.text(obj, "gender", at, default=""),
            occupation=f.text(obj, "occupation", at, default=""),
            kode_wilayah=f.text(obj, "kode_wilayah", at, default=""),
        )


@dataclass(frozen=True, slots=True)
class SavingsPayment:
    """A member's savings paid at the till (simpanan pokok at registration)."""

    id: str
    kind: str
    amount_rp: int
    method: str
    reference: str = ""
    receipt_no: str = ""
    shift_id: str | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "amount_rp": self.amount_rp,
            "method": self.method,
            "reference": self.reference,
            "receipt_no": self.receipt_no,
            "shift_id": self.shift_id,
        }

    @classmethod
    def read(cls, payload: dict[str, Any]) -> SavingsPayment | None:
        value = payload.get("payment")
        if value is None:
            return None
        if not isinstance(value, dict):
            raise EventError("payment", "must be an object")
        at = "payment."
        return cls(
            id=f.text(value, "id", at, default=""),
            kind=f.text(value, "kind", at, default="pokok"),
            amount_rp=f.rp(value, "amount_rp", at, signed=False),
            method=f.text(value, "method", at, default=""),
            reference=f.text(value, "reference", at, default=""),
            receipt_no=f.text(value, "receipt_no", at, default=""),
            shift_id=f.optional_text(value, "shift_id", at),
        )


@dataclass(frozen=True, slots=True)
class MemberRegistered:
    """`member.registered`: a member joined at the till (with the simpanan pokok paid), or, with
    `upload`, a stand-alone shop's existing member sent at enrolment."""

    TYPE: ClassVar[str] = "member.registered"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    member: MemberFields
    payment: SavingsPayment | None = None
    cashier: Person | None = None
    upload: bool = False

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"member": self.member.to_payload()}
        if self.upload:
            out["upload"] = True
        else:
            out["payment"] = self.payment.to_payload() if self.payment else None
            out["cashier"] = self.cashier.to_payload() if self.cashier else None
        return out

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> MemberRegistered:
        member = payload.get("member", payload)
        if not isinstance(member, dict):
            raise EventError("member", "must be an object")
        return cls(
            member=MemberFields.from_payload(member, "member." if member is not payload else ""),
            payment=SavingsPayment.read(payload),
            cashier=Person.read(payload, "cashier"),
            upload=payload.get("upload") is True,
        )


@dataclass(frozen=True, slots=True)
class SavingsDeposited:
    """A member's savings (simpanan wajib / sukarela) paid later. Not written by the till yet, so it
    is not a wire type; its fields come with the savings feature."""

    TYPE: ClassVar[str] = "member.savings_deposited"
    VERSIONS: ClassVar[tuple[int, ...]] = ()


@dataclass(frozen=True, slots=True)
class ProductChanged:
    """`product.changed`: a product edited at an enrolled till, or (`upload`) a stand-alone shop's
    product sent at enrolment. `product` is the product's own payload (units, barcodes, prices),
    checked field by field by the server's catalog rules."""

    TYPE: ClassVar[str] = "product.changed"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    product: dict[str, Any]
    code: str
    name: str
    upload: bool = False
    prices: tuple[dict[str, Any], ...] = ()

    def to_payload(self) -> dict[str, Any]:
        out = dict(self.product)
        if self.prices:
            out["prices"] = list(self.prices)
        if self.upload:
            out["upload"] = True
        return out

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> ProductChanged:
        nested = "product" in payload
        product = payload.get("product", payload)
        if not isinstance(product, dict):
            raise EventError("product", "must be an object")
        at = "product." if nested else ""
        body = product if nested else {k: v for k, v in payload.items() if k not in ("upload", "prices")}
        return cls(
            product=body,
            code=f.required_text(product, "code", at),
            name=f.required_text(product, "name", at),
            upload=payload.get("upload") is True,
            prices=tuple(f.objects(payload, "prices")),
        )


@dataclass(frozen=True, slots=True)
class ShiftOpened:
    """`shift.opened`: a cashier counted the opening float into the drawer."""

    TYPE: ClassVar[str] = "shift.opened"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    shift_id: str = ""
    user: Person | None = None
    opened_at: str = ""
    opening_float_rp: int = 0
    opening_detail: dict[str, int] | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "shift_id": self.shift_id,
            "user": self.user.to_payload() if self.user else None,
            "opened_at": self.opened_at,
            "opening_float_rp": self.opening_float_rp,
            "opening_detail": dict(self.opening_detail or {}),
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> ShiftOpened:
        return cls(
            shift_id=f.text(payload, "shift_id", default=""),
            user=Person.read(payload, "user"),
            opened_at=f.text(payload, "opened_at", default=""),
            opening_float_rp=f.rp(payload, "opening_float_rp", signed=False, default=0),
            opening_detail=f.counts(payload, "opening_detail"),
        )


@dataclass(frozen=True, slots=True)
class ShiftClosed:
    """`shift.closed`: the drawer counted at the end of a shift, with what stays and what is banked."""

    TYPE: ClassVar[str] = "shift.closed"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    shift_id: str = ""
    user: Person | None = None
    closed_by: Person | None = None
    closed_at: str = ""
    opening_float_rp: int = 0
    counted_cash_rp: int = 0
    counted_detail: dict[str, int] | None = None
    expected_cash_rp: int = 0
    difference_rp: int = 0
    approved_by: int | str | None = None
    left_rp: int = 0
    deposit_rp: int = 0

    def to_payload(self) -> dict[str, Any]:
        return {
            "shift_id": self.shift_id,
            "user": self.user.to_payload() if self.user else None,
            "closed_by": self.closed_by.to_payload() if self.closed_by else None,
            "closed_at": self.closed_at,
            "opening_float_rp": self.opening_float_rp,
            "counted_cash_rp": self.counted_cash_rp,
            "counted_detail": dict(self.counted_detail or {}),
            "expected_cash_rp": self.expected_cash_rp,
            "difference_rp": self.difference_rp,
            "approved_by": self.approved_by,
            "left_rp": self.left_rp,
            "deposit_rp": self.deposit_rp,
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> ShiftClosed:
        return cls(
            shift_id=f.text(payload, "shift_id", default=""),
            user=Person.read(payload, "user"),
            closed_by=Person.read(payload, "closed_by"),
            closed_at=f.text(payload, "closed_at", default=""),
            opening_float_rp=f.rp(payload, "opening_float_rp", default=0),
            counted_cash_rp=f.rp(payload, "counted_cash_rp", default=0),
            counted_detail=f.counts(payload, "counted_detail"),
            expected_cash_rp=f.rp(payload, "expected_cash_rp", default=0),
            difference_rp=f.rp(payload, "difference_rp", default=0),
            approved_by=_user_id(payload, "approved_by"),
            left_rp=f.rp(payload, "left_rp", default=0),
            deposit_rp=f.rp(payload, "deposit_rp", default=0),
        )


@dataclass(frozen=True, slots=True)
class CashMoved:
    """`cash.moved`: cash put into ('in') or taken out of ('out') the drawer during a shift."""

    TYPE: ClassVar[str] = "cash.moved"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    movement_id: str = ""
    shift_id: str = ""
    kind: str = ""
    amount_rp: int = 0
    reason: str = ""
    user: Person | None = None
    approved_by: int | str | None = None
    detail: dict[str, Any] | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "movement_id": self.movement_id,
            "shift_id": self.shift_id,
            "kind": self.kind,
            "amount_rp": self.amount_rp,
            "reason": self.reason,
            "user": self.user.to_payload() if self.user else None,
            "approved_by": self.approved_by,
            "detail": dict(self.detail or {}),
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> CashMoved:
        return cls(
            movement_id=f.text(payload, "movement_id", default=""),
            shift_id=f.text(payload, "shift_id", default=""),
            kind=f.text(payload, "kind", default=""),
            amount_rp=f.rp(payload, "amount_rp", default=0),
            reason=f.text(payload, "reason", default=""),
            user=Person.read(payload, "user"),
            approved_by=_user_id(payload, "approved_by"),
            detail=f.mapping(payload, "detail"),
        )


def _user_id(payload: dict[str, Any], name: str) -> int | str | None:
    value = payload.get(name)
    if value is None or type(value) is int or isinstance(value, str):
        return value
    raise EventError(name, "must be a user id")
