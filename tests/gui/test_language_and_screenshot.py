"""English through Qt's translation files, and the headless screenshot."""

from __future__ import annotations

import struct

from kkmp_pos.gui.app import MainWindow, make_app
from kkmp_pos.gui.i18n import install_language
from tests.gui.conftest import demo_user, log_in


def test_lang_en_shows_english(qtbot, till):
    app = make_app()
    install_language(app, "en")
    try:
        win = MainWindow(till)
        qtbot.addWidget(win)
        win.show()
        assert "Choose your name" in [w.text() for w in win.login.findChildren(type(win.login.who_label))]
        log_in(qtbot, win, demo_user("kasir"), "0000")
        assert "Wrong PIN" in win.login.error_label.text()  # service messages follow the language
        log_in(qtbot, win, demo_user("kasir"), "1111")
        screen = win.cashier
        assert "PAY" in screen.pay_button.text() and "F12" in screen.pay_button.text()
        assert "Search" in screen.search_button.text()
        assert "Bayar" not in screen.pay_button.text()
    finally:
        install_language(app, "id")


def test_screenshot_is_a_1366_by_768_png_of_the_cashier_screen(qtbot, till, tmp_path):
    from kkmp_pos.gui.screenshot import render_screenshot

    path = render_screenshot(till, tmp_path / "shot.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1366, 768)
