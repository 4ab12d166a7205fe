"""A first sale end to end: log in, scan three products, attach a member, pay cash, check all written."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from kkmp_pos.db.models import (
    OutboxEventModel,
    PaymentModel,
    PrintJobModel,
    ProductModel,
    SaleLineModel,
    SaleModel,
    StockMovementModel,
)
from kkmp_pos.devices.escpos_text import decode_escpos_text, extract_barcodes
from kkmp_pos.gui.selling.payment_dialog import PaymentDialog
from tests.gui.conftest import active_member, demo_user, log_in, member_priced_barcodes, scan


def test_first_sale_member_prices_cash_receipt_outbox_and_stock(qtbot, window, till, capfdbinary):
    till.ctx.set_setting("printer.uri", "dummy://")
    cashier = demo_user("kasir")
    log_in(qtbot, window, cashier, "1111")
    screen = window.cashier
    assert window.stack.currentWidget() is screen
    assert screen.actor is not None and screen.actor.user_id == cashier.id
    assert screen.scan_field.hasFocus()

    picked = member_priced_barcodes(3)
    assert len(picked) == 3
    on_hand_before = {p.id: ProductModel.get_by_id(p.id).on_hand_milli for _code, p in picked}
    next_seq = till.ctx.terminal.next_seq
    sales_before = SaleModel.select().count()

    for code, _product in picked:
        scan(qtbot, screen, code)
    scan(qtbot, screen, picked[0][0])  # the same item again: its line goes to 2
    assert screen.model.rowCount() == 3
    assert [line.qty_milli for line in screen.cart.lines] == [2000, 1000, 1000]
    assert screen.scan_field.text() == "" and screen.scan_field.hasFocus()

    member = active_member()
    scan(qtbot, screen, member.card_code)  # scanning the member card attaches the member
    assert screen.cart.member is not None and screen.cart.member.id == member.id
    assert member.name in screen.member_panel.name_label.text()
    assert member.nik[-4:] in screen.member_panel.detail_label.text()
    assert member.nik not in screen.member_panel.detail_label.text()  # masked
    assert all(str(line.price_type) == "member" for line in screen.cart.lines)
    expected_total = sum(p.member_price_rp * (2 if i == 0 else 1) for i, (_c, p) in enumerate(picked))
    savings = sum(
        (p.regular_price_rp - p.member_price_rp) * (2 if i == 0 else 1) for i, (_c, p) in enumerate(picked)
    )
    assert screen.cart.totals().total_rp == expected_total
    assert screen.totals_panel.total_label.text() == f"Rp{expected_total:,}".replace(",", ".")
    assert screen.totals_panel.savings_label.text() == f"Rp{savings:,}".replace(",", ".")

    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)  # Enter on the empty scan field = pay
    dialog = screen.dialog
    assert isinstance(dialog, PaymentDialog)
    due = till.sales.cash_due(screen.cart)
    tendered = ((due // 50_000) + 1) * 50_000
    qtbot.keyClicks(dialog.tendered_field, str(tendered))
    assert dialog.change_label.text() == f"Rp{tendered - due:,}".replace(",", ".")
    capfdbinary.readouterr()  # drop anything printed so far
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=10_000)
    assert screen.last_print.ok
    result = screen.last_result
    # Ready for the next customer at once: empty cart, no member, the change still on screen.
    assert screen.cart.lines == [] and screen.cart.member is None
    assert screen.model.rowCount() == 0
    assert f"Rp{tendered - due:,}".replace(",", ".") in screen.last_panel.change_label.text()
    assert screen.dialog is None
    qtbot.waitUntil(screen.scan_field.hasFocus)  # focus returns once the dialog's window is gone

    # The sale, whole.
    assert SaleModel.select().count() == sales_before + 1
    sale = SaleModel.get_by_id(result.sale_id)
    assert sale.status == "completed"
    assert sale.cashier_id == cashier.id and sale.member_id == member.id
    assert sale.total_rp == expected_total and sale.member_savings_rp == savings
    assert sale.change_rp == tendered - due
    lines = list(SaleLineModel.select().where(SaleLineModel.sale == sale.id).order_by(SaleLineModel.line_no))
    assert [(ln.product_id, ln.qty_milli, ln.unit_price_rp, ln.price_type) for ln in lines] == [
        (p.id, 2000 if i == 0 else 1000, p.member_price_rp, "member") for i, (_c, p) in enumerate(picked)
    ]
    payments = list(PaymentModel.select().where(PaymentModel.sale == sale.id))
    assert [(p.method, p.amount_rp, p.tendered_rp) for p in payments] == [("cash", due, tendered)]

    # Stock: one movement per line, and the on-hand cache moved by the same amount.
    moves = {
        m.product_id: m.qty_milli
        for m in StockMovementModel.select().where(StockMovementModel.doc_id == sale.id)
    }
    assert moves == {p.id: -(2000 if i == 0 else 1000) for i, (_c, p) in enumerate(picked)}
    for i, (_c, p) in enumerate(picked):
        assert ProductModel.get_by_id(p.id).on_hand_milli == on_hand_before[p.id] - (2000 if i == 0 else 1000)

    # One outbox event, with the next sequence number, carrying the sale.
    events = [e for e in OutboxEventModel.select().where(OutboxEventModel.seq >= next_seq)]
    assert [(e.seq, e.type) for e in events] == [(next_seq, "sale.completed")]
    payload = json.loads(events[0].payload)
    assert payload["sale_id"] == sale.id and len(payload["lines"]) == 3 and len(payload["movements"]) == 3

    # The receipt: the bytes the printer got, decoded.
    job = PrintJobModel.get_by_id(result.print_job_id)
    assert job.status == "sent"
    printed = capfdbinary.readouterr().out
    assert printed == till.printing.receipt_bytes(sale.id)
    text = decode_escpos_text(printed)
    assert sale.receipt_no in text
    assert member.number in text and member.name in text
    for _c, p in picked:
        assert p.name in text
    assert "TOTAL" in text and f"{expected_total:,}".replace(",", ".") in text
    assert "Hemat anggota" in text
    assert extract_barcodes(printed) == [sale.receipt_code]
