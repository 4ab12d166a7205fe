"""The cashier's search list: an empty result says so and offers the whole catalog; stock in the
selling unit."""

from __future__ import annotations

from kkmp_pos.core.money import format_stock
from kkmp_pos.db.models import ProductModel
from tests.gui.conftest import demo_user, log_in


def test_stock_is_counted_in_the_selling_unit_and_the_rest_in_the_base_unit():
    assert format_stock(361_000, "pcs", "Dus 40", 40_000) == "9 Dus 40 + 1 pcs"
    assert format_stock(9_000, "pcs", "Dus 40", 40_000) == "9 pcs"
    assert format_stock(80_000, "pcs", "Dus 40", 40_000) == "2 Dus 40"
    assert format_stock(1_250, "kg") == "1,25 kg"


def test_an_empty_result_says_so_and_a_whole_catalog_search_finds_inactive_products(qtbot, window):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    ProductModel.update(active=False).where(ProductModel.code == "MIS").execute()
    qtbot.keyClicks(screen.scan_field, "indomie soto")
    box = screen.scan_box
    assert not screen.results.isVisible()
    assert box.none_found.isVisible() and "indomie soto" in box.none_found.text()
    assert box.search_all_button.isVisible()
    box.search_all_button.click()
    assert screen.results.isVisible()
    texts = [box.model.index(r, 0).data() for r in range(box.model.rowCount())]
    assert any("Indomie Soto" in t and "nonaktif" in t for t in texts)
    assert not box.none_found.isVisible()


def test_the_search_list_shows_stock_in_dus_and_pcs(qtbot, window):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    ProductModel.update(on_hand_milli=41_000).where(ProductModel.code == "MIG").execute()
    qtbot.keyClicks(screen.scan_field, "indomie goreng")
    model = screen.scan_box.model
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any("stok 1 Dus 40 + 1 pcs" in t for t in texts), texts
    assert not any("0,0" in t for t in texts)


def test_the_user_is_labelled_by_role(qtbot, window):
    log_in(qtbot, window, demo_user("manajer"), "9999")
    assert window.cashier.user_label.text().startswith("Manajer: ")
