"""Controls at the counter below the GUI: voids and cart clears audited (and past a value, approved),
and obat keras refused when it is scanned in a shop without an apotek."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.db.models import AuditLogModel, StoreModel
from tests.services.test_sales import barcode_of


def audit_rows(action: str) -> list[AuditLogModel]:
    return list(AuditLogModel.select().where(AuditLogModel.action == action).order_by(AuditLogModel.id))


def two_line_cart(till) -> Cart:
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("MK1")), 2_000)  # 2 × Rp15.700
    cart.add(till.catalog.lookup_barcode(barcode_of("SPHP5")))  # Rp65.500
    return cart


def test_a_voided_line_is_audited_with_who_what_and_value(till, cashier):
    cart = two_line_cart(till)
    line = till.voids.void_line(cart, cart.lines[0].line_id, cashier)
    assert line.item.code == "MK1" and [ln.item.code for ln in cart.lines] == ["SPHP5"]
    (row,) = audit_rows("cart.line_voided")
    detail = json.loads(row.detail)
    assert row.user_id == cashier.user_id and row.approved_by_id is None
    assert "MK1" in detail["items"] and "× 2 " in detail["items"] and detail["value"] == "Rp31.400"


def test_a_cleared_cart_is_audited_with_every_line(till, cashier):
    cart = two_line_cart(till)
    assert till.voids.clear(cart, cashier)
    assert not cart.lines
    (row,) = audit_rows("cart.cleared")
    detail = json.loads(row.detail)
    assert detail["lines"] == 2 and detail["value"] == "Rp96.900"
    assert "MK1" in detail["items"] and "SPHP5" in detail["items"]
    assert not till.voids.clear(cart, cashier)  # nothing to clear: nothing recorded
    assert len(audit_rows("cart.cleared")) == 1


def test_past_the_shops_void_limit_a_manager_approves(till, cashier, manager):
    till.ctx.set_setting("void.approval_over_rp", 50_000)
    cart = two_line_cart(till)
    till.voids.void_line(cart, cart.lines[0].line_id, cashier)  # Rp31.400: within the limit
    with pytest.raises(PermissionDenied) as info:
        till.voids.void_line(cart, cart.lines[0].line_id, cashier)  # Rp65.500
    assert info.value.code == "approval_required" and len(cart.lines) == 1
    with pytest.raises(PermissionDenied):
        till.voids.clear(cart, cashier, approver=cashier)  # a cashier cannot approve
    assert len(cart.lines) == 1 and not audit_rows("cart.cleared")
    till.voids.clear(cart, cashier, approver=manager)
    assert not cart.lines and audit_rows("cart.cleared")[0].approved_by_id == manager.user_id
    cart = two_line_cart(till)
    till.voids.clear(cart, manager)  # a manager needs nobody else
    assert audit_rows("cart.cleared")[-1].approved_by_id is None


def test_obat_keras_is_refused_at_the_scan_without_an_apotek(till):
    with pytest.raises(ValidationError) as info:
        till.scanner.read(barcode_of("AMX"))
    assert info.value.code == "drug_keras_not_apotek"
    assert "apotek" in info.value.message("id")
    StoreModel.update(is_apotek=True).execute()
    till.ctx.refresh_store()
    assert till.scanner.read(barcode_of("AMX")).item.code == "AMX"  # the prescription is asked later


def test_a_held_cart_with_obat_keras_recalls_without_it(till, cashier):
    StoreModel.update(is_apotek=True).execute()
    till.ctx.refresh_store()
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("AMX")))
    cart.add(till.catalog.lookup_barcode(barcode_of("MK1")))
    held_id = till.held.hold(cart, cashier, "")
    StoreModel.update(is_apotek=False).execute()
    till.ctx.refresh_store()
    recalled = till.held.recall(held_id)
    assert [ln.item.code for ln in recalled.cart.lines] == ["MK1"]
    assert [exc.code for _name, exc in recalled.problems] == ["drug_keras_not_apotek"]
