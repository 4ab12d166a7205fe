"""Personal data at the till (issue 12): a walk-in buyer's NIK in full only for the logbook's retention
period, then hash + last 4; caps work on the hash, offline; the hash key is a file apart from the
database, and a database hashed with another key is hashed again."""

from __future__ import annotations

import json
import stat

from kkmp_pos.app import open_till
from kkmp_pos.config import DB_FILENAME
from kkmp_pos.db.models import MemberModel, SaleModel
from kkmp_pos.services.privacy import keys, retention
from tests.services.test_limits import WALK_IN_NIK, cart_of
from tests.services.test_sales import cash


def _lpg_sale(till, cashier):
    return till.sales.checkout(cart_of(till, ("LPG3", 1000)), cash(50_000), cashier, buyer_nik=WALK_IN_NIK)


def test_a_walk_in_nik_is_reduced_after_retention_and_caps_still_count_it(till, cashier, monkeypatch):
    sale_id = _lpg_sale(till, cashier).sale_id
    sale = SaleModel.get_by_id(sale_id)
    assert sale.buyer_nik == WALK_IN_NIK and sale.buyer_nik_last4 == "0002"
    before = till.limits.check(cart_of(till, ("LPG3", 1000)), WALK_IN_NIK).warnings
    assert before, "the demo's warn-only LPG cap counts the first purchase"

    # within the retention period nothing changes
    assert retention.run(till.ctx).reduced == 0
    assert SaleModel.get_by_id(sale_id).buyer_nik == WALK_IN_NIK
    # past it (the cut-off moved beyond today's sale): the full NIK goes, hash and last 4 stay
    monkeypatch.setattr(retention, "nik_cutoff", lambda ctx: "9999-12-31")
    assert retention.run(till.ctx).reduced >= 1
    sale = SaleModel.get_by_id(sale_id)
    assert sale.buyer_nik is None and sale.buyer_nik_last4 == "0002" and sale.buyer_nik_hmac
    after = till.limits.check(cart_of(till, ("LPG3", 1000)), WALK_IN_NIK).warnings
    assert [v.prior_milli for v in after] == [v.prior_milli for v in before]
    # the logbook shows the reduced buyer masked, even in the full export
    today = till.ctx.business_date()
    book = till.lpg_logbook.logbook(None, today, today, full_nik=True)
    assert [e.nik for e in book.entries if e.receipt_no == sale.receipt_no] == ["************0002"]
    # nothing of it is left in the database file or its WAL
    till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in till.ctx.data_dir.glob(f"{DB_FILENAME}*"):
        assert WALK_IN_NIK.encode() not in path.read_bytes(), path


def test_the_retention_period_is_a_setting_with_90_days_by_default(till):
    assert till.ctx.settings.get("privacy.nik_retention_days") == 90
    till.ctx.set_setting("privacy.nik_retention_days", 30)
    cutoff = retention.nik_cutoff(till.ctx)
    assert cutoff < till.ctx.business_date()


def test_the_hash_key_is_a_private_file_apart_from_the_database(till):
    path = keys.key_path(till.ctx.data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = keys.hash_key(till.ctx.data_dir)[0]
    doc = json.loads(path.read_text())
    assert doc["source"] == "local"
    till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert raw not in (till.ctx.data_dir / DB_FILENAME).read_bytes()
    assert doc["key"].encode() not in (till.ctx.data_dir / DB_FILENAME).read_bytes()


def test_a_database_opened_beside_another_key_is_hashed_again(till, cashier, tmp_path):
    _lpg_sale(till, cashier)
    member = MemberModel.get(MemberModel.number == "A-000006")
    old_hash = member.nik_hmac
    folder = till.ctx.data_dir
    till.close()
    keys.set_hash_key(folder, b"k" * 32, "local")  # as if the file came without its key
    again = open_till(folder)
    try:
        member = MemberModel.get(MemberModel.number == "A-000006")
        assert member.nik_hmac != old_hash
        assert member.nik_hmac == keys.number_hash(again.ctx, member.nik)
        found = again.members.find(member.nik)  # look-up by NIK goes through the hash
        assert found.id == member.id
        sale = SaleModel.select().where(SaleModel.buyer_nik == WALK_IN_NIK).get()
        assert sale.buyer_nik_hmac == keys.number_hash(again.ctx, WALK_IN_NIK)
    finally:
        again.close()


def test_a_member_known_by_hash_only_is_recorded_in_full_when_the_nik_is_typed(till, cashier):
    member = MemberModel.get(MemberModel.number == "A-000003")
    nik = member.nik
    MemberModel.update(nik=None).where(MemberModel.id == member.id).execute()  # as from another till
    cart = cart_of(till, ("LPG3", 1000), member="A-000003")
    assert till.limits.check(cart).buyer == (None, member.nik_hmac, nik[-4:])
    assert not till.limits.check(cart).nik_missing  # the hash is enough for caps
    sale = till.sales.checkout(cart, cash(50_000), cashier, buyer_nik=nik)
    assert SaleModel.get_by_id(sale.sale_id).buyer_nik == nik


def test_reduction_and_hashing_go_in_short_batches_and_reach_every_row(till, cashier, monkeypatch):
    monkeypatch.setattr(retention, "BATCH", 2)  # 5 sales: three batches of at most two rows each
    ids = [_lpg_sale(till, cashier).sale_id for _ in range(5)]
    SaleModel.update(buyer_nik_hmac=None).where(SaleModel.id.in_(ids)).execute()
    assert retention.fill_hashes(till.ctx) >= 5
    assert all(SaleModel.get_by_id(i).buyer_nik_hmac for i in ids)
    monkeypatch.setattr(retention, "nik_cutoff", lambda ctx: "9999-12-31")
    held = SaleModel.select().where(SaleModel.buyer_nik.is_null(False)).count()  # the demo's too
    sales, _ = retention.reduce_expired(till.ctx)
    assert sales == held >= 5
    assert SaleModel.select().where(SaleModel.buyer_nik.is_null(False)).count() == 0
