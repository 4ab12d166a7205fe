"""Bulk page apply: the same till state as the change-by-change path, and the clashes it hands over."""

from __future__ import annotations

from kkmp_pos.db.database import database
from kkmp_pos.db.models import BarcodeModel, MemberModel, ProductModel, ProductWordModel, StockMovementModel
from kkmp_pos.sync.apply import apply_changes, apply_changes_by_row

NOW = "2025-03-01T02:00:00.000Z"


def _c(entity: str, data: dict) -> dict:
    return {"entity": entity, "op": "upsert", "key": "k", "data": data}


def _page() -> list[dict]:
    return [
        _c(
            "product",
            {"product_id": "u1", "code": "A1", "name": "Gula Pasir", "barcode": "111", "category": "Sembako"},
        ),
        _c("price", {"product_id": "u1", "price_type": "regular", "store_id": "", "price_rp": 15000}),
        _c("product", {"product_id": "u2", "code": "A2", "name": "Minyak Goreng", "is_weighed": True}),
        _c("price", {"product_id": "u2", "price_type": "member", "store_id": "", "price_rp": 17000}),
        _c("ceiling", {"product_code": "A2", "ceiling_rp": 18000}),
        _c(
            "product",
            {
                "product_id": "u1",
                "code": "A1",
                "name": "Gula Pasir Putih",
                "barcode": "111",
                "aliases": "Gulaku",
            },
        ),
        _c("price", {"product_id": "u9", "price_type": "regular", "store_id": "", "price_rp": 1}),
        _c("member", {"member_id": "m1", "member_no": "A-000901", "name": "Sri", "card_code": "C901"}),
        _c(
            "stock_movement",
            {"movement_id": "mv1", "product_code": "A1", "qty_milli": -2000, "terminal_id": "t2"},
        ),
        _c(
            "stock_movement",
            {"movement_id": "mv1", "product_code": "A1", "qty_milli": -2000, "terminal_id": "t2"},
        ),
    ]


def _state() -> dict:
    products = {
        p.uid: (
            p.code,
            p.name,
            p.regular_price_rp,
            p.member_price_rp,
            p.ceiling_rp,
            p.is_weighed,
            p.on_hand_milli,
            p.aliases,
        )
        for p in ProductModel.select().where(ProductModel.uid.in_(["u1", "u2"]))
    }
    words = sorted(
        (w.word, w.product.uid)
        for w in ProductWordModel.select().join(ProductModel).where(ProductModel.uid.in_(["u1", "u2"]))
    )
    members = [
        (m.id, m.number, m.card_code, m.name) for m in MemberModel.select().where(MemberModel.id == "m1")
    ]
    barcodes = [(b.code, b.product.uid) for b in BarcodeModel.select().where(BarcodeModel.code == "111")]
    moves = StockMovementModel.select().where(StockMovementModel.id == "mv1").count()
    return {"products": products, "words": words, "members": members, "barcodes": barcodes, "moves": moves}


def test_bulk_page_leaves_the_same_state_as_change_by_change(tmp_path):
    from kkmp_pos.app import open_till

    results = []
    for name, fn in (("bulk", apply_changes), ("rows", apply_changes_by_row)):
        till = open_till(tmp_path / name)
        try:
            with database.atomic():
                stats = fn(_page(), NOW)
            results.append((_state(), stats.products, stats.prices, stats.movements))
        finally:
            till.close()
    assert results[0] == results[1]
    state = results[0][0]
    assert state["products"]["u1"][:3] == ("A1", "Gula Pasir Putih", 15000)
    assert state["products"]["u1"][6] == -2000  # the movement counted once
    assert state["products"]["u2"][3:6] == (17000, 18000, True)
    assert ("putih", "u1") in state["words"] and ("pasir", "u1") in state["words"]
    assert state["products"]["u1"][7] == "Gulaku" and ("gulaku", "u1") in state["words"]  # an alias
    assert state["members"] == [("m1", "A-000901", "C901", "Sri")]


def test_local_product_with_the_code_is_adopted_and_a_code_clash_in_a_page_still_applies(empty_till):
    ProductModel.create(
        uid="local",
        code="A1",
        name="Gula lokal",
        search_text="gula lokal",
        regular_price_rp=9000,
        updated_at=NOW,
    )
    page = [
        _c("product", {"product_id": "u1", "code": "A1", "name": "Gula"}),
        _c("product", {"product_id": "u2", "code": "B1", "name": "Beras"}),
        _c("product", {"product_id": "u3", "code": "B1", "name": "Beras Baru"}),  # takes B1 from u2
    ]
    with database.atomic():
        stats = apply_changes(page, NOW)
    assert stats.products == 3
    adopted = ProductModel.get(ProductModel.uid == "u1")
    assert (adopted.code, adopted.regular_price_rp) == ("A1", 9000)  # the local row, its price kept
    assert ProductModel.get(ProductModel.uid == "u3").code == "B1"
    assert ProductModel.select().where(ProductModel.code == "B1").count() == 1


def test_member_whose_number_a_local_member_holds_is_skipped_not_merged(empty_till):
    MemberModel.create(
        id="local",
        number="A-1",
        card_code="A-1",
        name="Ani",
        joined_on="2025-01-01",
        created_at=NOW,
        search_text="ani",
    )
    page = [
        _c("member", {"member_id": "m2", "member_no": "A-1", "name": "Budi"}),
        _c("member", {"member_id": "m3", "member_no": "A-2", "name": "Citra"}),
    ]
    with database.atomic():
        stats = apply_changes(page, NOW)
    assert stats.members == 1 and len(stats.skipped) == 1
    assert MemberModel.get(MemberModel.number == "A-1").name == "Ani"
    assert MemberModel.get_by_id("m3").name == "Citra"
