"""A simulated national day: 1,000 cooperatives × 2 tills each push a day of sales (200, in batches of
50) from a pool of 8 client processes into `kkmp-pos-server serve --workers 2` on PostgreSQL.

Baseline, in the same run: the same sales written by the same 8 processes with psycopg COPY straight
into a fresh copy of the same tables (the event table and the document keys included), 500 sales per
transaction, one connection per process. Bars: every sale stored exactly once, ingest ≥ 0.8× the
baseline, push p99 < 1 s. Client, server and PostgreSQL CPU are reported beside each other (from /proc),
with the load average, since the clients, the server and the database share this machine's cores.

`--quick` (or the runner's --quick): 100 cooperatives. Run alone:
`python -m tests.benchmarks.bench_national_day [--quick]` (needs KKMP_TEST_POSTGRES_URL), or
`python tests/benchmarks/run.py --only national_day`.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Bench, Figure, benchmark, percentile

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 8
TILLS_PER_COOP = 2
SALES_PER_TILL = 200
BATCH = 50  # sales per push
COPY_BATCH = 500  # sales per baseline transaction


def _tills(coops: int) -> list[tuple[str, str, str, str]]:
    """(cooperative, store, terminal, token) of every till; the secret is derived, not random, so the
    client processes and the provisioning agree without passing tokens around."""
    out = []
    for c in range(coops):
        coop = f"kop{c:05d}"
        for t in range(1, TILLS_PER_COOP + 1):
            secret = hashlib.sha256(f"{coop}-t{t}".encode()).hexdigest()
            out.append((coop, "s1", f"t{t}", f"kkt1.{coop}.t{t}.{secret}"))
    return out


def provision(url: str, coops: int) -> None:
    """Cooperatives, stores and enrolled terminals in three bulk inserts (not 2,000 CLI calls)."""
    from kkmp_pos.server import auth, schema
    from kkmp_pos.server.db import open_server_db

    sdb = open_server_db(url)
    schema.migrate(sdb)
    now = auth.utc_now()
    tills = _tills(coops)
    with sdb.database.connection_context(), sdb.atomic():
        ids = sorted({t[0] for t in tills})
        m = sdb.m
        sdb.insert_rows(
            m.CooperativeModel, [{"cooperative_id": c, "name": c, "created_at": now} for c in ids]
        )
        stores = [{"cooperative_id": c, "store_id": "s1", "name": "Toko", "created_at": now} for c in ids]
        _bulk(m.StoreModel, stores)
        terminals = [
            {
                "cooperative_id": coop,
                "terminal_id": terminal,
                "store_id": store,
                "name": "",
                "token_hash": hashlib.sha256(token.split(".")[3].encode()).hexdigest(),
                "enrolled_at": now,
                "last_seq": 0,
                "created_at": now,
            }
            for coop, store, terminal, token in tills
        ]
        _bulk(m.TerminalModel, terminals)
    sdb.close()


def _bulk(model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 1000):
        model.insert_many(rows[start : start + 1000]).execute()


def _cpu(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each process so far (/proc/<pid>/stat)."""
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return found


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds between two snapshots; a process that appeared in between counts from its start."""
    return round(sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items()), 1)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def _client(
    index: int, tills: list[tuple[str, str, str, str]], server: str, copy_url: str, barrier: Any, out: Any
) -> None:
    """One client process: its tills' sales, pushed over HTTP, then the same sales by COPY."""
    try:
        out.put(_client_phases(index, tills, server, copy_url, barrier))
    except BaseException:
        barrier.abort()  # the other processes and the parent stop waiting
        raise


