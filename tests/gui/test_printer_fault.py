"""A printer that cannot be reached never costs the sale: it stands, the cashier is told, reprint works."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt

from kkmp_pos.db.models import PrintJobModel, SaleModel
from tests.gui.conftest import demo_user, log_in, member_priced_barcodes, scan


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


def test_unreachable_printer_keeps_the_sale_and_offers_reprint(qtbot, window, till):
    till.ctx.set_setting("printer.uri", f"network://127.0.0.1:{_closed_port()}")
    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    code, _product = member_priced_barcodes(1)[0]
    scan(qtbot, screen, code)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F12)
    dialog = screen.dialog
    qtbot.mouseClick(dialog.exact_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=15_000)
    outcome = screen.last_print
    assert not outcome.ok
    sale = SaleModel.get_by_id(screen.last_result.sale_id)
    assert sale.status == "completed"  # the sale stands
    assert PrintJobModel.get_by_id(outcome.job_id).status == "failed"
    bar = window.message_bar
    assert bar.isVisible() and "Penjualan tetap tersimpan" in bar.text()
    assert bar.action.isVisible() and "Cetak ulang" in bar.action.text()
    assert screen.cart.lines == []  # ready for the next customer
    qtbot.waitUntil(screen.scan_field.hasFocus)

    # The printer comes back: the reprint button sends the same original job again.
    till.ctx.set_setting("printer.uri", "dummy://")
    PrintJobModel.update(printer_uri="dummy://").where(PrintJobModel.id == outcome.job_id).execute()
    screen.last_print = None
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=10_000)
    assert screen.last_print.ok and screen.last_print.job_id == outcome.job_id
    job = PrintJobModel.get_by_id(outcome.job_id)
    assert job.status == "sent" and not job.is_copy
