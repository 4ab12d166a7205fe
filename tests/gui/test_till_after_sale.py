"""The cashier screen's wiring of the return and registration dialogs: a receipt code scanned → part of
the sale returned with a manager's approval; a non-member's invitation → registration → the cart
re-priced at once."""

from __future__ import annotations

import json
import random

from PySide6.QtCore import Qt

from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.db.models import MemberModel, OutboxEventModel, ProductModel, SaleReturnModel
from kkmp_pos.gui.approval_dialog import ApprovalDialog
from kkmp_pos.gui.members.register_member_dialog import RegisterMemberDialog
from kkmp_pos.gui.selling.receipt_dialog import ReceiptDialog
from kkmp_pos.gui.selling.return_dialog import ReturnDialog
from tests.gui.conftest import member_priced_barcodes, scan
from tests.gui.test_till_flows import (
    approve_as_manager,
    cashier_screen,
    events_from,
    pay_exact,
    with_fake_printer,
)


def test_scanned_receipt_code_opens_the_receipt_and_returns_part_of_the_sale(qtbot, window, till):
    device = with_fake_printer(till)
    screen = cashier_screen(qtbot, window)
    (code1, p1), (code2, p2) = member_priced_barcodes(2)
    scan(qtbot, screen, code1)
    scan(qtbot, screen, code1)
    scan(qtbot, screen, code2)
    pay_exact(qtbot, screen)
    sale = screen.last_result
    on_hand = ProductModel.get_by_id(p1.id).on_hand_milli
    seq = till.ctx.terminal.next_seq

    scan(qtbot, screen, sale.receipt_code)  # the receipt's barcode at the till opens that receipt
    receipt = screen.dialog
    assert isinstance(receipt, ReceiptDialog) and sale.receipt_no in receipt.text_view.toPlainText()
    assert screen.cart.lines == []  # a receipt code is never sold as an item
    qtbot.mouseClick(receipt.action_buttons[0], Qt.MouseButton.LeftButton)  # "Retur"
    dialog = screen.dialog
    assert isinstance(dialog, ReturnDialog) and dialog.sale is not None and dialog.sale.id == sale.sale_id
    qtbot.waitUntil(dialog.isActiveWindow)  # its F12 is a window shortcut
    row = next(i for i, line in enumerate(dialog.lines) if line.name == p1.name)
    qtbot.keyClicks(dialog.qty_fields[row], "1")  # one of the two
    qtbot.keyClick(dialog.qty_fields[row], Qt.Key.Key_F12)
    approval = dialog.child
    assert isinstance(approval, ApprovalDialog)  # a cashier's return needs a manager
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        approve_as_manager(qtbot, approval)

    ret = SaleReturnModel.get(SaleReturnModel.sale == sale.sale_id)
    assert ret.refund_rp == p1.regular_price_rp and ret.refund_method == "cash"
    assert ProductModel.get_by_id(p1.id).on_hand_milli == on_hand + 1000
    events = events_from(seq)
    assert [e.type for e in events] == ["return.completed"]
    assert json.loads(events[0].payload)["sale_id"] == sale.sale_id
    slip = device.texts()[-1]
    assert sale.receipt_no in slip and p1.name in slip and p2.name not in slip
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # "Selesai"
    qtbot.waitUntil(lambda: screen.dialog is None)
    qtbot.waitUntil(screen.scan_field.hasFocus)


def test_non_member_invitation_leads_to_registration_and_a_repriced_cart(qtbot, window, till):
    with_fake_printer(till)
    screen = cashier_screen(qtbot, window)
    code, product = member_priced_barcodes(1)[0]
    scan(qtbot, screen, code)
    saving = product.regular_price_rp - product.member_price_rp
    invite = screen.totals_panel.invite_label
    assert (
        invite.isVisible() and f"{saving:,}".replace(",", ".") in invite.text() and "Ctrl+N" in invite.text()
    )
    assert screen.member_panel.register_button.isVisible()

    qtbot.keyClick(screen.scan_field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    assert isinstance(dialog, RegisterMemberDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    nik = make_demo_nik(random.Random(77))
    for field, text in (
        (dialog.name_field, "Rina Marlina"),
        (dialog.nik_field, nik),
        (dialog.phone_field, "0813 1111 2222"),
        (dialog.address_field, "Jl. Melati 3"),
        (dialog.occupation_field, "Pedagang"),
    ):
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.tendered_field, "100000")
    # Keyboard only: Enter in the tendered field registers, and the same Enter must not also close
    # the "done" page the cashier has not seen yet.
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)
    assert screen.dialog is dialog and dialog.isVisible() and dialog.pages.currentIndex() == 1

    member = MemberModel.get(MemberModel.nik == nik)
    assert member.status == "active"
    assert member.occupation == "Pedagang" and member.gender == ("F" if int(nik[6:8]) > 40 else "M")
    assert screen.cart.member is not None and screen.cart.member.id == member.id
    line = screen.cart.lines[0]
    assert line.unit_price_rp == product.member_price_rp and line.member_saving_rp == saving
    assert screen.model.index(0, screen.model.COL_SAVING).data() == f"Rp{saving:,}".replace(",", ".")
    assert (
        member.name in screen.member_panel.name_label.text()
        and nik not in screen.member_panel.detail_label.text()
    )
    assert not invite.isVisible()
    event = OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first()
    assert event.type == "member.registered"
