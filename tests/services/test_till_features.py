"""The complete till's services: QRIS pending/confirm/abandon, returns, cancellations, held carts,
member registration, discounts and overrides, scale labels — each asserting the database and outbox."""

import json

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import NotFoundError, PermissionDenied, StateError, ValidationError
from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.core.qris import parse_qris
from kkmp_pos.db.models import (
    AuditLogModel,
    MemberModel,
    MemberPaymentModel,
    OutboxEventModel,
    PaymentConfirmationModel,
    PrintJobModel,
    ProductModel,
    SaleModel,
    SaleReturnModel,
    StockMovementModel,
)
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.services.test_sales import barcode_of, cash

STATIC_QRIS = (
    "00020101021126550016ID.CO.SHOPEE.WWW01189360091800000000180202180303UBE51440014ID.CO.QRIS.WWW0215"
    "ID20190022915550303UBE5204839853033605802ID5906Baznas6013Jakarta Pusat61051034062070703A016304A402"
)


def on_hand(code: str) -> int:
    return ProductModel.get(ProductModel.code == code).on_hand_milli


def last_event() -> OutboxEventModel:
    return OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first()


def sell(till, cashier, items, payments=None, member=None):
    cart = Cart()
    for code, qty in items:
        cart.add(till.catalog.lookup_barcode(barcode_of(code)), qty)
    if member:
        cart.set_member(till.members.find(member))
    return till.sales.checkout(cart, payments or cash(1_000_000), cashier)


# -- QRIS -------------------------------------------------------------------------------------------
def test_split_cash_and_qris_waits_for_confirmation_then_completes(till, cashier):
    till.ctx.set_setting("qris.static_payload", STATIC_QRIS)
    before = on_hand("SPHP5")
    payments = [PaymentInput(PaymentMethod.QRIS, 50_000), PaymentInput(PaymentMethod.CASH, 0, 20_000)]
    result = sell(till, cashier, [("SPHP5", 1000)], payments)
    sale = SaleModel.get_by_id(result.sale_id)
    assert sale.status == "awaiting_payment"
    assert on_hand("SPHP5") == before - 1000  # stock moved at commit
    assert result.change_rp == 20_000 - 15_500  # 65.500 - 50.000 by QRIS = 15.500 cash

    code = parse_qris(till.qris.payload(result.sale_id))
    assert code.amount_rp == 50_000 and code.is_dynamic and code.bill_number == sale.receipt_no[-25:]

    with pytest.raises(ValidationError):
        till.qris.confirm(result.sale_id, "", cashier)
    till.qris.confirm(result.sale_id, "RRN123456789", cashier)
    assert SaleModel.get_by_id(result.sale_id).status == "completed"
    assert PaymentConfirmationModel.get().reference == "RRN123456789"
    event = last_event()
    assert event.type == "sale.payment_confirmed" and json.loads(event.payload)["amount_rp"] == 50_000
    with pytest.raises(StateError):
        till.qris.confirm(result.sale_id, "RRN123456789", cashier)


def test_abandoned_qris_reverses_stock_and_is_never_sold(till, cashier):
    till.ctx.set_setting("qris.static_payload", STATIC_QRIS)
    before = on_hand("MK1")
    result = sell(till, cashier, [("MK1", 2000)], [PaymentInput(PaymentMethod.QRIS, 31_400)])
    assert on_hand("MK1") == before - 2000
    till.qris.abandon(result.sale_id, cashier)
    assert on_hand("MK1") == before
    assert SaleModel.get_by_id(result.sale_id).status == "cancelled"
    event = last_event()
    payload = json.loads(event.payload)
    assert event.type == "sale.cancelled" and payload["kind"] == "qris_abandoned"
    assert sorted(m["qty_milli"] for m in payload["movements"]) == [2000]
    with pytest.raises(StateError):
        till.qris.confirm(result.sale_id, "RRN999999999", cashier)


def test_qris_without_a_static_code_is_a_clear_message(till, cashier):
    till.ctx.set_setting("qris.static_payload", "")  # the demo shop ships one
    result = sell(till, cashier, [("MK1", 1000)], [PaymentInput(PaymentMethod.QRIS, 15_700)])
    with pytest.raises(ValidationError) as info:
        till.qris.payload(result.sale_id)
    assert info.value.code == "qris_not_configured"


# -- returns and cancellations ------------------------------------------------------------------------
@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP / 3 L MinyaKita
def test_partial_return_refunds_prorated_and_puts_stock_back(till, cashier, manager):
    result = sell(till, cashier, [("SPHP5", 3000), ("MK1", 2000)], member="A-000001")
    lines = till.reversals.returnable(result.sale_id)
    rice = next(line for line in lines if "SPHP" in line.name)
    before = on_hand("SPHP5")
    doc = till.reversals.create_return(result.sale_id, {rice.sale_line_id: 1000}, cashier, manager)
    ret = SaleReturnModel.get_by_id(doc)
    assert ret.refund_rp == 64_500 and ret.refund_method == "cash"
    assert on_hand("SPHP5") == before + 1000
    event = last_event()
    assert event.type == "return.completed" and json.loads(event.payload)["refund_rp"] == 64_500

    # a second return of the same line may take only what is left
    with pytest.raises(ValidationError) as info:
        till.reversals.create_return(result.sale_id, {rice.sale_line_id: 3000}, cashier, manager)
    assert info.value.code == "return_exceeds_sold"
    till.reversals.create_return(result.sale_id, {rice.sale_line_id: 2000}, cashier, manager)
    with pytest.raises(ValidationError):
        till.reversals.create_return(result.sale_id, {rice.sale_line_id: 1000}, cashier, manager)
    assert sum(r.refund_rp for r in SaleReturnModel.select()) == 3 * 64_500


