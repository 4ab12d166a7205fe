"""The privacy check (issue 12): a day of sales, registrations, LPG sales and an erasure on two tills
and a real server (SQLite, and PostgreSQL when KKMP_TEST_POSTGRES_URL is set); then every file of the
tills' data folders (database, WAL, backups, logs, exports), every server table and every sync payload
is scanned for a full NIK or KK that should not be there.

Where a full number may be, and nowhere else (docs/PRIVACY.md):
- the registering till: its own members' NIK and KK; a walk-in buyer's NIK within the logbook's
  retention period (database, its backup, the audited full logbook export);
- a push: a member registration carries the member's NIK and KK once, for the server to seal.
"""

from __future__ import annotations

import json
import logging
import random

from kkmp_pos.app import open_till
from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.core.personal import PERSONAL_NUMBER_FIELDS
from kkmp_pos.db.models import MemberModel, SaleModel
from kkmp_pos.server import admin
from kkmp_pos.services.privacy import key_exchange, keys, retention
from kkmp_pos.services.setup.maintenance import MaintenanceService
from kkmp_pos.services.sync.catalog_upload import enrol
from kkmp_pos.sync import client as sync_client
from kkmp_pos.sync.worker import sync_once
from tests.services.test_limits import cart_of
from tests.services.test_sales import cash
from tests.sync.support import new_till

KK = "6471010101230009"
KEPT_BUYER = make_demo_nik(random.Random(1))  # bought LPG today: kept for the logbook
OLD_BUYER = make_demo_nik(random.Random(2))  # bought LPG long ago: reduced to hash + last 4