def _client_phases(
    index: int, tills: list[tuple[str, str, str, str]], server: str, copy_url: str, barrier: Any
) -> dict[str, Any]:
    import httpx

    from tests.benchmarks.bench_sync import _PLAIN_COLUMNS, _plain_rows
    from tests.server.support import Till

    shapes = [Till(coop, store, terminal, token) for coop, store, terminal, token in tills]
    events = [[s.sale(15_000 + i, lines=3) for i in range(SALES_PER_TILL)] for s in shapes]
    pushes = []  # round by round: every till's first batch, then every till's second...
    for start in range(0, SALES_PER_TILL, BATCH):
        for s, sales in zip(shapes, events, strict=True):
            body = json.dumps({"events": sales[start : start + BATCH]}).encode()
            pushes.append(({**s.headers, "Content-Type": "application/json"}, body))
    latencies = []
    barrier.wait()
    cpu = time.process_time()
    with httpx.Client(base_url=server, timeout=120) as client:
        for headers, body in pushes:
            started = time.perf_counter()
            client.post("/v1/sync/push", content=body, headers=headers).raise_for_status()
            latencies.append(time.perf_counter() - started)
    push_cpu = time.process_time() - cpu
    barrier.wait()
    del pushes
    every = [e for sales in events for e in sales]
    first_id = index * 10_000_000 + 1  # change ids: a disjoint range per process
    batches = [_plain_rows(every[i : i + COPY_BATCH], first_id + i) for i in range(0, len(every), COPY_BATCH)]
    for rows in batches:  # the document keys the server writes beside each sale
        rows["sync_document"] = [(r[0], "sale", r[2], r[1], r[5]) for r in rows["sale"]]
    columns = dict(_PLAIN_COLUMNS, sync_document="cooperative_id, doc_type, doc_id, business_date, event_id")
    conn = _connect(copy_url)
    barrier.wait()
    cpu = time.process_time()
    with conn.cursor() as cur:
        for rows in batches:
            for table, names in columns.items():
                cur.copy_expert(f"COPY {table} ({names}) FROM STDIN", _copy_text(rows[table]))
            conn.commit()
    copy_cpu = time.process_time() - cpu
    barrier.wait()
    barrier.wait()  # the parent has read the database's CPU: the backend may go
    conn.close()
    return {"index": index, "latencies": latencies, "push_cpu_s": push_cpu, "copy_cpu_s": copy_cpu}


def _connect(url: str) -> Any:
    import psycopg2

    base, _, schema = url.partition("?schema=")
    return psycopg2.connect(base, options=f"-c search_path={schema}")


def _copy_text(rows: list[tuple[Any, ...]]) -> io.StringIO:
    from kkmp_pos.server.db import _copy_text as server_copy_text

    return server_copy_text(rows)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(url: str) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = _free_port()
    command = [sys.executable, "-m", "kkmp_pos.server.cli", "--database", url, "serve", "--workers", "2"]
    command += ["--port", str(port), "--web-port", str(_free_port()), "--admin-port", str(_free_port())]
    process = subprocess.Popen(
        [*command, "--log-level", "warning"], env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/v1/health", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.2)


def _stored(url: str) -> dict[str, int]:
    conn = _connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*), count(DISTINCT (cooperative_id, sale_id)) FROM sale")
            sales, distinct = cur.fetchone()
            cur.execute("SELECT count(*) FROM sync_event")
            (events,) = cur.fetchone()
        return {"sales": sales, "distinct_sales": distinct, "events": events}
    finally:
        conn.close()