def test_weighed_partial_returns_never_refund_more_than_paid(till, cashier, manager):
    cart = Cart()
    item = till.catalog.item(ProductModel.get(ProductModel.code == "12345").id)
    cart.add(item, 1333)  # 18.528,7 → 18.529
    result = till.sales.checkout(cart, cash(20_000), cashier)
    line = till.reversals.returnable(result.sale_id)[0]
    for qty in (333, 333, 667):
        till.reversals.create_return(result.sale_id, {line.sale_line_id: qty}, cashier, manager)
    assert sum(r.refund_rp for r in SaleReturnModel.select()) == line.line_total_rp


def test_returns_need_a_manager(till, cashier):
    result = sell(till, cashier, [("MK1", 1000)])
    line = till.reversals.returnable(result.sale_id)[0]
    with pytest.raises(PermissionDenied):
        till.reversals.create_return(result.sale_id, {line.sale_line_id: 1000}, cashier, cashier)
    assert SaleReturnModel.select().count() == 0


def test_cancel_a_completed_sale_is_a_reversal_document(till, cashier, manager):
    before = on_hand("GP1")
    result = sell(till, cashier, [("GP1", 2000)])
    with pytest.raises(PermissionDenied):
        till.reversals.cancel(result.sale_id, cashier, cashier, "salah input")
    till.reversals.cancel(result.sale_id, cashier, manager, "salah input")
    assert on_hand("GP1") == before
    sale = SaleModel.get_by_id(result.sale_id)
    assert sale.status == "cancelled" and sale.total_rp == 35_000  # the sale itself is not edited
    kinds = [
        m.kind for m in StockMovementModel.select().where(StockMovementModel.product == sale.lines[0].product)
    ]
    assert "sale" in kinds and "sale_cancel" in kinds
    assert AuditLogModel.select().where(AuditLogModel.action == "sale.cancelled").count() == 1
    with pytest.raises(StateError):
        till.reversals.cancel(result.sale_id, cashier, manager, "lagi")


# -- held carts -----------------------------------------------------------------------------------
def test_held_cart_survives_a_restart_and_reports_a_deactivated_product(till, cashier):
    from kkmp_pos.app import open_till

    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("MK1")), 2000)
    cart.add(till.catalog.lookup_barcode(barcode_of("GP1")))
    cart.set_member(till.members.find("A-000002"))
    held = till.held.hold(cart, cashier, "Bu Rina")
    ProductModel.update(active=False).where(ProductModel.code == "GP1").execute()
    folder = till.db_path.parent
    till.close()

    again = open_till(folder)
    assert [h.label for h in again.held.list()] == ["Bu Rina"]
    recalled = again.held.recall(held)
    assert [line.item.code for line in recalled.cart.lines] == ["MK1"]
    assert recalled.cart.lines[0].qty_milli == 2000 and recalled.cart.member.number == "A-000002"
    assert recalled.cart.lines[0].unit_price_rp == 15_200  # member price, looked up again
    assert [(name, err.code) for name, err in recalled.problems] == [("Gula Pasir 1 kg", "product_inactive")]
    assert again.held.list() == []
    with pytest.raises(NotFoundError):
        again.held.recall(held)
    again.close()


# -- member registration -------------------------------------------------------------------------------
def test_register_member_at_the_counter(till, cashier):
    import random

    nik = make_demo_nik(random.Random(99))
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("SPHP5")))
    reg = till.registration.register(
        name="Wahyuni Lestari",
        nik=nik,
        phone="0812 3456 7890",
        address="RT 05",
        method="cash",
        tendered_rp=100_000,
        cashier=cashier,
    )
    member = MemberModel.get(MemberModel.id == reg.member.id)
    assert member.status == "active" and member.phone == "081234567890"
    cart.set_member(reg.member)
    assert cart.lines[0].unit_price_rp == 64_500
    payment = MemberPaymentModel.get(MemberPaymentModel.member == member)
    assert (payment.kind, payment.amount_rp, payment.method) == ("pokok", 100_000, "cash")
    event = last_event()
    assert event.type == "member.registered" and json.loads(event.payload)["payment"]["amount_rp"] == 100_000
    kinds = {
        job.kind
        for job in PrintJobModel.select().where(PrintJobModel.id.in_([reg.receipt_job_id, reg.card_job_id]))
    }
    assert kinds == {"savings", "member_card"}
    assert till.members.find(member.card_code).id == member.id

    with pytest.raises(ValidationError) as info:
        till.registration.register(
            name="Orang Lain",
            nik=nik,
            phone="",
            address="",
            method="cash",
            tendered_rp=100_000,
            cashier=cashier,
        )
    assert info.value.code == "nik_already_registered"
    assert nik not in info.value.message()  # personal data stays masked


