"""The audit screen shows actions as words in the UI language, not raw codes; the filter still uses codes."""

from __future__ import annotations

from kkmp_pos.gui.app import make_app
from kkmp_pos.gui.i18n import install_language
from kkmp_pos.gui.reports.audit_screen import AuditScreen
from tests.gui.conftest import demo_user, log_in


def _actions(screen: AuditScreen) -> list[str]:
    return [screen.table.item(r, 2).text() for r in range(screen.table.rowCount())]


def _choices(screen: AuditScreen) -> list[str]:
    return [screen.action.itemText(i) for i in range(screen.action.count())]


def test_a_failed_login_shows_as_words_in_indonesian_and_english(qtbot, window, till, manager):
    log_in(qtbot, window, demo_user("kasir"), "0000")  # a wrong PIN at the real login screen
    qtbot.waitUntil(lambda: "Sisa percobaan" in window.login.error_label.text())

    screen = AuditScreen(till, manager)
    qtbot.addWidget(screen)
    assert "Login gagal" in _actions(screen)
    assert "Login gagal" in _choices(screen)
    shown = _actions(screen) + _choices(screen)
    assert not [t for t in shown if t in ("login.failed", "login")], shown

    # The combo's data stays the code, so filtering by the chosen words still works.
    screen.action.setCurrentIndex(screen.action.findData("login.failed"))
    assert screen.action.currentText() == "Login gagal"
    screen.refresh()
    assert set(_actions(screen)) == {"Login gagal"} and screen.table.rowCount() == 1

    install_language(make_app(), "en")
    try:
        english = AuditScreen(till, manager)
        qtbot.addWidget(english)
        assert "Failed login" in _actions(english) and "Failed login" in _choices(english)
        assert "Login gagal" not in _actions(english) + _choices(english)
    finally:
        install_language(make_app(), "id")
