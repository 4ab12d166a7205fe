"""The till's side of enrolment and access: a lost enrolment reply does not burn the code (through a
real proxy that drops the server's answer), a revoked till says so in Indonesian, and only a manager
may enrol the till or upload its catalog."""

from __future__ import annotations

import time

import pytest

from kkmp_pos.app import open_till
from kkmp_pos.core.errors import PermissionDenied
from kkmp_pos.db.models import OutboxEventModel, SettingModel, TerminalModel, UserModel
from kkmp_pos.server import admin
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.client import SyncHttpError
from kkmp_pos.sync.worker import SyncWorker, enrol_terminal, sync_once
from tests.sync.faulty_proxy import FaultyProxy
from tests.sync.support import new_till, seed_server, sell


@pytest.fixture
def proxy(live):
    p = FaultyProxy(live.url)
    yield p
    p.stop()


def _code_left(sdb, terminal="t1"):
    with sdb.database.connection_context():
        Terminal = sdb.m.TerminalModel
        return Terminal.get(Terminal.terminal_id == terminal).enrol_code_hash is not None


def test_a_lost_enrolment_reply_does_not_burn_the_code(tmp_path, sdb, live, proxy):
    seed_server(sdb)
    code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    folder = tmp_path / "till"
    till = open_till(folder)
    try:
        proxy.add("drop", "/v1/enrol", times=1)  # the server enrols; its answer never arrives
        with pytest.raises(SyncHttpError) as lost:
            enrol_terminal(proxy.url, code)
        assert lost.value.retryable and lost.value.code == "sync_unreachable"
        assert not TerminalModel.get().enrolled
        assert _code_left(sdb)  # claimed by this till, not used up

        answer = enrol_terminal(proxy.url, code)  # the cashier tries again with the same code
        assert (answer["cooperative_id"], answer["store_id"], answer["terminal_id"]) == ("kop1", "s1", "t1")
        assert not _code_left(sdb)  # confirmed: now it is used up
        assert ("POST", "/v1/enrol/confirm") in proxy.log
        sync_once(folder)  # the fresh token works
        with pytest.raises(SyncHttpError) as used:
            enrol_terminal(live.url, code)
        assert used.value.code == "sync_enrol_code_invalid"
    finally:
        till.close()


def test_a_lost_confirmation_is_made_good_by_the_first_sync(tmp_path, sdb, live, proxy):
    seed_server(sdb)
    code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    folder = tmp_path / "till"
    till = open_till(folder)
    try:
        proxy.add("500", "/v1/enrol/confirm", times=1)  # the confirmation never reaches the server
        enrol_terminal(proxy.url, code)  # enrolment still succeeds
        assert TerminalModel.get().enrolled and _code_left(sdb)
        sync_once(folder)
        assert not _code_left(sdb)
    finally:
        till.close()


def test_a_revoked_till_stops_and_says_so_in_indonesian(tmp_path, sdb, live):
    seed_server(sdb)
    folder = new_till(tmp_path / "t1", sdb, live.url)
    sell(folder, 2)
    admin.revoke_terminal(sdb, "kop1", "t1")
    till = open_till(folder)
    try:
        with pytest.raises(SyncHttpError) as refused:
            sync_once(folder)
        assert refused.value.status == 403 and refused.value.code == "sync_terminal_revoked"
        worker = SyncWorker(folder, debounce_s=0, period_s=0.2)
        worker.start()
        worker.notify()
        deadline = time.monotonic() + 10
        while not worker.status().stopped:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        worker.stop()
        status = worker.status()
        assert status.revoked and "dicabut" in status.last_error
        assert "Daftarkan ulang" not in status.last_error  # not told to enrol again
        assert status.waiting == 2  # the sales stay, waiting
    finally:
        till.close()


def test_only_a_manager_may_enrol_or_upload_the_catalog(tmp_path, sdb, live):
    from kkmp_pos.services.sync.catalog_upload import enrol, queue_upload

    seed_server(sdb)
    code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    till = open_till(tmp_path / "shop", demo=True)
    try:
        cashier = actor_of(UserModel.select().where(UserModel.role == "kasir").first())
        manager = actor_of(UserModel.select().where(UserModel.role == "manajer").first())
        for who in (cashier, None):
            with pytest.raises(PermissionDenied):
                enrol(till.ctx, who, live.url, code, upload=True)
        assert not TerminalModel.get().enrolled and _code_left(sdb)  # refused before any request
        answer, _ = enrol(till.ctx, manager, live.url, code, upload=False)
        assert answer["terminal_id"] == "t1"
        waiting = OutboxEventModel.select().count()
        with pytest.raises(PermissionDenied):
            queue_upload(till.ctx, cashier)
        assert OutboxEventModel.select().count() == waiting
        assert queue_upload(till.ctx, manager).products > 0
    finally:
        till.close()


def test_the_till_keeps_one_device_key(tmp_path):
    from kkmp_pos.sync.worker import DEVICE_KEY, device_key

    till = open_till(tmp_path / "till")
    try:
        first = device_key()
        assert len(first) >= 32 and device_key() == first
        assert SettingModel.get(SettingModel.key == DEVICE_KEY)
    finally:
        till.close()
