"""PPN at a VAT-registered (PKP) store: exempt staples, taxable goods, receipts, returns and reports.

Expected PPN is computed here from the stored line totals with integer arithmetic
(half-up of taxable × 11 / 111), never with the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.money import format_number, format_rp, round_cash
from kkmp_pos.db.models import ProductModel, SaleLineModel, SaleReturnLineModel, StoreModel
from kkmp_pos.services.selling.priced_items import item_from
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

NPWP = "01.234.567.8-901.000"
EXEMPT = {"SPHP5"}  # rice
TAXABLE = {"MK1", "SLF", "PCT"}  # cooking oil, soap, a medicine


def ppn_of(taxable_rp: int) -> int:
    """round_half_up(taxable × 11 / 111) in integers: floor((22·t + 111) / 222)."""
    return (22 * taxable_rp + 111) // 222


def make_pkp(till) -> None:
    StoreModel.update(vat_registered=True, npwp=NPWP).execute()
    till.ctx.refresh_store()


def cart_of(*codes_qty: tuple[str, int]) -> Cart:
    cart = Cart()
    for code, qty in codes_qty:
        cart.add(item_from(ProductModel.get(ProductModel.code == code)), qty)
    return cart


def sell(till, cashier, cart: Cart, *, discount_rp: int = 0) -> str:
    if discount_rp:
        till.overrides.discount_total(cart, cashier, amount_rp=discount_rp)
    due = round_cash(cart.totals().total_rp, till.ctx.settings.cash_rounding_rp)
    result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due + 10_000)], cashier)
    return result.sale_id


def split(sale_id: str) -> tuple[int, int]:
    """(taxable, exempt) of a sale from its stored line totals (after discounts)."""
    taxable = exempt = 0
    for line in SaleLineModel.select().where(SaleLineModel.sale == sale_id):
        code = ProductModel.get_by_id(line.product_id).code
        assert code in EXEMPT | TAXABLE
        if code in EXEMPT:
            exempt += line.line_total_rp
        else:
            taxable += line.line_total_rp
    return taxable, exempt


def mixed_cart() -> Cart:
    return cart_of(("SPHP5", 2000), ("MK1", 2000), ("SLF", 3000), ("PCT", 1000))


def row_value(lines: list[str], label: str) -> str:
    return next(line for line in lines if line.startswith(label)).split()[-1]


def test_demo_staples_and_subsidised_lpg_are_exempt_by_default_and_the_rest_taxable(till) -> None:
    exempt = {p.code for p in ProductModel.select().where(ProductModel.ppn_exempt == True)}  # noqa: E712
    for code in ("SPHP5", "BRM5", "12345", "GP1", "00042", "00043", "00044", "00046", "LPG3"):
        assert code in exempt, code
    for code in ("MK1", "MGB2", "TT1", "MIG", "SKM", "SLF", "PCT", "AMX", "BG55", "LPG12"):
        assert code not in exempt, code


def test_pkp_receipt_shows_npwp_dpp_and_ppn_of_the_taxable_lines_only(till, cashier, tmp_path) -> None:
    from kkmp_pos.core.receipt import render_text
    from kkmp_pos.devices.escpos_text import decode_escpos_text
    from kkmp_pos.devices.printer import PrinterSettings, render_escpos

    make_pkp(till)
    sale_id = sell(till, cashier, mixed_cart(), discount_rp=5_000)  # spread over every line
    taxable, exempt = split(sale_id)
    assert exempt > 0 and taxable > 0
    ppn = ppn_of(taxable)
    assert ppn != ppn_of(taxable + exempt)  # a flat 11/111 of the total would be wrong here

    doc = till.receipts.document(sale_id, paper_mm=58)
    for text in (render_text(doc, 32), decode_escpos_text(render_escpos(doc, PrinterSettings()))):
        lines = text.splitlines()
        assert f"NPWP: {NPWP}" in text
        assert row_value(lines, "DPP") == format_number(taxable - ppn)
        assert row_value(lines, "PPN 11%") == format_number(ppn)
        assert row_value(lines, "Bebas PPN") == format_number(exempt)


def test_pkp_end_of_day_ppn_is_taxable_sales_net_of_a_taxable_return(
    till, cashier, manager, tmp_path, capsys
) -> None:
    from pypdf import PdfReader

    from kkmp_pos.cli import main
    from kkmp_pos.devices.escpos_text import decode_escpos_text
    from kkmp_pos.devices.printer import PrinterSettings, render_escpos

    make_pkp(till)
    first = sell(till, cashier, mixed_cart(), discount_rp=5_000)
    second = sell(till, cashier, cart_of(("SPHP5", 1000), ("PCT", 2000)))
    oil = next(r for r in till.reversals.returnable(first) if r.name.startswith("MinyaKita"))
    return_id = till.reversals.create_return(first, {oil.sale_line_id: 1000}, cashier, manager)
    refund = sum(r.refund_rp for r in SaleReturnLineModel.select().where(
        SaleReturnLineModel.sale_return == return_id
    ))  # fmt: skip
    assert refund > 0
    taxable = split(first)[0] + split(second)[0] - refund
    exempt = split(first)[1] + split(second)[1]
    ppn = ppn_of(taxable)
    dpp = taxable - ppn

    bdate = till.ctx.business_date()
    report = till.reports.end_of_day(manager, bdate)
    assert report.ppn == (dpp, ppn)

    data_dir = str(Path(till.ctx.db.database).parent)
    assert main(["--data-dir", data_dir, "report", "eod", "--date", bdate, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ppn"] == {
        "percent": 11,
        "taxable_rp": taxable,
        "exempt_rp": exempt,
        "dpp_rp": dpp,
        "ppn_rp": ppn,
    }
    assert taxable + exempt == data["total_rp"]

    pdf = till.reports.save_pdf(report, tmp_path / "eod.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert f"PPN 11% (termasuk) {format_rp(ppn)}" in text
    assert f"DPP {format_rp(dpp)}" in text
    assert f"Penjualan bebas PPN {format_rp(exempt)}" in text

    thermal = decode_escpos_text(render_escpos(till.reports.document(report, 58), PrinterSettings()))
    lines = thermal.splitlines()
    assert row_value(lines, "PPN 11% (termasuk)") == format_rp(ppn)
    assert row_value(lines, "DPP") == format_rp(dpp)
    assert row_value(lines, "Penjualan kena PPN") == format_rp(taxable)


def test_a_store_not_registered_for_vat_shows_no_ppn_anywhere(till, cashier, manager, tmp_path) -> None:
    from pypdf import PdfReader

    from kkmp_pos.core.receipt import render_text
    from kkmp_pos.devices.escpos_text import decode_escpos_text
    from kkmp_pos.devices.printer import PrinterSettings, render_escpos

    assert not till.ctx.store.vat_registered
    sale_id = sell(till, cashier, mixed_cart())
    receipt = render_text(till.receipts.document(sale_id, paper_mm=58), 32)
    report = till.reports.end_of_day(manager, till.ctx.business_date())
    pdf = till.reports.save_pdf(report, tmp_path / "eod.pdf")
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    slip = decode_escpos_text(render_escpos(till.reports.document(report, 58), PrinterSettings()))
    for text in (receipt, pdf_text, slip):
        assert "PPN" not in text and "DPP" not in text
    assert report.ppn is None and "ppn" not in report.to_json()


@pytest.mark.parametrize("percent", [11, 12])
def test_the_rate_is_a_setting(till, cashier, manager, percent) -> None:
    make_pkp(till)
    till.ctx.set_setting("tax.ppn_percent", percent)
    sale_id = sell(till, cashier, mixed_cart())
    taxable = split(sale_id)[0]
    expected = (2 * taxable * percent + 100 + percent) // (2 * (100 + percent))
    data = till.receipts.data(sale_id)
    assert (data.ppn_rp, data.ppn_percent) == (expected, percent)
    assert till.reports.end_of_day(manager, till.ctx.business_date()).ppn == (taxable - expected, expected)


def test_a_past_receipt_keeps_its_ppn_when_the_catalog_changes_later(till, cashier) -> None:
    make_pkp(till)
    sale_id = sell(till, cashier, mixed_cart())
    taxable, _exempt = split(sale_id)
    before = till.receipts.data(sale_id).ppn_rp
    assert before == ppn_of(taxable)
    # the manager later marks every product exempt: the completed sale must not change
    ProductModel.update(ppn_exempt=True).execute()
    assert till.receipts.data(sale_id, is_copy=True).ppn_rp == before
    assert {line.ppn_exempt for line in SaleLineModel.select().where(SaleLineModel.sale == sale_id)} == {
        True,
        False,
    }
