"""`serve --workers 2` as a real process on PostgreSQL: requests from one keep-alive client reach both
workers, the failure limit holds across them, SIGTERM stops every worker, and a SQLite database is
refused."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from kkmp_pos.server import admin, schema
from kkmp_pos.server.db import drop_schema, open_server_db
from tests.server.support import Till, postgres_url, seed, unique_schema_url
from tests.server.test_listeners import ROOT, Served, _free_port

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_world():
    """A PostgreSQL schema with cooperative kop1 and an enrolled till; yields (url, till)."""
    base = postgres_url()
    if not base:
        pytest.skip("KKMP_TEST_POSTGRES_URL is not set")
    url = unique_schema_url(base)
    sdb = open_server_db(url)
    schema.migrate(sdb)
    till = seed(sdb)["tills"]["t1"]
    sdb.close()
    yield url, till
    drop_schema(url)


@pytest.fixture
def two_workers(pg_world):
    url, till = pg_world
    port = _free_port()
    ports = ["--port", str(port), "--web-port", str(_free_port()), "--admin-port", str(_free_port())]
    server = Served(url, "--workers", "2", *ports)
    base = f"http://127.0.0.1:{port}"
    server.wait_ready(base)
    yield server, base, till
    server.stop()


def _pids_until_both(
    client: httpx.Client, send, attempts: int = 300
) -> tuple[set[str], list[httpx.Response]]:
    pids: set[str] = set()
    responses = []
    for _ in range(attempts):
        response = send(client)
        responses.append(response)
        pids.add(response.headers["x-kkmp-worker"])
        if len(pids) == 2:
            break
    return pids, responses


def test_one_keep_alive_client_is_served_by_both_workers(two_workers):
    server, base, till = two_workers
    with httpx.Client(base_url=base, headers=till.headers, timeout=30) as client:
        pids, _ = _pids_until_both(client, lambda c: c.get("/v1/health"))
        assert len(pids) == 2 and str(server.process.pid) not in pids
        sent = Till(till.cooperative_id, till.store_id, till.terminal_id, till.token)
        pushes = [client.post("/v1/sync/push", json={"events": [sent.sale(15_000)]}) for _ in range(20)]
    assert all(r.status_code == 200 for r in pushes), [r.text for r in pushes if r.status_code != 200]
    assert all(r.headers["connection"] == "close" for r in pushes)
    # one client, one request after another: the pushes still spread over both workers
    assert len({r.headers["x-kkmp-worker"] for r in pushes}) == 2
    assert server.stop() == 0
    assert not [pid for pid in pids if _running(int(pid))]  # every worker stopped with the parent


def test_workers_stop_when_their_parent_is_killed(two_workers):
    server, base, _ = two_workers
    with httpx.Client(base_url=base, timeout=30) as client:
        pids, _ = _pids_until_both(client, lambda c: c.get("/v1/health"))
    server.process.kill()  # SIGKILL: the parent cannot stop them itself
    server.process.wait(30)
    deadline = time.monotonic() + 30
    while [pid for pid in pids if _running(int(pid))] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in pids if _running(int(pid))]


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_the_sign_in_failure_limit_holds_across_workers(two_workers):
    _, base, _ = two_workers
    bad = {"Authorization": "Bearer kkmp.t.nope.nope"}

    def try_twenty(_: int) -> list[httpx.Response]:
        with httpx.Client(base_url=base, headers=bad, timeout=30) as client:
            return [client.get("/v1/sync/pull") for _ in range(20)]

    # four clients at once: a busy worker leaves the next connection to the other one
    with ThreadPoolExecutor(4) as pool:
        answers = [r for batch in pool.map(try_twenty, range(4)) for r in batch]
    codes = Counter(r.status_code for r in answers)
    pids = {r.headers["x-kkmp-worker"] for r in answers}
    assert len(pids) == 2, "the requests did not reach both workers: the test proves nothing"
    assert set(codes) == {401, 429}, codes
    # 30 failures per source and window across the workers (a few more may slip through while four
    # requests are checked at the same moment); each worker counting alone would let through up to 60
    assert 30 <= codes[401] <= 30 + 4, codes


def test_a_sqlite_database_is_served_by_one_worker_only(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    sdb = open_server_db(url)
    schema.migrate(sdb)
    admin.create_cooperative(sdb, "kop1", "Koperasi 1")
    sdb.close()
    command = [sys.executable, "-m", "kkmp_pos.server.cli", "--database", url, "serve", "--workers", "2"]
    result = subprocess.run(
        command, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "--workers above 1 needs a PostgreSQL database" in result.stderr
