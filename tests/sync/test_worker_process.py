"""The background sync runs in a process of its own (sync/worker_process.py, sync/child.py): real worker
processes started as the app starts them, a real HTTP server on 127.0.0.1, real till folders."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time

import pytest

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.db.models import UserModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.lock import SenderLock
from kkmp_pos.sync.loop import THREAD_NAME
from kkmp_pos.sync.worker import SyncWorker
from kkmp_pos.sync.worker_process import worker_command
from tests.sync.support import PRODUCTS, new_till, seed_server, sell, server_sales


@pytest.fixture
def till_dir(tmp_path, sdb, live):
    seed_server(sdb)
    return new_till(tmp_path / "t1", sdb, live.url)


def _wait(predicate, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def _ring_up(till, count: int) -> list[str]:
    cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
    ids = []
    for i in range(count):
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(PRODUCTS[i % 20]["barcode"]))
        ids.append(till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 50_000)], cashier).sale_id)
    return ids


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_worker_syncs_from_a_process_of_its_own(sdb, live, till_dir):
    ids = sell(till_dir, 4)
    till = open_till(till_dir)
    worker = SyncWorker(till_dir, debounce_s=0.1, period_s=30)
    try:
        worker.start()
        assert worker.pid is not None and worker.pid != os.getpid() and _alive(worker.pid)
        assert THREAD_NAME not in {t.name for t in threading.enumerate()}  # no sync thread in the till
        worker.notify()
        _wait(lambda: worker.status().last_success_at is not None, "the first round")
        ids += _ring_up(till, 3)  # sold while the worker runs: notify() pushes them
        worker.notify()
        _wait(lambda: sorted(server_sales(sdb)) == sorted(ids), "the later sales on the server")
        _wait(lambda: worker.status().waiting == 0, "the status fed from the worker process")
        assert worker.status().enrolled and worker.status().online is True
    finally:
        worker.stop()
        till.close()
    assert worker.pid is not None and not _alive(worker.pid)  # stop() ends the process


def test_a_worker_process_that_dies_is_started_again_and_the_till_sells_on(sdb, live, till_dir):
    till = open_till(till_dir)
    worker = SyncWorker(till_dir, debounce_s=0, period_s=0.5, backoff_cap_s=0.5)
    try:
        worker.start()
        first = worker.pid
        _wait(lambda: worker.status().last_success_at is not None, "the first round")
        os.kill(first, signal.SIGKILL)
        ids = _ring_up(till, 3)  # never waits on the dead worker
        worker.notify()
        _wait(lambda: worker.pid != first, "a new worker process")
        _wait(lambda: sorted(server_sales(sdb)) == sorted(ids), "the sales sent by the new process")
        assert worker.status().last_error is None
    finally:
        worker.stop()
        till.close()


def test_a_stuck_worker_process_never_blocks_the_sale_that_notifies_it(sdb, live, till_dir):
    till = open_till(till_dir)
    worker = SyncWorker(till_dir, debounce_s=0, period_s=30)
    try:
        worker.start()
        _wait(lambda: worker.status().enrolled, "the worker's first status")
        os.kill(worker.pid, signal.SIGSTOP)  # reads nothing more: its stdin pipe fills up
        notifier = threading.Thread(target=lambda: [worker.notify() for _ in range(50_000)], daemon=True)
        notifier.start()
        notifier.join(60)
        assert not notifier.is_alive()  # 350 kB of notices into a 64 kB pipe, and notify() returned
        assert _ring_up(till, 1)
    finally:
        os.kill(worker.pid, signal.SIGCONT)
        worker.stop()
        till.close()


def test_the_worker_process_shares_the_one_sender_lock(sdb, live, till_dir):
    ids = sell(till_dir, 2)
    till = open_till(till_dir)
    held = SenderLock(till_dir)
    assert held.acquire()  # as `kkmp-pos sync --once` in another process would hold it
    worker = SyncWorker(till_dir, debounce_s=0, period_s=0.3)
    try:
        worker.start()
        worker.notify()
        _wait(lambda: "proses lain" in (worker.status().last_error or ""), "the worker told the lock is held")
        assert server_sales(sdb) == []
        held.release()
        _wait(lambda: sorted(server_sales(sdb)) == sorted(ids), "the sales once the lock is free")
    finally:
        held.release()
        worker.stop()
        till.close()


def test_the_worker_process_ends_when_its_app_is_gone(till_dir):
    """End of stdin (the app closed the pipe, or died): the worker stops on its own."""
    proc = subprocess.Popen(
        worker_command(till_dir, 30.0, 0.0, 300.0), stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        first = json.loads(proc.stdout.readline())
        assert first["enrolled"] is True and first["waiting"] == 0
        proc.stdin.close()
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
