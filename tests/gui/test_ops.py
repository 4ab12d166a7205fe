"""The background-op helper: results come back on the GUI thread, and never to a closed screen."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.gui.ops import run_op, running_ops


def test_result_and_failure_come_back_on_the_gui_thread(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    seen = []
    gui_thread = threading.get_ident()
    run_op(
        widget, lambda: threading.get_ident(), on_success=lambda r: seen.append((r, threading.get_ident()))
    )

    def fail():
        raise ValidationError("cash_short", short="Rp1", due="Rp2", tendered="Rp1")

    run_op(widget, fail, on_failure=lambda exc: seen.append((exc.code, threading.get_ident())))
    qtbot.waitUntil(lambda: running_ops() == 0)
    assert sorted(seen, key=str)[0][1] == gui_thread and len(seen) == 2
    worker_ident = next(r for r, _ in seen if isinstance(r, int))
    assert worker_ident != gui_thread
    assert ("cash_short", gui_thread) in seen


def test_an_answer_for_a_closed_screen_is_dropped(qtbot):
    widget = QWidget()
    release = threading.Event()
    called = []
    run_op(widget, lambda: release.wait(5), on_success=called.append, on_failure=called.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget))
    release.set()
    qtbot.waitUntil(lambda: running_ops() == 0)
    assert called == []
