"""Regulated goods at checkout: LPG 3 kg needs the buyer's NIK, and the demo's caps are enforced."""

import json

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import NotFoundError, PermissionDenied, ValidationError
from kkmp_pos.core.limits import LimitRule
from kkmp_pos.core.receipt import render_text
from kkmp_pos.db.models import AuditLogModel, MemberModel, OutboxEventModel, PurchaseLimitModel, SaleModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.services.test_sales import barcode_of, cash

WALK_IN_NIK = "6471015708900002"  # Balikpapan, a woman born 17-08-1990


def cart_of(till, *items, member=None):  # type: ignore[no-untyped-def]
    cart = Cart()
    for code, qty in items:
        cart.add(till.catalog.lookup_barcode(barcode_of(code)), qty)
    if member:
        cart.set_member(till.members.find(member))
    return cart


def audits(action: str) -> list[AuditLogModel]:
    return list(AuditLogModel.select().where(AuditLogModel.action == action).order_by(AuditLogModel.id))


def test_an_lpg_sale_without_a_nik_is_refused_by_name_and_nothing_is_written(till, cashier):
    sales_before = SaleModel.select().count()
    with pytest.raises(ValidationError) as info:
        till.sales.checkout(cart_of(till, ("LPG3", 1000)), cash(50_000), cashier)
    assert info.value.code == "buyer_nik_required"
    assert "LPG 3 kg Isi Ulang (subsidi): NIK pembeli wajib dicatat" in info.value.message()
    assert "buyer's NIK must be recorded" in info.value.message("en")
    assert SaleModel.select().count() == sales_before
    assert till.limits.check(cart_of(till, ("LPG3", 1000))).nik_missing


def test_a_typed_nik_is_stored_sent_and_masked_on_the_receipt(till, cashier):
    result = till.sales.checkout(
        cart_of(till, ("LPG3", 1000)), cash(50_000), cashier, buyer_nik="6471 0157 0890 0002"
    )
    sale = SaleModel.get_by_id(result.sale_id)
    assert sale.buyer_nik == WALK_IN_NIK  # stored as 16 digits, separators gone (for the logbook)
    assert sale.buyer_nik_last4 == "0002" and len(sale.buyer_nik_hmac) == 64
    event = OutboxEventModel.get(OutboxEventModel.seq == result.event_seq)
    payload = json.loads(event.payload)  # the event carries the keyed hash, never the full NIK
    assert payload["buyer_nik"] is None and payload["buyer_nik_hmac"] == sale.buyer_nik_hmac
    assert WALK_IN_NIK not in event.payload
    text = render_text(till.receipts.document(result.sale_id), 32)
    assert "NIK pembeli" in text and "6471********0002" in text
    assert WALK_IN_NIK not in text


def test_an_invalid_typed_nik_is_refused(till, cashier):
    with pytest.raises(ValidationError) as info:
        till.sales.checkout(cart_of(till, ("LPG3", 1000)), cash(50_000), cashier, buyer_nik="1234")
    assert info.value.code == "nik_invalid"


def test_the_members_nik_is_used_when_a_member_is_attached(till, cashier):
    member = MemberModel.get(MemberModel.number == "A-000002")
    result = till.sales.checkout(
        cart_of(till, ("LPG3", 1000), member="A-000002"), cash(50_000), cashier, buyer_nik=WALK_IN_NIK
    )
    assert SaleModel.get_by_id(result.sale_id).buyer_nik == member.nik  # the card wins over typing
    text = render_text(till.receipts.document(result.sale_id), 32)
    assert text.count(member.nik[:4] + "********" + member.nik[-4:]) == 1  # once, as the member's NIK


def test_a_sale_without_regulated_goods_records_no_nik(till, cashier):
    result = till.sales.checkout(cart_of(till, ("GP1", 1000), member="A-000002"), cash(50_000), cashier)
    assert SaleModel.get_by_id(result.sale_id).buyer_nik is None


def test_three_packs_of_sphp_are_blocked_with_what_and_how_much(till, cashier):
    with pytest.raises(ValidationError) as info:
        till.sales.checkout(cart_of(till, ("SPHP5", 3000)), cash(300_000), cashier)
    assert info.value.code == "purchase_limit_exceeded"
    text = info.value.message()
    assert "Beras SPHP" in text and "paling banyak 2 pak" in text and "di keranjang 3 pak" in text
    assert "at most 2 pak per buyer per transaction" in info.value.message("en")
    till.sales.checkout(cart_of(till, ("SPHP5", 2000)), cash(300_000), cashier)  # two are fine


def test_a_manager_overrides_a_block_and_the_override_is_audited(till, cashier, manager):
    cart = cart_of(till, ("SPHP5", 3000))
    check = till.limits.check(cart)
    assert [v.rule.name for v in check.blocks] == ["Beras SPHP"]
    with pytest.raises(PermissionDenied):
        till.sales.checkout(cart, cash(300_000), cashier, limit_approver=cashier)  # a cashier cannot
    result = till.sales.checkout(cart, cash(300_000), cashier, limit_approver=manager)
    [row] = audits("purchase_limit.override")
    assert row.doc_id == result.sale_id
    assert row.user_id == cashier.user_id and row.approved_by_id == manager.user_id
    assert json.loads(row.detail)["cart"] == "3 pak"
    assert [v.rule.name for v in result.limit_violations] == ["Beras SPHP"]


