"""Sale events of the contract: the sale with its lines, payments and movements, and what follows it.

Version 1 is every sale payload a server has ever accepted: the till's own, and the shorter hand-made
forms (`id`, `grand_total_rp`, a `totals` object, a cashier given by name) that only the server's
required fields were checked on. Version 2 (the till writes it now) adds what the server needs to
compute PPN as the till does: per line `ppn_exempt`, and the store's `vat_registered` and
`ppn_percent`; each movement's `unit_cost_rp` is the cost the till stored at commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from kkmp_pos.core import event_fields as f
from kkmp_pos.core.event_fields import Person
from kkmp_pos.core.events_parts import (
    MemberRef,
    SaleLine,
    SalePayment,
    StockMovement,
    read_movements,
    read_payments,
)


def _total(payload: dict[str, Any], *names: str) -> int:
    """A document total; older hand-made payloads kept it in a `totals` object or under another name."""
    totals = payload.get("totals")
    if isinstance(totals, dict):
        name = f.pick(totals, *names)
        if name:
            return f.rp(totals, name, "totals.", signed=False)
    return f.rp(payload, f.pick(payload, *names) or names[0], signed=False)


@dataclass(frozen=True, slots=True)
class SaleCompleted:
    """`sale.completed`: one committed sale (completed, or awaiting a QRIS payment)."""

    TYPE: ClassVar[str] = "sale.completed"
    VERSIONS: ClassVar[tuple[int, ...]] = (1, 2)

    sale_id: str
    total_rp: int
    lines: tuple[SaleLine, ...] = ()
    payments: tuple[SalePayment, ...] = ()
    movements: tuple[StockMovement, ...] = ()
    receipt_no: str = ""
    cashier: Person | None = None
    member: MemberRef | None = None
    status: str = "completed"
    created_at: str = ""
    subtotal_rp: int = 0
    discount_rp: int = 0
    rounding_rp: int = 0
    change_rp: int = 0
    member_savings_rp: int = 0
    buyer_nik: str | None = None  # regulated goods: Pertamina's buyer log
    # version 2: the store's VAT status as the till applied it (None: a version-1 event)
    vat_registered: bool | None = None
    ppn_percent: int | None = None
    # issue 12: the buyer as keyed hash + last 4 digits (a till no longer sends `buyer_nik`)
    buyer_nik_hmac: str | None = None
    buyer_nik_last4: str = ""

    @property
    def schema_version(self) -> int:
        """2 when the event carries the PPN facts, else 1 (a version-1 event loaded as it was)."""
        complete = self.vat_registered is not None and self.ppn_percent is not None
        return 2 if complete and all(ln.ppn_exempt is not None for ln in self.lines) else 1

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sale_id": self.sale_id,
            "receipt_no": self.receipt_no,
            "cashier": self.cashier.to_payload() if self.cashier else None,
            "member": self.member.to_payload() if self.member else None,
            "status": self.status,
            "created_at": self.created_at,
            "subtotal_rp": self.subtotal_rp,
            "discount_rp": self.discount_rp,
            "total_rp": self.total_rp,
            "rounding_rp": self.rounding_rp,
            "change_rp": self.change_rp,
            "member_savings_rp": self.member_savings_rp,
            "lines": [ln.to_payload() for ln in self.lines],
            "payments": [p.to_payload() for p in self.payments],
            "movements": [m.to_payload() for m in self.movements],
            "buyer_nik": self.buyer_nik,
        }
        if self.vat_registered is not None:
            out["vat_registered"] = self.vat_registered
        if self.ppn_percent is not None:
            out["ppn_percent"] = self.ppn_percent
        if self.buyer_nik_hmac is not None:
            out["buyer_nik_hmac"] = self.buyer_nik_hmac
            out["buyer_nik_last4"] = self.buyer_nik_last4
        return out

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 2) -> SaleCompleted:
        lines = tuple(
            SaleLine.from_payload(ln, f"lines[{i}].", i + 1, version)
            for i, ln in enumerate(f.objects(payload, "lines"))
        )
        payments, movements = read_payments(payload), read_movements(payload, "sale")
        cashier, member = Person.read(payload, "cashier"), MemberRef.read(payload)
        # the well-formed case in one pass (the server reads every sale); else field by field
        get = payload.get
        sale_id = get("sale_id") if "sale_id" in payload else get("id")
        aliased = "totals" in payload or "total_rp" not in payload
        total = _total(payload, "total_rp", "grand_total_rp") if aliased else get("total_rp")
        receipt_no, created_at, status = (
            get("receipt_no", ""),
            get("created_at", ""),
            get("status", "completed"),
        )
        nik, vat, percent = get("buyer_nik"), get("vat_registered"), get("ppn_percent")
        subtotal, discount, rounding = get("subtotal_rp", total), get("discount_rp", 0), get("rounding_rp", 0)
        change, savings = get("change_rp", 0), get("member_savings_rp", 0)
        if version >= 2:
            ppn_facts = type(vat) is bool and type(percent) is int and 0 <= percent <= f.MAX_SAFE_INT
        else:
            ppn_facts = vat is None and percent is None and "vat_registered" not in payload
        if (
            type(sale_id) is str
            and 0 < len(sale_id) <= f.MAX_ID
            and f.all_ints(total, subtotal, discount, rounding, change, savings)
            and total >= 0
            and f.all_texts(receipt_no, created_at, status)
            and status
            and f.texts_or_none(nik, get("buyer_nik_hmac"))
            and f.all_texts(get("buyer_nik_last4", ""))
            and ppn_facts
        ):
            return cls(sale_id, total, lines, payments, movements, receipt_no, cashier, member,
                       status, created_at, subtotal, discount, rounding, change, savings, nik, vat,
                       percent, get("buyer_nik_hmac"), get("buyer_nik_last4", ""))  # fmt: skip
        return cls.read_each_field(payload, version, lines, payments, movements, cashier, member)

    @classmethod
    def read_each_field(
        cls,
        payload: dict[str, Any],
        version: int,
        lines: tuple[SaleLine, ...],
        payments: tuple[SalePayment, ...],
        movements: tuple[StockMovement, ...],
        cashier: Person | None,
        member: MemberRef | None,
    ) -> SaleCompleted:
        v2 = version >= 2
        total = _total(payload, "total_rp", "grand_total_rp")
        return cls(
            sale_id=f.required_text(payload, f.pick(payload, "sale_id", "id") or "sale_id"),
            total_rp=total,
            lines=lines,
            payments=payments,
            movements=movements,
            receipt_no=f.text(payload, "receipt_no", default=""),
            cashier=cashier,
            member=member,
            status=f.text(payload, "status", default="") or "completed",
            created_at=f.text(payload, "created_at", default=""),
            subtotal_rp=f.rp(payload, "subtotal_rp", default=total),
            discount_rp=f.rp(payload, "discount_rp", default=0),
            rounding_rp=f.rp(payload, "rounding_rp", default=0),
            change_rp=f.rp(payload, "change_rp", default=0),
            member_savings_rp=f.rp(payload, "member_savings_rp", default=0),
            buyer_nik=f.optional_text(payload, "buyer_nik"),
            buyer_nik_hmac=f.optional_text(payload, "buyer_nik_hmac"),
            buyer_nik_last4=f.text(payload, "buyer_nik_last4", default=""),
            vat_registered=f.flag(payload, "vat_registered", default=None if not v2 else f.REQUIRED),
            ppn_percent=f.integer(
                payload, "ppn_percent", signed=False, default=None if not v2 else f.REQUIRED
            ),
        )

    def taxable_rp(self, exempt_products: frozenset[int | str] = frozenset()) -> int:
        """The line totals subject to PPN: lines not exempt. A version-1 line has no flag; the
        caller may name the products it knows to be exempt."""
        return sum(
            ln.line_total_rp
            for ln in self.lines
            if not (ln.ppn_exempt if ln.ppn_exempt is not None else ln.product_id in exempt_products)
        )


@dataclass(frozen=True, slots=True)
class SalePaymentConfirmed:
    """`sale.payment_confirmed`: the QRIS money arrived; the sale awaiting it is completed."""

    TYPE: ClassVar[str] = "sale.payment_confirmed"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    sale_id: str
    confirmation_id: str = ""
    payment_id: str = ""
    amount_rp: int = 0
    reference: str = ""
    confirmed_by: Person | None = None
    # hand-made payloads may list payments and movements; the till's do not
    payments: tuple[SalePayment, ...] = ()
    movements: tuple[StockMovement, ...] = ()

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "confirmation_id": self.confirmation_id,
            "sale_id": self.sale_id,
            "payment_id": self.payment_id,
            "amount_rp": self.amount_rp,
            "reference": self.reference,
            "confirmed_by": self.confirmed_by.to_payload() if self.confirmed_by else None,
        }
        if self.payments:
            out["payments"] = [p.to_payload() for p in self.payments]
        if self.movements:
            out["movements"] = [m.to_payload() for m in self.movements]
        return out

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> SalePaymentConfirmed:
        return cls(
            sale_id=f.required_text(payload, "sale_id"),
            confirmation_id=f.text(payload, "confirmation_id", default=""),
            payment_id=f.text(payload, "payment_id", default=""),
            amount_rp=f.rp(payload, "amount_rp", default=0),
            reference=f.text(payload, "reference", default=""),
            confirmed_by=Person.read(payload, "confirmed_by"),
            payments=read_payments(payload),
            movements=read_movements(payload, "sale"),
        )


@dataclass(frozen=True, slots=True)
class SaleCancelled:
    """`sale.cancelled`: a cancellation document (void, cancel, QRIS abandoned) reversing a sale."""

    TYPE: ClassVar[str] = "sale.cancelled"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    sale_id: str
    cancellation_id: str = ""
    kind: str = ""
    reason: str = ""
    refund_method: str | None = None
    refund_rp: int = 0
    movements: tuple[StockMovement, ...] = ()
    user: Person | None = None
    approved_by: Person | None = None
    payments: tuple[SalePayment, ...] = ()
    rounding_rp: int = 0  # cash paid back = refund_rp + rounding_rp (optional: absent when 0)

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "cancellation_id": self.cancellation_id,
            "sale_id": self.sale_id,
            "kind": self.kind,
            "reason": self.reason,
            "refund_method": self.refund_method,
            "refund_rp": self.refund_rp,
            "movements": [m.to_payload() for m in self.movements],
            "user": self.user.to_payload() if self.user else None,
            "approved_by": self.approved_by.to_payload() if self.approved_by else None,
        }
        if self.payments:
            out["payments"] = [p.to_payload() for p in self.payments]
        if self.rounding_rp:
            out["rounding_rp"] = self.rounding_rp
        return out

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> SaleCancelled:
        return cls(
            sale_id=f.required_text(payload, "sale_id"),
            cancellation_id=f.text(payload, "cancellation_id", default=""),
            kind=f.text(payload, "kind", default=""),
            reason=f.text(payload, "reason", default=""),
            refund_method=f.optional_text(payload, "refund_method"),
            refund_rp=f.rp(payload, "refund_rp", default=0),
            movements=read_movements(payload, "cancel"),
            user=Person.read(payload, "user"),
            approved_by=Person.read(payload, "approved_by"),
            payments=read_payments(payload),
            rounding_rp=f.rp(payload, "rounding_rp", default=0),
        )


@dataclass(frozen=True, slots=True)
class ReturnLine:
    sale_line_id: int | None
    qty_milli: int
    base_qty_milli: int
    refund_rp: int

    def to_payload(self) -> dict[str, Any]:
        return {
            "sale_line_id": self.sale_line_id,
            "qty_milli": self.qty_milli,
            "base_qty_milli": self.base_qty_milli,
            "refund_rp": self.refund_rp,
        }

    @classmethod
    def from_payload(cls, obj: dict[str, Any], at: str) -> ReturnLine:
        qty = f.integer(obj, "qty_milli", at, default=0)
        return cls(
            sale_line_id=f.optional_int(obj, "sale_line_id", at),
            qty_milli=qty,
            base_qty_milli=f.integer(obj, "base_qty_milli", at, default=qty),
            refund_rp=f.rp(obj, "refund_rp", at, default=0),
        )


@dataclass(frozen=True, slots=True)
class ReturnCompleted:
    """`return.completed`: goods brought back, money refunded, stock put back."""

    TYPE: ClassVar[str] = "return.completed"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    return_id: str
    refund_rp: int
    sale_id: str | None = None
    return_no: str = ""
    refund_method: str = ""
    reason: str = ""
    lines: tuple[ReturnLine, ...] = ()
    movements: tuple[StockMovement, ...] = ()
    member_id: str | None = None
    approved_by: Person | None = None
    rounding_rp: int = 0  # cash paid back = refund_rp + rounding_rp (optional: absent when 0)

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "return_id": self.return_id,
            "return_no": self.return_no,
            "sale_id": self.sale_id,
            "refund_method": self.refund_method,
            "refund_rp": self.refund_rp,
            "reason": self.reason,
            "lines": [ln.to_payload() for ln in self.lines],
            "movements": [m.to_payload() for m in self.movements],
            "member_id": self.member_id,
            "approved_by": self.approved_by.to_payload() if self.approved_by else None,
        }
        if self.rounding_rp:
            out["rounding_rp"] = self.rounding_rp
        return out

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> ReturnCompleted:
        return cls(
            return_id=f.required_text(payload, f.pick(payload, "return_id", "id") or "return_id"),
            refund_rp=_total(payload, "refund_rp", "total_rp"),
            sale_id=f.text(payload, "sale_id", default="") or None,
            return_no=f.text(payload, "return_no", default=""),
            refund_method=f.text(payload, "refund_method", default=""),
            reason=f.text(payload, "reason", default=""),
            lines=tuple(
                ReturnLine.from_payload(ln, f"lines[{i}].")
                for i, ln in enumerate(f.objects(payload, "lines"))
            ),
            movements=read_movements(payload, "return"),
            member_id=f.optional_text(payload, "member_id"),
            approved_by=Person.read(payload, "approved_by"),
            rounding_rp=f.rp(payload, "rounding_rp", default=0),
        )
