"""Reports in the window: built in the background with progress, previewed, saved as PDF; admin screens."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from kkmp_pos.gui.ops import running_ops


def test_eod_report_runs_in_background_with_progress_and_saves_a_pdf(qtbot, till, manager, tmp_path):
    from pypdf import PdfReader

    from kkmp_pos.gui.reports.report_screen import ReportScreen

    screen = ReportScreen(till, manager)
    qtbot.addWidget(screen)
    screen.show()
    seen: list[tuple[int, int, str]] = []
    screen.relay.progressed.connect(lambda d, t, label: seen.append((d, t, label)))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    screen.set_kind("range")
    screen.date_from.setDate(screen.date_from.date().addDays(-3))
    with qtbot.waitSignal(screen.report_ready, timeout=10_000):
        screen.run_report()
    timer.stop()
    assert seen and seen[-1][0] == seen[-1][1]
    assert "TOTAL PENJUALAN" in screen.preview.toPlainText()
    path = tmp_path / "range.pdf"
    screen.save_pdf(path)
    qtbot.waitUntil(lambda: running_ops() == 0 and "PDF disimpan" in screen.status.text(), timeout=10_000)
    assert "Per cara bayar" in PdfReader(path).pages[0].extract_text()


def test_a_cashier_gets_words_not_a_report(qtbot, till, cashier):
    from kkmp_pos.gui.reports.report_screen import ReportScreen

    screen = ReportScreen(till, cashier)
    qtbot.addWidget(screen)
    screen.set_kind("x")
    screen.run_report()
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=5_000)
    assert screen.report is None and "tidak berwenang" in screen.status.text()


def test_users_and_audit_screens_list_and_act_through_the_services(qtbot, till, manager):
    from kkmp_pos.gui.reports.audit_screen import AuditScreen
    from kkmp_pos.gui.setup.users_screen import UsersScreen

    users = UsersScreen(till, manager)
    qtbot.addWidget(users)
    rows = users.table.rowCount()
    users.name.setText("Rina Lestari")
    users.role.setCurrentIndex(users.role.findData("kasir"))
    users.pin.setText("4567")
    users.create()
    assert users.table.rowCount() == rows + 1 and "ditambahkan" in users.status.text()

    audit = AuditScreen(till, manager)
    qtbot.addWidget(audit)
    texts = [audit.table.item(r, 2).text() for r in range(audit.table.rowCount())]
    assert "Pengguna dibuat" in texts and "user.created" not in texts
