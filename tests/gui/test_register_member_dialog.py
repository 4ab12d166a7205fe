"""Registering a member from a non-member's cart with the keyboard only: active, pokok paid, card printed."""

from __future__ import annotations

import json
import random

from PySide6.QtCore import Qt

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.nik import make_demo_nik, mask_nik
from kkmp_pos.db.models import MemberModel, MemberPaymentModel, OutboxEventModel, PrintJobModel
from kkmp_pos.devices.printer import FakePrinter
from kkmp_pos.gui.members.register_member_dialog import RegisterMemberDialog
from tests.gui.dialog_support import STATIC_QRIS, show_active
from tests.services.test_sales import barcode_of


def _open(qtbot, till, actor) -> RegisterMemberDialog:
    dialog = RegisterMemberDialog(till, actor, None)
    return show_active(qtbot, dialog)


def _type(qtbot, field, text: str) -> None:
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_non_member_cart_to_active_member_with_pokok_paid_card_printed_and_cart_repriced(
    qtbot, till, cashier
):
    till.printing.attach(FakePrinter())
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("SPHP5")))
    assert cart.lines[0].unit_price_rp == 65_500 and cart.totals().potential_member_savings_rp == 1_000
    nik = make_demo_nik(random.Random(2024))
    members_before = MemberModel.select().count()

    dialog = _open(qtbot, till, cashier)
    dialog.registered.connect(cart.set_member)
    assert dialog.name_field.hasFocus()
    _type(qtbot, dialog.name_field, "Wahyuni Lestari")
    assert dialog.nik_field.hasFocus()
    qtbot.keyClicks(dialog.nik_field, nik[:10])
    assert "10/16" in dialog.nik_status.text()
    qtbot.keyClicks(dialog.nik_field, nik[10:])
    assert "sah" in dialog.nik_status.text()
    qtbot.keyClick(dialog.nik_field, Qt.Key.Key_Return)
    assert dialog.nik_field.text() == mask_nik(nik)  # masked once accepted
    assert dialog.phone_field.hasFocus()
    _type(qtbot, dialog.phone_field, "0812 3456 7890")
    assert dialog.kk_field.hasFocus()  # the family card number: optional
    _type(qtbot, dialog.kk_field, "6471 0101 0123 0009")
    _type(qtbot, dialog.address_field, "Jl. Mawar RT 05")
    assert dialog.occupation_field.hasFocus()  # the occupation: optional
    _type(qtbot, dialog.occupation_field, "Petani")
    assert dialog.tendered_field.hasFocus()  # cash is the default method
    qtbot.keyClicks(dialog.tendered_field, "150000")
    assert "50.000" in dialog.change_label.text()
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)

    reg = dialog.registration
    assert reg is not None and reg.change_rp == 50_000
    assert dialog.isVisible() and dialog.pages.currentIndex() == 1  # the same Enter does not close it
    assert MemberModel.select().count() == members_before + 1
    member = MemberModel.get_by_id(reg.member.id)
    assert (member.name, member.nik, member.status, member.phone) == (
        "Wahyuni Lestari",
        nik,
        "active",
        "081234567890",
    )
    assert (member.kk, member.kk_last4) == ("6471010101230009", "0009")
    payment = MemberPaymentModel.get(MemberPaymentModel.member == member)
    assert (payment.kind, payment.amount_rp, payment.method) == ("pokok", 100_000, "cash")
    event = OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first()
    payload = json.loads(event.payload)
    assert event.type == "member.registered" and payload["member"]["id"] == member.id
    assert payload["payment"]["amount_rp"] == 100_000

    # The cart re-priced at once for the new member.
    assert cart.member is not None and cart.member.id == member.id
    assert cart.lines[0].unit_price_rp == 64_500 and cart.totals().member_savings_rp == 1_000

    # The savings receipt and the member card came out of the printer.
    texts = till.printing.printer.texts()
    assert len(texts) == 2
    receipt, card = texts
    assert "BUKTI SETORAN SIMPANAN" in receipt and "100.000" in receipt and nik not in receipt
    assert "KARTU ANGGOTA" in card and member.name in card and member.number in card
    jobs = PrintJobModel.select().where(PrintJobModel.id.in_([reg.receipt_job_id, reg.card_job_id]))
    assert {j.status for j in jobs} == {"sent"}
    assert "tercetak" in dialog.print_status.text()
    assert nik not in dialog.done_detail.text() and member.number in dialog.done_detail.text()
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_duplicate_nik_is_refused_in_the_dialog_and_nothing_is_written(qtbot, till, cashier):
    existing = MemberModel.select().where(MemberModel.nik.is_null(False)).first()
    count = MemberModel.select().count()
    dialog = _open(qtbot, till, cashier)
    _type(qtbot, dialog.name_field, "Orang Lain")
    qtbot.keyClicks(dialog.nik_field, existing.nik)
    assert "sudah terdaftar" in dialog.nik_status.text()
    assert existing.nik not in dialog.nik_status.text()  # the message masks it
    qtbot.keyClick(dialog.nik_field, Qt.Key.Key_Return)
    assert dialog.nik_field.hasFocus()  # stays on the NIK
    dialog.tendered_field.setText("100000")
    dialog.submit()
    assert "sudah terdaftar" in dialog.error_label.text()
    assert dialog.registration is None and dialog.pages.currentIndex() == 0
    assert MemberModel.select().count() == count


def test_printer_fault_keeps_the_member_and_retry_prints(qtbot, till, cashier):
    printer = FakePrinter()
    printer.fail()
    till.printing.attach(printer)
    dialog = _open(qtbot, till, cashier)
    dialog.name_field.setText("Rahmat Hidayat")
    dialog.nik_field.setText(make_demo_nik(random.Random(77)))
    dialog.set_method("transfer")
    dialog.reference_field.setText("TRF-88123")
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        dialog.submit()
    member = MemberModel.get_by_id(dialog.registration.member.id)
    assert member.status == "active"
    assert MemberPaymentModel.get(MemberPaymentModel.member == member).reference == "TRF-88123"
    assert "Belum tercetak" in dialog.print_status.text() and dialog.retry_button.isVisible()
    printer.recover()
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert len(printer.texts()) == 2 and "tercetak" in dialog.print_status.text()


def test_qris_pokok_shows_the_dynamic_code_for_the_amount(qtbot, till, cashier):
    from kkmp_pos.core.qris import parse_qris

    till.ctx.set_setting("qris.static_payload", STATIC_QRIS)
    dialog = _open(qtbot, till, cashier)
    qtbot.keyClick(dialog, Qt.Key.Key_F6)
    assert dialog.method == "qris"
    code = parse_qris(dialog.qris.payload)
    assert code.is_dynamic and code.amount_rp == 100_000
    assert dialog.qris.amount_label.text() == "Rp100.000"
