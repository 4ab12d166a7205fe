"""Nothing a till can produce blocks its queue (SQLite and PostgreSQL servers, real HTTP).

A product name with a NUL, imported by an older till, went into a sale; on PostgreSQL every push then
answered 500, the same batch went again forever, and fixing the product name did not help (the sale
event keeps the name it was sold with). Now such an event is quarantined at the till with its reason,
the events after it reach the server, it shows in the sync problems, and it is never sent again.
"""

from __future__ import annotations

import json

import pytest

from kkmp_pos.app import open_till
from kkmp_pos.db.models import OutboxEventModel, ProductModel
from kkmp_pos.services.sync.runner import sync_problems
from kkmp_pos.sync.worker import sync_once
from tests.sync.faulty_proxy import FaultyProxy
from tests.sync.support import PRODUCTS, new_till, queue, seed_server, sell, server_sales


@pytest.fixture
def till_dir(tmp_path, sdb, live):
    seed_server(sdb)
    return new_till(tmp_path / "t1", sdb, live.url)


def _set_name(folder, code: str, name: str) -> None:
    """Write a product name straight into the till's file, as a till before the edge checks did."""
    till = open_till(folder)
    try:
        ProductModel.update(name=name).where(ProductModel.code == code).execute()
    finally:
        till.close()


def _sync(folder, client=None):
    till = open_till(folder)
    try:
        return sync_once(folder, client)
    finally:
        till.close()


def _rejected(folder) -> list[tuple[int, str, str]]:
    till = open_till(folder)
    try:
        return [(p.seq, p.type, p.reason) for p in sync_problems()]
    finally:
        till.close()


def test_a_sale_with_a_nul_in_a_name_is_quarantined_and_the_sales_after_it_go_through(sdb, live, till_dir):
    good_before = sell(till_dir, 2)
    _set_name(till_dir, PRODUCTS[2]["code"], "Barang\x00 2")  # sell() puts PRODUCTS[2] in sale no. 2
    bad = sell(till_dir, 3)  # sale 0 and 1 do not hold PRODUCTS[2]; sale 2 does
    _set_name(till_dir, PRODUCTS[2]["code"], "Barang 2")  # fixing the name
    good_after = sell(till_dir, 4)
    report = _sync(till_dir)
    [(seq, kind, reason)] = _rejected(till_dir)
    assert kind == "sale.completed" and "NUL" in reason and "lines[" in reason
    assert report.rejected == 1
    expected = good_before + bad[:2] + good_after
    assert sorted(server_sales(sdb)) == sorted(expected)  # each once, the bad one not at all
    assert queue(till_dir).get("pending", 0) == 0 and queue(till_dir)["rejected"] == 1
    # never sent again: the next round pushes nothing and the event stays where it is
    again = _sync(till_dir)
    assert (again.created, again.duplicates, again.rejected) == (0, 0, 0)
    assert _rejected(till_dir) == [(seq, kind, reason)]


def test_a_batch_refused_as_a_whole_is_split_to_find_the_event_and_5xx_is_only_retried(sdb, live, till_dir):
    first = sell(till_dir, 2)
    till = open_till(till_dir)
    try:  # an event too big for the server's body limit (413 for any batch holding it)
        row = (
            OutboxEventModel.select()
            .where(OutboxEventModel.status == "pending")
            .order_by(OutboxEventModel.seq.desc())
            .get()
        )
        payload = json.loads(row.payload)
        payload["note_lines"] = ["x" * 1500] * 1500  # ~2.3 MB, every string within the text rules
        OutboxEventModel.update(payload=json.dumps(payload)).where(OutboxEventModel.seq == row.seq).execute()
        big_seq = row.seq
    finally:
        till.close()
    last = sell(till_dir, 3)
    proxy = FaultyProxy(live.url)
    try:
        from kkmp_pos.sync.client import SyncClient

        token = _token(till_dir)
        proxy.add("500", "/v1/sync/push", 1)  # a 5xx: retried, nothing quarantined
        with pytest.raises(Exception):  # noqa: B017 - SyncHttpError, retryable
            _sync(till_dir, SyncClient(proxy.url, token))
        assert "rejected" not in queue(till_dir)
        report = _sync(till_dir, SyncClient(proxy.url, token))
    finally:
        proxy.stop()
    [(seq, _, reason)] = _rejected(till_dir)
    assert seq == big_seq and "413" in reason
    assert report.rejected == 1
    assert sorted(server_sales(sdb)) == sorted(first[:1] + last)
    assert queue(till_dir).get("pending", 0) == 0


def test_a_refusal_that_is_about_the_till_or_the_server_quarantines_nothing(sdb, live, till_dir):
    """A 400 to every request (a protocol the server no longer speaks) or a 404 (a wrong address):
    no event is to blame, so none is set aside; they all go once the server answers again."""
    from kkmp_pos.sync.client import SyncClient, SyncHttpError

    ids = sell(till_dir, 3)
    token = _token(till_dir)
    proxy = FaultyProxy(live.url)
    try:
        proxy.add("400", "/v1/sync/push", 100)
        with pytest.raises(SyncHttpError) as refused:
            _sync(till_dir, SyncClient(proxy.url, token))
        assert refused.value.status == 400
        assert queue(till_dir) == {"pending": 3}
        with pytest.raises(SyncHttpError) as lost:
            _sync(till_dir, SyncClient(live.url + "/salah", token))
        assert lost.value.status == 404
        assert queue(till_dir) == {"pending": 3}
    finally:
        proxy.stop()
    _sync(till_dir)
    assert sorted(server_sales(sdb)) == sorted(ids)


def _token(folder) -> str:
    from kkmp_pos.db.models import TerminalModel

    till = open_till(folder)
    try:
        return TerminalModel.get().token
    finally:
        till.close()
