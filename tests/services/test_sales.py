"""Committing a sale writes the sale, lines, payments, stock ledger, outbox event and print job at once."""

import json

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.db.models import (
    BarcodeModel,
    OutboxEventModel,
    PaymentModel,
    PrintJobModel,
    ProductModel,
    SaleLineModel,
    SaleModel,
    StockMovementModel,
    TerminalModel,
)
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod


def barcode_of(code: str) -> str:
    product = ProductModel.get(ProductModel.code == code)
    return BarcodeModel.get((BarcodeModel.product == product) & (BarcodeModel.unit.is_null())).code


def cash(tendered: int) -> list[PaymentInput]:
    return [PaymentInput(PaymentMethod.CASH, 0, tendered)]


def counts() -> tuple[int, ...]:
    return tuple(
        m.select().count()
        for m in (SaleModel, SaleLineModel, PaymentModel, StockMovementModel, OutboxEventModel, PrintJobModel)
    )


def test_member_cash_sale_writes_everything_in_one_go(till, cashier):
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("SPHP5")), 2000)
    cart.add(till.catalog.lookup_barcode(barcode_of("MK1")))
    cart.set_member(till.members.find("A-000001"))
    on_hand_before = ProductModel.get(ProductModel.code == "SPHP5").on_hand_milli
    seq_before = TerminalModel.get().next_seq

    result = till.sales.checkout(cart, cash(150_000), cashier)

    sale = SaleModel.get_by_id(result.sale_id)
    assert sale.status == "completed"
    assert sale.total_rp == 2 * 64500 + 15200 == result.total_rp
    assert sale.member_savings_rp == 2 * 1000 + 500
    assert sale.rounding_rp == 0 and sale.change_rp == 150_000 - 144_200
    lines = list(SaleLineModel.select().where(SaleLineModel.sale == sale.id).order_by(SaleLineModel.line_no))
    assert [(line.price_type, line.unit_price_rp) for line in lines] == [("member", 64500), ("member", 15200)]
    assert ProductModel.get(ProductModel.code == "SPHP5").on_hand_milli == on_hand_before - 2000
    movements = StockMovementModel.select().where(StockMovementModel.doc_id == sale.id)
    assert sorted(m.qty_milli for m in movements) == [-2000, -1000]
    event = OutboxEventModel.get(OutboxEventModel.seq == seq_before)
    assert event.type == "sale.completed" and result.event_seq == seq_before
    payload = json.loads(event.payload)
    assert payload["sale_id"] == sale.id and len(payload["lines"]) == 2 and len(payload["movements"]) == 2
    assert payload["payments"][0]["tendered_rp"] == 150_000
    assert TerminalModel.get().next_seq == seq_before + 1
    assert PrintJobModel.get_by_id(result.print_job_id).status == "pending"


def test_receipt_numbers_count_up_per_day_and_codes_are_12_digits(till, cashier):
    numbers = []
    for _ in range(3):
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(barcode_of("MK1")))
        numbers.append(till.sales.checkout(cart, cash(20_000), cashier))
    seqs = [int(r.receipt_no[-4:]) for r in numbers]
    assert seqs == [seqs[0], seqs[0] + 1, seqs[0] + 2]
    assert all(len(r.receipt_code) == 12 and r.receipt_code.isdigit() for r in numbers)
    assert numbers[0].receipt_no.startswith("KMPBPN-T1-")
    assert till.receipts.find(numbers[1].receipt_code).id == numbers[1].sale_id


def test_short_cash_is_refused_and_writes_nothing(till, cashier):
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("SPHP5")))
    before = counts()
    with pytest.raises(ValidationError) as info:
        till.sales.checkout(cart, cash(50_000), cashier)
    assert info.value.code == "cash_short"
    assert "Rp15.500" in info.value.message()
    assert counts() == before


def test_cash_rounding_applies_to_cash_due_and_is_recorded(till, cashier):
    cart = Cart()
    cart.add(till.catalog.item(ProductModel.get(ProductModel.code == "12345").id), 1250)  # 17.375
    assert till.sales.cash_due(cart) == 17_400
    result = till.sales.checkout(cart, cash(20_000), cashier)
    sale = SaleModel.get_by_id(result.sale_id)
    assert (sale.total_rp, sale.rounding_rp, sale.change_rp) == (17_375, 25, 2_600)


def test_unknown_barcode_is_a_clear_not_found(till):
    with pytest.raises(NotFoundError) as info:
        till.catalog.lookup_barcode("8990000000000")
    assert "8990000000000" in info.value.message()
    assert "Unknown barcode" in info.value.message("en")


def test_a_product_deactivated_after_scanning_is_refused_at_checkout(till, cashier):
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("GP1")))
    ProductModel.update(active=False).where(ProductModel.code == "GP1").execute()
    before = counts()
    with pytest.raises(ValidationError) as info:
        till.sales.checkout(cart, cash(20_000), cashier)
    assert info.value.code == "product_inactive"
    assert counts() == before
    with pytest.raises(ValidationError):
        till.catalog.lookup_barcode(barcode_of("GP1"))


