"""The manager's clock and off-machine copy screen, from the menu: a clock behind the newest document is
confirmed there, the copy's target is chosen, and the restore drill runs and says what it found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kkmp_pos.db.models import AuditLogModel
from tests.gui.conftest import demo_user, log_in
from tests.gui.test_main_menu import menu_actions


def _open_screen(qtbot, window):
    log_in(qtbot, window, demo_user("manajer"), "9999")
    window.show_menu()
    menu_actions(window._menu)["Jam & cadangan"].trigger()
    screen = window._open_windows[-1]
    assert screen.isVisible()
    return screen


def test_the_manager_chooses_a_drive_and_the_drill_passes(qtbot, window, till, tmp_path):
    drive = tmp_path.parent / (tmp_path.name + "-usb")
    drive.mkdir()
    screen = _open_screen(qtbot, window)
    assert "Belum ada salinan" in screen.copy_label.text()
    screen.target.setCurrentIndex(screen.target.findData("drive"))
    screen.drive_path.setText(str(drive))
    screen.passphrase.setText("koperasi-merah-putih")
    screen.save_button.click()
    assert "disimpan" in screen.status.text()
    # never shown back: the field is empty again and says the passphrase is kept
    assert screen.passphrase.text() == "" and "tersimpan" in screen.passphrase_state.text()
    assert "tersimpan" in screen.passphrase.placeholderText()
    from kkmp_pos.gui.shifts.shift_dialog import all_visible_text

    assert "koperasi-merah-putih" not in all_visible_text(screen)
    screen.save_button.click()  # saved again without typing it: the kept key stays
    assert "disimpan" in screen.status.text() and till.offsite.has_key()
    till.maintenance.run_startup()  # the day's backup, and its sealed copy on the drive
    screen.refresh()
    assert "jam lalu" in screen.copy_label.text()
    screen.drill_button.click()
    qtbot.waitUntil(lambda: screen.status.text().startswith(("Berhasil", "Gagal", "Salinan")), timeout=60000)
    assert screen.status.text().startswith("Berhasil"), screen.status.text()


def test_a_clock_behind_is_confirmed_by_the_manager_here(qtbot, window, till):
    from tests.services.test_clock import _sell

    cashier = demo_user("kasir")
    from kkmp_pos.services.setup.auth import actor_of

    _sell(till, actor_of(cashier))
    till.ctx.clock = lambda: datetime.now(UTC) - timedelta(days=1)
    screen = _open_screen(qtbot, window)
    assert "Jam komputer" in screen.clock_label.text() and screen.confirm_button.isEnabled()
    screen.confirm_button.click()
    assert "dikonfirmasi" in screen.status.text()
    assert not screen.confirm_button.isEnabled()
    assert AuditLogModel.select().where(AuditLogModel.action == "clock.confirmed").count() == 1
