"""Does a window fit its screen? Judged from the geometry of every visible child widget, and the
words it shows (for the translation check).

A window fits when it is no larger than the screen leaves it, no control lies outside it, no two
controls overlap, no words are cut off, and nothing but a list or a text scrolls. Containers (frames,
plain widgets) may hold controls; only controls are compared, and a control is never compared with
one it contains. What a list or text holds may lie outside it: that is what scrolling is for, so its
inside is not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from kkmp_pos.gui.window_fit import TASKBAR_PX, TITLE_BAR_PX

OVERLAP_TOLERANCE_PX = 2  # borders that touch are not an overlap
CELL_ROWS = 30  # rows of each list read for the words check
BUTTON_PADDING_PX = 2  # the least a styled button keeps between its border and its words

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QLabel,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


@dataclass(frozen=True)
class ScreenArea:
    """The screen a window is judged against, and the client area a maximised window gets on it."""

    width: int
    height: int

    @property
    def client_width(self) -> int:
        return self.width

    @property
    def client_height(self) -> int:
        return self.height - TASKBAR_PX - TITLE_BAR_PX


def parse_size(text: str) -> ScreenArea:
    """'1366x768' (or 1366×768) → ScreenArea; ValueError for anything else."""
    match = re.fullmatch(r"\s*(\d{3,5})\s*[x×X]\s*(\d{3,5})\s*", text)
    if match is None:
        raise ValueError(f"size {text!r}: give it as WIDTHxHEIGHT, e.g. 1366x768")
    return ScreenArea(int(match.group(1)), int(match.group(2)))


def describe(widget: QWidget) -> str:
    """A short name for a widget in a problem report: its class, object name and words."""
    words = ""
    for getter in ("text", "placeholderText", "title"):
        value = getattr(widget, getter, None)
        if callable(value):
            try:
                words = str(value())
            except TypeError:
                continue
            if words:
                break
    words = " ".join(words.split())[:40]
    name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
    return f"{name} '{words}'" if words else name


def visible_children(top: QWidget) -> list[QWidget]:
    """Every widget shown inside `top`, stopping at what scroll areas and item views hold."""
    found: list[QWidget] = []

    def walk(widget: QWidget) -> None:
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isWindow() or not child.isVisibleTo(top) or child.width() <= 0 or child.height() <= 0:
                continue
            found.append(child)
            if isinstance(child, QAbstractScrollArea):
                continue  # its viewport's contents scroll
            walk(child)

    walk(top)
    return found


def fit_problems(top: QWidget, area: ScreenArea) -> list[str]:
    """What keeps `top` from fitting `area`; an empty list when it fits."""
    problems: list[str] = []
    if top.width() > area.client_width or top.height() > area.client_height:
        problems.append(
            f"window {top.width()}×{top.height()} larger than the {area.client_width}×{area.client_height}"
            f" a {area.width}×{area.height} screen leaves"
        )
    window_rect = QRect(0, 0, top.width(), top.height())
    placed: list[tuple[QWidget, QRect]] = []
    for child in visible_children(top):
        rect = QRect(child.mapTo(top, QPoint(0, 0)), child.size())
        if not window_rect.contains(rect):
            problems.append(f"{describe(child)} at {_rect(rect)} outside the window {_rect(window_rect)}")
        if isinstance(child, CONTROLS) and not _inside_control(child, top):
            placed.append((child, rect))
        if isinstance(child, QScrollArea):
            problems.append(f"{describe(child)} scrolls: only lists and texts may, not a form")
        cut = _cut_off(child)
        if cut:
            problems.append(f"{describe(child)} cut off: needs {cut} px, has {child.width()}")
    for i, (a, rect_a) in enumerate(placed):
        for b, rect_b in placed[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            common = rect_a.intersected(rect_b)
            if common.width() > OVERLAP_TOLERANCE_PX and common.height() > OVERLAP_TOLERANCE_PX:
                problems.append(f"{describe(a)} overlaps {describe(b)} at {_rect(common)}")
    return problems


def _cut_off(widget: QWidget) -> int:
    """The width a button's or one-line label's words need when the widget is narrower; else 0."""
    if isinstance(widget, QAbstractButton) and not isinstance(widget, QTabBar):
        text, room = widget.text(), widget.width() - 2 * BUTTON_PADDING_PX
        if widget.icon().isNull() is False:
            return 0
    elif (
        isinstance(widget, QLabel) and not widget.wordWrap() and widget.textFormat() != Qt.TextFormat.RichText
    ):
        text, room = widget.text(), widget.contentsRect().width()
        if "<" in text:  # rich text by auto-detection: its tags are not shown
            return 0
    else:
        return 0
    if not text:
        return 0
    metrics = widget.fontMetrics()
    need = max(metrics.horizontalAdvance(_without_mnemonic(line)) for line in text.split("\n"))
    return need if need > room + 1 else 0


def _inside_control(widget: QWidget, top: QWidget) -> bool:
    """The parts of a control (a spin box's line edit, a tab widget's bar) belong to it."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, CONTROLS):
            return True
        parent = parent.parentWidget()
    return False


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}×{rect.height()}"


def visible_texts(top: QWidget) -> list[str]:
    """The words `top` shows: its title, labels, buttons, placeholders, tabs, combo items, headers."""
    texts = [top.windowTitle()]
    for child in [top, *visible_children(top)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QComboBox):
            texts.extend(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            columns = range(model.columnCount(QModelIndex()))
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)
    cleaned = (_without_mnemonic(re.sub(r"<[^>]+>", " ", t)) for t in texts)
    return [" ".join(t.split()) for t in cleaned if t and t.strip()]


def visible_cells(top: QWidget, rows: int = CELL_ROWS) -> list[str]:
    """The words in the first rows of the lists and tables `top` shows (data, and the words for codes)."""
    cells: list[str] = []
    for child in visible_children(top):
        if not isinstance(child, QAbstractItemView) or child.model() is None:
            continue
        model = child.model()
        root = child.rootIndex()
        for r in range(min(rows, model.rowCount(root))):
            for c in range(model.columnCount(root)):
                value = model.index(r, c, root).data()
                if isinstance(value, str) and value.strip():
                    cells.append(" ".join(value.split()))
    return cells


def _without_mnemonic(text: str) -> str:
    """'&Save' as people see it: 'Save' ('&&' is a shown '&')."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))