def run_national_day(pg_url: str, coops: int = 1000) -> dict[str, Any]:
    from kkmp_pos.server.db import drop_schema
    from tests.server.support import unique_schema_url

    served_url, copy_url = unique_schema_url(pg_url), unique_schema_url(pg_url)
    tills = _tills(coops)
    expected = len(tills) * SALES_PER_TILL
    provision(served_url, coops)
    provision(copy_url, coops)  # the baseline's tables: the same schema, migrated the same way
    server, base = _start_server(served_url)
    context = multiprocessing.get_context("spawn")
    barrier, out = context.Barrier(CLIENTS + 1, timeout=3600), context.Queue()
    shares = [tills[i::CLIENTS] for i in range(CLIENTS)]
    clients = [
        context.Process(target=_client, args=(i, shares[i], base, copy_url, barrier, out))
        for i in range(CLIENTS)
    ]
    try:
        for process in clients:
            process.start()
        server_pids = [server.pid, *_children(server.pid)]
        barrier.wait()  # every client has its sales encoded
        load_before = os.getloadavg()[0]
        server0, pg0 = _cpu(server_pids), _cpu(_postgres_pids())
        started = time.perf_counter()
        barrier.wait()  # every push answered
        push_s = time.perf_counter() - started
        server_cpu, pg_push = _spent(server0, _cpu(server_pids)), _spent(pg0, _cpu(_postgres_pids()))
        load_push = os.getloadavg()[0]
        barrier.wait()  # the baseline rows are built
        pg0 = _cpu(_postgres_pids())
        started = time.perf_counter()
        barrier.wait()  # every COPY committed
        copy_s = time.perf_counter() - started
        pg_copy = _spent(pg0, _cpu(_postgres_pids()))
        barrier.wait()
        results = [out.get(timeout=600) for _ in clients]
        for process in clients:
            process.join(60)
    finally:
        for process in clients:
            if process.is_alive():
                process.kill()
        server.terminate()
        server.wait(30)
    stored, copied = _stored(served_url), _stored(copy_url)
    drop_schema(served_url)
    drop_schema(copy_url)
    latencies = [s for r in results for s in r["latencies"]]
    http_rate, copy_rate = expected / push_s, expected / copy_s
    return {
        "cooperatives": coops,
        "tills": len(tills),
        "sales": expected,
        "pushes": len(latencies),
        "stored": stored,
        "baseline_stored": copied,
        "exactly_once": stored == {"sales": expected, "distinct_sales": expected, "events": expected},
        "push_s": round(push_s, 1),
        "http_sales_per_s": round(http_rate),
        "copy_s": round(copy_s, 1),
        "copy_sales_per_s": round(copy_rate),
        "ratio": round(http_rate / copy_rate, 2),
        "push_p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "push_p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "cpu_s_during_push": {
            "clients": round(sum(r["push_cpu_s"] for r in results), 1),
            "server_workers": server_cpu,
            "postgres_all_sessions": pg_push,
        },
        "cpu_s_during_copy": {
            "clients": round(sum(r["copy_cpu_s"] for r in results), 1),
            "postgres_all_sessions": pg_copy,
        },
        "cores": os.cpu_count(),
        "load_1min": {"before": round(load_before, 2), "after_push": round(load_push, 2)},
    }


@benchmark("national_day", issue=13, default=False)
def national_day(b: Bench) -> list[Figure]:
    pg_url = os.environ.get("KKMP_TEST_POSTGRES_URL")
    if not pg_url:
        return []
    day = run_national_day(pg_url, 100 if b.quick else 1000)
    print(json.dumps(day, indent=2))
    label = f"{day['cooperatives']} coops × 2 tills, 8 clients"
    stored, sales = day["stored"], day["sales"]
    wrong = (
        abs(stored["sales"] - sales)
        + stored["sales"]
        - stored["distinct_sales"]
        + abs(stored["events"] - sales)
    )
    return [
        Figure(f"national day sales missing or doubled ({label})", wrong, "sales", bar_max=1),
        # time for the same sales: pushing through `serve --workers 2` against psycopg COPY; a time
        # ratio < 1.25 is an ingest rate ≥ 0.8× the baseline's
        Figure(
            f"national day ingest time ({label})", day["push_s"], "s", baseline=day["copy_s"], ratio_max=1.25
        ),
        Figure(f"national day push p99 ({label})", day["push_p99_ms"], "ms", bar_max=1000),
    ]


if __name__ == "__main__":
    url = os.environ.get("KKMP_TEST_POSTGRES_URL")
    if not url:
        sys.exit("set KKMP_TEST_POSTGRES_URL")
    print(json.dumps(run_national_day(url, 100 if "--quick" in sys.argv else 1000), indent=2))
