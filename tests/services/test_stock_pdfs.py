"""The stock PDFs render, and their text read back with pypdf carries the database's figures."""

from __future__ import annotations

from pypdf import PdfReader

from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.db.ledger import record_movement
from kkmp_pos.db.models import CategoryModel, ProductModel, StockCountLineModel, StockMovementModel
from kkmp_pos.services.stock.documents import StockReportService
from kkmp_pos.services.stock.module import stock_module
from tests.services.stock_support import TickingClock


def text_of(path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_count_sheet_lists_every_product_with_its_barcode_and_no_expected_figure(till, manager):
    sm = stock_module(till)
    beras = ProductModel.select().join(CategoryModel).where(CategoryModel.name == "Beras")
    for i, product in enumerate(beras):  # distinctive on-hand figures, e.g. '4.321', to look for
        record_movement(
            till.ctx,
            product_id=product.id,
            qty_milli=(4_321 + i) * 1000 - product.on_hand_milli,
            kind="opening",
            doc_id="t",
        )
    count = sm.counts.start(manager, category="Beras")
    text = text_of(StockReportService(till.ctx).count_sheet(count.id))
    rows = sm.counts.sheet(count.id)
    assert len(rows) == beras.count() and all(r.name in text and r.barcode in text for r in rows)
    lines = StockCountLineModel.select().where(StockCountLineModel.count == count.id)
    assert all(line.expected_milli >= 4_321_000 for line in lines)
    assert not any(format_qty(line.expected_milli) in text for line in lines)
    assert "sengaja tidak dicetak" in text


def test_the_variance_report_shows_each_products_figures_and_the_total_in_rupiah(till, manager):
    till.ctx.clock = TickingClock()
    sm = stock_module(till)
    count = sm.counts.start(manager, category="Beras")
    counted = {}
    for i, line in enumerate(StockCountLineModel.select().where(StockCountLineModel.count == count.id)):
        counted[line.product_id] = line.expected_milli - (i % 3) * 1000
        sm.counts.enter(count.id, line.product_id, counted[line.product_id], manager)
    report = sm.counts.approve(count.id, manager)
    text = text_of(StockReportService(till.ctx).variance_report(count.id, manager))
    assert count.number in text and "disetujui" in text
    for line in report.lines:
        product = ProductModel.get_by_id(line.product_id)
        assert product.on_hand_milli == counted[line.product_id]  # what the PDF claims was posted
        cells = text.splitlines()
        at = cells.index(product.code)  # one cell per line: code, name, start, moved, system, counted, ...
        assert cells[at + 1 : at + 8] == [
            product.name,
            format_qty(line.expected_milli, product.base_unit),
            format_qty(line.variance.moved_milli),
            format_qty(line.variance.system_milli),
            format_qty(line.variance.counted_milli),
            format_qty(line.diff_milli),
            format_rp(line.diff_rp),
        ]
    assert format_rp(report.total_diff_rp) in text


def test_the_stock_card_pdf_shows_the_movements_and_balances_of_the_database(till):
    product = ProductModel.get(ProductModel.code == "SPHP5")
    text = text_of(StockReportService(till.ctx).stock_card(product.id))
    assert f"Stok sekarang: {format_qty(product.on_hand_milli, product.base_unit)}" in text
    moves = StockMovementModel.select().where(StockMovementModel.product == product.id).count()
    assert f"{moves} gerakan terbaru" in text
    page = stock_module(till).stock.stock_card(product.id)
    cells = text.splitlines()
    starts = [i for i, cell in enumerate(cells) if cell[:2].isdigit() and cell[2:3] == "-"]  # 'DD-MM-YYYY'
    assert len(starts) == moves
    # The last cell of each row is the balance; empty in/out cells are not in the text.
    for row, start in zip(page.rows, starts, strict=True):
        end = next((i for i in starts if i > start), len(cells))
        assert format_qty(row.balance_milli) == cells[end - 1].strip() or start == starts[-1]
    assert cells[starts[-1] + 4].strip() == format_qty(page.rows[-1].balance_milli)


def test_low_stock_and_expiry_lists_render(till):
    reports = StockReportService(till.ctx)
    low = stock_module(till).stock.low_stock()
    text = text_of(reports.low_stock())
    assert all(line.code in text for line in low)
    assert "Hampir Kedaluwarsa" in text_of(reports.expiry_list())
    assert "Kedaluwarsa" in text_of(reports.expiry_list(expired=True))
