"""NIK and KK at rest on the server (issue 12): sealed with the cooperative's key kept outside the
database, a keyed hash beside them, never in clear in the admin API or the feed; schema step 5
converts clear numbers; a restore with the key reads them, without it the rest stays usable."""

from __future__ import annotations

import json
import shutil
import stat

import pytest

from kkmp_pos.core.errors import StorageError
from kkmp_pos.core.personal import keyed_hash
from kkmp_pos.server import admin, catalog, personal, schema
from kkmp_pos.server.admin_api import apply_rows
from kkmp_pos.server.db import open_server_db
from kkmp_pos.server.keys import key_dir_for

NIK = "6471015708900002"
KK = "6471010101230009"


def _all_text(sdb) -> str:
    """Every row of every server table as text."""
    parts = []
    with sdb.database.connection_context():
        for model in sdb.models:
            for row in model.select().dicts():
                parts.append(json.dumps(row, default=str))
    return "\n".join(parts)


def _member(sdb, coop="kop1"):
    apply_rows(
        sdb,
        coop,
        [{"member_no": "A-1", "name": "Siti", "nik": NIK, "kk": KK, "phone": "0811", "active": True}],
        catalog.upsert_member,
    )


def test_a_member_s_nik_and_kk_are_sealed_and_hashed_and_never_listed_in_clear(tmp_path, database_url):
    keys = tmp_path / "keys"
    sdb = open_server_db(database_url, keys)
    schema.migrate(sdb)
    admin.create_cooperative(sdb, "kop1", "Koperasi")
    key_file = keys / "kop1.json"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    _member(sdb)
    with sdb.database.connection_context():
        listed = catalog.list_members(sdb, "kop1")
        row = sdb.m.MemberModel.get()
        feed = [json.loads(c.data) for c in sdb.m.ChangeModel.select()]
    assert listed[0]["nik_last4"] == "0002" and listed[0]["kk_last4"] == "0009"
    assert listed[0]["nik_hmac"] == row.nik_hmac == sdb.keys.hash("kop1", NIK)
    assert feed and all("nik" not in d for d in feed)
    text = _all_text(sdb)
    assert NIK not in text and KK not in text
    with sdb.database.connection_context():
        full = personal.members_full(sdb, "kop1", "test")
        audits = list(sdb.m.PrivacyAuditModel.select())
    assert (full[0]["nik"], full[0]["kk"]) == (NIK, KK)
    assert [a.action for a in audits] == ["members.full_export"]
    assert NIK not in _all_text(sdb)
    sdb.close()


def test_step_5_converts_clear_numbers_already_stored(tmp_path, database_url):
    sdb = open_server_db(database_url, tmp_path / "keys")
    m = sdb.m
    with sdb.database.connection_context(), sdb.atomic():
        m.SchemaVersionModel.create_table(safe=True)
        for step in schema.STEPS[:4]:
            step(sdb)
        sdb.database.execute_sql('DROP INDEX IF EXISTS "member_cooperative_id_nik_hmac"')
        for column in ("nik_enc", "nik_hmac", "kk_enc", "kk_hmac"):
            sdb.database.execute_sql(f"ALTER TABLE member DROP COLUMN {column}")
        sdb.database.drop_tables([m.PrivacyAuditModel])
        m.SchemaVersionModel.insert(id=1, version=4).execute()
        m.CooperativeModel.insert(cooperative_id="kop1", name="K", created_at="2026").execute()
        clear = {"member_id": "m1", "member_no": "A-1", "name": "Siti", "nik": NIK, "active": True}
        sdb.database.execute_sql(
            "INSERT INTO member (cooperative_id, member_id, member_no, data, updated_at) VALUES "
            + ("(%s, %s, %s, %s, %s)" if sdb.is_postgres else "(?, ?, ?, ?, ?)"),
            ("kop1", "m1", "A-1", json.dumps(clear), "2026"),
        )
        payload = {"member": {"id": "m1", "number": "A-1", "name": "Siti", "nik": NIK}}
        m.EventModel.insert(
            cooperative_id="kop1", event_id="e1", store_id="s1", terminal_id="t1", seq=1,
            type="member.registered", schema_version=1, occurred_at="2026", business_date="2026-08-23",
            payload=json.dumps(payload), content_hash="x", received_at="2026",
        ).execute()  # fmt: skip
        m.ChangeModel.insert(
            cooperative_id="kop1", change_id=1, scope="cooperative", scope_id="kop1", entity="member",
            entity_key="m1", op="upsert", data=json.dumps(clear), created_at="2026",
        ).execute()  # fmt: skip
    assert schema.migrate(sdb) == 4
    assert NIK not in _all_text(sdb)
    with sdb.database.connection_context():
        assert personal.members_full(sdb, "kop1", "test")[0]["nik"] == NIK
        event = json.loads(m.EventModel.get().payload)
    assert event["member"]["nik_last4"] == "0002" and event["member"]["nik"] is None
    sdb.close()


