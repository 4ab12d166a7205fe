"""Logging in: wrong PINs count down, five lock the user for five minutes; a new shop makes an admin."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.db.models import UserModel
from tests.gui.conftest import demo_user, log_in


def test_demo_shop_shows_demo_pins_on_the_login_screen(window):
    button = window.login.user_buttons[demo_user("kasir").id]
    assert "1111" in button.text()
    assert window.login.demo_note.isVisible()


def test_five_wrong_pins_lock_the_user_for_five_minutes(qtbot, window):
    user = demo_user("kasir")
    for remaining in (4, 3, 2, 1):
        log_in(qtbot, window, user, "0000")
        assert f"Sisa percobaan: {remaining}" in window.login.error_label.text()
    log_in(qtbot, window, user, "0000")
    assert "dikunci" in window.login.error_label.text()
    assert "5 menit" in window.login.error_label.text()
    log_in(qtbot, window, user, "1111")  # even the right PIN waits now
    assert "dikunci" in window.login.error_label.text()
    assert window.stack.currentWidget() is window.login
    assert UserModel.get_by_id(user.id).locked_until is not None


def test_keypad_login_reaches_the_cashier_screen(qtbot, window):
    user = demo_user("manajer")
    login = window.login
    qtbot.mouseClick(login.user_buttons[user.id], Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QPushButton

    keys = {b.text(): b for b in login.findChildren(QPushButton) if b.property("role") == "keypad"}
    for digit in "9999":
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    qtbot.keyClick(login.pin_field, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.cashier
    assert window.cashier.actor.name == user.name


def test_new_shop_without_users_offers_to_create_the_first_admin(qtbot, empty_till):
    from kkmp_pos.gui.app import MainWindow

    empty_till.ctx.set_setting("setup.wizard_pending", False)  # its setup wizard was skipped

    win = MainWindow(empty_till)
    qtbot.addWidget(win)
    win.show()
    login = win.login
    assert login.pages.currentIndex() == 1
    qtbot.keyClicks(login.admin_name, "Ibu Ketua")
    qtbot.keyClicks(login.admin_pin, "482916")
    qtbot.keyClicks(login.admin_pin2, "482916")
    qtbot.keyClick(login.admin_pin2, Qt.Key.Key_Return)
    assert login.pages.currentIndex() == 0
    admin = UserModel.get(UserModel.name == "Ibu Ketua")
    assert admin.role == "admin"
    log_in(qtbot, win, admin, "482916")
    assert win.stack.currentWidget() is win.cashier
