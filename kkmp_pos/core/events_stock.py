"""Stock events of the contract: goods received, written off, and a count's adjustments.

Each carries its ledger movements (the server projects those); the rest describes the document. The
server has only ever required the movements, so the descriptive fields default when absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from kkmp_pos.core import event_fields as f
from kkmp_pos.core.event_fields import EventError, Person
from kkmp_pos.core.events_parts import StockMovement, read_movements


def _stock_movements(payload: dict[str, Any], kind: str) -> tuple[StockMovement, ...]:
    movements = read_movements(payload, kind)
    if not movements:
        raise EventError("movements", "is missing")
    return movements


@dataclass(frozen=True, slots=True)
class ReceivedLine:
    line_no: int
    product_uid: str
    product_code: str
    qty_milli: int
    unit_cost_rp: int
    line_total_rp: int
    batch_no: str = ""
    expiry: str | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "line_no": self.line_no,
            "product_uid": self.product_uid,
            "product_code": self.product_code,
            "qty_milli": self.qty_milli,
            "unit_cost_rp": self.unit_cost_rp,
            "line_total_rp": self.line_total_rp,
            "batch_no": self.batch_no,
            "expiry": self.expiry,
        }

    @classmethod
    def from_payload(cls, obj: dict[str, Any], at: str, no: int) -> ReceivedLine:
        return cls(
            line_no=f.integer(obj, "line_no", at, default=no),
            product_uid=f.text(obj, "product_uid", at, default=""),
            product_code=f.text(obj, "product_code", at, default=""),
            qty_milli=f.integer(obj, "qty_milli", at, default=0),
            unit_cost_rp=f.rp(obj, "unit_cost_rp", at, default=0),
            line_total_rp=f.rp(obj, "line_total_rp", at, default=0),
            batch_no=f.text(obj, "batch_no", at, default=""),
            expiry=f.optional_text(obj, "expiry", at),
        )


@dataclass(frozen=True, slots=True)
class StockReceived:
    """`stock.received`: a goods receipt (or its reversal, `kind` 'reversal', `reverses` the original)."""

    TYPE: ClassVar[str] = "stock.received"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    movements: tuple[StockMovement, ...]
    receipt_id: str = ""
    number: str = ""
    kind: str = "receipt"
    reverses: str | None = None
    supplier: str | None = None
    invoice_no: str = ""
    invoice_date: str | None = None
    total_rp: int = 0
    created_at: str = ""
    lines: tuple[ReceivedLine, ...] = ()

    def to_payload(self) -> dict[str, Any]:
        return {
            "receipt_id": self.receipt_id,
            "number": self.number,
            "kind": self.kind,
            "reverses": self.reverses,
            "supplier": self.supplier,
            "invoice_no": self.invoice_no,
            "invoice_date": self.invoice_date,
            "total_rp": self.total_rp,
            "created_at": self.created_at,
            "lines": [ln.to_payload() for ln in self.lines],
            "movements": [m.to_payload() for m in self.movements],
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> StockReceived:
        return cls(
            movements=_stock_movements(payload, "received"),
            receipt_id=f.text(payload, "receipt_id", default=""),
            number=f.text(payload, "number", default=""),
            kind=f.text(payload, "kind", default="receipt"),
            reverses=f.optional_text(payload, "reverses"),
            supplier=f.optional_text(payload, "supplier"),
            invoice_no=f.text(payload, "invoice_no", default=""),
            invoice_date=f.optional_text(payload, "invoice_date"),
            total_rp=f.rp(payload, "total_rp", default=0),
            created_at=f.text(payload, "created_at", default=""),
            lines=tuple(
                ReceivedLine.from_payload(ln, f"lines[{i}].", i + 1)
                for i, ln in enumerate(f.objects(payload, "lines"))
            ),
        )


@dataclass(frozen=True, slots=True)
class StockWrittenOff:
    """`stock.written_off`: damaged, expired or lost goods taken out, with a manager's approval."""

    TYPE: ClassVar[str] = "stock.written_off"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    movements: tuple[StockMovement, ...]
    write_off_id: str = ""
    product_uid: str = ""
    product_code: str = ""
    qty_milli: int = 0
    reason: str = ""
    note: str = ""
    unit_cost_rp: int = 0
    value_rp: int = 0
    requested_by: Person | None = None
    approved_by: Person | None = None
    created_at: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            "write_off_id": self.write_off_id,
            "product_uid": self.product_uid,
            "product_code": self.product_code,
            "qty_milli": self.qty_milli,
            "reason": self.reason,
            "note": self.note,
            "unit_cost_rp": self.unit_cost_rp,
            "value_rp": self.value_rp,
            "requested_by": self.requested_by.to_payload() if self.requested_by else None,
            "approved_by": self.approved_by.to_payload() if self.approved_by else None,
            "created_at": self.created_at,
            "movements": [m.to_payload() for m in self.movements],
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> StockWrittenOff:
        return cls(
            movements=_stock_movements(payload, "written_off"),
            write_off_id=f.text(payload, "write_off_id", default=""),
            product_uid=f.text(payload, "product_uid", default=""),
            product_code=f.text(payload, "product_code", default=""),
            qty_milli=f.integer(payload, "qty_milli", default=0),
            reason=f.text(payload, "reason", default=""),
            note=f.text(payload, "note", default=""),
            unit_cost_rp=f.rp(payload, "unit_cost_rp", default=0),
            value_rp=f.rp(payload, "value_rp", default=0),
            requested_by=Person.read(payload, "requested_by"),
            approved_by=Person.read(payload, "approved_by"),
            created_at=f.text(payload, "created_at", default=""),
        )


