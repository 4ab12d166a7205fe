"""A till that hashed with its own key joins a cooperative that already has one: it adopts the
cooperative's key at enrolment and hashes again every number it still holds in full."""

from __future__ import annotations

from kkmp_pos.db.models import MemberModel, SaleModel
from kkmp_pos.server import admin
from kkmp_pos.services.privacy import keys
from kkmp_pos.services.sync.catalog_upload import enrol
from tests.services.test_limits import WALK_IN_NIK, cart_of
from tests.services.test_sales import cash


def test_enrolment_into_a_cooperative_with_a_key_hashes_again(till, cashier, manager, sdb, live):
    admin.create_cooperative(sdb, "kop1", "Koperasi")
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    cooperative_key = sdb.keys.hmac_key("kop1")  # made before this till: e.g. by an admin import
    till.sales.checkout(cart_of(till, ("LPG3", 1000)), cash(50_000), cashier, buyer_nik=WALK_IN_NIK)
    own_key, source = keys.hash_key(till.ctx.data_dir)
    assert source == "local" and own_key != cooperative_key

    enrol(till.ctx, manager, live.url, admin.enrol_terminal(sdb, "kop1", "s1", "t1"), upload=False)

    assert keys.hash_key(till.ctx.data_dir) == (cooperative_key, "server")
    member = MemberModel.get(MemberModel.number == "A-000006")
    assert member.nik_hmac == sdb.keys.hash("kop1", member.nik)
    sale = SaleModel.get(SaleModel.buyer_nik == WALK_IN_NIK)
    assert sale.buyer_nik_hmac == sdb.keys.hash("kop1", WALK_IN_NIK)
    assert till.limits.check(cart_of(till, ("LPG3", 1000)), WALK_IN_NIK).warnings  # caps still count it
