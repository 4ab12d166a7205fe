"""The books at the till: a document's journal commits with it, manual and opening journals need a second
person and are reversed rather than edited, a closed month takes no postings, the reports balance."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import KkmpError, StateError
from kkmp_pos.db.books_models import JournalLineModel, JournalModel
from kkmp_pos.db.models import ProductModel, UserModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of


def lines_of(doc_id: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for j in JournalModel.select().where(JournalModel.doc_id == doc_id):
        for ln in JournalLineModel.select().where(JournalLineModel.journal == j.id):
            out[ln.account] = out.get(ln.account, 0) + ln.debit_rp - ln.credit_rp
    return out


def sell(till, cashier, code="SPHP5", qty=1000):
    cart = Cart()
    cart.add(till.catalog.item(ProductModel.get(ProductModel.code == code).id), qty)
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 10**7)], cashier)


@pytest.fixture
def admin(till):
    return actor_of(UserModel.get(UserModel.role == "admin"))


def test_a_sale_posts_its_journal_in_its_own_commit(till, cashier):
    product = ProductModel.get(ProductModel.code == "SPHP5")
    result = sell(till, cashier)
    posted = lines_of(result.sale_id)
    assert posted["111000"] == result.total_rp
    assert posted["411200"] == -result.total_rp  # a walk-in buyer: non-member revenue, SPHP is PPN-exempt
    assert posted["511200"] == product.cost_rp == -posted["114100"]
    journal = JournalModel.get(JournalModel.doc_id == result.sale_id)
    assert journal.doc_kind == "sale" and journal.posting_date == journal.doc_date == till.ctx.business_date()


def test_a_failed_checkout_leaves_no_journal(till, cashier):
    before = JournalModel.select().count()
    cart = Cart()
    cart.add(till.catalog.item(ProductModel.get(ProductModel.code == "SPHP5").id), 1000)
    with pytest.raises(KkmpError):
        till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 1)], cashier)  # not enough cash
    assert JournalModel.select().count() == before


def test_a_cancelled_sale_nets_to_nothing(till, cashier, manager):
    result = sell(till, cashier)
    cancel_id = till.reversals.cancel(result.sale_id, manager, manager, "salah input")
    net = lines_of(result.sale_id)
    for account, amount in lines_of(cancel_id).items():
        net[account] = net.get(account, 0) + amount
    assert not any(net.values()), net


def test_a_manual_journal_needs_a_second_person_and_is_reversed_never_edited(till, manager, admin):
    day = till.ctx.business_date()
    jid = till.books.draft_journal(
        manager, day, [("611000", 500_000, 0), ("111100", 0, 500_000)], "Sewa kios"
    )
    before = till.books_reports.trial_balance(manager, day)
    assert "611000" not in {r["account"] for r in before["rows"]}  # a draft is not in the books
    with pytest.raises(StateError) as refused:
        till.books.approve(manager, jid)
    assert refused.value.code == "journal_needs_second_person"
    till.books.approve(admin, jid)
    rows = {r["account"]: r for r in till.books_reports.trial_balance(manager, day)["rows"]}
    assert rows["611000"]["debit_rp"] == 500_000
    till.books.reverse(manager, jid, day, "salah akun")
    rows = {r["account"]: r for r in till.books_reports.trial_balance(manager, day)["rows"]}
    assert "611000" not in rows
    assert JournalLineModel.select().where(JournalLineModel.journal == jid).count() == 2  # unchanged
    with pytest.raises(StateError):
        till.books.reverse(manager, jid, day, "lagi")


def test_an_unbalanced_manual_journal_is_refused(till, manager):
    with pytest.raises(KkmpError) as refused:
        till.books.draft_journal(manager, "2026-01-02", [("611000", 500, 0), ("111100", 0, 400)], "x")
    assert refused.value.code == "journal_unbalanced"


def test_the_opening_journal_balances_through_opening_equity(till, manager, admin):
    rows = till.books.parse_opening_csv("akun,saldo\n112000,2.000.000\n311000,1500000\n213000,250000\n")
    jid = till.books.draft_opening(manager, "2026-01-01", rows)
    till.books.approve(admin, jid)
    posted = lines_of(jid)
    assert posted == {"112000": 2_000_000, "311000": -1_500_000, "213000": -250_000, "350000": -250_000}


def test_a_closed_month_takes_no_postings_a_late_document_lands_in_the_next_open_month(till, manager, admin):
    till.books.close_month(manager, "2026-01")
    jid = till.books.draft_journal(manager, "2026-01-20", [("612000", 100, 0), ("111000", 0, 100)], "Listrik")
    till.books.approve(admin, jid)
    journal = JournalModel.get_by_id(jid)
    assert (journal.doc_date, journal.posting_date) == ("2026-01-20", "2026-02-01")
    with pytest.raises(StateError):
        till.books.close_month(manager, "2025-12")


def test_a_manager_adds_an_account_and_its_type_follows_its_group(till, manager, cashier):
    info = till.books.add_account(manager, "611100", "Sewa gudang")
    assert info.type == "expense"
    with pytest.raises(KkmpError):
        till.books.add_account(manager, "611100", "lagi")
    with pytest.raises(KkmpError):
        till.books.add_account(cashier, "611200", "kasir tidak boleh")


def test_phu_splits_member_and_non_member_and_its_shu_matches_the_neraca(till, cashier, manager):
    sell(till, cashier)
    day = till.ctx.business_date()
    phu = till.books_reports.phu(manager, int(day[:4]))
    sembako = next(u for u in phu["units"] if u["unit"] == "sembako")
    assert sembako["nonmember"]["revenue_rp"] > 0
    assert phu["shu_rp"] == phu["total_revenue_rp"] - phu["total_expense_rp"]
    neraca = till.books_reports.neraca(manager, day)
    assert neraca["balanced"] and neraca["shu_tahun_berjalan_rp"] == phu["shu_rp"]


def test_an_upgraded_till_backfills_the_journals_of_its_earlier_documents(tmp_path):
    """The first release's frozen shop (42 sales, opening stock) gets one journal per document, once."""
    import shutil

    from kkmp_pos.app import open_till

    shutil.copyfile(Path(__file__).parent.parent / "fixtures" / "schema_v7.db", tmp_path / "kkmp-pos.db")
    till = open_till(tmp_path)
    try:
        assert JournalModel.select().count() == 0
        done = till.books.backfill(None)
        assert done["sale"] == 42
        assert till.books.backfill(None)["sale"] == 0  # nothing twice
        day = max(j.posting_date for j in JournalModel.select())
        tb = till.books_reports.trial_balance(None, day)
        assert tb["total_debit_rp"] == tb["total_credit_rp"] > 0
        assert till.books_reports.neraca(None, day)["balanced"]
    finally:
        till.close()


def test_a_cash_out_for_an_unknown_reason_posts_to_suspense_and_the_manager_sees_the_warning(
    till, cashier, manager
):
    move_id = till.shifts.cash_move(cashier, "out", 10_000, "sumbangan tujuhbelasan", approver=manager)
    assert lines_of(move_id) == {"119000": 10_000, "111000": -10_000}
    warned = till.books_reports.warnings(manager)
    assert warned[0]["journal"] == JournalModel.get(JournalModel.doc_id == move_id).id
    assert "sumbangan" in warned[0]["warnings"]


def test_the_cash_book_runs_from_its_opening_balance_through_each_posting(till, cashier, manager):
    day = till.ctx.business_date()
    result = sell(till, cashier)
    book = till.books_reports.cash_book(manager, day, day)
    assert book["account"] == "111000"
    assert book["closing_rp"] == book["opening_rp"] + sum(
        ln["debit_rp"] - ln["credit_rp"] for ln in book["lines"]
    )
    assert book["lines"][-1]["memo"] == result.receipt_no and book["lines"][-1]["debit_rp"] == result.total_rp
