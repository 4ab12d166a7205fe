"""The key map (gui/keymap.py) is what the screens really bind, each key means one kind of thing,
F1 shows it, the login takes a name from the keyboard, and Enter and Esc work in the shift dialogs and
the stock window."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from kkmp_pos.gui.keymap import SCREEN_KEYS, action_words, key_kinds
from tests.gui.conftest import demo_user, log_in
from tests.gui.dialog_support import show_active


def bound_keys(widget) -> set[str]:
    """The key sequences of the shortcuts `widget` owns, in portable text ("F8", "Ctrl+B")."""
    return {
        s.key().toString(QKeySequence.SequenceFormat.PortableText)
        for s in widget.findChildren(QShortcut)
        if s.parent() is widget
    }


def test_every_key_of_the_map_has_a_meaning_and_words():
    kinds, words = key_kinds(), action_words()
    for screen, keys in SCREEN_KEYS.items():
        for key, action in keys.items():
            assert key in kinds or key.startswith("Ctrl+"), (screen, key)
            assert action in words, (screen, action)


def test_no_key_clears_a_cart_in_one_place_and_cancels_a_receipt_in_another():
    """One action per key across screens where the action means a different kind of thing."""
    destructive = {"clear_cart": "unsaved", "abandon": "unsaved", "ask_cancel": "saved"}
    meaning: dict[str, set[str]] = {}
    for keys in SCREEN_KEYS.values():
        for key, action in keys.items():
            if action in destructive:
                meaning.setdefault(key, set()).add(destructive[action])
    assert all(len(kinds) == 1 for kinds in meaning.values()), meaning


def test_cashier_screen_binds_exactly_the_map(qtbot, window):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    quick = {
        s.key().toString(QKeySequence.SequenceFormat.PortableText) for s in screen.quick_buttons.shortcuts
    }
    assert bound_keys(screen) - quick == set(SCREEN_KEYS["cashier_screen"])


def test_f1_shows_the_keys_of_the_cashier_screen(qtbot, window):
    from kkmp_pos.gui.key_help_dialog import KeyHelpDialog

    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F1)
    dialog = screen.dialog
    assert isinstance(dialog, KeyHelpDialog)
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert shown == set(SCREEN_KEYS["cashier_screen"]) | {"Del", "Enter", "Ctrl+1…9"}
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.dialog is None)


def test_receipts_list_binds_exactly_the_map(qtbot, till, cashier):
    from kkmp_pos.gui.selling.receipts_dialog import ReceiptsDialog

    dialog = show_active(qtbot, ReceiptsDialog(till, cashier, None))
    assert bound_keys(dialog) - {"Up", "Down"} == set(SCREEN_KEYS["receipts_dialog"])
    assert "F8" not in bound_keys(dialog)


def test_login_by_keyboard_letters_and_arrows_then_pin_and_enter(qtbot, window):
    login = window.login
    manager = demo_user("manajer")
    qtbot.keyClicks(login.pin_field, manager.name[:2])  # the first letters pick the name
    assert login.selected_user_id == manager.id
    assert login.pin_field.text() == ""
    qtbot.keyClick(login.pin_field, Qt.Key.Key_Down)
    assert login.selected_user_id != manager.id
    qtbot.keyClick(login.pin_field, Qt.Key.Key_Up)
    assert login.selected_user_id == manager.id
    qtbot.keyClicks(login.pin_field, "9999")
    qtbot.keyClick(login.pin_field, Qt.Key.Key_Return)
    assert window.actor is not None and window.actor.user_id == manager.id


def test_enter_opens_the_shift_from_the_count(qtbot, no_shift, cashier):
    from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog

    dialog = show_active(qtbot, OpenShiftDialog(no_shift, cashier, None))
    box = next(iter(dialog.count.boxes.values()))
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.shift is not None
    assert no_shift.shifts.current(cashier) is not None


def test_enter_sends_the_close_count(qtbot, till, cashier):
    from kkmp_pos.gui.shifts.shift_dialog import CloseShiftDialog

    shift = till.shifts.unclosed()[0]
    dialog = show_active(qtbot, CloseShiftDialog(till, cashier, shift.id, None))
    box = next(iter(dialog.count.boxes.values()))
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_label.text() != "", timeout=10_000)


def test_esc_closes_the_stock_window(qtbot, till, manager):
    from kkmp_pos.gui.stock.stock_module_screen import StockModuleScreen

    screen = StockModuleScreen(till, manager)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=5_000)
    qtbot.keyClick(screen.focusWidget() or screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()


def test_function_keys_are_bound_only_through_the_key_map():
    """No screen names a function key in code: each one takes its keys from gui/keymap.py."""
    gui = Path(__file__).resolve().parents[2] / "kkmp_pos" / "gui"
    literal = re.compile(r"Key_F\d|QKeySequence\(\s*[\"'](?:Ctrl\+|Shift\+)?F\d")
    offenders = [
        f"{path.relative_to(gui)}:{n}"
        for path in gui.rglob("*.py")
        if path.name != "keymap.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert not offenders, offenders


def test_key_hints_on_screen_are_the_keys_of_the_map(qtbot, till, tmp_path):
    """A button that says [F5] on a screen of the map is bound to F5 there."""
    from kkmp_pos.gui.screenshot.fit import parse_size
    from kkmp_pos.gui.screenshot.render_all import render_all

    records = render_all(till, tmp_path, parse_size("1366x768"))
    checked = 0
    for record in records:
        keys = SCREEN_KEYS.get(record.name)
        if keys is None:
            continue
        for text in record.texts:
            for hint in re.findall(r"\b(?:Ctrl\+)?F\d{1,2}\b", text):
                checked += 1
                assert hint in keys, (
                    f"{record.name}: {text!r} names {hint}, which the map does not bind there"
                )
    assert checked >= 20


def test_the_main_window_opens_maximised(qtbot, till):
    from kkmp_pos.gui.app import MainWindow, show_main_window

    window = MainWindow(till)
    qtbot.addWidget(window)
    show_main_window(window)
    qtbot.waitExposed(window)
    assert window.isMaximized()
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: window.frameGeometry() == screen, timeout=5_000)


def test_f1_opens_the_keys_of_every_dialog_of_the_map(qtbot, till):
    """F1 in each dialog with keys of its own shows its keys (the cashier screen is tested above)."""
    from PySide6.QtWidgets import QApplication

    from kkmp_pos.gui.key_help_dialog import KeyHelpDialog
    from kkmp_pos.gui.screenshot.catalog import load_shots
    from kkmp_pos.gui.screenshot.fit import parse_size
    from kkmp_pos.gui.screenshot.render_all import _dismiss, close_stage, open_stage, settle

    stage = open_stage(till, parse_size("1366x768"))
    shown = {}
    try:
        for shot in load_shots():
            if shot.name not in SCREEN_KEYS or shot.name == "cashier_screen":
                continue
            top = shot.open(stage)
            top.show()
            settle()
            top.activateWindow()
            qtbot.waitUntil(top.isActiveWindow, timeout=5_000)
            qtbot.keyClick(top.focusWidget() or top, Qt.Key.Key_F1)
            settle()
            helps = [
                w for w in QApplication.topLevelWidgets() if isinstance(w, KeyHelpDialog) and w.isVisible()
            ]
            shown[shot.name] = (
                {helps[0].table.item(r, 0).text() for r in range(helps[0].table.rowCount())}
                if helps
                else set()
            )
            _dismiss(stage, top)
    finally:
        close_stage(stage)
    expected = {name: set(keys) for name, keys in SCREEN_KEYS.items() if name != "cashier_screen"}
    assert shown == expected