def _files(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _found(numbers, blobs) -> dict[str, list[str]]:
    """{number: [where]} for each number found in any of `blobs` ({name: bytes or str})."""
    out: dict[str, list[str]] = {}
    for name, blob in blobs.items():
        data = blob if isinstance(blob, bytes) else blob.encode()
        for number in numbers:
            if number.encode() in data:
                out.setdefault(number, []).append(str(name))
    return out


def _server_rows(sdb) -> dict[str, str]:
    out = {}
    with sdb.database.connection_context():
        for model in sdb.models:
            out[model._meta.table_name] = "\n".join(
                json.dumps(r, default=str) for r in model.select().dicts()
            )
    return out


def _pushed_numbers_outside_registrations(body: dict) -> list[str]:
    """Full numbers of a push, except a member registration's own `member.nik` / `member.kk`."""
    found = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for item in value:
                walk(item, path)
        elif isinstance(value, str) and len(value) == 16 and value.isdigit():
            found.append("/".join(path))

    for event in body.get("events", []):
        payload = dict(event["payload"])
        if event["type"] == "member.registered":
            payload["member"] = {k: v for k, v in payload["member"].items() if k not in ("nik", "kk")}
        walk(payload, (event["type"],))
    return found


def test_no_full_nik_or_kk_where_it_should_not_be(till, cashier, manager, sdb, live, tmp_path, monkeypatch):
    # every request and answer between tills and server, as the wire carries them
    wire: list[tuple[str, str, dict, object]] = []
    request = sync_client.SyncClient._request

    def recording(self, method, path, body=None):
        status, payload = request(self, method, path, body)
        wire.append((method, path, json.loads(body) if body else {}, payload))
        return status, payload

    monkeypatch.setattr(sync_client.SyncClient, "_request", recording)
    t1 = till.ctx.data_dir
    log_file = t1 / "logs" / "kkmp-pos.log"
    log_file.parent.mkdir(exist_ok=True)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        # -- the server, and the demo shop enrolled with its catalog and members ---------------------
        admin.create_cooperative(sdb, "kop1", "Koperasi")
        admin.create_store(sdb, "kop1", "s1", "Toko 1")
        demo_niks = [m.nik for m in MemberModel.select().where(MemberModel.nik.is_null(False))]
        demo_buyers = [s.buyer_nik for s in SaleModel.select().where(SaleModel.buyer_nik.is_null(False))]
        enrol(till.ctx, manager, live.url, admin.enrol_terminal(sdb, "kop1", "s1", "t1"), upload=True)
        assert keys.hash_key(t1)[1] == "server"  # the cooperative adopted the till's key

        # -- a day: a registration with NIK and KK, member sales, LPG for walk-in buyers -------------
        reg = till.registration.register(
            name="Wahyuni Lestari", nik=make_demo_nik(random.Random(99)), phone="081234567890",
            address="RT 05", method="cash", tendered_rp=100_000, cashier=cashier, kk=KK,
        )  # fmt: skip
        erased_nik = MemberModel.get_by_id(reg.member.id).nik
        till.sales.checkout(cart_of(till, ("MK2", 1000), member=reg.member.number), cash(50_000), cashier)
        till.sales.checkout(cart_of(till, ("LPG3", 1000), member="A-000003"), cash(50_000), cashier)
        for buyer in (KEPT_BUYER, OLD_BUYER):
            till.sales.checkout(cart_of(till, ("LPG3", 1000)), cash(50_000), cashier, buyer_nik=buyer)
        sync_once(t1)
        # the feed's version of its own member (hash + last 4) leaves the registering till its full NIK
        assert MemberModel.get_by_id(reg.member.id).nik == erased_nik
        till.close()  # one till open at a time in this process (the models share one database)

        # -- a second till of the store knows the members from the feed only -------------------------
        t2 = tmp_path / "t2"
        new_till(t2, sdb, live.url, terminal="t2")
        second = open_till(t2)
        try:
            key_exchange.exchange_if_due(second.ctx)
            assert keys.hash_key(t2)[0] == keys.hash_key(t1)[0]
            sync_once(t2)
            known = MemberModel.get_by_id(reg.member.id)
            assert known.nik is None and known.nik_last4 == erased_nik[-4:]
        finally:
            second.close()

        # -- the erasure on T1 reaches the server and, through it, T2 --------------------------------
        till = open_till(t1)
        till.erase_member(manager, reg.member.number)
        # the old LPG sale passes the retention period (its business date moved back 100 days)
        SaleModel.update(business_date="2026-01-01").where(SaleModel.buyer_nik == OLD_BUYER).execute()
        monkeypatch.setattr(retention, "nik_cutoff", lambda ctx: "2026-02-01")
        assert retention.run(till.ctx).reduced == 1
        sync_once(t1)
        till.close()
        second = open_till(t2)
        try:
            sync_once(t2)
            gone = MemberModel.get_by_id(reg.member.id)
            assert gone.name.startswith("Anggota terhapus #") and gone.erased_at and gone.nik_hmac is None
        finally:
            second.close()
        till = open_till(t1)
        sync_once(t1)
        assert MemberModel.get_by_id(reg.member.id).name.startswith("Anggota terhapus #")

        # -- exports and the day's backup -------------------------------------------------------------
        exports = t1 / "exports"
        exports.mkdir()
        day = till.ctx.business_date()
        start = min(s.business_date for s in SaleModel.select())
        book = till.lpg_logbook
        book.write_csv(book.logbook(manager, start, day), exports / "lpg-masked.csv")
        book.write_csv(book.logbook(manager, "2026-01-01", day, full_nik=True), exports / "lpg-full.csv")
        MaintenanceService(till.ctx).daily_backup()
        till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        till.close()
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()

    # -- the scan -------------------------------------------------------------------------------------
    forbidden = [erased_nik, KK, OLD_BUYER]  # erased, erased, past retention
    everything = [*forbidden, KEPT_BUYER, *demo_niks, *demo_buyers]
    assert _found(forbidden, _files(t1)) == {}
    assert _found(everything, _files(t2)) == {}
    assert _found(everything, _server_rows(sdb)) == {}
    t1_files = _files(t1)
    assert _found(everything, {p: b for p, b in t1_files.items() if "logs" in p.parts}) == {}
    assert _found(everything, {"masked": t1_files[exports / "lpg-masked.csv"]}) == {}
    assert KEPT_BUYER.encode() in t1_files[exports / "lpg-full.csv"]  # the audited full export stays
    assert any("backups" in p.parts for p in t1_files)
    # the wire: pulls never carry a full number; pushes only in a registration's own NIK and KK
    pulls = {
        f"{i}:{path}": json.dumps(answer) for i, (_m, path, _b, answer) in enumerate(wire) if "pull" in path
    }
    assert pulls and _found(everything, pulls) == {}
    pushes = [body for _m, path, body, _a in wire if path.endswith("/push")]
    assert pushes and [p for body in pushes for p in _pushed_numbers_outside_registrations(body)] == []
    assert set(PERSONAL_NUMBER_FIELDS) >= {"nik", "kk", "buyer_nik"}
