"""Windows that suit the till: sized to the screen they open on (a 1024×768 touch till as well as a
1366×768 laptop), and closed with Esc like every dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

# What a desktop takes from a window on a 768 px screen: a task bar and the window's title bar.
TASKBAR_PX = 40
TITLE_BAR_PX = 30


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or smaller where its screen has less room."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    # A screen whose available area is all of it (no window manager says otherwise) keeps a task bar.
    reserve = TITLE_BAR_PX + (TASKBAR_PX if room == screen.geometry() else 0)
    widget.resize(min(width, room.width()), min(height, room.height() - reserve))


def close_on_escape(window: QWidget) -> None:
    """Esc backs out of a screen opened in its own window, as it does from every dialog."""
    shortcut = QShortcut(QKeySequence("Esc"), window)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(window.close)
