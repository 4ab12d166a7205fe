"""Corrections are documents of the day they happen: a past day's report never changes, a later
cancellation shows where its money moved, and cash paid back is rounded like cash taken in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.cash import breakdown
from kkmp_pos.core.money import format_rp, round_cash
from kkmp_pos.core.receipt_document import render_text
from kkmp_pos.db.models import CategoryModel, ProductModel, StoreModel
from kkmp_pos.services.selling.priced_items import item_from
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

# Two days after the demo shop's newest document (the clock check stops a till whose clock is behind
# it), at 11:00 in Balikpapan.
DAY1 = (datetime.now(UTC) + timedelta(days=10)).replace(hour=3, minute=0, second=0, microsecond=0)
DAY2 = DAY1 + timedelta(days=1)
FLOAT = {50_000: 2}  # Rp100.000


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def product(code: str) -> ProductModel:
    return ProductModel.get(ProductModel.code == code)


def sell_cash(till, cashier, *items: tuple[str, int], shift_id: str):
    cart = Cart()
    for code, qty in items:
        cart.add(item_from(product(code)), qty)
    due = till.sales.cash_due(cart)
    result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due)], cashier, shift_id=shift_id)
    return result, due


def figures(till, manager, tmp_path, day: str, name: str) -> tuple[dict, str, str]:
    """A day's end-of-day report as JSON, thermal text and PDF text."""
    from pypdf import PdfReader

    report = till.reports.end_of_day(manager, day)
    pdf = till.reports.save_pdf(report, tmp_path / f"{name}.pdf")
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return report.to_json(), render_text(till.reports.document(report, 58), 32), pdf_text


def change_catalog_settings_and_vat(till) -> None:
    for code in ("SPHP5", "LPG12"):
        p = product(code)
        p.name, p.regular_price_rp = f"{p.name} (baru)", p.regular_price_rp + 5_000
        p.member_price_rp = p.regular_price_rp - 2_000
        p.business_unit = "obat"
        p.category = CategoryModel.create(name=f"Kategori baru {code}")
        p.save()
    StoreModel.update(vat_registered=True, npwp="01.234.567.8-901.000").execute()
    till.ctx.refresh_store()
    till.ctx.set_setting("tax.ppn_percent", 12)
    till.ctx.set_setting("receipt.footer", ["Footer baru"])


def test_a_past_day_reads_the_same_after_later_changes_and_corrections_made_on_another_day(
    no_shift, cashier, manager, without_purchase_caps, tmp_path
) -> None:
    till = no_shift
    clock = Clock(DAY1)
    till.ctx.clock = clock
    day1 = till.ctx.business_date()
    shift1 = till.shifts.open(cashier, FLOAT)
    cancelled, cancelled_due = sell_cash(till, cashier, ("SPHP5", 2000), shift_id=shift1.id)
    returned, _ = sell_cash(till, cashier, ("LPG12", 1000), ("SPHP5", 1000), shift_id=shift1.id)
    same_day, _ = sell_cash(till, cashier, ("LPG12", 1000), shift_id=shift1.id)
    till.reversals.cancel(same_day.sale_id, cashier, manager, "salah input")  # nets out on its day
    till.shifts.close(cashier, breakdown(till.shifts.figures(shift1.id).expected_rp), shift_id=shift1.id)

    clock.moment = DAY2
    day2 = till.ctx.business_date()
    before = figures(till, manager, tmp_path, day1, "before")
    assert before[0]["voids"]["sale_count"] == 1 and before[0]["sale_count"] == 2

    shift2 = till.shifts.open(cashier, FLOAT)
    till.reversals.cancel(cancelled.sale_id, cashier, manager, "pembeli batal")
    line = till.reversals.returnable(returned.sale_id)[0]
    till.reversals.create_return(returned.sale_id, {line.sale_line_id: 1000}, cashier, manager)
    change_catalog_settings_and_vat(till)
    after = figures(till, manager, tmp_path, day1, "after")
    assert after == before  # JSON, thermal text and PDF text, word for word

    # the cancellation is a correction of day 2, where its money left the drawer
    eod2 = till.reports.end_of_day(manager, day2).to_json()
    assert eod2["cancelled_later"] == {"count": 1, "total_rp": cancelled_due}
    assert eod2["by_payment"]["cash"] == -(cancelled_due + round_cash(line.line_total_rp, 100))
    assert "ppn" not in eod2  # the sales corrected were made before the store registered for VAT
    z2 = till.reports.document(till.shifts.x_report(manager, shift2.id), 58)
    assert format_rp(-cancelled_due) in render_text(z2, 32)
    expected2 = till.shifts.figures(shift2.id).expected_rp
    assert expected2 == 100_000 - cancelled_due - round_cash(line.line_total_rp, 100)


def odd_partial_return():
    """A weighed product and quantities whose partial refund is not a whole Rp100."""
    from kkmp_pos.services.selling.reversals import refund_for

    for p in ProductModel.select().where(ProductModel.is_weighed == True).order_by(ProductModel.id):  # noqa: E712
        sold = 1250
        line_total = item_from(p).regular_price_rp * sold // 1000
        for back in (300, 400, 500, 700):
            if refund_for(line_total, sold, back) % 100:
                return p.code, sold, back
    pytest.skip("no weighed product gives an odd refund")


def test_a_partial_cash_return_is_rounded_so_the_drawer_balances(
    no_shift, cashier, manager, without_purchase_caps
) -> None:
    till = no_shift
    code, sold, back = odd_partial_return()
    shift = till.shifts.open(cashier, FLOAT)
    result, _ = sell_cash(till, cashier, (code, sold), shift_id=shift.id)
    line = till.reversals.returnable(result.sale_id)[0]
    till.reversals.create_return(result.sale_id, {line.sale_line_id: back}, cashier, manager)
    expected = till.shifts.figures(shift.id).expected_rp
    assert expected % 100 == 0  # a drawer holds no coin below Rp100
    # the cashier counts what is really there: the float, the sale, less the rounded refund
    close = till.shifts.close(cashier, breakdown(expected), shift_id=shift.id, approver=manager)
    assert close.difference_rp == 0
    from kkmp_pos.db.models import SaleReturnModel

    ret = SaleReturnModel.get(SaleReturnModel.sale == result.sale_id)
    assert (ret.refund_rp + ret.rounding_rp) % 100 == 0 and ret.rounding_rp != 0
    import json

    from kkmp_pos.db.models import OutboxEventModel

    event = OutboxEventModel.get(OutboxEventModel.type == "return.completed")
    assert json.loads(event.payload)["rounding_rp"] == ret.rounding_rp  # the server sees it too
