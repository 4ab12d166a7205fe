"""A shop that ran stand-alone enrols with a new cooperative's empty server and brings its catalog and
members: the server's catalog equals the till's, a second till of the store sells those products by
barcode, and uploading again changes nothing on the server."""

from __future__ import annotations

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.server import admin
from kkmp_pos.server import catalog as server_catalog
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.worker import enrol_terminal, sync_once
from tests.sync.support import run_cli


def _till_catalog(folder) -> tuple[dict[str, dict], dict[str, tuple]]:
    """The till's active products by code (prices, ceiling, barcodes, units) and members by number."""
    from kkmp_pos.db.models import BarcodeModel, MemberModel, ProductModel, ProductUnitModel

    till = open_till(folder)
    try:
        products = {}
        for p in ProductModel.select().where(ProductModel.active == True):  # noqa: E712
            barcodes = list(BarcodeModel.select().where(BarcodeModel.product == p.id))
            units = ProductUnitModel.select().where(ProductUnitModel.product == p.id)
            products[p.code] = {
                "uid": p.uid,
                "name": p.name,
                "unit": p.base_unit,
                "regular": p.regular_price_rp,
                "member": p.member_price_rp,
                "ceiling": p.ceiling_rp,
                "barcodes": sorted(b.code for b in barcodes if b.unit_id is None),
                "units": sorted(
                    (
                        u.name,
                        u.factor_milli,
                        u.regular_price_rp,
                        u.member_price_rp,
                        tuple(sorted(b.code for b in barcodes if b.unit_id == u.id)),
                    )
                    for u in units
                ),
            }
        members = {m.number: (m.id, m.name, m.status) for m in MemberModel.select()}
        return products, members
    finally:
        till.close()


def _server_catalog(sdb) -> tuple[dict[str, dict], dict[str, tuple]]:
    with sdb.database.connection_context():
        ceilings = {c["code"]: c["ceiling_rp"] for c in server_catalog.list_ceilings(sdb, "kop1")}
        products = {}
        for p in server_catalog.list_products(sdb, "kop1"):
            products[p["code"]] = {
                "uid": p["product_id"],
                "name": p["name"],
                "unit": p["unit"],
                "regular": p["prices"].get("regular"),
                "member": p["prices"].get("member"),
                "ceiling": ceilings.get(p["code"]),
                "barcodes": sorted(p.get("barcodes", [])),
                "units": sorted(
                    (
                        u["name"],
                        u["factor_milli"],
                        u["regular_price_rp"],
                        u["member_price_rp"],
                        tuple(sorted(u["barcodes"])),
                    )
                    for u in p.get("units", [])
                ),
            }
        members = {
            m["member_no"]: (m["member_id"], m["name"], "active" if m["active"] else "inactive")
            for m in server_catalog.list_members(sdb, "kop1")
        }
        return products, members


def _server_state(sdb) -> dict[str, object]:
    """Every server-owned row and the length of the change feed: what a second upload must not move."""
    m = sdb.m
    with sdb.database.connection_context():
        return {
            "products": sorted((r.product_id, r.code, r.data) for r in m.ProductModel.select()),
            "prices": sorted((r.product_id, r.price_type, r.price_rp) for r in m.PriceModel.select()),
            "ceilings": sorted((r.product_code, r.ceiling_rp) for r in m.CeilingModel.select()),
            "members": sorted((r.member_id, r.data) for r in m.MemberModel.select()),
            "feed": m.ChangeModel.select().count(),
        }


def _plain(product) -> bool:
    """Sold by a scan alone: no NIK, no prescription, no batch to pick."""
    return not (product.requires_nik or product.drug_class or product.track_batches or product.is_weighed)


def _sync(folder):
    till = open_till(folder)
    try:
        return sync_once(folder)
    finally:
        till.close()


