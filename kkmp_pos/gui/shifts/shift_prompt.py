"""The one shift rule in every dialog that moves money: with no shift open on this till, offer to open
one right there (the float counted in the open-shift dialog), then go on with what was asked.

A dialog keeps one `ShiftPrompt` and calls `run(methods, action)` where it books, and
`refused(exc, retry)` with what the service raised (a close from a terminal between the check and the
booking). Declining books nothing: the dialog keeps everything typed and says why nothing happened.
The open-shift dialog is window-modal and non-blocking (`open()`), as the cashier checkout's is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kkmp_pos.core.errors import KkmpError

if TYPE_CHECKING:
    from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till

# The service's refusals that end once a shift is open (services/shifts/guard.py, drawer.cash_move).
NEEDS_A_SHIFT = frozenset({"shift_needed_for_cash", "shift_needed", "shift_not_open"})


class ShiftPrompt(QObject):
    """`opened()` once a shift was opened here; `declined()` when the cashier backed out of it."""

    opened = Signal()
    declined = Signal()

    def __init__(
        self, parent: QWidget, till: Till, actor: Actor, say: Callable[[str], object] | None = None
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.till, self.actor = till, actor
        self.say = say  # how the dialog shows a line of text to the cashier (its error label)
        self.dialog: OpenShiftDialog | None = None  # the open-shift dialog while it is shown

    def needed(self, methods: Iterable[str]) -> bool:
        """Whether money moved now by `methods` ('cash', 'qris', 'transfer') needs a shift opened first."""
        return self.till.shifts.needed_for([str(m) for m in methods if m])

    def run(self, methods: Iterable[str], action: Callable[[], object]) -> bool:
        """Run `action` now, or, when `methods` need a shift and none is open, once one is opened.
        Returns True when it ran now."""
        if self.needed(methods):
            self.offer(action)
            return False
        action()
        return True

    def refused(self, exc: BaseException, retry: Callable[[], object]) -> bool:
        """The service refused for want of an open shift: offer one, then `retry`. Returns False (and
        does nothing) for any other error, which the caller shows as before."""
        if not isinstance(exc, KkmpError) or exc.code not in NEEDS_A_SHIFT:
            return False
        self.offer(retry)
        return True

    def offer(self, go_on: Callable[[], object]) -> None:
        """Show the open-shift dialog (the float counted); `go_on` runs once the shift is open."""
        from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog

        if self.dialog is not None:
            return  # already asking
        dialog = OpenShiftDialog(self.till, self.actor, self.parent_widget)
        self.dialog = dialog
        self._say(self.tr("Belum ada shift: buka shift dulu, hitung modal awal di laci."))

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result:
                self._say("")
                self.opened.emit()
                go_on()
            else:
                self._say(self.tr("Belum ada shift: tidak ada yang dicatat. Isian tetap utuh."))
                self.declined.emit()

        dialog.finished.connect(finished)
        dialog.open()

    @property
    def busy(self) -> bool:
        return self.dialog is not None

    def _say(self, text: str) -> None:
        if self.say is not None:
            self.say(text)
