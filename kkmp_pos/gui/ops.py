"""The one way the GUI runs slow or I/O work: a background op that reports back on the GUI thread.

Like Anki's CollectionOp: the op is a plain callable run on a worker thread; it must never touch a
widget. Its result or its exception comes back through queued signals to callbacks on the GUI thread.
Failures without a callback of their own go to the window's message bar (KkmpError → its message in the
current language; anything else is logged and shown as a generic message).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from kkmp_pos.gui.i18n import error_text

log = logging.getLogger(__name__)

# Ops still running; keeps their relay objects alive and lets tests wait for quiet.
_running: set[_Relay] = set()


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """The standard path for a failure: the window's message bar, or a non-modal box."""
    text = error_text(exc)
    window = parent.window() if parent is not None else None
    sink = getattr(window, "show_error", None)
    if callable(sink):
        sink(text)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "KKMP POS", text, parent=window)
    box.setModal(False)
    box.show()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to these slots."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._success)
        self.failed.connect(self._failure)

    def _parent_gone(self) -> bool:
        """The screen that asked was closed while the op ran: its answer has nowhere to go."""
        return self._parent is not None and not shiboken6.isValid(self._parent)

    @Slot(object)
    def _success(self, result: object) -> None:
        _running.discard(self)
        if self._parent_gone():
            log.info("background op finished after its screen was closed; result dropped")
            return
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _failure(self, exc: object) -> None:
        _running.discard(self)
        assert isinstance(exc, BaseException)
        if self._parent_gone():
            log.info("background op failed after its screen was closed: %s", exc)
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            report_error(self._parent, exc)


class _Task(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._op = op
        self._relay = relay

    def run(self) -> None:  # worker thread: no widgets here
        try:
            result = self._op()
        except BaseException as exc:  # every failure goes back to the GUI, never lost in a thread
            if not _is_expected(exc):
                log.exception("background op failed")
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


def _is_expected(exc: BaseException) -> bool:
    from kkmp_pos.core.errors import KkmpError

    return isinstance(exc, KkmpError)


def run_op(
    parent: QWidget | None,
    op: Callable[[], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Run `op()` on the thread pool; call `on_success(result)` or `on_failure(exc)` on the GUI thread."""
    relay = _Relay(parent, on_success, on_failure)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Task(op, relay))


def running_ops() -> int:
    """How many ops have not reported back yet (tests wait for 0)."""
    return len(_running)