@dataclass(frozen=True, slots=True)
class CountLine:
    product_code: str
    expected_milli: int
    system_milli: int
    counted_milli: int
    adjustment_milli: int
    value_rp: int

    def to_payload(self) -> dict[str, Any]:
        return {
            "product_code": self.product_code,
            "expected_milli": self.expected_milli,
            "system_milli": self.system_milli,
            "counted_milli": self.counted_milli,
            "adjustment_milli": self.adjustment_milli,
            "value_rp": self.value_rp,
        }

    @classmethod
    def from_payload(cls, obj: dict[str, Any], at: str) -> CountLine:
        return cls(
            product_code=f.text(obj, "product_code", at, default=""),
            expected_milli=f.integer(obj, "expected_milli", at, default=0),
            system_milli=f.integer(obj, "system_milli", at, default=0),
            counted_milli=f.integer(obj, "counted_milli", at, default=0),
            adjustment_milli=f.integer(obj, "adjustment_milli", at, default=0),
            value_rp=f.rp(obj, "value_rp", at, default=0),
        )


@dataclass(frozen=True, slots=True)
class StockCountAdjusted:
    """`stock.count_adjusted`: an approved stock count's differences posted to the ledger."""

    TYPE: ClassVar[str] = "stock.count_adjusted"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    movements: tuple[StockMovement, ...]
    count_id: str = ""
    number: str = ""
    snapshot_at: str = ""
    approved_at: str = ""
    approved_by: Person | None = None
    value_rp: int = 0
    lines: tuple[CountLine, ...] = ()

    def to_payload(self) -> dict[str, Any]:
        return {
            "count_id": self.count_id,
            "number": self.number,
            "snapshot_at": self.snapshot_at,
            "approved_at": self.approved_at,
            "approved_by": self.approved_by.to_payload() if self.approved_by else None,
            "value_rp": self.value_rp,
            "lines": [ln.to_payload() for ln in self.lines],
            "movements": [m.to_payload() for m in self.movements],
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> StockCountAdjusted:
        return cls(
            movements=_stock_movements(payload, "count_adjusted"),
            count_id=f.text(payload, "count_id", default=""),
            number=f.text(payload, "number", default=""),
            snapshot_at=f.text(payload, "snapshot_at", default=""),
            approved_at=f.text(payload, "approved_at", default=""),
            approved_by=Person.read(payload, "approved_by"),
            value_rp=f.rp(payload, "value_rp", default=0),
            lines=tuple(
                CountLine.from_payload(ln, f"lines[{i}].") for i, ln in enumerate(f.objects(payload, "lines"))
            ),
        )
