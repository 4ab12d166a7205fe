"""Sync under faults: whatever goes wrong on the way, the server ends up holding every sale
exactly once and the till's queue ends empty. Runs on SQLite and PostgreSQL servers."""

from __future__ import annotations

import json
import time

import pytest

from kkmp_pos.app import open_till
from kkmp_pos.core.errors import SyncError
from kkmp_pos.db.models import OutboxEventModel, SettingModel
from kkmp_pos.server.live import start_server
from kkmp_pos.sync.client import SyncClient, SyncHttpError
from kkmp_pos.sync.lock import SenderLock
from kkmp_pos.sync.worker import SyncWorker, sync_once
from tests.sync.faulty_proxy import FaultyProxy
from tests.sync.support import (
    new_till,
    popen_cli,
    queue,
    run_cli,
    seed_server,
    sell,
    server_sales,
)


@pytest.fixture
def proxy(live):
    p = FaultyProxy(live.url)
    yield p
    p.stop()


@pytest.fixture
def till_dir(tmp_path, sdb, live):
    seed_server(sdb)
    return new_till(tmp_path / "t1", sdb, live.url)


def _retry_until_done(folder, client, attempts=10):
    """What the worker does: send again (the same batch) until a round succeeds."""
    till = open_till(folder)
    try:
        for _ in range(attempts):
            try:
                return sync_once(folder, client)
            except SyncHttpError as exc:
                assert exc.retryable, exc
                time.sleep(0.05)
        raise AssertionError("never synced")
    finally:
        till.close()


def _assert_exactly_once(sdb, folder, sale_ids):
    on_server = server_sales(sdb)
    assert sorted(on_server) == sorted(sale_ids)  # each once: duplicates would show twice
    assert queue(folder).get("pending", 0) == 0


def _token(folder):
    till = open_till(folder)
    try:
        from kkmp_pos.db.models import TerminalModel

        return TerminalModel.get().token
    finally:
        till.close()


def test_server_down_for_a_while(tmp_path, sdb, live, till_dir):
    ids = sell(till_dir, 5)
    port, app = live.port, live.app
    live.stop()
    result = run_cli(till_dir, "sync", "--once")
    assert result.returncode == 2 and "tidak dapat dihubungi" in result.stderr
    ids += sell(till_dir, 3)
    assert queue(till_dir) == {"pending": 8}
    restarted = start_server(app, port=port)
    try:
        assert run_cli(till_dir, "sync", "--once").returncode == 0
    finally:
        restarted.stop()
    _assert_exactly_once(sdb, till_dir, ids)


def test_server_errors_500_then_recovers(sdb, proxy, till_dir):
    ids = sell(till_dir, 6)
    proxy.add("500", times=3)
    client = SyncClient(proxy.url, _token(till_dir))
    _retry_until_done(till_dir, client)
    _assert_exactly_once(sdb, till_dir, ids)


def test_timeouts_resend_the_same_batch(sdb, proxy, till_dir):
    ids = sell(till_dir, 6)
    proxy.add("slow", times=2, arg=1.5)  # the server commits; the answer comes too late
    client = SyncClient(proxy.url, _token(till_dir), timeout=0.5)
    report = _retry_until_done(till_dir, client)
    assert report.duplicates == 6 and report.created == 0
    _assert_exactly_once(sdb, till_dir, ids)


def test_response_lost_after_the_server_committed(sdb, proxy, till_dir):
    ids = sell(till_dir, 4)
    proxy.add("drop", times=1)
    client = SyncClient(proxy.url, _token(till_dir))
    report = _retry_until_done(till_dir, client)
    assert report.duplicates == 4
    _assert_exactly_once(sdb, till_dir, ids)


def test_same_batch_delivered_twice(sdb, proxy, till_dir):
    ids = sell(till_dir, 4)
    proxy.add("double", times=1)
    client = SyncClient(proxy.url, _token(till_dir))
    report = _retry_until_done(till_dir, client)
    assert report.duplicates == 4
    _assert_exactly_once(sdb, till_dir, ids)


def test_one_invalid_event_among_good_ones(sdb, live, till_dir):
    ids = sell(till_dir, 5)
    till = open_till(till_dir)
    try:
        bad = OutboxEventModel.select().where(OutboxEventModel.status == "pending").first()
        payload = json.loads(bad.payload)
        payload["total_rp"] = "banyak"
        OutboxEventModel.update(payload=json.dumps(payload)).where(OutboxEventModel.seq == bad.seq).execute()
    finally:
        till.close()
    result = run_cli(till_dir, "sync", "--once")
    assert result.returncode == 0, result.stderr
    assert "1 rejected" in result.stdout and "rejected: #" in result.stdout
    assert queue(till_dir) == {"acked": 4, "rejected": 1}
    assert sorted(server_sales(sdb)) == sorted(i for i in ids if i != payload["sale_id"])


