"""The drawer opens on every cash movement, through the real print queue and python-escpos bytes:
cash in and out, cash refunds of returns and cancellations, simpanan paid in cash (sales kick as their
receipt prints). Money that moves by transfer opens nothing."""

from __future__ import annotations

import time

from kkmp_pos.core.cart import Cart
from kkmp_pos.db.models import PrintJobModel, ProductModel
from kkmp_pos.devices.printer import FakePrinter
from kkmp_pos.services.selling.priced_items import item_from
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

PULSE = b"\x1bp"  # ESC p: the drawer kick pulse


def kicks_sent(printer: FakePrinter, count: int, wait_s: float = 10.0) -> list[bytes]:
    """The drawer pulses the printer has received, once `count` of them arrived (sent in the background)."""
    deadline = time.monotonic() + wait_s
    while True:
        pulses = [data for data in printer.sent if PULSE in data]
        if len(pulses) >= count or time.monotonic() > deadline:
            return pulses
        time.sleep(0.02)


def drawer_jobs(doc_id: str, wait_s: float = 10.0) -> list[PrintJobModel]:
    """The drawer jobs a document queued, once none of them is still waiting to be sent."""
    deadline = time.monotonic() + wait_s
    while True:
        jobs = list(
            PrintJobModel.select().where((PrintJobModel.kind == "drawer") & (PrintJobModel.doc_id == doc_id))
        )
        if all(job.status != "pending" for job in jobs) or time.monotonic() > deadline:
            return jobs
        time.sleep(0.02)


def cash_sale(till, cashier):
    cart = Cart()
    cart.add(item_from(ProductModel.get(ProductModel.code == "LPG12")), 2000)
    due = till.sales.cash_due(cart)
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due)], cashier)


def test_cash_in_and_out_open_the_drawer(no_shift, cashier, manager) -> None:
    till = no_shift
    printer = FakePrinter()
    till.printing.attach(printer)
    till.shifts.open(cashier, {50_000: 2})
    moved_in = till.shifts.cash_move(cashier, "in", 20_000, "uang kecil dari brankas")
    moved_out = till.shifts.cash_move(cashier, "out", 5_000, "kantong plastik")
    assert len(kicks_sent(printer, 2)) == 2
    for doc_id in (moved_in, moved_out):
        (job,) = drawer_jobs(doc_id)
        assert job.status == "sent"


def test_cash_refunds_open_the_drawer_and_transfer_refunds_do_not(
    till, cashier, manager, without_purchase_caps
) -> None:
    printer = FakePrinter()
    till.printing.attach(printer)
    returned, cancelled, by_transfer = (cash_sale(till, cashier) for _ in range(3))
    line = till.reversals.returnable(returned.sale_id)[0]
    return_id = till.reversals.create_return(returned.sale_id, {line.sale_line_id: 1000}, cashier, manager)
    cancel_id = till.reversals.cancel(cancelled.sale_id, cashier, manager, "salah input")
    transfer_id = till.reversals.cancel(
        by_transfer.sale_id, cashier, manager, "salah input", refund_method="transfer"
    )
    assert len(kicks_sent(printer, 2)) == 2
    assert [j.status for j in drawer_jobs(return_id)] == ["sent"]
    assert [j.status for j in drawer_jobs(cancel_id)] == ["sent"]
    assert drawer_jobs(transfer_id) == []


def test_no_drawer_job_when_the_shop_switched_kicks_off(no_shift, cashier) -> None:
    till = no_shift
    till.ctx.set_setting("printer.kick_drawer", False)
    till.shifts.open(cashier, {50_000: 2})
    moved = till.shifts.cash_move(cashier, "in", 20_000, "uang kecil")
    assert drawer_jobs(moved) == []


def test_simpanan_paid_in_cash_opens_the_drawer_as_its_receipt_prints(till, cashier) -> None:
    printer = FakePrinter()
    till.printing.attach(printer)
    pokok = till.ctx.settings.member_pokok_rp
    cash = till.registration.register(
        name="Ani Lestari", nik="6471015708900911", phone="", address="Jl. Damai 1", method="cash",
        cashier=cashier, tendered_rp=pokok,
    )  # fmt: skip
    transfer = till.registration.register(
        name="Budi Hartono", nik="6471011708900912", phone="", address="Jl. Damai 2", method="transfer",
        cashier=cashier, reference="TRF-0001",
    )  # fmt: skip
    assert till.printing.print_job(cash.receipt_job_id).ok
    assert PULSE in printer.sent[-1]
    assert till.printing.print_job(transfer.receipt_job_id).ok
    assert PULSE not in printer.sent[-1]
