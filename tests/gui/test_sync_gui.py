"""Sync in the GUI against a real server on 127.0.0.1: enrol from the settings dialog, the status
indicator going online and draining after a sale, the problems view with the server's reason."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.core.cart import Cart
from kkmp_pos.server import admin
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.worker import SyncStatus
from tests.gui.conftest import demo_user


def _sell(till, cashier) -> None:
    from kkmp_pos.db.models import BarcodeModel, ProductModel
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

    code = (
        BarcodeModel.select(BarcodeModel.code)
        .join(ProductModel)
        .where(BarcodeModel.unit.is_null() & (ProductModel.is_weighed == False))  # noqa: E712
        .where(ProductModel.track_batches == False)  # noqa: E712
        .where(ProductModel.requires_nik == False)  # noqa: E712
        .where(ProductModel.drug_class.is_null())
        .first()
        .code
    )
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(code))
    till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 500_000)], cashier)


def test_enrol_from_settings_then_indicator_goes_online_and_drains_after_a_sale(
    qtbot, window, till, cashier, sync, server
):
    from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

    live, sdb = server
    widget = window.sync_status
    assert widget.isVisible()  # in the main window's status bar, under every screen
    assert "belum terhubung" in widget.label.text()
    dialog = SyncSettingsDialog(sync, window, _manager())
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.sync_button.isEnabled()
    dialog.server.setText(live.url)
    dialog.code.setText(admin.enrol_terminal(sdb, "kop1", "s1", "t1"))
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "terdaftar di" in dialog.state.text()
    assert sync.worker is not None and dialog.sync_button.isEnabled()
    # the worker pushes the demo day's sales and reports through the indicator
    qtbot.waitUntil(lambda: widget.label.text().startswith("Online"), timeout=30_000)
    assert "semua terkirim" in widget.label.text() and "terakhir" in widget.label.text()
    before = len(admin.report(sdb, "kop1"))
    with sdb.database.connection_context():
        sales_before = sdb.m.SaleModel.select().count()
    _sell(till, cashier)  # SaleService.after_commit -> worker.notify()
    with sdb.database.connection_context():
        qtbot.waitUntil(lambda: sdb.m.SaleModel.select().count() == sales_before + 1, timeout=15_000)
    assert len(admin.report(sdb, "kop1")) >= before
    qtbot.waitUntil(lambda: "semua terkirim" in widget.label.text(), timeout=10_000)


def test_problems_dialog_lists_refused_events_and_pulled_changes_set_aside(qtbot, window, till, server):
    from kkmp_pos.db import outbox
    from kkmp_pos.db.database import database
    from kkmp_pos.gui.sync.sync_problems_dialog import SyncProblemsDialog
    from kkmp_pos.sync.apply import pull_problem, record_problems
    from kkmp_pos.sync.worker import enrol_terminal, sync_once

    live, sdb = server
    enrol_terminal(live.url, admin.enrol_terminal(sdb, "kop1", "s1", "t1"))
    with database.atomic():
        outbox.append_event(
            "sale.completed", {"sale_id": "x1"}, occurred_at=till.ctx.now_iso(), business_date="2026-01-05"
        )
    report = sync_once(till.ctx.data_dir)
    assert report.rejected == 1  # held back at the till: the server would refuse it
    with database.atomic():
        change = {"entity": "product", "key": "P-9", "data": {"product_id": "P-9"}}
        record_problems([pull_problem(change, "name is missing")], till.ctx.now_iso())
    dialog = SyncProblemsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Penjualan"
    assert dialog.table.item(0, 3).text() == "Ditahan di kasir (tidak dikirim): total_rp is missing"
    assert dialog.table.item(1, 0).text() == "P-9"
    assert dialog.table.item(1, 1).text() == "Dari server: produk"
    assert dialog.table.item(1, 3).text() == "name is missing"
    assert "2 peristiwa atau data" in dialog.note.text()


def test_indicator_words_for_offline_waiting_and_stopped(qtbot):
    from kkmp_pos.gui.sync.sync_status import SyncStatusWidget

    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    _, text, _ = widget.describe(SyncStatus(online=False, waiting=3, oldest_waiting_s=600, last_error="x"))
    assert text.startswith("Offline") and "3 menunggu" in text and "10 mnt" in text
    _, text, _ = widget.describe(SyncStatus(stopped=True, online=True))
    assert "berhenti" in text
    _, text, _ = widget.describe(None)
    assert "belum terhubung" in text


def _manager():
    """Enrolment is a manager's decision (the service refuses a cashier)."""
    return actor_of(demo_user("manajer"))
