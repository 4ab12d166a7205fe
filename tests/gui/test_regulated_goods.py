"""Regulated goods at the till: LPG asks the buyer's NIK before payment, caps ask a manager or warn."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.core.receipt import render_text
from kkmp_pos.db.models import AuditLogModel, SaleModel
from kkmp_pos.gui.approval_dialog import ApprovalDialog
from kkmp_pos.gui.selling.buyer_nik_dialog import BuyerNikDialog
from kkmp_pos.gui.selling.payment_dialog import PaymentDialog
from tests.gui.conftest import demo_user, log_in, scan
from tests.services.test_sales import barcode_of

WALK_IN_NIK = "6471015708900002"


def _logged_in(qtbot, window, till):  # type: ignore[no-untyped-def]
    till.ctx.set_setting("printer.uri", "dummy://")
    log_in(qtbot, window, demo_user("kasir"), "1111")
    return window.cashier


def _pay_cash(qtbot, screen, till) -> None:  # type: ignore[no-untyped-def]
    dialog = screen.dialog
    assert isinstance(dialog, PaymentDialog)
    qtbot.keyClicks(dialog.tendered_field, str(till.sales.cash_due(screen.cart) + 1000))
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=10_000)


def test_lpg_asks_the_buyers_nik_then_pays_and_the_receipt_shows_it_masked(qtbot, window, till):
    screen = _logged_in(qtbot, window, till)
    scan(qtbot, screen, barcode_of("LPG3"))
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)  # Enter on the empty scan field = pay
    dialog = screen.dialog
    assert isinstance(dialog, BuyerNikDialog)
    qtbot.waitUntil(dialog.nik_field.hasFocus)  # the scanner types straight into it
    qtbot.keyClicks(dialog.nik_field, "1234")
    qtbot.keyClick(dialog.nik_field, Qt.Key.Key_Return)
    assert screen.dialog is dialog and "tidak sah" in dialog.error_label.text()  # stays open
    dialog.nik_field.clear()
    qtbot.keyClicks(dialog.nik_field, "6471 0157 0890 0002")  # as printed on the KTP
    assert "6471********0002" in dialog.hint_label.text()
    qtbot.keyClick(dialog.nik_field, Qt.Key.Key_Return)
    _pay_cash(qtbot, screen, till)

    sale = SaleModel.get_by_id(screen.last_result.sale_id)
    assert sale.buyer_nik == WALK_IN_NIK
    text = render_text(till.receipts.document(sale.id), 32)
    assert "6471********0002" in text and WALK_IN_NIK not in text


def test_esc_in_the_nik_dialog_keeps_the_cart(qtbot, window, till):
    screen = _logged_in(qtbot, window, till)
    scan(qtbot, screen, barcode_of("LPG3"))
    scan(qtbot, screen, barcode_of("GP1"))
    screen.pay()
    dialog = screen.dialog
    assert isinstance(dialog, BuyerNikDialog)
    qtbot.keyClick(dialog.nik_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.dialog is None)
    assert [line.item.code for line in screen.cart.lines] == ["LPG3", "GP1"]
    qtbot.waitUntil(screen.scan_field.hasFocus)  # back to scanning


def test_a_blocked_cap_asks_a_manager_and_the_override_is_audited(qtbot, window, till):
    screen = _logged_in(qtbot, window, till)
    scan(qtbot, screen, "3*" + barcode_of("SPHP5"))
    screen.pay()
    approval = screen.dialog
    assert isinstance(approval, ApprovalDialog)
    assert "paling banyak 2 pak" in approval.action_label.text()
    manager = demo_user("manajer")
    approval.select_user(manager.id)
    qtbot.keyClicks(approval.pin_field, "9999")
    qtbot.keyClick(approval.pin_field, Qt.Key.Key_Return)
    _pay_cash(qtbot, screen, till)
    row = AuditLogModel.get(
        (AuditLogModel.action == "purchase_limit.override")
        & (AuditLogModel.doc_id == screen.last_result.sale_id)
    )
    assert row.approved_by_id == manager.id


def test_a_warn_only_cap_shows_the_warning_and_goes_on_to_payment(qtbot, window, till, cashier):
    from kkmp_pos.core.cart import Cart
    from tests.services.test_sales import cash

    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("LPG3")))
    till.sales.checkout(cart, cash(50_000), cashier, buyer_nik=WALK_IN_NIK)  # this morning
    screen = _logged_in(qtbot, window, till)
    scan(qtbot, screen, barcode_of("LPG3"))
    screen.pay()
    nik = screen.dialog
    assert isinstance(nik, BuyerNikDialog)
    qtbot.keyClicks(nik.nik_field, WALK_IN_NIK)
    qtbot.keyClick(nik.nik_field, Qt.Key.Key_Return)
    assert isinstance(screen.dialog, PaymentDialog)  # not blocked
    assert "Sudah dibeli 1 tabung" in screen.status_label.text()
    assert "Sudah dibeli 1 tabung" in window.message_bar.label.text()
    _pay_cash(qtbot, screen, till)
    assert [v.mode for v in screen.last_result.limit_violations] == ["warn"]


# -- the manager's side: caps editor and the LPG logbook --------------------------------------------
def test_a_manager_adds_changes_and_deactivates_a_cap_in_the_stock_module(qtbot, till, manager):
    from kkmp_pos.db.models import PurchaseLimitModel
    from kkmp_pos.gui.stock.stock_module_screen import StockModuleScreen

    screen = StockModuleScreen(till, manager)
    qtbot.addWidget(screen)
    tab = screen.limits
    assert {r.name for r in tab.rules} == {"Beras SPHP", "MinyaKita", "LPG 3 kg"}
    assert tab.table.rowCount() == 3
    tab.new_rule()
    qtbot.keyClicks(tab.name, "Gula pasir")
    qtbot.keyClicks(tab.category, "Gula")
    qtbot.keyClicks(tab.max_qty, "5")
    tab.unit.setText("kg")
    tab.mode.setCurrentIndex(tab.mode.findData("block"))
    tab.save()
    assert tab.error_label.text() == ""
    row = PurchaseLimitModel.get(PurchaseLimitModel.name == "Gula pasir")
    assert (row.category, row.max_milli, row.mode, row.active) == ("Gula", 5000, "block", True)
    assert tab.table.rowCount() == 4

    tab.table.selectRow(next(i for i, r in enumerate(tab.rules) if r.name == "MinyaKita"))
    assert tab.codes.text() == "MK1; MK2=2; MK05=0,5"
    tab.max_qty.setText("3")
    tab.save()
    assert PurchaseLimitModel.get(PurchaseLimitModel.name == "MinyaKita").max_milli == 3000
    tab.deactivate()
    assert not PurchaseLimitModel.get(PurchaseLimitModel.name == "MinyaKita").active

    tab.new_rule()
    tab.name.setText("kosong")
    tab.save()
    assert "kode barang atau kategori" in tab.error_label.text()  # the service says why


def test_the_report_screen_shows_the_lpg_logbook_and_saves_it_as_csv(qtbot, till, manager, cashier, tmp_path):
    from kkmp_pos.core.cart import Cart
    from kkmp_pos.gui.ops import running_ops
    from kkmp_pos.gui.reports.report_screen import ReportScreen
    from tests.services.test_sales import cash

    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("LPG3")))
    till.sales.checkout(cart, cash(50_000), cashier, buyer_nik=WALK_IN_NIK)
    screen = ReportScreen(till, manager)
    qtbot.addWidget(screen)
    screen.set_kind("lpg")
    with qtbot.waitSignal(screen.report_ready, timeout=10_000):
        screen.run_report()
    text = screen.preview.toPlainText()
    assert "Buku LPG 3 kg" in text and "6471********0002" in text and WALK_IN_NIK not in text
    assert screen.csv_button.isEnabled() and not screen.pdf_button.isEnabled()
    target = tmp_path / "lpg.csv"
    screen.save_csv(target)
    qtbot.waitUntil(lambda: running_ops() == 0 and "CSV disimpan" in screen.status.text(), timeout=10_000)
    assert "6471********0002" in target.read_text(encoding="utf-8")
