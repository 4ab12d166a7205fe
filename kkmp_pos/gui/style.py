"""The look of the till: one stylesheet, large readable type for 1366×768 and touch-sized targets."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

STYLESHEET = """
QWidget { font-size: 15px; color: #1d2327; }
QMainWindow, QDialog { background: #f3f5f7; }
QPushButton {
    background: #ffffff; border: 1px solid #b8c2cc; border-radius: 6px; padding: 6px 10px;
    min-height: 40px;
}
QPushButton:hover { background: #eef3f8; }
QPushButton:pressed { background: #dde6ef; }
QPushButton:disabled { color: #9aa5b1; background: #f0f2f4; }
QPushButton[role="primary"] {
    background: #b71c1c; color: white; border: none; font-weight: bold; font-size: 18px;
}
QPushButton[role="primary"]:hover { background: #c62828; }
QPushButton[role="primary"]:disabled { background: #d7a3a3; }
QPushButton[role="keypad"] { font-size: 22px; font-weight: bold; }
QPushButton[role="user"] { font-size: 18px; font-weight: bold; text-align: left; padding: 10px 16px; }
QPushButton[role="user"]:checked { background: #b71c1c; color: white; border: none; }
QPushButton[role="quick"] { font-size: 17px; font-weight: bold; padding: 6px 4px; }
QLineEdit {
    background: white; border: 2px solid #90a4ae; border-radius: 6px; padding: 6px 10px;
    min-height: 34px; font-size: 18px;
}
QLineEdit:focus { border-color: #b71c1c; }
QLineEdit#scanField { font-size: 22px; min-height: 44px; }
QTableView, QListView { background: white; border: 1px solid #cfd8dc; font-size: 16px;
    selection-background-color: #ffcdd2; selection-color: #1d2327; }
QHeaderView::section { background: #eceff1; padding: 6px; border: none;
    border-bottom: 1px solid #cfd8dc; font-weight: bold; }
QFrame[panel="true"] { background: white; border: 1px solid #cfd8dc; border-radius: 8px; }
QLabel[role="title"] { font-size: 20px; font-weight: bold; }
QLabel[role="muted"] { color: #5f6b76; }
QLabel[role="total"] { font-size: 40px; font-weight: bold; color: #b71c1c; }
QLabel[role="big"] { font-size: 24px; font-weight: bold; }
QLabel[role="saving"] { color: #1b5e20; font-weight: bold; }
QLabel[role="invite"] { color: #8a5a00; background: #fff8e1; border-radius: 6px; padding: 6px; }
QLabel[role="error"] { color: #b71c1c; font-weight: bold; }
QLabel[role="status"] { color: #37474f; }
QWidget#topBar { background: #b71c1c; }
QWidget#topBar QLabel { color: white; font-size: 16px; }
QWidget#topBar QPushButton { background: #8e1515; color: white; border: none; }
QWidget#messageBar[kind="error"] { background: #ffebee; border-bottom: 2px solid #c62828; }
QWidget#messageBar[kind="info"] { background: #e8f5e9; border-bottom: 2px solid #2e7d32; }
QWidget#messageBar[kind="warning"] { background: #fff3e0; border-bottom: 2px solid #ef6c00; }
QLabel#messageText { font-size: 17px; font-weight: bold; }
"""


def apply_style(app: QApplication) -> None:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(15)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)
