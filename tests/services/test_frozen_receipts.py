"""A printed receipt never changes: a copy is the original's bytes between two SALINAN marks, whatever
the store, prices, members, cashier names and printer header became, with what became of the sale."""

from __future__ import annotations

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.receipt_document import Cut, Feed, ReceiptDocument, Separator, Text
from kkmp_pos.db.models import MemberModel, ProductModel, SaleModel, StoreModel, UserModel
from kkmp_pos.devices.escpos_render import render_escpos
from kkmp_pos.devices.escpos_text import decode_escpos_text
from kkmp_pos.devices.printer import FakePrinter
from kkmp_pos.services.members.lookup import member_ref
from kkmp_pos.services.selling.priced_items import item_from
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod


def member_priced_product() -> ProductModel:
    return (
        ProductModel.select()
        .where(ProductModel.member_price_rp.is_null(False) & (ProductModel.active == True))  # noqa: E712
        .order_by(ProductModel.id)
        .first()
    )


def sell(till, cashier, *, member: bool, method: PaymentMethod = PaymentMethod.CASH, reference: str = ""):
    cart = Cart()
    if member:
        cart.set_member(member_ref(MemberModel.get(MemberModel.status == "active")))
    cart.add(item_from(member_priced_product()), 1000)
    total = cart.totals().total_rp
    if method is PaymentMethod.CASH:
        payment = PaymentInput(PaymentMethod.CASH, 0, till.sales.cash_due(cart) + 5_000)
    else:
        payment = PaymentInput(method, total, reference=reference)
    return till.sales.checkout(cart, [payment], cashier)


def printed(till, printer: FakePrinter, job_id: int) -> bytes:
    """What the printer received for this job (drawer kicks of refunds, sent in the background, aside)."""
    kick_only = render_escpos(ReceiptDocument((), kick_drawer=True), till.printing.printer_settings())
    before = len(printer.sent)
    assert till.printing.print_job(job_id).ok
    sent = [data for data in printer.sent[before:] if data != kick_only]
    assert len(sent) == 1
    return sent[0]


def change_everything(till, sale_id: str) -> None:
    """Everything a receipt used to read live: store, VAT, footer and header, prices, names, status."""
    store = StoreModel.get()
    store.name, store.cooperative_name, store.address = "Toko Baru", "KOPERASI LAIN", "Jl. Lain 9"
    store.vat_registered, store.npwp = True, "01.234.567.8-901.000"
    store.save()
    till.ctx.refresh_store()
    till.ctx.set_setting("receipt.footer", ["Footer baru"])
    till.ctx.set_setting("receipt.header", ["Header baru"])
    till.ctx.set_setting("tax.ppn_percent", 12)
    product = member_priced_product()
    product.member_price_rp = product.member_price_rp - 1_000
    product.regular_price_rp += 1_000
    product.save()
    sale = SaleModel.get_by_id(sale_id)
    UserModel.update(name="Kasir Baru").where(UserModel.id == sale.cashier_id).execute()
    if sale.member_id:
        MemberModel.update(name="Nama Baru", status="inactive").where(
            MemberModel.id == sale.member_id
        ).execute()


def parts(till):
    """The byte pieces every print is made of, rendered apart with the till's printer settings."""
    settings = till.printing.printer_settings()

    def body(*blocks) -> bytes:
        return render_escpos(ReceiptDocument(tuple(blocks)), settings)[len(prefix) :]

    prefix = render_escpos(ReceiptDocument(()), settings)
    kick = render_escpos(ReceiptDocument((), kick_drawer=True), settings)[len(prefix) :]
    top = body(
        Separator("="),
        Text("SALINAN", "center", bold=True, double_height=True, double_width=True),
        Separator("="),
    )
    bottom = body(Text("SALINAN", "center", bold=True))
    tail = body(Feed(1), Cut())
    return prefix, kick, top, bottom, tail


