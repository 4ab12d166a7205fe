"""Barcodes: EAN/UPC check digits, scale labels (with and without value check digit), GS1, scans."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkmp_pos.core import barcodes
from kkmp_pos.core.barcodes import (
    ScaleBarcodeLayout,
    ScanKind,
    classify_scan,
    ean13_check_digit,
    gtin_check_digit,
    is_valid_ean8,
    is_valid_ean13,
    is_valid_upca,
    make_ean13,
    parse_gs1,
    parse_scale_barcode,
    price_check_digit,
)
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.messages import MESSAGES

WEIGHT = ScaleBarcodeLayout()
PRICE = ScaleBarcodeLayout(value_kind="price_rp")
# 28 IIII P VVVVV C: the common European layout with a 5-digit price and its check digit.
PRICE_CHECKED = ScaleBarcodeLayout(
    prefixes=("28",), item_code_length=4, value_kind="price_rp", price_check_digit=True
)
GTIN = "08996001234563"  # GTIN-14 of the EAN-13 8996001234563 (GS1 Indonesia prefix 899)
TODAY = date(2026, 1, 15)


def code_of(exc_info) -> str:
    return exc_info.value.code


# --- EAN / UPC


@pytest.mark.parametrize(
    ("data", "check"),
    [("400638133393", 1), ("501001708843", 9), ("899600123456", 3), ("000000000000", 0)],
)
def test_ean13_check_digit_known_values(data, check):
    assert ean13_check_digit(data) == check
    assert is_valid_ean13(data + str(check))


@pytest.mark.parametrize("bad", ["", "12345678901", "1234567890123", "12345678901a", "١٢٣٤٥٦٧٨٩٠١٢"])
def test_ean13_check_digit_refuses_anything_but_12_ascii_digits(bad):
    with pytest.raises(ValidationError) as info:
        ean13_check_digit(bad)
    assert code_of(info) == "barcode_invalid"


def test_ean13_validity_rejects_wrong_check_and_shape():
    assert is_valid_ean13("4006381333931")
    assert not is_valid_ean13("4006381333932")
    assert not is_valid_ean13("400638133393")
    assert not is_valid_ean13("400638133393x")


def test_ean8_and_upca_validity():
    assert is_valid_ean8("96385074")
    assert not is_valid_ean8("96385075")
    assert is_valid_upca("036000241457")
    assert not is_valid_upca("036000241458")
    assert is_valid_ean13("0" + "036000241457")  # UPC-A is an EAN-13 with a leading 0


def test_gtin_check_digit_of_a_gtin14_and_an_sscc():
    assert gtin_check_digit(GTIN[:-1]) == int(GTIN[-1])
    assert gtin_check_digit("10614141123456789") == 7  # SSCC (00)106141411234567897


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_make_ean13_is_always_valid(data12):
    code = make_ean13(data12)
    assert code[:12] == data12 and is_valid_ean13(code)


@given(
    st.text(alphabet="0123456789", min_size=12, max_size=12),
    st.integers(0, 12),
    st.integers(1, 9),
)
def test_any_single_wrong_digit_in_an_ean13_is_caught(data12, index, shift):
    code = make_ean13(data12)
    wrong = code[:index] + str((int(code[index]) + shift) % 10) + code[index + 1 :]
    assert not is_valid_ean13(wrong)


# --- price/weight check digit (GS1 General Specifications 7.9.3 and 7.9.4 examples)


def test_price_check_digit_spec_examples():
    assert price_check_digit("2875") == 9
    assert price_check_digit("14685") == 6


@given(st.text(alphabet="0123456789", min_size=4, max_size=5), st.data())
def test_price_check_digit_catches_any_single_wrong_digit(value, data):
    index = data.draw(st.integers(0, len(value) - 1))
    shift = data.draw(st.integers(1, 9))
    wrong = value[:index] + str((int(value[index]) + shift) % 10) + value[index + 1 :]
    assert price_check_digit(wrong) != price_check_digit(value)


def test_price_check_digit_refuses_other_lengths():
    with pytest.raises(ValidationError):
        price_check_digit("123")


# --- scale labels


def test_weight_label_vector_reads_item_and_grams_as_milli_kg():
    label = parse_scale_barcode("2012345012509", WEIGHT)
    assert label is not None
    assert (label.prefix, label.item_code, label.weight_milli, label.price_rp) == (
        "20", "12345", 1250, None,
    )  # fmt: skip


def test_price_label_vector_reads_item_and_rupiah():
    label = parse_scale_barcode("2100042150003", PRICE)
    assert label is not None
    assert (label.prefix, label.item_code, label.weight_milli, label.price_rp) == (
        "21", "00042", None, 15_000,
    )  # fmt: skip


def test_scale_label_with_wrong_ean_check_digit_is_refused():
    with pytest.raises(ValidationError) as info:
        parse_scale_barcode("2012345012508", WEIGHT)
    assert code_of(info) == "barcode_bad_check_digit"


def make_checked_label(item4: str, price5: str) -> str:
    return make_ean13("28" + item4 + str(price_check_digit(price5)) + price5)


def test_price_checked_layout_reads_a_good_label():
    code = make_checked_label("0042", "14685")
    assert code[6] == "6"
    label = parse_scale_barcode(code, PRICE_CHECKED)
    assert label is not None and (label.item_code, label.price_rp) == ("0042", 14_685)


def test_price_checked_layout_refuses_a_wrong_value_check_digit():
    # Valid EAN-13 overall (as a scale may print after a firmware fault) but wrong value check.
    code = make_ean13("28" + "0042" + "7" + "14685")
    with pytest.raises(ValidationError) as info:
        parse_scale_barcode(code, PRICE_CHECKED)
    assert code_of(info) == "scale_bad_price_check"


def test_four_digit_price_layout_with_check_digit():
    layout = ScaleBarcodeLayout(value_length=4, price_check_digit=True, value_kind="price_rp")
    code = make_ean13("23" + "12345" + str(price_check_digit("2875")) + "2875")
    label = parse_scale_barcode(code, layout)
    assert label is not None and (label.item_code, label.price_rp) == ("12345", 2_875)


@pytest.mark.parametrize("code", ["8996001234563", "201234501250", "20123450125099", "abc", ""])
def test_non_scale_codes_give_none(code):
    assert parse_scale_barcode(code, WEIGHT) is None


def test_layout_prefixes_decide_what_is_a_scale_label():
    only_29 = ScaleBarcodeLayout(prefixes=("29",))
    assert parse_scale_barcode("2012345012509", only_29) is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prefixes": ()},
        {"prefixes": ("2a",)},
        {"prefixes": ("2", "20")},
        {"item_code_length": 6},
        {"value_length": 6, "price_check_digit": True, "item_code_length": 3},
        {"price_check_digit": True},  # 2 + 5 + 1 + 5 + 1 = 14
        {"value_kind": "volume_ml"},
    ],
)
def test_inconsistent_layouts_are_refused(kwargs):
    with pytest.raises(ValidationError) as info:
        ScaleBarcodeLayout(**kwargs)
    assert code_of(info) == "scale_layout_invalid"


def test_one_digit_prefix_layout():
    layout = ScaleBarcodeLayout(prefixes=("2",), item_code_length=6)
    label = parse_scale_barcode("2012345012509", layout)
    assert label is not None and (label.item_code, label.weight_milli) == ("012345", 1250)


# --- GS1 element strings


@pytest.mark.parametrize(
    "text",
    [
        f"]d201{GTIN}17270131" + "10ABC123\x1d21SER1",  # DataMatrix with GS
        f"01{GTIN}17270131" + "10ABC123\x1d21SER1",  # no symbology id
        f"\x1d01{GTIN}17270131" + "10ABC123\x1d21SER1",  # leading FNC1 as GS
        f"(01){GTIN}(17)270131(10)ABC123(21)SER1",  # human form
        f"(01) {GTIN} (17) 270131 (10) ABC123 (21) SER1",  # copied from a label with spaces
        f"]C101{GTIN}17270131" + "10ABC123<GS>21SER1",  # GS1-128, GS typed as <GS>
        f"01{GTIN}17270131" + "21SER1\x1d10ABC123",  # other order
    ],
)
def test_gs1_forms_give_the_same_data(text):
    data = parse_gs1(text, today=TODAY)
    assert (data.gtin, data.batch, data.expiry, data.serial) == (
        GTIN, "ABC123", date(2027, 1, 31), "SER1",
    )  # fmt: skip
    assert data.gtin13 == "8996001234563"


def test_gs1_without_gs_reads_fixed_ones_by_length_and_the_last_variable_one_to_the_end():
    data = parse_gs1(f"01{GTIN}17280215" + "10LOT-77", today=TODAY)
    assert (data.batch, data.expiry, data.serial) == ("LOT-77", date(2028, 2, 15), None)


def test_gs1_without_gs_between_two_variable_ones_keeps_the_rest_in_the_first():
    # The documented limitation: without GS nobody can tell where the batch ends.
    data = parse_gs1(f"01{GTIN}17280215" + "10LOT21SER", today=TODAY)
    assert (data.batch, data.serial) == ("LOT21SER", None)


def test_gs1_expiry_day_00_is_the_last_day_of_the_month():
    assert parse_gs1(f"01{GTIN}17280200", today=TODAY).expiry == date(2028, 2, 29)
    assert parse_gs1(f"01{GTIN}17270200", today=TODAY).expiry == date(2027, 2, 28)
    assert parse_gs1(f"01{GTIN}17261200", today=TODAY).expiry == date(2026, 12, 31)


def test_gs1_century_follows_the_gs1_sliding_window():
    assert parse_gs1(f"01{GTIN}17991231", today=TODAY).expiry == date(1999, 12, 31)
    assert parse_gs1(f"01{GTIN}17760101", today=TODAY).expiry == date(2076, 1, 1)
    assert parse_gs1(f"01{GTIN}17770101", today=TODAY).expiry == date(1977, 1, 1)


def test_gs1_only_gtin():
    data = parse_gs1(f"01{GTIN}")
    assert (data.batch, data.expiry, data.serial) == (None, None, None)


def test_gs1_keeps_other_known_elements():
    data = parse_gs1(f"01{GTIN}11250101" + "3103001250" + "10B1", today=TODAY)
    assert data.get("11") == "250101" and data.get("3103") == "001250"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"01{GTIN[:-1]}4", "gs1_bad_check_digit"),
        (f"01{GTIN}17271301", "gs1_bad_date"),
        (f"01{GTIN}17270230", "gs1_bad_date"),
        (f"01{GTIN}1727013", "gs1_bad_value"),  # truncated fixed element
        (f"01{GTIN[:10]}", "gs1_bad_value"),
        (f"01{GTIN}10" + "B" * 21, "gs1_bad_value"),  # batch longer than 20
        (f"01{GTIN}10\x1d21X", "gs1_bad_value"),  # empty batch
        (f"01{GTIN}99ABC", "gs1_unknown_ai"),
        ("10ABC", "gs1_missing_gtin"),
        ("]d2", "gs1_empty"),
        (f"(01){GTIN}(01)08996001234570", "gs1_bad_value"),  # two different GTINs
        (f"x(01){GTIN}", "gs1_unknown_ai"),
        (f"01{'0899600123456A'}", "gs1_bad_value"),
    ],
)
def test_gs1_refusals(text, code):
    with pytest.raises(ValidationError) as info:
        parse_gs1(text, today=TODAY)
    assert code_of(info) == code


# --- classify_scan


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("2012345012509", ScanKind.SCALE),
        ("2100042150003", ScanKind.SCALE),
        ("8996001234563", ScanKind.EAN13),
        ("8996001234564", ScanKind.OTHER),  # wrong check digit
        ("96385074", ScanKind.EAN8),
        ("036000241457", ScanKind.OTHER),  # 12 digits: receipt code or UPC-A, caller decides
        ("900000000017", ScanKind.OTHER),
        (f"]d201{GTIN}17270131" + "10ABC", ScanKind.GS1),
        (f"(01){GTIN}(17)270131", ScanKind.GS1),
        (f"(17)270131(01){GTIN}", ScanKind.GS1),
        ("(Rp15.000)", ScanKind.OTHER),
        (f"01{GTIN}", ScanKind.GS1),
        (f"01{GTIN[:-1]}0", ScanKind.OTHER),  # GS1-shaped but bad GTIN
        ("3171234567890001", ScanKind.OTHER),  # a NIK typed into the scan box
        ("STORE-T1-260823-0042", ScanKind.OTHER),
        ("", ScanKind.OTHER),
        ("8996001234563\r\n", ScanKind.EAN13),  # scanner suffix
    ],
)
def test_classify_scan(code, kind):
    assert classify_scan(code, WEIGHT) == kind


def test_classify_without_a_layout_sees_scale_codes_as_ean13():
    assert classify_scan("2012345012509") == ScanKind.EAN13


def test_every_barcode_error_code_is_in_the_catalogue():
    for code in (
        "barcode_invalid", "barcode_bad_check_digit", "scale_bad_price_check",
        "scale_layout_invalid", "gs1_empty", "gs1_unknown_ai", "gs1_bad_value", "gs1_bad_date",
        "gs1_bad_check_digit", "gs1_missing_gtin",
    ):  # fmt: skip
        assert code in MESSAGES and all(MESSAGES[code])
    assert barcodes.parse_gs1 is parse_gs1