def test_a_restore_reads_the_numbers_with_the_key_and_everything_else_without_it(tmp_path):
    db = tmp_path / "live" / "server.db"
    sdb = open_server_db(f"sqlite:///{db}", tmp_path / "live" / "keys")
    schema.migrate(sdb)
    admin.create_cooperative(sdb, "kop1", "Koperasi")
    _member(sdb)
    sdb.close()
    # the backup the README describes: the database file and the key folder
    backup = tmp_path / "backup"
    backup.mkdir()
    shutil.copy(db, backup / "server.db")
    shutil.copytree(tmp_path / "live" / "keys", backup / "keys")

    with_key = open_server_db(f"sqlite:///{backup / 'server.db'}", backup / "keys")
    with with_key.database.connection_context():
        assert personal.members_full(with_key, "kop1", "restore drill")[0]["nik"] == NIK
    with_key.close()

    without = open_server_db(f"sqlite:///{backup / 'server.db'}", tmp_path / "no-keys")
    schema.migrate(without)
    with without.database.connection_context():
        assert catalog.list_members(without, "kop1")[0]["nik_last4"] == "0002"
        assert admin.report(without, "kop1") == []
        with pytest.raises(StorageError) as caught:
            personal.members_full(without, "kop1", "restore drill")
    assert caught.value.code == "server_key_missing"
    assert "kop1" in caught.value.message("en") and "key" in caught.value.message("en")
    without.close()


def test_the_default_key_folder_sits_beside_the_sqlite_file_not_in_it(tmp_path, monkeypatch):
    monkeypatch.delenv("KKMP_SERVER_KEY_DIR")
    assert key_dir_for(f"sqlite:///{tmp_path / 'srv.db'}") == tmp_path / "kkmp-server-keys"
    monkeypatch.setenv("KKMP_SERVER_KEY_DIR", str(tmp_path / "elsewhere"))
    assert key_dir_for("postgresql://u@h/db") == tmp_path / "elsewhere"


def test_the_first_till_s_hash_key_is_adopted_and_later_tills_get_it(http, sdb):
    import base64

    from tests.server.support import seed

    tills = seed(sdb, terminals=(("s1", "t1"), ("s1", "t2")))["tills"]
    first, second = (base64.b64encode(bytes([n]) * 32).decode() for n in (1, 2))
    answer = http.post("/v1/sync/keys", json={"hmac_key": first}, headers=tills["t1"].headers)
    assert answer.status_code == 200 and answer.json() == {"hmac_key": first, "adopted": True}
    answer = http.post("/v1/sync/keys", json={"hmac_key": second}, headers=tills["t2"].headers)
    assert answer.json() == {"hmac_key": first, "adopted": False}
    assert http.post("/v1/sync/keys", json={}, headers=tills["t2"].headers).json()["hmac_key"] == first
    bad = http.post("/v1/sync/keys", json={"hmac_key": "short"}, headers=tills["t2"].headers)
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "hmac_key"
    assert http.post("/v1/sync/keys", json={}).status_code == 401
    # the key a till hashed with is the one the server hashes with
    assert sdb.keys.hash("kop1", NIK) == keyed_hash(base64.b64decode(first), NIK)