def test_minyakita_daily_cap_counts_an_earlier_sale_to_the_same_member(till, cashier):
    till.sales.checkout(cart_of(till, ("MK1", 1000), member="A-000003"), cash(50_000), cashier)
    with pytest.raises(ValidationError) as info:
        till.sales.checkout(cart_of(till, ("MK2", 1000), member="A-000003"), cash(50_000), cashier)
    assert info.value.code == "purchase_limit_exceeded"
    assert "Sudah dibeli 1 L, di keranjang 2 L" in info.value.message()
    # 500 ml more is still within 2 L; another member is not affected
    till.sales.checkout(cart_of(till, ("MK05", 2000), member="A-000003"), cash(50_000), cashier)
    till.sales.checkout(cart_of(till, ("MK2", 1000), member="A-000004"), cash(50_000), cashier)


def test_a_return_gives_the_allowance_back_and_a_cancelled_sale_does_not_count(till, cashier, manager):
    first = till.sales.checkout(cart_of(till, ("MK2", 1000), member="A-000005"), cash(50_000), cashier)
    with pytest.raises(ValidationError):
        till.sales.checkout(cart_of(till, ("MK1", 1000), member="A-000005"), cash(50_000), cashier)
    till.reversals.cancel(first.sale_id, manager, manager, "salah input")
    till.sales.checkout(cart_of(till, ("MK1", 1000), member="A-000005"), cash(50_000), cashier)


def test_the_same_nik_is_recognised_without_the_card(till, cashier):
    """A member who buys LPG with their card and then comes back with only their KTP."""
    member = MemberModel.get(MemberModel.number == "A-000006")
    till.sales.checkout(cart_of(till, ("MK2", 1000), member="A-000006"), cash(50_000), cashier)
    check = till.limits.check(cart_of(till, ("MK1", 1000)), member.nik)
    assert [v.prior_milli for v in check.blocks] == [2000]


def test_the_warn_only_lpg_cap_returns_a_warning_and_audits_it(till, cashier):
    first = till.sales.checkout(cart_of(till, ("LPG3", 1000)), cash(50_000), cashier, buyer_nik=WALK_IN_NIK)
    assert first.limit_violations == []
    check = till.limits.check(cart_of(till, ("LPG3", 1000)), WALK_IN_NIK)
    assert check.blocks == [] and [v.rule.name for v in check.warnings] == ["LPG 3 kg"]
    assert "Sudah dibeli 1 tabung" in check.warnings[0].warning().message()
    second = till.sales.checkout(cart_of(till, ("LPG3", 1000)), cash(50_000), cashier, buyer_nik=WALK_IN_NIK)
    assert [v.mode for v in second.limit_violations] == ["warn"]
    [row] = [a for a in audits("purchase_limit.warning") if a.doc_id in (first.sale_id, second.sale_id)]
    assert row.doc_id == second.sale_id and json.loads(row.detail)["nik"] == "6471********0002"


def test_rules_are_data_a_manager_edits(till, manager, cashier):
    with pytest.raises(PermissionDenied):
        till.limits.save(LimitRule("", "Gula", 3000, "kg", category="Gula"), cashier)
    rule = till.limits.save(LimitRule("", "Gula", 3000, "kg", category="Gula", mode="block"), manager)
    assert rule.id and rule in till.limits.rules()
    till.limits.save(LimitRule(rule.id, "Gula", 5000, "kg", category="Gula", mode="block"), manager)
    assert PurchaseLimitModel.get_by_id(rule.id).max_milli == 5000
    till.limits.deactivate(rule.id, manager)
    assert rule.id not in {r.id for r in till.limits.rules()}
    assert rule.id in {r.id for r in till.limits.rules(include_inactive=True)}
    with pytest.raises(NotFoundError):
        till.limits.deactivate("nope", manager)
    assert [a.action for a in AuditLogModel.select().where(AuditLogModel.doc_id == rule.id)] == [
        "purchase_limit.saved",
        "purchase_limit.saved",
        "purchase_limit.deactivated",
    ]


def test_a_qris_sale_awaiting_payment_counts(till, cashier):
    till.sales.checkout(
        cart_of(till, ("MK2", 1000), member="A-000007"), [PaymentInput(PaymentMethod.QRIS, 30_400)], cashier
    )
    assert till.limits.check(cart_of(till, ("MK1", 1000), member="A-000007")).blocks


def test_the_prior_purchase_query_uses_the_indexes(till):
    plan = till.ctx.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM sale WHERE buyer_nik_hmac = ? AND business_date BETWEEN ? AND ?",
        ("0" * 64, "2026-01-01", "2026-01-31"),
    ).fetchall()
    assert "sale_buyer_nik_hmac_business_date" in " ".join(str(row) for row in plan)