def test_selling_unit_moves_stock_in_the_base_unit(till, cashier):
    dus = (
        BarcodeModel.select()
        .join(ProductModel)
        .where((ProductModel.code == "MIG") & (BarcodeModel.unit.is_null(False)))
    )
    items = [till.catalog.lookup_barcode(b.code) for b in dus]
    dus40 = next(i for i in items if i.factor_milli == 40_000)
    before = ProductModel.get(ProductModel.code == "MIG").on_hand_milli
    cart = Cart()
    cart.add(dus40)
    till.sales.checkout(cart, cash(200_000), cashier)
    assert ProductModel.get(ProductModel.code == "MIG").on_hand_milli == before - 40_000


def test_empty_cart_cannot_be_paid(till, cashier):
    with pytest.raises(ValidationError) as info:
        till.sales.checkout(Cart(), cash(10_000), cashier)
    assert info.value.code == "cart_empty"


def test_member_lookup_by_card_phone_and_nik(till):
    from kkmp_pos.db.models import MemberModel

    member = MemberModel.get(MemberModel.number == "A-000003")
    assert till.members.find(member.card_code).id == member.id
    assert till.members.find(member.phone).id == member.id
    assert till.members.find("+62" + member.phone[1:]).id == member.id
    assert till.members.find(member.nik).masked_nik.count("*") == 8
    with pytest.raises(NotFoundError):
        till.members.find("A-999999")


@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP / 3 L MinyaKita
def test_on_hand_cache_equals_ledger_after_sales(till, cashier):
    cart = Cart()
    for code in ("SPHP5", "MK1", "PCT"):
        cart.add(till.catalog.lookup_barcode(barcode_of(code)), 3000)
    till.sales.checkout(cart, cash(300_000), cashier)
    rows = till.ctx.db.execute_sql(
        "SELECT p.code, p.on_hand_milli, COALESCE(SUM(m.qty_milli), 0) FROM product p "
        "LEFT JOIN stock_movement m ON m.product_id = p.id GROUP BY p.id"
    ).fetchall()
    assert all(cache == ledger for _code, cache, ledger in rows)
    batch_rows = till.ctx.db.execute_sql(
        "SELECT b.id, b.on_hand_milli, COALESCE(SUM(m.qty_milli), 0) FROM batch b "
        "LEFT JOIN stock_movement m ON m.batch_id = b.id GROUP BY b.id"
    ).fetchall()
    assert batch_rows and all(cache == ledger for _id, cache, ledger in batch_rows)


def test_a_sale_belongs_to_the_open_shift_without_being_told(no_shift, till, cashier):
    shift = till.shifts.open(cashier, {50_000: 2, 1_000: 10})
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("MK1")))
    result = till.sales.checkout(cart, cash(20_000), cashier)
    assert SaleModel.get_by_id(result.sale_id).shift_id == shift.id


def test_obat_keras_sold_in_an_apotek_keeps_its_prescription(till, cashier):
    from kkmp_pos.db.models import StoreModel

    StoreModel.update(is_apotek=True).execute()
    till.ctx.refresh_store()
    cart = Cart()
    line = cart.add(till.catalog.lookup_barcode(barcode_of("AMX")))
    line.prescription_ref = "RSUD-BPN/2026/0042"
    result = till.sales.checkout(cart, cash(20_000), cashier)
    stored = SaleLineModel.get(SaleLineModel.sale == result.sale_id)
    assert stored.prescription_ref == "RSUD-BPN/2026/0042"
    payload = json.loads(OutboxEventModel.get(OutboxEventModel.seq == result.event_seq).payload)
    assert payload["lines"][0]["prescription_ref"] == "RSUD-BPN/2026/0042"


def test_a_full_disk_refuses_the_sale_with_a_clear_message_and_leaves_no_trace(till, cashier):
    from kkmp_pos.core.errors import StorageError

    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("MK1")))
    before = counts()
    pages = till.ctx.db.execute_sql("PRAGMA page_count").fetchone()[0]
    till.ctx.db.execute_sql(f"PRAGMA max_page_count = {pages}")  # the file may not grow: SQLITE_FULL
    try:
        with pytest.raises(StorageError) as info:
            for _ in range(200):  # until a page is needed
                till.sales.checkout(cart, cash(20_000), cashier)
        assert info.value.code == "disk_full"
        assert "Disk penuh" in info.value.message() and "disk is full" in info.value.message("en")
    finally:
        till.ctx.db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert till.ctx.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every sale that did commit is whole; the refused one left nothing behind
    sales = SaleModel.select().count() - before[0]
    assert counts()[4] - before[4] == sales  # one outbox event per committed sale, none for the refused
    assert cart.lines  # the cashier's cart is still there to try again
    till.sales.checkout(cart, cash(20_000), cashier)
