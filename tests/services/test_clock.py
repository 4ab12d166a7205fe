"""The clock is checked: a clock behind the newest document stops selling until a manager confirms
it (audited), business dates never go backwards, and a clock far from the server's warns the manager."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied, StateError
from kkmp_pos.db.models import AuditLogModel, SaleModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.sync import server_time


def _sell(till, cashier):
    cart = Cart()
    cart.add(till.catalog.search("beras")[0], 1000)
    due = till.sales.cash_due(cart)
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due)], cashier)


def _set_clock(till, moment: datetime) -> None:
    till.ctx.clock = lambda: moment


def test_a_clock_behind_the_newest_document_stops_selling_until_a_manager_confirms(
    till, cashier, manager, without_purchase_caps
):
    first = _sell(till, cashier)
    newest = SaleModel.get_by_id(first.sale_id)
    _set_clock(till, datetime.now(UTC) - timedelta(days=2))  # the PC lost two days in a power cut
    count = SaleModel.select().count()
    with pytest.raises(StateError) as caught:
        _sell(till, cashier)
    assert caught.value.code == "clock_behind"
    assert "Jam komputer" in caught.value.message("id") and "manajer" in caught.value.message("id")
    assert "earlier than" in caught.value.message("en")
    assert SaleModel.select().count() == count  # nothing written

    with pytest.raises(PermissionDenied):
        till.sales.clock_guard.confirm(cashier)
    status = till.sales.clock_guard.confirm(manager)
    assert status.behind and status.confirmed and not status.blocks_selling
    row = AuditLogModel.select().where(AuditLogModel.action == "clock.confirmed").get()
    assert row.user_id == manager.user_id and "newest_document" in json.loads(row.detail)

    after = _sell(till, cashier)
    sale = SaleModel.get_by_id(after.sale_id)
    assert sale.business_date == newest.business_date  # the business date did not go backwards

    _set_clock(till, datetime.now(UTC) - timedelta(days=3))  # and back again: stopped again
    with pytest.raises(StateError):
        _sell(till, cashier)


def test_a_clock_behind_is_seen_by_a_freshly_started_till(till, cashier, without_purchase_caps):
    """Start-up reads the newest document from the file: a restart does not forget it."""
    from kkmp_pos.app import open_till

    _sell(till, cashier)
    data_dir = till.ctx.data_dir
    till.close()
    behind = datetime.now(UTC) - timedelta(hours=5)
    again = open_till(data_dir, clock=lambda: behind)
    try:
        report = again.maintenance.run_startup()  # the window's start-up housekeeping says it
        assert report.problem is not None and report.problem.code == "clock_behind"
        assert again.sales.clock_guard.status().blocks_selling
        with pytest.raises(StateError):
            _sell(again, cashier)
        assert (
            again.ctx.business_date()
            >= SaleModel.select().order_by(SaleModel.business_date.desc()).first().business_date
        )
    finally:
        again.close()


def test_a_few_seconds_back_is_no_reason_to_stop(till, cashier, without_purchase_caps):
    _sell(till, cashier)
    _set_clock(till, datetime.now(UTC) - timedelta(seconds=30))
    _sell(till, cashier)


class _Server:
    """A real HTTP server on 127.0.0.1 whose clock (its Date header) is `skew` off."""

    def __init__(self, skew: timedelta) -> None:
        class Handler(BaseHTTPRequestHandler):
            def date_time_string(self, timestamp=None):
                return format_datetime(datetime.now(UTC) + skew, usegmt=True)

            def do_GET(self):
                body = b'{"ok": true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.parametrize(("skew_min", "warned"), [(25, True), (-15, True), (3, False)])
def test_a_clock_far_from_the_servers_warns_the_manager(till, skew_min: int, warned: bool):
    from kkmp_pos.sync.client import SyncClient

    server_time.forget()
    assert till.sales.clock_guard.status().server_offset_s is None  # offline: nothing to compare
    server = _Server(timedelta(minutes=skew_min))
    try:
        assert SyncClient(server.url).health()
    finally:
        server.close()
    status = till.sales.clock_guard.status()
    assert status.server_offset_s is not None
    assert abs(status.server_offset_s + skew_min * 60) < 120
    assert status.server_warning is warned
    server_time.forget()
