"""The settings screen: every setting a shop may change in config.py is reachable from it; changes are
checked, saved and audited (old → new); it opens from the main menu for managers only."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from kkmp_pos.config import SETTINGS
from kkmp_pos.db.models import AuditLogModel, StoreModel
from kkmp_pos.services.setup.settings_editor import INTERNAL_SETTINGS, SHOP_SETTINGS
from tests.gui.conftest import demo_user, log_in
from tests.gui.test_main_menu import menu_actions


@pytest.fixture
def screen(qtbot, till, manager):
    from kkmp_pos.gui.setup.settings_screen import SettingsScreen

    s = SettingsScreen(till, manager)
    qtbot.addWidget(s)
    s.resize(1024, 700)
    s.show()
    yield s
    s.printer.bridge.stop()


def test_every_shop_setting_in_config_is_reachable_from_the_screen(screen):
    assert set(SETTINGS) == SHOP_SETTINGS | INTERNAL_SETTINGS  # each new setting is classified
    missing = sorted(SHOP_SETTINGS - screen.reachable_keys())
    assert missing == []
    # and each is on one of the tabs, not on a hidden leftover widget
    tabs = screen.findChild(QTabWidget)
    for key in SHOP_SETTINGS:
        holder = screen.findChild(QWidget, key)
        assert any(tabs.widget(i).isAncestorOf(holder) for i in range(tabs.count())), key


def test_a_limit_change_is_saved_and_audited_old_to_new(screen, till):
    editor = screen.editors["discount.max_percent"]
    old = till.ctx.settings.discount_max_percent
    editor.widget.setValue(old + 5)
    assert screen.save_tab("limits")
    assert till.ctx.settings.discount_max_percent == old + 5
    row = (
        AuditLogModel.select()
        .where(AuditLogModel.action == "settings.changed")
        .order_by(AuditLogModel.id.desc())
        .get()
    )
    assert json.loads(row.detail) == {"key": "discount.max_percent", "old": old, "new": old + 5}
    assert "1 pengaturan disimpan" in screen.tab_status["limits"].text()


def test_bad_values_are_refused_with_a_message_and_nothing_saved(screen, till):
    before = till.ctx.settings.cash_quick_notes
    screen.editors["cash.quick_notes"].widget.setText("2000, lima ribu")
    assert not screen.save_tab("cash")
    assert "bukan nilai yang sah" in screen.tab_status["cash"].text()
    screen.editors["receipt.footer"].widget.setPlainText("x" * 60)
    assert not screen.save_tab("receipt")
    assert "48" in screen.tab_status["receipt"].text()
    assert till.ctx.settings.cash_quick_notes == before


def test_the_receipt_footer_is_saved_and_the_printer_tab_shows_it(screen, till):
    screen.editors["receipt.footer"].widget.setPlainText("Terima kasih\nRetur sesuai kebijakan toko")
    assert screen.save_tab("receipt")
    assert till.ctx.settings.receipt_footer == ["Terima kasih", "Retur sesuai kebijakan toko"]
    assert "Retur sesuai" in screen.printer.footer.toPlainText()


def test_the_shop_identity_is_checked_saved_and_audited(screen, till):
    form = screen.shop_form
    form.npwp.setText("01.312.166.1-091.000")  # wrong check digit (the ninth)
    assert not screen.save_shop()
    assert "NPWP" in screen.tab_status["shop"].text()
    form.npwp.setText("013121660091000")
    form.kode_wilayah.setText("64.71.05.1001")
    form.time_zone.setCurrentIndex(form.time_zone.findData("WIT"))
    assert screen.save_shop()
    assert StoreModel.get().timezone == "Asia/Jayapura"
    assert form.npwp.text() == "01.312.166.0-091.000"
    row = AuditLogModel.select().where(AuditLogModel.action == "settings.shop").get()
    changes = json.loads(row.detail)["changes"]
    assert changes["kode_wilayah"] == ["", "64.71.05.1001"]
    assert changes["time_zone"][1] == "WIT"


def test_the_settings_screen_opens_from_the_menu_for_managers_only(qtbot, window, till):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    window.show_menu()
    assert not menu_actions(window._menu)["Pengaturan toko…"].isEnabled()
    window._menu.close()
    window.show_login()
    log_in(qtbot, window, demo_user("manajer"), "9999")
    window.show_menu()
    menu_actions(window._menu)["Pengaturan toko…"].trigger()
    opened = window._open_windows[-1]
    assert opened.isVisible() and opened.windowTitle() == "Pengaturan toko"
    opened.printer.bridge.stop()
    opened.close()


def test_every_tab_fits_a_1024x768_screen(qtbot, screen):
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        hint = screen.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, (screen.tabs.tabText(index), hint)
