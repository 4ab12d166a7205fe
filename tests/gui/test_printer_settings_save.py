"""Printer settings: "Tes cetak" prints the form's printer and saves nothing; saving a printer that has not
printed a test page asks first, and a printer that printed one is saved at once (real TCP listener)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QMessageBox

from kkmp_pos.db.models import AuditLogModel
from tests.printer_listener import PrinterListener, closed_port


@pytest.fixture
def printer():
    listener = PrinterListener(answering=True)
    yield listener
    listener.close()


def _screen(qtbot, till, manager):
    from kkmp_pos.gui.printing.printer_screen import PrinterScreen

    screen = PrinterScreen(till, manager)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_test_print_prints_the_form_and_saves_nothing(qtbot, till, manager, printer):
    from kkmp_pos.devices.escpos_text import decode_escpos_text

    before = till.ctx.settings.printer_uri
    audits = AuditLogModel.select().count()
    screen = _screen(qtbot, till, manager)
    screen.uri.setCurrentText(printer.uri)
    screen.test_print()
    qtbot.waitUntil(lambda: "Tercetak" in screen.status.text(), timeout=6_000)
    time.sleep(0.2)
    assert any("TES PRINTER" in decode_escpos_text(p) for p in printer.payloads() if p)
    assert till.ctx.settings.printer_uri == before
    assert AuditLogModel.select().count() == audits
    screen.bridge.stop()


def test_saving_an_untested_printer_asks_and_cancel_keeps_the_old_one(qtbot, till, manager):
    before = till.ctx.settings.printer_uri
    screen = _screen(qtbot, till, manager)
    screen.uri.setCurrentText(f"network://127.0.0.1:{closed_port()}")
    assert screen.save() is False
    box = screen.confirm_box
    qtbot.waitUntil(box.isVisible, timeout=3_000)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert till.ctx.settings.printer_uri == before

    screen.save()
    qtbot.waitUntil(screen.confirm_box.isVisible, timeout=3_000)
    screen.confirm_save_button.click()
    qtbot.waitUntil(lambda: till.ctx.settings.printer_uri == screen.uri.currentText(), timeout=3_000)
    assert "disimpan" in screen.status.text()
    screen.bridge.stop()


def test_a_printer_that_printed_a_test_page_is_saved_without_a_question(qtbot, till, manager, printer):
    screen = _screen(qtbot, till, manager)
    screen.uri.setCurrentText(printer.uri)
    screen.test_print()
    qtbot.waitUntil(lambda: "Tercetak" in screen.status.text(), timeout=6_000)
    assert screen.save() is True
    assert till.ctx.settings.printer_uri == printer.uri
    assert not hasattr(screen, "confirm_box")
    screen.bridge.stop()


def test_a_failed_test_print_does_not_count_as_tested(qtbot, till, manager):
    screen = _screen(qtbot, till, manager)
    uri = f"network://127.0.0.1:{closed_port()}"
    screen.uri.setCurrentText(uri)
    screen.test_print()
    qtbot.waitUntil(lambda: "Gagal" in screen.status.text(), timeout=8_000)
    assert till.printer_settings.has_printed_test(uri) is False
    assert till.printer_settings.needs_test_first(screen.config()) is True
    screen.bridge.stop()


def test_a_printer_found_by_the_search_lands_on_the_form_unsaved(qtbot, till, manager, monkeypatch):
    monkeypatch.setenv("KKMP_POS_SCAN_LOOPBACK_ONLY", "1")
    found = PrinterListener(answering=True, host="127.0.0.7")
    try:
        before = till.ctx.settings.printer_uri
        screen = _screen(qtbot, till, manager)
        screen.search_button.click()
        finder = screen.search_dialog.finder
        finder.scan_port = found.port
        finder.range_field.setText("127.0.0.5-127.0.0.9")
        finder.scan_button.click()
        qtbot.waitUntil(lambda: found.uri in finder.uris(), timeout=20_000)
        qtbot.waitUntil(lambda: not finder.scanning(), timeout=20_000)
        finder.found.itemClicked.emit(finder.found.item(finder.uris().index(found.uri)))
        assert screen.uri.currentText() == found.uri
        assert not screen.search_dialog.isVisible()
        assert till.ctx.settings.printer_uri == before
        screen.bridge.stop()
    finally:
        found.close()


def test_the_test_page_prints_with_the_forms_paper_not_the_saved_one(qtbot, till, manager, printer):
    from kkmp_pos.devices.escpos_text import decode_escpos_text

    assert till.ctx.settings.printer_paper_mm == 58
    screen = _screen(qtbot, till, manager)
    screen.uri.setCurrentText(printer.uri)
    screen.paper.setCurrentIndex(screen.paper.findData(80))
    screen.test_print()
    qtbot.waitUntil(lambda: "Tercetak" in screen.status.text(), timeout=6_000)
    time.sleep(0.2)
    text = "\n".join(decode_escpos_text(p) for p in printer.payloads() if p)
    assert ("1234567890" * 5)[:48] in text.splitlines()  # 48 columns: the 80 mm ruler, whole
    assert till.ctx.settings.printer_paper_mm == 58
    screen.bridge.stop()