def test_till_killed_mid_sync_then_restarted(sdb, proxy, till_dir):
    ids = sell(till_dir, 30)
    proxy.add("slow", times=1, arg=3)  # the first batch lands, the till dies before the answer
    till = open_till(till_dir)
    try:
        from kkmp_pos.db.models import TerminalModel

        TerminalModel.update(server_url=proxy.url).execute()
    finally:
        till.close()
    proc = popen_cli(till_dir, "sync", "--once")
    deadline = time.monotonic() + 20
    while not any(path.startswith("/v1/sync/push") for _, path in proxy.log):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.5)
    proc.kill()
    proc.wait()
    assert queue(till_dir).get("pending") == 30  # nothing acked without the server's answer
    result = run_cli(till_dir, "sync", "--once")
    assert result.returncode == 0, result.stderr
    assert "30 already on the server" in result.stdout
    _assert_exactly_once(sdb, till_dir, ids)


def test_two_tills_push_at_once_and_see_each_others_stock(tmp_path, sdb, live, till_dir):
    other = new_till(tmp_path / "t2", sdb, live.url, terminal="t2")
    ids = sell(till_dir, 40) + sell(other, 40)
    procs = [popen_cli(d, "sync", "--once") for d in (till_dir, other)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert sorted(server_sales(sdb)) == sorted(ids)
    for folder in (till_dir, other):
        assert queue(folder).get("pending", 0) == 0
    # a second round brings each till the other's stock movements
    for folder in (till_dir, other):
        assert run_cli(folder, "sync", "--once").returncode == 0
    till = open_till(till_dir)
    try:
        from kkmp_pos.db.models import StockMovementModel

        remote = StockMovementModel.select().where(StockMovementModel.kind == "remote").count()
        assert remote == 80  # 40 sales × 2 lines from t2
    finally:
        till.close()


def test_one_sender_per_terminal(till_dir):
    sell(till_dir, 1)
    with SenderLock(till_dir):
        result = run_cli(till_dir, "sync", "--once")
        assert result.returncode == 2
        assert "proses lain" in result.stderr
        till = open_till(till_dir)
        try:
            with pytest.raises(SyncError) as err:
                sync_once(till_dir)
            assert err.value.code == "sync_busy"
        finally:
            till.close()


def test_push_into_another_cooperative_is_refused_and_the_worker_stops(sdb, live, till_dir):
    seed_server(sdb, "kop2")
    ids = sell(till_dir, 3)
    till = open_till(till_dir)
    try:
        SettingModel.update(value=json.dumps("kop2")).where(
            SettingModel.key == "sync.cooperative_id"
        ).execute()
        worker = SyncWorker(till_dir, debounce_s=0, period_s=0.2)
        worker.start()
        worker.notify()
        deadline = time.monotonic() + 10
        while not worker.status().stopped:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        worker.stop()
        status = worker.status()
        assert status.stopped and status.waiting == 3  # kept, not lost: fixed by re-enrolling
    finally:
        till.close()
    assert server_sales(sdb, "kop2") == [] and server_sales(sdb, "kop1") == []
    assert queue(till_dir) == {"pending": 3}
    assert len(ids) == 3


def test_worker_drains_after_sales_and_reports_status(sdb, live, till_dir):
    ids = sell(till_dir, 12)
    till = open_till(till_dir)
    try:
        worker = SyncWorker(till_dir, debounce_s=0.1, period_s=30)
        worker.start()
        worker.notify()
        deadline = time.monotonic() + 20
        while worker.status().last_success_at is None:
            assert time.monotonic() < deadline, worker.status()
            time.sleep(0.05)
        worker.stop()
        status = worker.status()
        assert status.online is True and status.waiting == 0 and status.oldest_waiting_s is None
    finally:
        till.close()
    _assert_exactly_once(sdb, till_dir, ids)


def test_backoff_is_full_jitter_capped_and_honours_retry_after(tmp_path):
    worker = SyncWorker(tmp_path, backoff_cap_s=300)
    worker._failures = 30
    delays = [worker.next_delay() for _ in range(500)]
    assert max(delays) <= 300 and min(delays) < 60  # spread over [0, cap]
    assert worker.next_delay(retry_after=400) == 400
    worker._failures = 1
    assert all(worker.next_delay() <= 2 for _ in range(100))