@pytest.mark.parametrize("member", [False, True], ids=["non_member_invitation", "member"])
def test_a_copy_is_the_original_bytes_plus_the_mark_after_everything_changed(
    till, cashier, without_purchase_caps, member
) -> None:
    printer = FakePrinter()
    till.printing.attach(printer)
    result = sell(till, cashier, member=member)
    original = printed(till, printer, result.print_job_id)
    change_everything(till, result.sale_id)
    copy = printed(till, printer, till.printing.reprint(result.sale_id, cashier))

    prefix, kick, top, bottom, tail = parts(till)
    assert original.startswith(prefix + kick) and original.endswith(tail)
    body = original[len(prefix + kick) : -len(tail)]
    assert copy == prefix + top + body + bottom + tail
    assert kick not in copy  # a copy never opens the drawer
    text = decode_escpos_text(copy)
    for gone in ("Toko Baru", "KOPERASI LAIN", "NPWP", "PPN", "Footer baru", "Header baru", "Kasir Baru"):
        assert gone not in text
    if not member:
        assert "Jadi anggota koperasi, hemat" in text


def test_a_copy_shows_the_qris_reference_once_confirmed_and_the_transfer_reference(
    till, cashier, without_purchase_caps
) -> None:
    printer = FakePrinter()
    till.printing.attach(printer)
    transfer = sell(till, cashier, member=False, method=PaymentMethod.TRANSFER, reference="TRF-5521")
    assert "Ref: TRF-5521" in decode_escpos_text(printed(till, printer, transfer.print_job_id))

    qris = sell(till, cashier, member=False, method=PaymentMethod.QRIS)
    original = printed(till, printer, qris.print_job_id)
    assert "MENUNGGU PEMBAYARAN QRIS" in decode_escpos_text(original)
    till.qris.confirm(qris.sale_id, "412345678901", cashier)
    copy = decode_escpos_text(printed(till, printer, till.printing.reprint(qris.sale_id, cashier)))
    assert "QRIS DITERIMA" in copy and "Ref: 412345678901" in copy
    # the live drawing (sales made before receipts were stored) shows the RRN too
    SaleModel.update(receipt_document=None).where(SaleModel.id == qris.sale_id).execute()
    live = decode_escpos_text(printed(till, printer, till.printing.reprint(qris.sale_id, cashier)))
    assert "Ref: 412345678901" in live


def test_a_copy_of_a_cancelled_sale_says_so_and_keeps_the_original(
    till, cashier, manager, without_purchase_caps
) -> None:
    printer = FakePrinter()
    till.printing.attach(printer)
    result = sell(till, cashier, member=False)
    original = decode_escpos_text(printed(till, printer, result.print_job_id))
    till.reversals.cancel(result.sale_id, cashier, manager, "salah input")
    copy = decode_escpos_text(printed(till, printer, till.printing.reprint(result.sale_id, cashier)))
    assert "DIBATALKAN" in copy
    body = [line for line in original.splitlines() if line.strip()]
    assert all(line in copy.splitlines() for line in body)


def test_a_sale_from_before_stored_receipts_is_drawn_from_todays_data(
    till, cashier, without_purchase_caps
) -> None:
    printer = FakePrinter()
    till.printing.attach(printer)
    result = sell(till, cashier, member=False)
    SaleModel.update(receipt_document=None).where(SaleModel.id == result.sale_id).execute()
    till.ctx.set_setting("receipt.footer", ["Footer baru"])
    copy = decode_escpos_text(printed(till, printer, till.printing.reprint(result.sale_id, cashier)))
    assert "Footer baru" in copy and copy.count("SALINAN") == 2


def test_a_qris_receipt_printed_after_its_payment_arrived_shows_the_rrn_and_its_copy_adds_nothing(
    till, cashier, without_purchase_caps
) -> None:
    printer = FakePrinter()
    till.printing.attach(printer)
    qris = sell(till, cashier, member=False, method=PaymentMethod.QRIS)
    till.qris.confirm(qris.sale_id, "498765432109", cashier)  # the till prints after this
    original = printed(till, printer, qris.print_job_id)
    text = decode_escpos_text(original)
    assert "Ref: 498765432109" in text and "MENUNGGU" not in text
    change_everything(till, qris.sale_id)
    copy = printed(till, printer, till.printing.reprint(qris.sale_id, cashier))
    prefix, _kick, top, bottom, tail = parts(till)
    assert copy == prefix + top + original[len(prefix) : -len(tail)] + bottom + tail
