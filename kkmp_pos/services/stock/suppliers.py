"""Suppliers (Bulog, the LPG agent, Kimia Farma, local producers) and their contact details."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.text_rules import MAX_CODE, MAX_NAME, MAX_TEXT, check_text
from kkmp_pos.db.models import SupplierModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

SUPPLIER_KINDS = ("bulog", "lpg_agent", "kimia_farma", "local", "other")


@dataclass
class SupplierSpec:
    name: str
    kind: str = "other"
    contact: str = ""
    phone: str = ""
    address: str = ""
    active: bool = True


@dataclass(frozen=True)
class Supplier:
    """A supplier as the screens show it (plain values, not the database row)."""

    id: int
    name: str
    kind: str
    contact: str
    phone: str
    address: str
    active: bool


def _supplier(row: SupplierModel) -> Supplier:
    return Supplier(row.id, row.name, row.kind, row.contact, row.phone, row.address, row.active)


class SupplierService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def all(self, *, include_inactive: bool = False) -> list[Supplier]:
        query = SupplierModel.select().order_by(SupplierModel.name)
        if not include_inactive:
            query = query.where(SupplierModel.active == True)  # noqa: E712
        return [_supplier(row) for row in query]

    def get(self, supplier_id: int) -> Supplier:
        row = SupplierModel.get_or_none(SupplierModel.id == supplier_id)
        if row is None:
            raise NotFoundError("supplier_not_found")
        return _supplier(row)

    def save(self, spec: SupplierSpec, actor: Actor, supplier_id: int | None = None) -> Supplier:
        """Create (no id) or change a supplier. Suppliers are deactivated, never deleted."""
        require(actor, "manage_products")
        name = spec.name.strip()
        if not name:
            raise ValidationError("supplier_name_required")
        kind = spec.kind if spec.kind in SUPPLIER_KINDS else "other"
        check_text(name, "name", MAX_NAME)
        check_text(spec.contact, "contact", MAX_NAME)
        check_text(spec.phone, "phone", MAX_CODE)
        check_text(spec.address, "address", MAX_TEXT)
        values = {
            "name": name,
            "kind": kind,
            "contact": spec.contact.strip(),
            "phone": spec.phone.strip(),
            "address": spec.address.strip(),
            "active": spec.active,
        }
        with self.ctx.db.atomic():
            other = SupplierModel.get_or_none(SupplierModel.name == name)
            if other is not None and other.id != supplier_id:
                raise ValidationError("supplier_name_taken", name=name)
            try:
                if supplier_id is None:
                    row = _supplier(SupplierModel.create(**values))
                else:
                    self.get(supplier_id)
                    SupplierModel.update(**values).where(SupplierModel.id == supplier_id).execute()
                    row = self.get(supplier_id)
            except pw.IntegrityError:
                raise ValidationError("supplier_name_taken", name=name) from None
            audit(self.ctx, "supplier.saved", actor, doc_id=str(row.id), name=name, active=spec.active)
        return row

    def deactivate(self, supplier_id: int, actor: Actor) -> Supplier:
        row = self.get(supplier_id)
        spec = SupplierSpec(row.name, row.kind, row.contact, row.phone, row.address, active=False)
        return self.save(spec, actor, supplier_id)
