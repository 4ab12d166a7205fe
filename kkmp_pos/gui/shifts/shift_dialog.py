"""Shift dialogs: open with a counted float and the blind close (count → difference →
manager approval → Z report); cash in/out is in cash_move_dialog. The close dialog never shows the
expected cash before the count is in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.cash import DENOMINATIONS, total_rp
from kkmp_pos.core.money import format_rp, parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.widgets import TOUCH_PX, no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


def mono_font(px: int = 14) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPixelSize(px)
    return font


class DenominationCount(QWidget):
    """One spin box per note and coin (Rp100.000 … Rp100); shows only the running total of the count."""

    changed = Signal(int)

    def __init__(self, counts: dict[int, int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[int, QSpinBox] = {}
        for i, value in enumerate(DENOMINATIONS):
            box = QSpinBox()
            box.setRange(0, 9999)
            box.setMinimumHeight(TOUCH_PX - 8)
            box.setValue((counts or {}).get(value, 0))
            box.valueChanged.connect(self._changed)
            self.boxes[value] = box
            grid.addWidget(QLabel(format_rp(value)), i % 5, (i // 5) * 2)
            grid.addWidget(box, i % 5, (i // 5) * 2 + 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("countTotal")
        grid.addWidget(self.total_label, 5, 0, 1, 4)
        self._changed()

    def counts(self) -> dict[int, int]:
        return {value: box.value() for value, box in self.boxes.items()}

    def set_counts(self, counts: dict[int, int]) -> None:
        for value, box in self.boxes.items():
            box.setValue(counts.get(value, 0))

    def _changed(self) -> None:
        total = total_rp(self.counts())
        self.total_label.setText(self.tr("Jumlah dihitung: {0}").format(format_rp(total)))
        self.changed.emit(total)


class OpenShiftDialog(QDialog):
    """Open a shift: the float is counted; it starts from what the last shift left in the drawer."""

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor, self.shift = till, actor, None
        self.setWindowTitle(self.tr("Buka shift"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Hitung modal awal di laci per pecahan.")))
        self.count = DenominationCount(till.shifts.suggested_float())
        layout.addWidget(self.count)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        layout.addWidget(self.error)
        self.ok_button = QPushButton(self.tr("Buka shift"))
        self.ok_button.setMinimumHeight(TOUCH_PX)
        self.ok_button.clicked.connect(self.submit)
        layout.addWidget(self.ok_button)
        no_default_buttons(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # from any count box
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        try:
            self.shift = self.till.shifts.open(self.actor, self.count.counts())
        except Exception as exc:  # shown to the cashier, the dialog stays open
            self.error.setText(error_text(exc))
            return
        self.accept()


class CloseShiftDialog(QDialog):
    """The blind close. Step 1: count (no expected figure anywhere). Step 2: the difference, a manager's
    PIN when it is over the limit, what stays in the drawer. Step 3: the Z report preview."""

    closed = Signal(object)  # CloseResult

    def __init__(self, till: Till, actor: Actor, shift_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor, self.shift_id = till, actor, shift_id
        self.count_result = None
        self.close_result = None
        self.setWindowTitle(self.tr("Tutup shift"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr("Hitung semua uang di laci per pecahan. Jumlah seharusnya baru tampil setelah dikirim.")
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.count = DenominationCount()
        layout.addWidget(self.count)
        self.submit_button = QPushButton(self.tr("Kirim hasil hitung"))
        self.submit_button.setMinimumHeight(TOUCH_PX)
        self.submit_button.clicked.connect(self.submit_count)
        layout.addWidget(self.submit_button)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("closeResult")
        layout.addWidget(self.result_label)
        self.approval = QWidget()
        approval_form = QFormLayout(self.approval)
        self.approver = QComboBox()
        for user in till.auth.users():
            if user.role in ("manajer", "admin"):
                self.approver.addItem(user.name, user.id)
        self.approver_pin = QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.EchoMode.Password)
        approval_form.addRow(self.tr("Manajer"), self.approver)
        approval_form.addRow(self.tr("PIN manajer"), self.approver_pin)
        layout.addWidget(self.approval)
        self.left_row = QWidget()
        left_form = QFormLayout(self.left_row)
        self.left_amount = QLineEdit()
        self.left_amount.setPlaceholderText(self.tr("kosong = semua tetap di laci"))
        left_form.addRow(self.tr("Ditinggal di laci (modal berikutnya)"), self.left_amount)
        layout.addWidget(self.left_row)
        self.finish_button = QPushButton(self.tr("Tutup shift"))
        self.finish_button.setMinimumHeight(TOUCH_PX)
        self.finish_button.clicked.connect(self.finish)
        layout.addWidget(self.finish_button)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.z_preview = QPlainTextEdit()
        self.z_preview.setReadOnly(True)
        self.z_preview.setFont(mono_font())
        layout.addWidget(self.z_preview, 1)
        for widget in (self.approval, self.left_row, self.finish_button, self.z_preview):
            widget.setVisible(False)
        no_default_buttons(self)

    # step 1 → 2
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter takes the step at hand: send the count, then close the shift."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for button in (self.finish_button, self.submit_button):
                if button.isVisible() and button.isEnabled():
                    button.click()
                    return
        super().keyPressEvent(event)

    def submit_count(self) -> None:
        self.error.clear()
        self.submit_button.setEnabled(False)
        counts = self.count.counts()
        run_op(
            self,
            lambda: self.till.shifts.submit_count(self.actor, counts, self.shift_id),
            on_success=self._counted,
            on_failure=self._failed,
        )

    def _counted(self, result) -> None:  # type: ignore[no-untyped-def]
        self.count_result = result
        self.count.setEnabled(False)
        self.submit_button.setVisible(False)
        diff = result.difference_rp
        word = self.tr("lebih") if diff > 0 else self.tr("kurang") if diff < 0 else self.tr("pas")
        text = self.tr("Dihitung {0}. Seharusnya {1}. Selisih {2} ({3}).").format(
            format_rp(result.counted_rp), format_rp(result.expected_rp), format_rp(diff), word
        )
        if result.needs_approval:
            text += " " + self.tr("Selisih melebihi batas {0}: perlu persetujuan manajer.").format(
                format_rp(result.limit_rp)
            )
        self.result_label.setText(text)
        self.approval.setVisible(result.needs_approval)
        self.left_row.setVisible(True)
        self.finish_button.setVisible(True)

    # step 2 → 3
    def finish(self) -> None:
        self.error.clear()
        result = self.count_result
        if result is None:
            return
        try:
            approver = None
            if result.needs_approval:
                approver = self.till.auth.approve(self.approver.currentData(), self.approver_pin.text())
            left_text = self.left_amount.text().strip()
            left = None
            if left_text:
                from kkmp_pos.core.cash import breakdown

                left = self._left_counts(parse_rp(left_text), breakdown)
            closed = self.till.shifts.finish_close(
                self.actor, result.shift_id, left_counts=left, approver=approver
            )
        except Exception as exc:
            self._failed(exc)
            return
        self.close_result = closed
        self._show_z(closed)
        self.closed.emit(closed)

    def _left_counts(self, amount: int, breakdown) -> dict[int, int]:  # type: ignore[no-untyped-def]
        """Leave `amount` using the smallest notes counted first (change for the next cashier)."""
        counted = self.count.counts()
        left: dict[int, int] = dict.fromkeys(counted, 0)
        remaining = amount
        for value in sorted(counted):
            take = min(counted[value], remaining // value)
            left[value] = take
            remaining -= take * value
        if remaining:
            return breakdown(amount)  # cannot be made from the counted pieces: the service refuses it
        return left

    def _show_z(self, closed) -> None:  # type: ignore[no-untyped-def]
        from kkmp_pos.core.receipt import render_text, width_for_paper

        doc = self.till.printing.job_document(closed.z_job_id)
        width = width_for_paper(self.till.ctx.settings.printer_paper_mm)
        self.z_preview.setPlainText(render_text(doc, width))
        for widget in (self.approval, self.left_row, self.finish_button):
            widget.setVisible(False)
        self.z_preview.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self.error.setText(error_text(exc))


def all_visible_text(root: QWidget) -> str:
    """Every text a person could read in `root` (tests use it to prove what is not shown)."""
    parts = [root.windowTitle(), root.toolTip()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        parts.append(widget.toolTip())
        for getter in ("text", "toPlainText", "currentText", "placeholderText", "title"):
            method = getattr(widget, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:
                    continue
                if isinstance(value, str):
                    parts.append(value)
        if isinstance(widget, QSpinBox):
            parts.append(widget.cleanText())
    return "\n".join(p for p in parts if p)
