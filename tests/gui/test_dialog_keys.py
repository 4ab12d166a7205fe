"""Esc backs out of every dialog and window of `screenshot --all` (a page at a time, at most three),
and every dialog has an Enter: a default button, a field whose Enter submits, or keys of its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

from kkmp_pos.gui.screenshot.catalog import load_shots
from kkmp_pos.gui.screenshot.fit import parse_size
from kkmp_pos.gui.screenshot.render_all import _dismiss, close_stage, open_stage, settle


@pytest.fixture
def stage(qtbot, till):
    from kkmp_pos.gui.app import make_app
    from kkmp_pos.gui.i18n import install_language

    install_language(make_app(), "id")
    stage = open_stage(till, parse_size("1366x768"))
    yield stage
    close_stage(stage)


def has_enter(dialog: QDialog) -> bool:
    if any(b.isDefault() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)):
        return True
    if type(dialog).keyPressEvent is not QDialog.keyPressEvent:  # the dialog reads its keys itself
        return True
    focus = dialog.focusWidget()
    return isinstance(focus, QLineEdit) and focus.receivers("2returnPressed()") > 0


def test_esc_closes_and_enter_acts_in_every_dialog_and_window(qtbot, stage):
    no_esc, no_enter = [], []
    for shot in load_shots():
        top = shot.open(stage)
        if top is stage.window:
            continue
        if not top.isVisible():
            top.show()
        settle()
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow, timeout=5_000)
        if isinstance(top, QDialog) and not has_enter(top):
            no_enter.append(shot.name)
        still_open = True
        for _step in range(3):  # Esc backs out a step at a time (a second page goes back to the first)
            try:
                qtbot.keyClick(top.focusWidget() or top, Qt.Key.Key_Escape)
                settle()
                still_open = top.isVisible()
            except RuntimeError:  # closed and deleted (WA_DeleteOnClose)
                still_open, top = False, stage.window
            if not still_open:
                break
        if still_open:
            no_esc.append(shot.name)
        _dismiss(stage, top)
    assert not no_esc, f"Esc does not close: {no_esc}"
    assert not no_enter, f"Enter does nothing: {no_enter}"
