"""The sync worker's write transactions and checkout while it drains a week's queue, quiet and with two
CPU hogs beside.

Each phase queues 10,000 sales (3 lines each) in the outbox of the benchmark shop and rings up sales
idle (checkout timed, 10 scans a sale; half before the drain, half after it). Between the two halves
the app's SyncWorker (the sync loop in a process of its own, run under sync_child_probe so its
write-lock holds are recorded) drains the queue into a local server (its own process) while the same
loop keeps selling. Figures: the longest and the mean time the worker's transactions hold the write
lock (bar: < 10 ms each), and checkout p95 while draining against idle (bar: ratio ≤ 2×), each
measured under the same conditions.
"""

from __future__ import annotations

import time

from tests.benchmarks.bench_foundation import sample_barcodes, warm_catalog
from tests.benchmarks.bench_sync_selling import SCANS_PER_SALE, _queue_sales, _ring_up, _start_server
from tests.benchmarks.harness import Bench, Figure, benchmark, ensure_shift, p95
from tests.benchmarks.lock_hold import LockHolds, cpu_hogs, stop_hogs
from tests.benchmarks.sync_child_probe import probe_command, read_holds

IDLE_SCANS = 1500  # 150 idle sales (half before the drain, half after): not the 3rd of 60


def _phase(till, folder, cashier, codes: list[str], queued: int, label: str) -> list[Figure]:
    from kkmp_pos.db.models import OutboxEventModel
    from kkmp_pos.sync.worker import SyncWorker
    from kkmp_pos.sync.worker_process import worker_command

    _queue_sales(queued)
    idle_scans: list[float] = []
    idle: list[float] = []
    half = IDLE_SCANS // 2  # idle sales before and after the drain: a load that drifts meanwhile
    _ring_up(till, codes[:half], cashier, idle_scans, idle)  # (other work on the machine) weighs on both
    busy_scans: list[float] = []
    busy: list[float] = []
    out = folder / f"lock-holds-{label.replace(' ', '-')}.json"
    out.unlink(missing_ok=True)
    command = probe_command(worker_command(folder, 60.0, 0.0, 300.0), out)
    worker = SyncWorker(folder, debounce_s=0, command=command)
    worker.start()
    worker.sync_now()
    started = time.perf_counter()
    rest = codes[IDLE_SCANS:]
    try:
        while worker.status().last_success_at is None and time.perf_counter() - started < 300:
            if not rest:
                rest = codes[IDLE_SCANS:]
            _ring_up(till, rest[:SCANS_PER_SALE], cashier, busy_scans, busy)
            rest = rest[SCANS_PER_SALE:]
        drain_s = time.perf_counter() - started
    finally:
        worker.stop()
    _ring_up(till, codes[half:IDLE_SCANS], cashier, idle_scans, idle)
    recorded = read_holds(out)
    holds = LockHolds(None)
    holds.samples, holds.origins, holds.waited = recorded["samples"], recorded["origins"], recorded["waited"]
    left = OutboxEventModel.select().where(OutboxEventModel.status == "pending").count()
    return [
        Figure(
            f"sync worker write-lock hold, max ({label})",
            holds.max_ms,
            "ms",
            bar_max=10,
            note=f"{len(holds.samples)} transactions in the worker process, mean {holds.mean_ms:.2f} ms; "
            f"drain of {queued:,} sales {drain_s:.1f} s, {left} left; longest: {holds.longest()}",
        ),
        Figure(f"sync worker write-lock hold, mean ({label})", holds.mean_ms, "ms"),
        Figure(
            f"checkout p95 while draining vs idle ({label})",
            p95(busy),
            "ms",
            baseline=p95(idle),
            ratio_max=2,
            note=f"{len(busy)} checkouts while draining, {len(idle)} idle",
        ),
    ]


@benchmark("sync_lock_hold", issue=10)
def sync_lock_hold(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of
    from kkmp_pos.sync.worker import enrol_terminal

    folder = b.scratch_copy("sync-lock-hold")
    proc, base, code = _start_server(folder)
    till = open_till(folder)
    ensure_shift(till)
    figures: list[Figure] = []
    try:
        enrol_terminal(base, code)
        queued = b.reps(10_000, 5_000)
        cashier = actor_of(UserModel.get(UserModel.role == "kasir"))
        codes = sample_barcodes(folder / "kkmp-pos.db", 4000, seed=10)
        warm_catalog(folder / "kkmp-pos.db")
        for c in codes[:200]:
            till.catalog.lookup_barcode(c)
        figures += _phase(till, folder, cashier, codes, queued, "quiet")
        hogs = cpu_hogs(2)
        try:
            figures += _phase(till, folder, cashier, codes, queued, "two CPU hogs")
        finally:
            stop_hogs(hogs)
    finally:
        till.close()
        proc.terminate()
        proc.wait(10)
    return figures
