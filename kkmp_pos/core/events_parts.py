"""The parts of sale and stock events: ledger movements, sale lines, payments, the member of a sale.

Read on every line of every sale the server ingests, so each `from_payload` first takes the common,
well-formed case in one pass and only otherwise reads field by field (`read_each_field`), which names the
field that is wrong. Both paths build the same value; tests/core/test_events.py checks they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from kkmp_pos.core import event_fields as f
from kkmp_pos.core.event_fields import EventError


class LedgerMovement(Protocol):
    """A movement as the stock ledger writer returns it."""

    @property
    def id(self) -> str: ...
    @property
    def product_id(self) -> int: ...
    @property
    def batch_id(self) -> int | None: ...
    @property
    def qty_milli(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def unit_cost_rp(self) -> int: ...


@dataclass(frozen=True, slots=True)
class StockMovement:
    """One signed ledger movement as it travels in an event (sale, return, cancel, stock)."""

    id: str
    product_id: int | str
    qty_milli: int
    kind: str
    batch_id: int | None = None
    unit_cost_rp: int = 0  # 0 in version-1 sale events: the cost was not known then
    # added at push time by the outbox (the product's identity beyond this till)
    product_uid: str | None = None
    product_code: str | None = None

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "product_id": self.product_id,
            "batch_id": self.batch_id,
            "qty_milli": self.qty_milli,
            "kind": self.kind,
            "unit_cost_rp": self.unit_cost_rp,
        }
        if self.product_uid is not None:
            out["product_uid"] = self.product_uid
        if self.product_code is not None:
            out["product_code"] = self.product_code
        return out

    @classmethod
    def of(cls, movement: LedgerMovement) -> StockMovement:
        """The event form of a movement the ledger recorded, with the unit cost it stored."""
        return cls(
            movement.id,
            movement.product_id,
            movement.qty_milli,
            movement.kind,
            movement.batch_id,
            movement.unit_cost_rp,
        )

    @classmethod
    def from_payload(cls, obj: dict[str, Any], at: str = "", default_kind: str = "") -> StockMovement:
        get = obj.get
        # hand-made payloads named the id `movement_id` and the kind `reason` (see read_each_field)
        mid, pid, qty, kind = (
            get("movement_id") or get("id"),
            get("product_id"),
            get("qty_milli"),
            get("kind"),
        )
        batch, cost = get("batch_id"), get("unit_cost_rp", 0)
        uid, code = get("product_uid"), get("product_code")
        if (
            f.all_ints(qty, cost)
            and f.is_product_ref(pid)
            and type(mid) is str
            and 0 < len(mid) <= f.MAX_ID
            and type(kind) is str
            and 0 < len(kind) <= f.MAX_TEXT
            and (batch is None or f.all_ints(batch))
            and f.texts_or_none(uid, code)
        ):
            return cls(mid, pid, qty, kind, batch, cost, uid, code)
        return cls.read_each_field(obj, at, default_kind)

    @classmethod
    def read_each_field(cls, obj: dict[str, Any], at: str = "", default_kind: str = "") -> StockMovement:
        # hand-made payloads named the id `movement_id` and the kind `reason`
        id_name = "movement_id" if obj.get("movement_id") else "id"
        kind_name = "reason" if not obj.get("kind") and obj.get("reason") else "kind"
        return cls(
            id=f.text(obj, id_name, at, default="", max_len=f.MAX_ID),
            product_id=f.product_ref(obj, "product_id", at),
            qty_milli=f.integer(obj, "qty_milli", at),
            kind=f.text(obj, kind_name, at, default="") or default_kind,
            batch_id=f.optional_int(obj, "batch_id", at),
            unit_cost_rp=f.rp(obj, "unit_cost_rp", at, default=0),
            product_uid=f.optional_text(obj, "product_uid", at),
            product_code=f.optional_text(obj, "product_code", at),
        )


def read_movements(payload: dict[str, Any], default_kind: str = "") -> tuple[StockMovement, ...]:
    """The event's movements; a payload that is itself one movement (the oldest stock form) counts."""
    if "movements" in payload:
        items = f.objects(payload, "movements")
    elif "product_id" in payload and "qty_milli" in payload:
        return (StockMovement.from_payload(payload, "", default_kind),)
    else:
        items = []
    return tuple(
        StockMovement.from_payload(mv, f"movements[{i}].", default_kind) for i, mv in enumerate(items)
    )


