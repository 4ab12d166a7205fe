"""The till's flows on real widgets: hold/recall across a restart, a split cash + QRIS payment, a manager
override, scale labels — each asserting the database, the outbox and the printed receipt text."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from kkmp_pos.core.money import round_cash
from kkmp_pos.core.qris import parse_qris
from kkmp_pos.db.models import (
    AuditLogModel,
    HeldCartModel,
    OutboxEventModel,
    PaymentConfirmationModel,
    PaymentModel,
    ProductModel,
    SaleLineModel,
    SaleModel,
)
from kkmp_pos.devices.printer import FakePrinter
from kkmp_pos.gui.approval_dialog import ApprovalDialog
from kkmp_pos.gui.selling.discount_dialog import DiscountDialog
from kkmp_pos.gui.selling.held_carts_dialog import HeldCartsDialog
from kkmp_pos.gui.selling.payment_dialog import PaymentDialog
from kkmp_pos.gui.selling.qris_dialog import QrisDialog
from kkmp_pos.gui.selling.weight_dialog import WeightDialog
from tests.gui.conftest import active_member, demo_user, log_in, member_priced_barcodes, scan

STATIC_QRIS = (
    "00020101021126550016ID.CO.SHOPEE.WWW01189360091800000000180202180303UBE51440014ID.CO.QRIS.WWW0215"
    "ID20190022915550303UBE5204839853033605802ID5906Baznas6013Jakarta Pusat61051034062070703A016304A402"
)


def open_window(qtbot, till):
    from kkmp_pos.gui.app import MainWindow, make_app
    from kkmp_pos.gui.i18n import install_language

    install_language(make_app(), "id")
    win = MainWindow(till)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # the F-keys are window shortcuts: they need the active window
    qtbot.waitUntil(win.isActiveWindow)
    return win


def cashier_screen(qtbot, window, role: str = "kasir", pin: str = "1111"):
    log_in(qtbot, window, demo_user(role), pin)
    return window.cashier


def with_fake_printer(till) -> FakePrinter:
    device = FakePrinter()
    till.printing.attach(device)
    return device


def events_from(seq: int) -> list[OutboxEventModel]:
    return list(OutboxEventModel.select().where(OutboxEventModel.seq >= seq).order_by(OutboxEventModel.seq))


def pay_exact(qtbot, screen) -> None:
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    dialog = screen.dialog
    assert isinstance(dialog, PaymentDialog)
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_F4)  # "Uang pas"
    screen.last_print = None
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=10_000)
    assert screen.last_print.ok


def approve_as_manager(qtbot, approval: ApprovalDialog, pin: str = "9999") -> None:
    approval.select_user(demo_user("manajer").id)
    qtbot.keyClicks(approval.pin_field, pin)
    qtbot.keyClick(approval.pin_field, Qt.Key.Key_Return)


def rp(amount: int) -> str:
    return f"Rp{amount:,}".replace(",", ".")


def test_hold_and_recall_across_a_restart_reports_a_deactivated_product(qtbot, till):
    from kkmp_pos.app import open_till

    folder = till.ctx.data_dir
    window = open_window(qtbot, till)
    screen = cashier_screen(qtbot, window)
    picked = member_priced_barcodes(3)
    for code, _p in picked:
        scan(qtbot, screen, code)
    member = active_member()
    scan(qtbot, screen, member.card_code)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F5)  # hold
    assert screen.cart.lines == [] and screen.model.rowCount() == 0 and screen.cart.member is None
    assert HeldCartModel.select().count() == 1 and member.name in screen.status_label.text()
    window.close()
    till.close()

    # A restart: a new till on the same folder; meanwhile the third product was taken off sale.
    till2 = open_till(folder)
    try:
        device = with_fake_printer(till2)
        ProductModel.update(active=False).where(ProductModel.id == picked[2][1].id).execute()
        window2 = open_window(qtbot, till2)
        screen2 = cashier_screen(qtbot, window2)
        qtbot.keyClick(screen2.scan_field, Qt.Key.Key_F9)  # recall
        dialog = screen2.dialog
        assert isinstance(dialog, HeldCartsDialog) and dialog.list.count() == 1
        assert member.name in dialog.list.item(0).text()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        assert [ln.item.product_id for ln in screen2.cart.lines] == [picked[0][1].id, picked[1][1].id]
        assert screen2.model.rowCount() == 2
        assert screen2.cart.member is not None and screen2.cart.member.id == member.id
        assert picked[2][1].name in screen2.status_label.text()  # the line that could not come back
        assert picked[2][1].name in window2.message_bar.text()
        assert HeldCartModel.select().count() == 0
        qtbot.waitUntil(screen2.scan_field.hasFocus)

        seq = till2.ctx.terminal.next_seq
        pay_exact(qtbot, screen2)
        sale = SaleModel.get_by_id(screen2.last_result.sale_id)
        assert sale.member_id == member.id and sale.status == "completed"
        lines = list(SaleLineModel.select().where(SaleLineModel.sale == sale.id))
        assert sorted(ln.product_id for ln in lines) == sorted([picked[0][1].id, picked[1][1].id])
        assert all(ln.price_type == "member" for ln in lines)
        assert [e.type for e in events_from(seq)] == ["sale.completed"]
        text = device.texts()[-1]
        assert sale.receipt_no in text and picked[0][1].name in text and picked[2][1].name not in text
        assert "Hemat anggota" in text
    finally:
        till2.close()


def test_split_cash_and_qris_payment_confirmed_with_reference(qtbot, window, till):
    till.ctx.set_setting("qris.static_payload", STATIC_QRIS)
    device = with_fake_printer(till)
    screen = cashier_screen(qtbot, window)
    code, product = member_priced_barcodes(1)[0]
    scan(qtbot, screen, code)
    scan(qtbot, screen, code)
    total = 2 * product.regular_price_rp
    display = screen.tools.open_display()
    assert display.total_label.text() == rp(total) and display.table.model().rowCount() == 1
    assert screen.scan_field.hasFocus() or not display.isActiveWindow()
    seq = till.ctx.terminal.next_seq

    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F12)
    dialog = screen.dialog
    assert isinstance(dialog, PaymentDialog)
    qris_part = 50_000
    qtbot.keyClicks(dialog.qris_field, str(qris_part))
    cash_due = round_cash(total - qris_part, till.ctx.settings.cash_rounding_rp)
    assert dialog.due_label.text() == rp(cash_due)
    qtbot.keyClicks(dialog.tendered_field, "100000")
    assert dialog.change_caption.text() == "Kembali" and dialog.change_label.text() == rp(100_000 - cash_due)
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)

    # Committed, awaiting the QRIS part; the QRIS dialog and the customer display show the same code.
    qris = screen.dialog
    assert isinstance(qris, QrisDialog)
    sale = SaleModel.get_by_id(screen.last_result.sale_id)
    assert sale.status == "awaiting_payment"
    code_shown = parse_qris(display.qris.payload)
    assert display.qris.payload == qris.qris.payload and code_shown.amount_rp == qris_part
    assert display.pages.currentIndex() == display.PAGE_QRIS
    assert screen.cart.lines == [] and screen.last_print is None  # nothing printed before the outcome
    qtbot.keyClick(qris, Qt.Key.Key_Return)  # "Sudah dibayar"
    qtbot.keyClicks(qris.reference_field, "RRN123456789")
    qtbot.keyClick(qris.reference_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=10_000)

    sale = SaleModel.get_by_id(sale.id)
    assert sale.status == "completed" and sale.total_rp == total and sale.change_rp == 100_000 - cash_due
    payments = {p.method: p for p in PaymentModel.select().where(PaymentModel.sale == sale.id)}
    assert payments["qris"].amount_rp == qris_part and payments["cash"].tendered_rp == 100_000
    assert PaymentConfirmationModel.get(PaymentConfirmationModel.sale == sale.id).reference == "RRN123456789"
    assert [e.type for e in events_from(seq)] == ["sale.completed", "sale.payment_confirmed"]
    assert json.loads(events_from(seq)[1].payload)["amount_rp"] == qris_part
    text = device.texts()[-1]
    assert sale.receipt_no in text and "QRIS" in text and f"{total:,}".replace(",", ".") in text
    assert "MENUNGGU" not in text
    assert display.pages.currentIndex() == display.PAGE_DONE
    assert rp(100_000 - cash_due) in display.change_label.text()
    qtbot.waitUntil(screen.scan_field.hasFocus)


def test_discount_over_the_limit_is_applied_after_a_manager_pin(qtbot, window, till):
    till.ctx.set_setting("discount.max_rp", 1_000)
    device = with_fake_printer(till)
    screen = cashier_screen(qtbot, window)
    code, product = member_priced_barcodes(1)[0]
    scan(qtbot, screen, code)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    assert isinstance(dialog, DiscountDialog) and dialog.mode == "line"
    qtbot.keyClicks(dialog.value_field, "5000")
    qtbot.keyClick(dialog.value_field, Qt.Key.Key_Return)
    approval = dialog.approval
    assert isinstance(approval, ApprovalDialog)  # beyond the cashier's limit: a manager is asked
    assert screen.cart.lines[0].discount_rp == 0
    approve_as_manager(qtbot, approval, pin="0000")  # a wrong PIN changes nothing
    assert approval.error_label.text() and screen.cart.lines[0].discount_rp == 0
    qtbot.keyClicks(approval.pin_field, "9999")
    qtbot.keyClick(approval.pin_field, Qt.Key.Key_Return)
    assert screen.cart.lines[0].discount_rp == 5_000 and screen.dialog is None
    assert screen.model.index(0, screen.model.COL_SAVING).data() == "diskon Rp5.000"
    assert screen.totals_panel.total_label.text() == rp(product.regular_price_rp - 5_000)
    audit = AuditLogModel.select().where(AuditLogModel.action == "discount.line").get()
    assert audit.user_id == demo_user("kasir").id and audit.approved_by_id == demo_user("manajer").id

    seq = till.ctx.terminal.next_seq
    pay_exact(qtbot, screen)
    sale = SaleModel.get_by_id(screen.last_result.sale_id)
    assert sale.discount_rp == 5_000 and sale.total_rp == product.regular_price_rp - 5_000
    event = events_from(seq)[0]
    assert event.type == "sale.completed" and json.loads(event.payload)["lines"][0]["discount_rp"] == 5_000
    text = device.texts()[-1]
    assert sale.receipt_no in text and "5.000" in text


def test_scale_labels_weight_and_price_and_a_bad_check_digit(qtbot, window, till):
    device = with_fake_printer(till)
    screen = cashier_screen(qtbot, window)
    scan(qtbot, screen, "2012345012508")  # wrong check digit
    assert screen.cart.lines == [] and "2012345012508" in screen.status_label.text()
    scan(qtbot, screen, "2012345012509")  # item 12345, 1,250 kg
    line = screen.cart.lines[0]
    assert line.item.code == "12345" and line.qty_milli == 1250
    assert screen.model.index(0, screen.model.COL_QTY).data() == "1,25 kg"
    till.ctx.set_setting("scale.layout", {"prefixes": ["21"], "value_kind": "price_rp"})
    scan(qtbot, screen, "2100042150003")  # item 00042, Rp15.000 on the label
    line2 = screen.cart.lines[1]
    assert line2.item.code == "00042" and line2.total_rp == 15_000 and line2.fixed_total_rp == 15_000
    assert screen.model.index(1, screen.model.COL_TOTAL).data() == "Rp15.000"
    before = {c: ProductModel.get(ProductModel.code == c).on_hand_milli for c in ("12345", "00042")}

    seq = till.ctx.terminal.next_seq
    pay_exact(qtbot, screen)
    sale = SaleModel.get_by_id(screen.last_result.sale_id)
    lines = {ln.product.code: ln for ln in SaleLineModel.select().where(SaleLineModel.sale == sale.id)}
    assert lines["12345"].qty_milli == 1250 and lines["00042"].line_total_rp == 15_000
    assert ProductModel.get(ProductModel.code == "12345").on_hand_milli == before["12345"] - 1250
    assert ProductModel.get(ProductModel.code == "00042").on_hand_milli == before["00042"] - line2.qty_milli
    assert [e.type for e in events_from(seq)] == ["sale.completed"]
    text = device.texts()[-1]
    assert "1,25 kg" in text and "15.000" in text


def test_quick_button_asks_the_weight_and_search_lists_selling_units(qtbot, window, till):
    screen = cashier_screen(qtbot, window)
    names = [item.name for item in screen.quick_buttons.items]
    assert "Gula Pasir Curah" in names and all(b.height() >= 48 for b in screen.quick_buttons.buttons)
    index = names.index("Gula Pasir Curah")
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    assert isinstance(dialog, WeightDialog)
    qtbot.keyClicks(dialog.weight_field, "0,5")
    assert dialog.total_label.text() == rp(17_000 // 2)
    qtbot.keyClick(dialog.weight_field, Qt.Key.Key_Return)
    assert screen.cart.lines[0].qty_milli == 500 and screen.cart.lines[0].total_rp == 8_500
    qtbot.waitUntil(screen.scan_field.hasFocus)

    # A product sold in several units lists each unit at its own price; picking the unit sells it.
    unit_product = ProductModel.get(ProductModel.code == "MK1")
    qtbot.keyClicks(screen.scan_field, "minyakita 1")
    items = screen.scan_box.model.items
    units = [i for i in items if i.product_id == unit_product.id and i.unit_id is not None]
    assert units, [i.name for i in items]
    while screen.scan_box.current_item() != units[0]:
        qtbot.keyClick(screen.scan_field, Qt.Key.Key_Down)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    line = screen.cart.lines[-1]
    assert line.item.unit_id == units[0].unit_id and line.unit_price_rp == units[0].regular_price_rp
    assert screen.model.rowCount() == 2
