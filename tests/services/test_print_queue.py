"""The print worker on the network path: failures with reasons in time, one copy after a retry."""

from __future__ import annotations

import threading
import time

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.db.models import PrintJobModel, SaleModel
from kkmp_pos.services.printing.worker import PrintWorker
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.printer_listener import PrinterListener, closed_port


@pytest.fixture
def listeners():
    made: list[PrinterListener] = []

    def make(answering: bool) -> PrinterListener:
        made.append(PrinterListener(answering=answering))
        return made[-1]

    yield make
    for listener in made:
        listener.close()


def sale(till, cashier):
    cart = Cart()
    cart.add(till.catalog.search("beras")[0], 1000)
    due = till.sales.cash_due(cart)
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due)], cashier)


def wait_outcome(worker: PrintWorker, job_id: int, retry: bool = False):
    done = threading.Event()
    got = []

    def on_done(outcome):
        got.append(outcome)
        done.set()

    worker.on_done = on_done
    start = time.monotonic()
    assert worker.submit(job_id, retry=retry)
    assert done.wait(10)
    return got[0], time.monotonic() - start


@pytest.mark.parametrize("kind", ["closed_port", "never_answers"])
def test_bad_printer_fails_the_job_with_a_reason_then_retry_prints_one_copy(
    till, cashier, listeners, kind
) -> None:
    from kkmp_pos.devices.escpos_text import decode_escpos_text

    if kind == "closed_port":
        bad_uri = f"network://127.0.0.1:{closed_port()}"
    else:
        bad_uri = listeners(answering=False).uri
    till.ctx.set_setting("printer.uri", bad_uri)
    result = sale(till, cashier)
    before = SaleModel.get_by_id(result.sale_id).__data__.copy()
    worker = PrintWorker(till.printing)
    outcome, _ = wait_outcome(worker, result.print_job_id)
    assert not outcome.ok
    job = PrintJobModel.get_by_id(result.print_job_id)
    assert job.status == "failed"
    reason = "refused" if kind == "closed_port" else "no answer to the status query"
    assert reason in job.last_error and reason in outcome.error.message("en")

    good = listeners(answering=True)
    till.ctx.set_setting("printer.uri", good.uri)  # the cashier fixes the printer, then retries
    outcome, _ = wait_outcome(worker, result.print_job_id, retry=True)
    assert outcome.ok
    outcome, _ = wait_outcome(worker, result.print_job_id, retry=True)  # a second press: no reprint
    assert outcome.ok
    time.sleep(0.3)
    texts = [decode_escpos_text(p) for p in good.payloads() if p]
    assert sum(t.count(result.receipt_no) for t in texts) == 1
    assert PrintJobModel.get_by_id(result.print_job_id).status == "sent"
    assert SaleModel.get_by_id(result.sale_id).__data__ == before  # the sale never changed
    worker.stop()


def test_a_job_already_waiting_is_not_queued_twice(till, cashier, listeners) -> None:
    till.ctx.set_setting("printer.uri", listeners(answering=False).uri)
    result = sale(till, cashier)
    worker = PrintWorker(till.printing)
    assert worker.submit(result.print_job_id)
    assert not worker.submit(result.print_job_id)
    worker.stop()
