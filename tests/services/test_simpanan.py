"""Members' money at the counter: wajib billed and paid oldest first, pokok instalments, sukarela in
and out through the shift, reversals, status changes, arrears with their reminders."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from kkmp_pos.core.errors import KkmpError, PermissionDenied, ValidationError
from kkmp_pos.db.models import (
    MemberModel,
    MemberPaymentModel,
    MemberStatusChangeModel,
    OutboxEventModel,
    SimpananBillModel,
    UserModel,
)
from kkmp_pos.services.members import money_view
from kkmp_pos.services.setup.auth import actor_of


def _at(till, year: int, month: int, day: int = 10) -> None:
    till.ctx.clock = lambda: datetime(year, month, day, 3, 0, tzinfo=UTC)
    till.ctx._date_floor = None


@pytest.fixture
def member(till):
    """A demo member who joined in January 2030, with no cut-over (billed from February)."""
    m = MemberModel.get(MemberModel.number == "A-000001")
    MemberModel.update(joined_on="2030-01-15", cutover_month=None).where(MemberModel.id == m.id).execute()
    MemberPaymentModel.create(
        id="pokok-1", member=m.id, kind="pokok", amount_rp=100_000, method="transfer", reference="x",
        receipt_no="OLD-1", cashier=UserModel.select().first().id, created_at="2030-01-15T03:00:00Z",
        business_date="2030-01-15",
    )  # fmt: skip
    till.ctx.set_setting("member.wajib_schedule", {"2025-01": 10_000, "2030-04": 15_000})
    till.ctx.set_setting("cash.rounding_rp", 500)
    _at(till, 2030, 5)
    return MemberModel.get_by_id(m.id)


def test_bills_follow_the_rule_in_force_each_month_and_are_made_once(till, member) -> None:
    made = till.simpanan.generate_bills("2030-04")
    assert made >= 1
    assert till.simpanan.generate_bills("2030-04") == 0  # idempotent
    bill = SimpananBillModel.get(member=member.id, month="2030-04")
    assert bill.amount_rp == 15_000
    till.simpanan.generate_bills("2030-03")
    assert SimpananBillModel.get(member=member.id, month="2030-03").amount_rp == 10_000
    assert not SimpananBillModel.select().where(SimpananBillModel.month == "2030-01").exists()  # joined then


def test_members_brought_over_are_never_billed_before_their_cut_over(till) -> None:
    _at(till, 2030, 5)
    other = MemberModel.get(MemberModel.number == "A-000002")
    MemberModel.update(cutover_month="2030-06").where(MemberModel.id == other.id).execute()
    till.simpanan.generate_bills("2030-05")
    assert not SimpananBillModel.select().where(SimpananBillModel.member == other.id).exists()


def test_wajib_pays_the_oldest_months_with_cash_rounding_into_the_shift(till, member, cashier) -> None:
    shift = till.shifts.current(cashier)
    before = till.shifts.figures(shift.id).expected_rp
    doc = till.simpanan.pay("A-000001", "wajib", cashier=cashier, months=2)
    assert doc.months == ["2030-02", "2030-03"] and doc.amount_rp == 20_000
    assert doc.cash_rp == 20_000 and doc.balance_after_rp == 20_000
    assert till.shifts.figures(shift.id).expected_rp == before + 20_000
    # by amount: Feb–Mar are paid, so Apr (15.000) + May (15.000) is a whole number of months
    doc = till.simpanan.pay("A-000001", "wajib", cashier=cashier, amount_rp=30_000)
    assert doc.months == ["2030-04", "2030-05"]
    with pytest.raises(ValidationError) as refused:
        till.simpanan.pay("A-000001", "wajib", cashier=cashier, amount_rp=12_000)
    assert refused.value.code == "wajib_amount_not_whole_months"
    # paying ahead bills the future months by their rule
    doc = till.simpanan.pay("A-000001", "wajib", cashier=cashier, months=2, amount_rp=30_000)
    assert doc.months == ["2030-06", "2030-07"]


def test_cash_is_rounded_and_the_rounding_is_kept(till, member, cashier) -> None:
    doc = till.simpanan.pay("A-000001", "sukarela", cashier=cashier, amount_rp=12_300)
    assert doc.rounding_rp == 200 and doc.cash_rp == 12_500 and doc.amount_rp == 12_300
    assert money_view.member_money(till.ctx, "A-000001")["sukarela_rp"] == 12_300


def test_withdrawal_needs_another_manager_a_cash_step_and_a_balance(till, member, cashier, manager) -> None:
    till.simpanan.pay(
        "A-000001", "sukarela", cashier=cashier, amount_rp=50_000, method="transfer", reference="TRF1"
    )
    with pytest.raises(PermissionDenied):
        till.simpanan.withdraw("A-000001", 10_000, cashier=cashier, approver=cashier)
    with pytest.raises(PermissionDenied) as same:
        till.simpanan.withdraw("A-000001", 10_000, cashier=manager, approver=manager)
    assert same.value.code == "approver_same_user"
    with pytest.raises(ValidationError) as step:
        till.simpanan.withdraw("A-000001", 10_100, cashier=cashier, approver=manager)
    assert step.value.code == "withdrawal_not_cash_step"
    with pytest.raises(ValidationError) as over:
        till.simpanan.withdraw("A-000001", 50_500, cashier=cashier, approver=manager)
    assert over.value.code == "withdrawal_over_balance"
    shift = till.shifts.current(cashier)
    before = till.shifts.figures(shift.id).expected_rp
    doc = till.simpanan.withdraw("A-000001", 20_000, cashier=cashier, approver=manager)
    assert doc.amount_rp == -20_000 and doc.cash_rp == -20_000 and doc.balance_after_rp == 30_000
    assert till.shifts.figures(shift.id).expected_rp == before - 20_000


def test_a_reversal_undoes_a_payment_and_its_bills_by_a_new_document(till, member, cashier, manager) -> None:
    doc = till.simpanan.pay("A-000001", "wajib", cashier=cashier, months=1)
    original = MemberPaymentModel.get_by_id(doc.id)
    back = till.simpanan.reverse(doc.number, manager=manager, reason="salah anggota")
    assert back.amount_rp == -doc.amount_rp and back.balance_after_rp == 0
    assert MemberPaymentModel.get_by_id(doc.id).amount_rp == original.amount_rp  # never edited
    assert SimpananBillModel.get(member=member.id, month="2030-02").paid_by is None
    with pytest.raises(KkmpError) as twice:
        till.simpanan.reverse(doc.id, manager=manager, reason="lagi")
    assert twice.value.code == "simpanan_not_reversible"


def test_pokok_instalments_are_limited_and_make_the_member_active(till, cashier) -> None:
    till.ctx.set_setting("member.pokok_instalments", 2)
    m = MemberModel.get(MemberModel.number == "A-000003")
    MemberModel.update(cutover_month=None).where(MemberModel.id == m.id).execute()
    till.simpanan.pay("A-000003", "pokok", cashier=cashier, amount_rp=40_000, method="qris", reference="QR01")
    assert MemberModel.get_by_id(m.id).status == "pending"
    with pytest.raises(ValidationError) as refused:
        till.simpanan.pay(
            "A-000003", "pokok", cashier=cashier, amount_rp=30_000, method="qris", reference="QR02"
        )
    assert refused.value.code == "pokok_instalments_exceeded"
    till.simpanan.pay("A-000003", "pokok", cashier=cashier, method="qris", reference="QR03")
    assert MemberModel.get_by_id(m.id).status == "active"
    history = [
        c.status for c in MemberStatusChangeModel.select().where(MemberStatusChangeModel.member == m.id)
    ]
    assert history[-2:] == ["pending", "active"]


def test_unpaid_months_make_a_member_inactive_and_paying_makes_them_active(till, member, cashier) -> None:
    till.ctx.set_setting("member.inactive_after_months", 3)
    for month in ("2030-02", "2030-03", "2030-04"):
        till.simpanan.generate_bills(month)
    assert MemberModel.get_by_id(member.id).status == "inactive"
    till.simpanan.pay("A-000001", "wajib", cashier=cashier, months=3)
    assert MemberModel.get_by_id(member.id).status == "active"
    reasons = [
        c.reason for c in MemberStatusChangeModel.select().where(MemberStatusChangeModel.member == member.id)
    ]
    assert reasons[-2:] == ["arrears", "paid"]


def test_the_arrears_list_has_a_polite_reminder_without_the_nik(till, member) -> None:
    till.simpanan.catch_up(member)
    (row,) = [r for r in money_view.arrears(till.ctx) if r.number == "A-000001"]
    assert row.months == ["2030-02", "2030-03", "2030-04", "2030-05"] and row.amount_rp == 50_000
    assert "Rp50.000" in row.message and "Yth." in row.message
    assert member.nik not in row.message and member.nik not in row.link
    assert row.link.startswith("https://wa.me/62") and "?text=" in row.link


def test_every_document_bill_and_status_change_is_an_event(till, member, cashier) -> None:
    till.simpanan.pay("A-000001", "wajib", cashier=cashier, months=1)
    types = [e.type for e in OutboxEventModel.select().order_by(OutboxEventModel.seq)]
    assert "simpanan.billed" in types and types[-1] == "simpanan.recorded"
    payload = json.loads(OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first().payload)
    assert payload["months"] == ["2030-02"] and payload["member_number"] == "A-000001"


def test_member_show_and_capital_figures(till, member, cashier) -> None:
    till.simpanan.pay("A-000001", "wajib", cashier=cashier, months=1)
    shown = money_view.member_money(till.ctx, "A-000001")
    assert shown["pokok_rp"] == 100_000 and shown["wajib_rp"] == 10_000
    assert shown["arrears_months"] == 3 and shown["arrears_rp"] == 40_000
    assert shown["status"] == "active" and shown["as_of"]["till"]
    board = money_view.capital(till.ctx)
    assert board["capital"]["wajib_rp"] == 10_000 and board["arrears"]["amount_rp"] >= 40_000


def test_a_cashier_cannot_reverse(till, member, cashier) -> None:
    doc = till.simpanan.pay("A-000001", "wajib", cashier=cashier, months=1)
    kasir = actor_of(UserModel.get(UserModel.role == "kasir"))
    with pytest.raises(PermissionDenied):
        till.simpanan.reverse(doc.id, manager=kasir, reason="coba")


def test_registration_records_gender_occupation_region_and_a_pending_first_instalment(till, cashier) -> None:
    import random

    from kkmp_pos.core.cart import Cart
    from kkmp_pos.core.nik import make_demo_nik

    till.ctx.set_setting("shop.kode_wilayah", "64.71.05.1001")
    till.ctx.set_setting("member.pokok_instalments", 2)
    nik = make_demo_nik(random.Random(5))
    woman = nik[:6] + f"{int(nik[6:8]) % 40 + 40:02d}" + nik[8:]  # women's birth day has 40 added
    reg = till.registration.register(
        name="Wahyuni Lestari", nik=woman, phone="", address="RT 05", method="qris", reference="QR-77",
        cashier=cashier, occupation="Petani", pokok_paid_rp=50_000,
    )  # fmt: skip
    member = MemberModel.get_by_id(reg.member.id)
    assert (member.gender, member.occupation, member.kode_wilayah) == ("F", "Petani", "64.71.05.1001")
    assert member.status == "pending" and not reg.member.active
    cart = Cart()
    cart.set_member(reg.member)
    assert not cart.member_active  # the member price needs an active member
    payload = json.loads(OutboxEventModel.get(OutboxEventModel.type == "member.registered").payload)
    assert payload["member"]["gender"] == "F" and payload["member"]["status"] == "pending"
    till.simpanan.pay(member.number, "pokok", cashier=cashier, method="qris", reference="QR-78")
    assert MemberModel.get_by_id(member.id).status == "active"
    history = MemberStatusChangeModel.select().where(MemberStatusChangeModel.member == member.id)
    assert [(c.status, c.reason) for c in history] == [("pending", "registered"), ("active", "paid")]


def test_a_member_made_inactive_by_the_shop_stays_so_when_paying(till, cashier) -> None:
    lapsed = MemberModel.get(MemberModel.status == "inactive")  # the demo's lapsed member
    till.simpanan.pay(
        lapsed.number, "sukarela", cashier=cashier, amount_rp=5_000, method="qris", reference="QR9"
    )
    assert MemberModel.get_by_id(lapsed.id).status == "inactive"


def test_bills_made_ahead_do_not_count_as_arrears(till, member) -> None:
    till.ctx.set_setting("member.inactive_after_months", 2)
    for month in ("2030-06", "2030-07", "2030-08"):  # after this month (May 2030)
        till.simpanan.generate_bills(month)
    assert MemberModel.get_by_id(member.id).status == "active"
    shown = money_view.member_money(till.ctx, "A-000001")  # the lookup bills February to May
    assert shown["arrears_months"] == 4 and shown["status"] == "inactive"


def test_a_scanned_card_brings_the_members_money(till, member, cashier) -> None:
    till.simpanan.pay(
        "A-000001", "sukarela", cashier=cashier, amount_rp=25_000, method="qris", reference="QR5"
    )
    ref = till.members.find(member.card_code)
    assert (ref.status, ref.arrears_months, ref.arrears_rp, ref.sukarela_rp) == ("active", 4, 50_000, 25_000)
