"""The scan field's rules, decided by the scan service: quantity prefix, scale labels, weighed goods,
receipts, member cards and member numbers typed by hand."""

from __future__ import annotations

import pytest

from kkmp_pos.core.barcodes import split_qty_prefix
from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.db.models import MemberModel
from kkmp_pos.services.selling.scanning import ScanResultKind
from tests.services.test_sales import barcode_of, cash
from tests.services.test_till_features import sell


def test_split_qty_prefix_leaves_a_plain_code_alone():
    assert split_qty_prefix("8990000010012") == ("8990000010012", None)
    assert split_qty_prefix("3*8990000010012") == ("8990000010012", "3")
    assert split_qty_prefix("1,5*12345") == ("12345", "1,5")


def test_a_plain_barcode_sells_one(till):
    scan = till.scanner.read(barcode_of("MK1"))
    assert scan.kind is ScanResultKind.ITEM
    assert (scan.item.code, scan.qty_milli, scan.needs_weight) == ("MK1", 1000, False)


def test_a_quantity_prefix_sells_that_many_of_the_next_scan(till):
    scan = till.scanner.read("3*" + barcode_of("MK1"))
    assert (scan.item.code, scan.qty_milli) == ("MK1", 3000)


def test_a_bad_quantity_prefix_is_refused(till):
    with pytest.raises(ValidationError) as err:
        till.scanner.read("x*" + barcode_of("MK1"))
    assert err.value.code == "qty_invalid"


def test_a_weight_label_keeps_its_own_weight_whatever_the_prefix(till):
    scan = till.scanner.read("2*2012345012509")
    assert (scan.item.code, scan.qty_milli, scan.needs_weight) == ("12345", 1250, False)


def test_a_price_label_fixes_the_line_total(till):
    till.ctx.set_setting("scale.layout", {"prefixes": ["21"], "value_kind": "price_rp"})
    scan = till.scanner.read("2100042150003")
    assert (scan.fixed_total_rp, scan.qty_milli, scan.needs_weight) == (15_000, 882, False)


def test_a_weighed_item_typed_by_its_code_asks_for_the_weight(till):
    scan = till.scanner.read("12345")
    assert scan.item.is_weighed and scan.needs_weight


def test_a_receipt_code_opens_the_receipt(till, cashier):
    result = sell(till, cashier, [("MK1", 1000)], payments=cash(20_000))
    scan = till.scanner.read(result.receipt_code)
    assert (scan.kind, scan.sale_id) == (ScanResultKind.RECEIPT, result.sale_id)


def test_a_member_card_or_a_typed_member_number_attaches_the_member(till):
    member = MemberModel.get(MemberModel.number == "A-000004")
    by_card = till.scanner.read(member.card_code)
    by_number = till.scanner.read("A-000004")
    assert by_card.kind is by_number.kind is ScanResultKind.MEMBER
    assert by_card.member.number == by_number.member.number == "A-000004"


def test_an_unknown_code_says_the_barcode_is_unknown(till):
    with pytest.raises(NotFoundError) as err:
        till.scanner.read("0000000000000")
    assert err.value.code == "barcode_unknown"