def test_registration_refuses_bad_nik_and_short_cash_without_writing(till, cashier):
    import random

    count = MemberModel.select().count()
    with pytest.raises(ValidationError) as info:
        till.registration.register(
            name="Budi", nik="1234", phone="", address="", method="cash", tendered_rp=100_000, cashier=cashier
        )
    assert info.value.code == "nik_invalid"
    with pytest.raises(ValidationError) as info:
        till.registration.register(
            name="Budi Utomo",
            nik=make_demo_nik(random.Random(5)),
            phone="",
            address="",
            method="cash",
            tendered_rp=50_000,
            cashier=cashier,
        )
    assert info.value.code == "cash_short"
    assert MemberModel.select().count() == count


# -- discounts and overrides ----------------------------------------------------------------------------
def test_discount_within_limit_needs_no_approval_beyond_it_does(till, cashier, manager):
    cart = Cart()
    line = cart.add(till.catalog.lookup_barcode(barcode_of("SPHP5")))
    till.overrides.discount_line(cart, line.line_id, cashier, amount_rp=5_000)
    assert cart.totals().total_rp == 60_500
    with pytest.raises(PermissionDenied) as info:
        till.overrides.discount_line(cart, line.line_id, cashier, percent=20)
    assert info.value.code == "approval_required"
    till.overrides.discount_line(cart, line.line_id, cashier, percent=20, approver=manager)
    assert cart.totals().total_rp == 65_500 - 13_100
    entry = (
        AuditLogModel.select()
        .where(AuditLogModel.action == "discount.line")
        .order_by(AuditLogModel.id.desc())
        .first()
    )
    assert entry.approved_by_id == manager.user_id
    result = till.sales.checkout(cart, cash(100_000), cashier)
    assert SaleModel.get_by_id(result.sale_id).discount_rp == 13_100


def test_manual_price_needs_a_manager_and_never_exceeds_the_ceiling(till, cashier, manager):
    cart = Cart()
    line = cart.add(till.catalog.lookup_barcode(barcode_of("LPG3")))
    with pytest.raises(PermissionDenied):
        till.overrides.set_price(cart, line.line_id, 18_000, cashier, None)
    with pytest.raises(ValidationError) as info:
        till.overrides.set_price(cart, line.line_id, 20_000, cashier, manager)
    assert info.value.code == "price_above_ceiling"
    till.overrides.set_price(cart, line.line_id, 18_000, cashier, manager)
    assert cart.totals().total_rp == 18_000
    assert AuditLogModel.select().where(AuditLogModel.action == "price.override").count() == 1


def test_total_discount_is_spread_over_lines_to_the_rupiah(till, cashier, manager):
    cart = Cart()
    for code in ("MK1", "GP1", "SPHP5"):
        cart.add(till.catalog.lookup_barcode(barcode_of(code)))
    till.overrides.discount_total(cart, manager, amount_rp=10_001)
    assert sum(line.discount_rp for line in cart.lines) == 10_001
    assert cart.totals().total_rp == 15_700 + 17_500 + 65_500 - 10_001


# -- scale labels and search ----------------------------------------------------------------------------
def test_weight_label_sells_the_weight(till, cashier):
    scan = till.scanner.scan("2012345012509")
    assert scan.item.code == "12345" and scan.qty_milli == 1250 and scan.fixed_total_rp is None


def test_price_label_fixes_the_line_total(till, cashier):
    till.ctx.set_setting("scale.layout", {"prefixes": ["21"], "value_kind": "price_rp"})
    scan = till.scanner.scan("2100042150003")
    assert scan.item.code == "00042" and scan.fixed_total_rp == 15_000
    assert scan.qty_milli == 882  # 15.000 / 17.000 per kg, for stock only
    cart = Cart()
    cart.add(scan.item, scan.qty_milli, fixed_total_rp=scan.fixed_total_rp)
    before = on_hand("00042")
    result = till.sales.checkout(cart, cash(15_000), cashier)
    assert result.total_rp == 15_000
    assert on_hand("00042") == before - 882


def test_a_wrong_check_digit_on_a_scale_label_is_refused(till):
    with pytest.raises(ValidationError):
        till.scanner.scan("2012345012508")


def test_receipt_code_and_member_card_scans(till, cashier):
    result = sell(till, cashier, [("MK1", 1000)])
    assert till.scanner.scan(result.receipt_code).sale_id == result.sale_id
    card = MemberModel.get(MemberModel.number == "A-000004").card_code
    assert till.scanner.scan(card).member.number == "A-000004"


@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP / 3 L MinyaKita
def test_search_puts_the_most_sold_first_after_prefix_matches(till, cashier):
    from kkmp_pos.services.selling import popularity

    sell(till, cashier, [("MK2", 9000)])
    popularity.refresh(till.ctx)
    names = [item.name for item in till.catalog.search("minyakita")]
    assert names[0] == "MinyaKita 2 L"
