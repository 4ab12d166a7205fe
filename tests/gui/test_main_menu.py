"""The main window's menu and shift prompts: every screen reachable, manager-only ones closed to cashiers."""

from __future__ import annotations

from kkmp_pos.db.models import ShiftModel
from tests.gui.conftest import demo_user, log_in


def menu_actions(menu):
    found = {}
    for action in menu.actions():
        if action.menu() is not None:
            found.update(menu_actions(action.menu()))
        elif action.text():
            found[action.text().replace("&&", "&")] = action
    return found


def test_a_cashier_without_a_shift_is_prompted_and_can_open_one(qtbot, no_shift, window, till):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    assert "Belum ada shift" in window.message_bar.text()
    window.message_bar.action.click()
    dialog = window._open_windows[-1]
    assert dialog.isVisible()
    assert ShiftModel.select().where(ShiftModel.status != "closed").count() == 0  # nothing until counted


def test_menu_offers_every_screen_and_closes_manager_ones_to_cashiers(qtbot, window, till):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    window.show_menu()
    actions = menu_actions(window._menu)
    assert {
        "Buka shift",
        "Tutup shift (hitung kas)",
        "Laporan akhir hari",
        "Stok & barang",
        "Pengguna",
    } <= set(actions)
    assert actions["Buka shift"].isEnabled()
    assert not actions["Laporan akhir hari"].isEnabled()
    assert not actions["Pengguna"].isEnabled()
    window._menu.close()


def test_a_manager_opens_the_stock_module_and_reports_from_the_menu(qtbot, window, till):
    log_in(qtbot, window, demo_user("manajer"), "9999")
    window.show_menu()
    actions = menu_actions(window._menu)
    assert actions["Laporan akhir hari"].isEnabled()
    actions["Stok & barang"].trigger()
    stock = window._open_windows[-1]
    assert stock.isVisible() and stock.isWindow()
    window.show_menu()
    menu_actions(window._menu)["Laporan akhir hari"].trigger()
    report = window._open_windows[-1]
    assert report.isVisible()
    qtbot.waitUntil(lambda: "TOTAL PENJUALAN" in report.preview.toPlainText(), timeout=10_000)
    for w in window._open_windows:
        w.close()


def test_a_shift_left_open_on_an_earlier_day_is_offered_for_closing(qtbot, no_shift, window, till):
    cashier = demo_user("kasir")
    from kkmp_pos.services.setup.auth import actor_of

    till.shifts.open(actor_of(cashier), {50_000: 2})
    ShiftModel.update(business_date="2020-01-01").execute()
    log_in(qtbot, window, cashier, "1111")
    assert "belum ditutup" in window.message_bar.text()
    assert window.message_bar.action.text() == "Tutup shift"


def test_sync_problems_and_settings_are_in_the_menu(qtbot, window, till):
    from kkmp_pos.gui.sync.sync_status import install_sync

    controller = install_sync(window, till)
    try:
        log_in(qtbot, window, demo_user("manajer"), "9999")
        window.show_menu()
        actions = menu_actions(window._menu)
        actions["Masalah sinkronisasi"].trigger()
        assert window._open_windows[-1].isVisible()
        window._open_windows[-1].close()
        window.show_menu()
        menu_actions(window._menu)["Sinkronisasi server"].trigger()
        assert window._open_windows[-1].isVisible()
        window._open_windows[-1].close()
    finally:
        controller.stop()