def test_standalone_shop_uploads_its_catalog_and_a_second_till_sells_it(tmp_path, sdb, live):
    from kkmp_pos.db.models import OutboxEventModel, ProductModel, StockMovementModel, UserModel

    admin.create_cooperative(sdb, "kop1", "Koperasi baru")
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    shop = tmp_path / "shop"
    open_till(shop, demo=True, demo_days=1).close()  # a stand-alone shop: catalog, members, a day of sales
    before_products, before_members = _till_catalog(shop)
    assert len(before_products) > 50 and any(p["units"] for p in before_products.values())
    assert any(p["ceiling"] for p in before_products.values()) and len(before_members) >= 20

    code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    manager = ("--user", "Budi Santoso")  # the demo manager; the PIN comes from KKMP_POS_PIN
    done = run_cli(shop, "enrol", live.url, code, "--upload-catalog", *manager, env={"KKMP_POS_PIN": "9999"})
    assert done.returncode == 0, done.stderr
    assert f"{len(before_products)} products, {len(before_members)} members" in done.stdout
    till = open_till(shop)
    try:
        # the catalog goes ahead of the sales recorded stand-alone, which name its products
        order = [e.type for e in OutboxEventModel.select().order_by(OutboxEventModel.seq)]
        uploads = len(before_products) + len(before_members)
        assert set(order[:uploads]) == {"product.changed", "member.registered"}
        assert "sale.completed" in order[uploads:] and "sale.completed" not in order[:uploads]
    finally:
        till.close()
    report = _sync(shop)
    assert report.rejected == 0 and report.waiting == 0 and report.created == len(order)

    # the server's catalog is the till's, and the till's catalog survived its version coming back
    assert _server_catalog(sdb) == (before_products, before_members)
    assert _till_catalog(shop) == (before_products, before_members)

    # a second till of the store: empty, enrolled, pulls the catalog and every stock movement
    second = tmp_path / "t2"
    till = open_till(second)
    try:
        enrol_terminal(live.url, admin.enrol_terminal(sdb, "kop1", "s1", "t2"))
        pulled = sync_once(second)
        assert pulled.applied.products == len(before_products)
        assert pulled.applied.members == len(before_members)
        with sdb.database.connection_context():
            assert pulled.applied.movements == sdb.m.StockMovementModel.select().count() > 0
        assert StockMovementModel.select().where(StockMovementModel.kind == "remote").count() == (
            pulled.applied.movements
        )
        # selling units (a dus, a renceng) and their own barcodes arrive too: the carton scans
        from kkmp_pos.db.models import BarcodeModel, ProductUnitModel

        with_units = next(c for c, p in sorted(before_products.items()) if p["units"])
        pulled_units = sorted(
            (
                u.name,
                u.factor_milli,
                u.regular_price_rp,
                u.member_price_rp,
                tuple(sorted(b.code for b in BarcodeModel.select().where(BarcodeModel.unit == u.id))),
            )
            for u in ProductUnitModel.select().join(ProductModel).where(ProductModel.code == with_units)
        )
        assert pulled_units == before_products[with_units]["units"]
        name, factor, _price, _member, unit_barcodes = pulled_units[-1]
        carton = till.catalog.lookup_barcode(unit_barcodes[0])
        assert carton.unit_id is not None and carton.factor_milli == factor and name in carton.name
        ani = till.auth.create_user("Ani", "kasir", "1234")
        till.shifts.open(actor_of(ani), {100_000: 3})  # cash needs an open shift
        product = next(
            p
            for c, p in sorted(before_products.items())
            if p["barcodes"] and p["unit"] == "pcs" and _plain(ProductModel.get(ProductModel.code == c))
        )
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(product["barcodes"][0]), 2000)
        cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
        sale = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 1_000_000)], cashier)
        assert sale.total_rp == 2 * product["regular"]
        assert sync_once(second).created == 2  # the shift opened, then the sale
    finally:
        till.close()

    # uploading twice changes nothing: no product, price, ceiling, member or feed entry moves
    state = _server_state(sdb)
    again = run_cli(shop, "sync", "upload-catalog", *manager, env={"KKMP_POS_PIN": "9999"})
    assert again.returncode == 0, again.stderr
    assert f"queued for the server: {len(before_products)} products" in again.stdout
    assert "0 rejected" in again.stdout and "waiting: 0" in again.stdout
    assert _server_state(sdb) == state
    assert _server_catalog(sdb) == (before_products, before_members)
