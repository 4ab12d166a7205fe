"""Small widgets the screens share: the message bar, the numeric keypad, key-labelled buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

TOUCH_PX = 48  # the smallest target a finger hits reliably (DESIGN.md)


def key_button(
    text: str, key: str = "", *, role: str = "", min_height: int = TOUCH_PX, stacked: bool = False
) -> QPushButton:
    """A button that shows its keyboard key: 'Bayar  [F12]', or stacked 'Bayar' over '[F12]' where
    buttons stand many in a row (they then fit a 1024 px screen)."""
    button = QPushButton((f"{text}\n[{key}]" if stacked else f"{text}  [{key}]") if key else text)
    button.setMinimumHeight(min_height)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if role:
        button.setProperty("role", role)
    return button


class MessageBar(QWidget):
    """A non-blocking banner for errors and notices, with one optional action button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("messageText")
        self.action = QPushButton()
        self.action.setMinimumHeight(TOUCH_PX - 8)
        self.action.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button = QPushButton("✕")
        self.close_button.setFixedSize(TOUCH_PX - 8, TOUCH_PX - 8)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.clear)
        self.action.clicked.connect(self._run_action)
        self._action: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.clear()

    def show_message(
        self,
        text: str,
        kind: str = "error",
        *,
        action_text: str = "",
        action: Callable[[], None] | None = None,
        timeout_ms: int = 0,
    ) -> None:
        self.label.setText(text)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self._action = action
        self.action.setText(action_text)
        self.action.setVisible(action is not None)
        self.setVisible(True)
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.label.clear()
        self._action = None
        self.setVisible(False)

    def _run_action(self) -> None:
        action = self._action
        self.clear()
        if action is not None:
            action()


class Keypad(QWidget):
    """An on-screen keypad that types into a line edit (touch) — the keyboard works as well."""

    submitted = Signal()

    def __init__(
        self, target: QLineEdit, *, extra_key: str = "", ok_text: str = "OK", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.target = target
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", extra_key or "C", "0", "⌫"]
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setMinimumSize(64, 56)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("role", "keypad")
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, i // 3, i % 3)
        ok = QPushButton(ok_text)
        ok.setMinimumHeight(56)
        ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        ok.setProperty("role", "primary")
        ok.clicked.connect(self.submitted.emit)
        grid.addWidget(ok, 4, 0, 1, 3)
        self.ok_button = ok

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.target.backspace()
        elif key == "C":
            self.target.clear()
        else:
            self.target.insert(key)
        self.target.setFocus()


def no_default_buttons(dialog: QWidget) -> None:
    """Enter belongs to the dialog's input field, not to whichever button Qt would make the default."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def keypad_footer(
    dialog: QDialog, layout: QVBoxLayout, field: QLineEdit, ok_text: str, cancel_text: str
) -> tuple[QLabel, Keypad]:
    """The bottom of a number dialog: an error line, a keypad typing into `field`, and Cancel.

    The caller passes its own (translated) texts and connects `keypad.submitted` to its submit.
    """
    error_label = QLabel()
    error_label.setProperty("role", "error")
    error_label.setWordWrap(True)
    layout.addWidget(error_label)
    keypad = Keypad(field, extra_key=",", ok_text=ok_text)
    layout.addWidget(keypad)
    cancel = QPushButton(cancel_text)
    cancel.setMinimumHeight(TOUCH_PX)
    cancel.clicked.connect(dialog.reject)
    layout.addWidget(cancel)
    return error_label, keypad