@dataclass(frozen=True, slots=True)
class SaleLine:
    line_no: int
    product_id: int | str
    qty_milli: int
    unit_price_rp: int
    line_total_rp: int
    product_code: str = ""
    unit_id: int | None = None
    name: str = ""
    unit_label: str = ""
    base_qty_milli: int = 0
    regular_price_rp: int = 0
    price_type: str = ""
    discount_rp: int = 0
    prescription_ref: str = ""
    ppn_exempt: bool | None = None  # None: a version-1 line, the exemption was not sent
    product_uid: str | None = None

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "line_no": self.line_no,
            "product_id": self.product_id,
            "product_code": self.product_code,
            "unit_id": self.unit_id,
            "name": self.name,
            "unit_label": self.unit_label,
            "qty_milli": self.qty_milli,
            "base_qty_milli": self.base_qty_milli,
            "unit_price_rp": self.unit_price_rp,
            "regular_price_rp": self.regular_price_rp,
            "price_type": self.price_type,
            "discount_rp": self.discount_rp,
            "line_total_rp": self.line_total_rp,
            "prescription_ref": self.prescription_ref,
        }
        if self.ppn_exempt is not None:
            out["ppn_exempt"] = self.ppn_exempt
        if self.product_uid is not None:
            out["product_uid"] = self.product_uid
        return out

    @classmethod
    def from_payload(cls, obj: dict[str, Any], at: str, no: int, version: int) -> SaleLine:
        get = obj.get
        qty, price, total = get("qty_milli"), get("unit_price_rp"), get("line_total_rp")
        line_no, base = get("line_no", no), get("base_qty_milli", qty)
        regular, discount = get("regular_price_rp", price), get("discount_rp", 0)
        pid, unit_id, exempt, uid = get("product_id"), get("unit_id"), get("ppn_exempt"), get("product_uid")
        code, name, label = get("product_code", ""), get("name", ""), get("unit_label", "")
        price_type, rx = get("price_type", ""), get("prescription_ref", "")
        if (
            f.all_ints(qty, total, line_no, base, regular, discount, price)
            and price >= 0
            and f.is_product_ref(pid)
            and (unit_id is None or f.all_ints(unit_id))
            and f.all_texts(code, name, label, price_type, rx)
            and (type(exempt) is bool or (version < 2 and "ppn_exempt" not in obj))
            and f.texts_or_none(uid)
        ):
            return cls(line_no, pid, qty, price, total, code, unit_id, name, label, base, regular,
                       price_type, discount, rx, exempt, uid)  # fmt: skip
        return cls.read_each_field(obj, at, no, version)

    @classmethod
    def read_each_field(cls, obj: dict[str, Any], at: str, no: int, version: int) -> SaleLine:
        qty = f.integer(obj, "qty_milli", at)
        price = f.rp(obj, "unit_price_rp", at, signed=False)
        return cls(
            line_no=f.integer(obj, "line_no", at, default=no),
            product_id=f.product_ref(obj, "product_id", at),
            qty_milli=qty,
            unit_price_rp=price,
            line_total_rp=f.rp(obj, "line_total_rp", at),
            product_code=f.text(obj, "product_code", at, default=""),
            unit_id=f.optional_int(obj, "unit_id", at),
            name=f.text(obj, "name", at, default=""),
            unit_label=f.text(obj, "unit_label", at, default=""),
            base_qty_milli=f.integer(obj, "base_qty_milli", at, default=qty),
            regular_price_rp=f.rp(obj, "regular_price_rp", at, default=price),
            price_type=f.text(obj, "price_type", at, default=""),
            discount_rp=f.rp(obj, "discount_rp", at, default=0),
            prescription_ref=f.text(obj, "prescription_ref", at, default="") or "",
            ppn_exempt=f.flag(obj, "ppn_exempt", at, default=None if version < 2 else f.REQUIRED),
            product_uid=f.optional_text(obj, "product_uid", at),
        )


@dataclass(frozen=True, slots=True)
class SalePayment:
    method: str
    amount_rp: int
    id: str = ""
    tendered_rp: int = 0
    change_rp: int = 0
    reference: str = ""
    status: str = "confirmed"

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "method": self.method,
            "amount_rp": self.amount_rp,
            "tendered_rp": self.tendered_rp,
            "change_rp": self.change_rp,
            "reference": self.reference,
            "status": self.status,
        }

    @classmethod
    def from_payload(cls, obj: dict[str, Any], at: str) -> SalePayment:
        get = obj.get
        method, amount, pid = get("method"), get("amount_rp"), get("id", "")
        tendered, change = get("tendered_rp", 0), get("change_rp", 0)
        reference, status = get("reference", ""), get("status", "confirmed")
        if (
            f.all_ints(amount, tendered, change)
            and type(method) is str
            and 0 < len(method) <= f.MAX_ID
            and f.all_texts(pid, reference, status)
        ):
            return cls(method, amount, pid, tendered, change, reference, status)
        return cls.read_each_field(obj, at)

    @classmethod
    def read_each_field(cls, obj: dict[str, Any], at: str) -> SalePayment:
        return cls(
            method=f.required_text(obj, "method", at),
            amount_rp=f.rp(obj, "amount_rp", at),
            id=f.text(obj, "id", at, default=""),
            tendered_rp=f.rp(obj, "tendered_rp", at, default=0),
            change_rp=f.rp(obj, "change_rp", at, default=0),
            reference=f.text(obj, "reference", at, default=""),
            status=f.text(obj, "status", at, default="confirmed"),
        )


def read_payments(payload: dict[str, Any]) -> tuple[SalePayment, ...]:
    return tuple(
        SalePayment.from_payload(p, f"payments[{i}].") for i, p in enumerate(f.objects(payload, "payments"))
    )


@dataclass(frozen=True, slots=True)
class MemberRef:
    """The member a sale was made for: id and card number."""

    id: str
    number: str | None = None

    def to_payload(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number}

    @classmethod
    def read(cls, payload: dict[str, Any]) -> MemberRef | None:
        """A member object; older hand-made payloads named the member by id alone, or `member_id`."""
        value = payload.get("member")
        if not value:
            return None
        if not isinstance(value, dict):
            if isinstance(value, bool) or not isinstance(value, str | int):
                raise EventError("member", "must be an object")
            return cls(str(value))
        found = value.get("member_id") or value.get("id")
        if not found:
            return None
        if isinstance(found, bool) or not isinstance(found, str | int):
            raise EventError("member.id", "must be a string")
        return cls(str(found), f.optional_text(value, "number", "member."))
