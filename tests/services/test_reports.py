"""End-of-day and shift reports: a day of known sales, checked in JSON, PDF text and printer bytes.

The expected figures are computed here from the carts and payments the test made (core money rules),
never from the report code.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.money import format_rp, round_cash
from kkmp_pos.db.models import MemberModel, ProductModel, UserModel
from kkmp_pos.services.members.lookup import member_ref
from kkmp_pos.services.selling.priced_items import item_from
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of

FLOAT = {50_000: 2, 10_000: 5}  # Rp150.000


class Day:
    """Sales made through the real services, with the totals the test expects, kept by hand."""

    def __init__(self, till, cashier, manager) -> None:
        self.till, self.cashier, self.manager = till, cashier, manager
        self.shift = till.shifts.open(cashier, FLOAT)
        self.step = till.ctx.settings.cash_rounding_rp
        self.total = 0
        self.rounding = 0
        self.count = 0
        self.by_payment: dict[str, int] = defaultdict(int)
        self.by_unit: dict[str, int] = defaultdict(int)
        self.member_total = 0
        self.drawer_cash = 150_000  # what the drawer should hold
        self.pending_qris = (0, 0)
        self.voids = (0, 0)
        self.returns = (0, 0)

    def cart(self, *codes_qty: tuple[str, int], member: bool = False) -> Cart:
        cart = Cart()
        if member:
            cart.set_member(member_ref(MemberModel.get(MemberModel.status == "active")))
        for code, qty in codes_qty:
            if code == "WEIGHED":  # any product sold by weight (PLU codes differ per catalog)
                product = ProductModel.select().where(ProductModel.is_weighed == True).first()  # noqa: E712
            else:
                product = ProductModel.get(ProductModel.code == code)
            cart.add(item_from(product), qty)
        return cart

    def _count_lines(self, cart: Cart, sign: int = 1) -> None:
        for line in cart.lines:
            unit = ProductModel.get_by_id(line.item.product_id).business_unit
            self.by_unit[unit] += sign * line.total_rp

    def sell(self, cart: Cart, payments: list[PaymentInput], *, completed: bool = True):
        total = cart.totals().total_rp
        non_cash = sum(p.amount_rp for p in payments if p.method is not PaymentMethod.CASH)
        cash_due = (
            round_cash(total - non_cash, self.step)
            if any(p.method is PaymentMethod.CASH for p in payments)
            else 0
        )
        result = self.till.sales.checkout(cart, payments, self.cashier, shift_id=self.shift.id)
        self.drawer_cash += cash_due
        if completed:
            self.count += 1
            self.total += total
            self.rounding += cash_due - (total - non_cash) if cash_due else 0
            if cart.member is not None:
                self.member_total += total
            if cash_due:
                self.by_payment["cash"] += cash_due
            for p in payments:
                if p.method is not PaymentMethod.CASH:
                    self.by_payment[str(p.method)] += p.amount_rp
            self._count_lines(cart)
        return result, cash_due

    def cash(self, cart: Cart, **kw):
        due = round_cash(cart.totals().total_rp, self.step)
        return self.sell(cart, [PaymentInput(PaymentMethod.CASH, 0, due + 20_000)], **kw)


@pytest.fixture
def day(no_shift, cashier, manager) -> Day:
    return make_day(no_shift, cashier, manager)


def make_day(till, cashier, manager) -> Day:
    d = Day(till, cashier, manager)
    d.cash(d.cart(("SPHP5", 2000), ("WEIGHED", 1250)))  # weighed rice
    d.cash(d.cart(("BRM5", 1000), ("PCT", 3000), member=True))
    d.cash(d.cart(("LPG12", 1000)))
    # split payment: part transfer, the rest cash
    cart = d.cart(("BRP5", 2000), ("PCT", 1000))
    d.sell(cart, [PaymentInput(PaymentMethod.TRANSFER, 100_000, reference="TRF-881"),
                  PaymentInput(PaymentMethod.CASH, 0, 100_000)])  # fmt: skip
    # QRIS confirmed later on the same day
    cart = d.cart(("SPHP5", 1000))
    result, _ = d.sell(cart, [PaymentInput(PaymentMethod.QRIS, cart.totals().total_rp)], completed=False)
    d.till.qris.confirm(result.sale_id, "RRN123456789", d.cashier)
    d.count += 1
    d.total += cart.totals().total_rp
    d.by_payment["qris"] += cart.totals().total_rp
    d._count_lines(cart)
    # QRIS still pending at the end of the day
    cart = d.cart(("BRM5", 1000))
    d.sell(cart, [PaymentInput(PaymentMethod.QRIS, cart.totals().total_rp)], completed=False)
    d.pending_qris = (1, cart.totals().total_rp)
    # a return of one whole line, refunded in cash
    cart = d.cart(("SPHP5", 1000), ("LPG12", 1000))
    result, _ = d.cash(cart)
    returned_line = cart.lines[1]
    line_id = d.till.reversals.returnable(result.sale_id)[1].sale_line_id
    d.till.reversals.create_return(result.sale_id, {line_id: 1000}, d.cashier, d.manager, reason="bocor")
    refund = returned_line.total_rp
    d.returns = (1, refund)
    d.total -= refund
    d.by_payment["cash"] -= refund
    d.by_unit["lpg"] -= refund
    d.drawer_cash -= refund
    # a sale cancelled by the manager, money back in cash
    cart = d.cart(("BRP5", 1000))
    result, due = d.cash(cart, completed=False)
    d.till.reversals.cancel(result.sale_id, d.cashier, d.manager, "salah input")
    d.voids = (1, cart.totals().total_rp)
    d.drawer_cash -= due
    return d


def test_eod_json_counts_completed_sales_net_of_returns_and_cancellations(day, capsys) -> None:
    from kkmp_pos.cli import main

    bdate = day.till.ctx.business_date()
    data_dir = str(Path(day.till.ctx.db.database).parent)
    assert main(["--data-dir", data_dir, "report", "eod", "--date", bdate, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["business_date"] == bdate
    assert data["sale_count"] == day.count
    assert data["total_rp"] == day.total
    assert data["by_payment"] == {k: v for k, v in day.by_payment.items() if v}
    assert data["by_business_unit"] == {k: v for k, v in day.by_unit.items() if v}
    assert (
        sum(data["by_payment"].values()) == data["total_rp"] + data["rounding_rp"] == day.total + day.rounding
    )
    assert data["qris_pending"] == {"count": 1, "amount_rp": day.pending_qris[1]}
    assert data["voids"] == {"sale_count": 1, "total_rp": day.voids[1]}
    assert data["returns"] == {"count": 1, "total_rp": day.returns[1]}
    assert data["member"]["total_rp"] == day.member_total
    assert "ppn" not in data  # the demo store is not VAT-registered


def test_eod_pdf_and_thermal_text_show_the_same_totals(day, tmp_path) -> None:
    from pypdf import PdfReader

    from kkmp_pos.devices.escpos_text import decode_escpos_text
    from kkmp_pos.devices.printer import PrinterSettings, render_escpos

    report = day.till.reports.end_of_day(day.manager, day.till.ctx.business_date())
    pdf = day.till.reports.save_pdf(report, tmp_path / "eod.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    expected = [
        day.total, day.by_payment["cash"], day.by_payment["transfer"], day.by_payment["qris"],
        day.by_unit["lpg"], day.by_unit["obat"], day.pending_qris[1], day.voids[1], day.returns[1],
    ]  # fmt: skip
    for amount in map(format_rp, expected):
        assert amount in text, amount
    assert "Penjualan per jam" in text

    thermal = decode_escpos_text(render_escpos(day.till.reports.document(report, 58), PrinterSettings()))
    lines = thermal.splitlines()

    def row(label: str) -> str:
        return next(line for line in lines if line.startswith(label)).split()[-1]

    assert row("TOTAL PENJUALAN") == format_rp(day.total)
    assert row("Jumlah transaksi") == str(day.count)
    assert row("  Tunai") == format_rp(day.by_payment["cash"])
    assert row("  Transfer") == format_rp(day.by_payment["transfer"])
    assert row("  LPG") == format_rp(day.by_unit["lpg"])
    assert row("QRIS menunggu (1)") == format_rp(day.pending_qris[1])
    assert row("Retur (1)") == format_rp(day.returns[1])


def test_ppn_lines_show_only_for_sales_made_while_the_store_was_vat_registered(
    no_shift, cashier, manager
) -> None:
    till = no_shift
    from kkmp_pos.db.models import StoreModel

    StoreModel.update(vat_registered=True).execute()
    till.ctx.refresh_store()
    day = make_day(till, cashier, manager)
    bdate = day.till.ctx.business_date()
    report = day.till.reports.end_of_day(day.manager, bdate)
    dpp, ppn = report.ppn
    # only taxable goods carry PPN (tests/services/test_ppn.py checks the split line by line)
    taxable = report.facts.taxable_rp
    assert taxable + report.facts.exempt_rp == day.total and 0 < taxable < day.total
    assert dpp + ppn == taxable and ppn == (taxable * 11 * 2 + 111) // (111 * 2)


def test_registering_for_vat_later_adds_no_ppn_to_a_past_day(day) -> None:
    from kkmp_pos.db.models import StoreModel

    bdate = day.till.ctx.business_date()
    before = day.till.reports.end_of_day(day.manager, bdate)
    assert before.ppn is None
    StoreModel.update(vat_registered=True).execute()
    day.till.ctx.refresh_store()
    after = day.till.reports.end_of_day(day.manager, bdate)
    assert after.ppn is None and after.to_json() == before.to_json()


def test_z_report_reconciles_the_drawer_with_refunds_and_shows_difference_and_approval(day) -> None:
    from kkmp_pos.core.cash import breakdown
    from kkmp_pos.core.receipt_document import ReceiptDocument, render_text
    from kkmp_pos.db.models import PrintJobModel

    short = 20_000
    count = breakdown(day.drawer_cash - short)
    manager = day.till.auth.approve(day.manager.user_id, "9999")
    closed = day.till.shifts.close(day.cashier, count, approver=manager)
    assert closed.expected_rp == day.drawer_cash
    assert closed.difference_rp == -short
    text = render_text(ReceiptDocument.from_json(PrintJobModel.get_by_id(closed.z_job_id).document), 32)
    lines = text.splitlines()
    assert next(x for x in lines if x.startswith("KAS SEHARUSNYA")).split()[-1] == format_rp(day.drawer_cash)
    assert next(x for x in lines if x.startswith("SELISIH")).split()[-1] == format_rp(-short)
    assert next(x for x in lines if x.startswith("Disetujui")).endswith("Budi Santoso")


def test_member_purchases_are_net_of_returns(day) -> None:
    bdate = day.till.ctx.business_date()
    report = day.till.reports.member_purchases(day.manager, bdate, bdate)
    assert report.total_rp == day.member_total
    assert [r["sale_count"] for r in report.rows] == [1]


def test_month_report_reports_progress_and_covers_every_day(till, manager) -> None:
    seen: list[tuple[int, int, str]] = []
    report = till.reports.date_range(
        manager, "2020-01-01", "2020-12-31", lambda done, total, label: seen.append((done, total, label))
    )
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert report.facts.completed.sale_count == 0


def test_reports_are_refused_to_a_cashier(till, cashier) -> None:
    from kkmp_pos.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        till.reports.end_of_day(cashier, till.ctx.business_date())
    cashier_user = UserModel.get_by_id(cashier.user_id)
    assert actor_of(cashier_user).role == "kasir"
