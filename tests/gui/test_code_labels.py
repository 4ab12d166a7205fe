"""Stored codes shown as words: roles on the users screen, business units and drug classes in the
product dialog (Indonesian and English), the PPN box, and the screens rendered to PNG."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from kkmp_pos.db.models import ProductModel, UserModel
from kkmp_pos.gui.i18n import install_language
from kkmp_pos.gui.ops import running_ops
from kkmp_pos.services.setup.auth import actor_of

CODES = {"kasir", "manajer", "admin", "sembako", "lpg", "obat", "bebas", "bebas_terbatas", "keras"}


@pytest.fixture(params=["id", "en"])
def lang(request, qtbot):
    from kkmp_pos.gui.app import make_app

    app = make_app()
    install_language(app, request.param)
    yield request.param
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)
    install_language(app, "id")


def _manager():
    return actor_of(UserModel.get(UserModel.role == "manajer"))


def _snapshot(widget, name: str, tmp_path: Path) -> Path:
    """Save the widget as a PNG (KKMP_SCREENSHOT_DIR keeps them for a person to look at)."""
    folder = Path(os.environ.get("KKMP_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    return path


def test_users_screen_shows_role_words_keeps_codes_and_the_names_fit(qtbot, till, lang, tmp_path):
    from kkmp_pos.gui.setup.users_screen import UsersScreen

    screen = UsersScreen(till, _manager())
    qtbot.addWidget(screen)
    screen.resize(900, 420)
    screen.show()
    qtbot.waitExposed(screen)
    words = {"id": ["Kasir", "Manajer", "Admin"], "en": ["Cashier", "Manager", "Admin"]}[lang]
    assert [screen.role.itemText(i) for i in range(screen.role.count())] == words
    assert [screen.role.itemData(i) for i in range(screen.role.count())] == ["kasir", "manajer", "admin"]
    shown = {screen.table.item(r, 1).text() for r in range(screen.table.rowCount())}
    assert shown == set(words) and not shown & CODES
    # every name is shown whole: the name column is at least as wide as its longest text
    metrics = screen.table.fontMetrics()
    longest = max(metrics.horizontalAdvance(screen.table.item(r, 0).text()) for r in range(3))
    assert screen.table.columnWidth(0) > longest
    # picking a manager's row selects the manager role; saving stores the code
    row = next(r for r in range(screen.table.rowCount()) if screen.table.item(r, 1).text() == words[1])
    screen.table.selectRow(row)
    assert screen.role.currentData() == "manajer"
    _snapshot(screen, f"users_{lang}.png", tmp_path)


def test_product_dialog_lists_words_and_saves_codes(qtbot, till, lang, tmp_path):
    from kkmp_pos.gui.stock.product_edit_dialog import ProductEditDialog

    product = ProductModel.get(ProductModel.code == "OBH")
    spec = till.products.spec_of(product.id)
    dialog = ProductEditDialog(spec, till.products.categories(), [], lambda s: s)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    units = [dialog.business_unit.itemText(i) for i in range(dialog.business_unit.count())]
    drugs = [dialog.drug.itemText(i) for i in range(dialog.drug.count())]
    if lang == "id":
        assert units == ["Sembako", "LPG", "Obat"]
        assert drugs == ["Bukan obat", "Obat bebas", "Obat bebas terbatas", "Obat keras"]
    else:
        assert units == ["Basic groceries", "LPG", "Medicines"]
        assert drugs == ["Not a medicine", "OTC medicine", "Limited OTC medicine", "Prescription medicine"]
    assert dialog.business_unit.currentIndex() == 2 and dialog.drug.currentIndex() == 2
    assert not dialog.ppn_exempt.isChecked()
    saved = dialog.spec()
    assert (saved.business_unit, saved.drug_class, saved.ppn_exempt) == ("obat", "bebas_terbatas", False)
    _snapshot(dialog, f"product_dialog_{lang}.png", tmp_path)


def test_a_new_product_follows_the_ppn_default_until_the_box_is_clicked(qtbot, till):
    from kkmp_pos.gui.stock.product_edit_dialog import ProductEditDialog

    dialog = ProductEditDialog(None, till.products.categories(), [], lambda s: s)
    qtbot.addWidget(dialog)
    assert not dialog.ppn_exempt.isChecked()
    dialog.category.setCurrentText("Beras")
    assert dialog.ppn_exempt.isChecked()
    dialog.category.setCurrentText("Minyak Goreng")
    assert not dialog.ppn_exempt.isChecked()
    dialog.business_unit.setCurrentIndex(dialog.business_unit.findData("lpg"))
    dialog.nik.setChecked(True)
    assert dialog.ppn_exempt.isChecked()  # LPG 3 kg
    box = dialog.ppn_exempt  # the manager decides: a click on the box itself
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.height() // 2, box.height() // 2))
    dialog.category.setCurrentText("Beras")
    assert not dialog.ppn_exempt.isChecked()


def test_write_off_reasons_are_words_in_the_chosen_language(qtbot, lang):
    from kkmp_pos.gui.stock.stock_lists_screen import WriteOffDialog

    dialog = WriteOffDialog("Sabun", 1000, "expired")
    qtbot.addWidget(dialog)
    words = {"id": ["Rusak", "Kedaluwarsa", "Hilang"], "en": ["Damaged", "Expired", "Lost"]}[lang]
    assert [dialog.reason.itemText(i) for i in range(dialog.reason.count())] == words
    assert dialog.reason.currentData() == "expired"
