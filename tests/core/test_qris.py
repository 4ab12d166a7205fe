"""QRIS payloads: the DOMAIN.md vectors byte for byte, refusals with reasons, and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.messages import MESSAGES, render
from kkmp_pos.core.qris import (
    MAX_AMOUNT_RP,
    build_dynamic_qris,
    crc16_ccitt_false,
    parse_qris,
    validate_static_qris,
)

STATIC = (
    "00020101021126550016ID.CO.SHOPEE.WWW01189360091800000000180202180303UBE51440014ID.CO.QRIS.WWW"
    "0215ID20190022915550303UBE5204839853033605802ID5906Baznas6013Jakarta Pusat61051034062070703A01"
    "6304A402"
)
DYNAMIC_15000 = (
    "00020101021226550016ID.CO.SHOPEE.WWW01189360091800000000180202180303UBE51440014ID.CO.QRIS.WWW"
    "0215ID20190022915550303UBE5204839853033605405150005802ID5906Baznas6013Jakarta Pusat61051034062"
    "070703A016304F0C0"
)


def with_crc(body_without_crc: str) -> str:
    """A payload whose CRC is right, so a test checks only the fault it means to."""
    body = body_without_crc + "6304"
    return body + f"{crc16_ccitt_false(body.encode()):04X}"


def body_of(payload: str) -> str:
    return payload[:-8]


def error_code(payload: str) -> str:
    with pytest.raises(ValidationError) as info:
        parse_qris(payload)
    return info.value.code


def test_crc16_ccitt_false_check_value():
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert crc16_ccitt_false(b"") == 0xFFFF


def test_static_vector_is_accepted_and_its_fields_are_readable():
    parsed = validate_static_qris(STATIC)
    assert parsed.is_static and not parsed.is_dynamic
    assert parsed.merchant_name == "Baznas"
    assert parsed.merchant_city == "Jakarta Pusat"
    assert parsed.postal_code == "10340"
    assert parsed.nmid == "ID2019002291555"
    assert parsed.mcc == "8398"
    assert parsed.currency == "360"
    assert parsed.country == "ID"
    assert parsed.amount_rp is None
    assert parsed.terminal_label == "A01"
    assert parsed.acquirers == ("ID.CO.SHOPEE.WWW", "ID.CO.QRIS.WWW")
    assert parsed.sub("26", "01") == "936009180000000018"
    assert [t.tag for t in parsed.tlvs] == [
        "00", "01", "26", "51", "52", "53", "58", "59", "60", "61", "62", "63",
    ]  # fmt: skip


def test_dynamic_for_15000_equals_the_domain_vector_byte_for_byte():
    assert build_dynamic_qris(STATIC, 15_000) == DYNAMIC_15000


def test_dynamic_vector_parses_with_amount_and_is_not_static():
    parsed = parse_qris(DYNAMIC_15000)
    assert parsed.is_dynamic
    assert parsed.amount_rp == 15_000
    with pytest.raises(ValidationError) as info:
        validate_static_qris(DYNAMIC_15000)
    assert info.value.code == "qris_not_static"


def test_build_refuses_a_dynamic_code_as_its_base():
    with pytest.raises(ValidationError) as info:
        build_dynamic_qris(DYNAMIC_15000, 1000)
    assert info.value.code == "qris_not_static"


def test_build_adds_a_bill_number_but_never_writes_over_the_acquirers_terminal_label():
    out = parse_qris(build_dynamic_qris(STATIC, 2_500, bill_number="STORE-T1-0042", terminal_label="T1"))
    assert out.bill_number == "STORE-T1-0042"
    assert out.terminal_label == "A01"  # the acquirer's label stays (issue 14: was overwritten to T1)
    assert [c.tag for c in out.element("62").children] == ["07", "01"]
    assert out.amount_rp == 2_500
    assert "0703A01" in build_dynamic_qris(STATIC, 2_500, terminal_label="T1")


def _static(*elements: str) -> str:
    return with_crc("".join(elements))


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


# static codes laid out as different acquirers write them (tags and sub-tags as found on stickers)
ACQUIRER_LAYOUTS = {
    "62 with bill number, store and terminal": _static(
        _tlv("00", "01"), _tlv("01", "11"),
        _tlv("26", _tlv("00", "ID.CO.BANKBRI.WWW") + _tlv("01", "936000020000012345")
             + _tlv("02", "000001234567") + _tlv("03", "UMI")),
        _tlv("51", _tlv("00", "ID.CO.QRIS.WWW") + _tlv("02", "ID1023456789012") + _tlv("03", "UMI")),
        _tlv("52", "5411"), _tlv("53", "360"), _tlv("58", "ID"), _tlv("59", "KOPDES MERAH PUTIH"),
        _tlv("60", "BALIKPAPAN"), _tlv("61", "76111"),
        _tlv("62", _tlv("01", "***") + _tlv("03", "TOKO01") + _tlv("07", "KASIR01")),
    ),
    "62 with a reference label and purpose only": _static(
        _tlv("00", "01"), _tlv("01", "11"),
        _tlv("26", _tlv("00", "COM.DANA.WWW") + _tlv("01", "936009153000012345")
             + _tlv("02", "216000012345")),
        _tlv("51", _tlv("00", "ID.CO.QRIS.WWW") + _tlv("02", "ID2020123456789") + _tlv("03", "UMI")),
        _tlv("52", "5411"), _tlv("53", "360"), _tlv("58", "ID"), _tlv("59", "KOPERASI DESA"),
        _tlv("60", "SAMARINDA"), _tlv("61", "75111"),
        _tlv("62", _tlv("05", "REF-STATIC-01") + _tlv("08", "BELANJA")),
    ),
    "62 with unknown sub-tags and a 64 template": _static(
        _tlv("00", "01"), _tlv("01", "11"),
        _tlv("27", _tlv("00", "ID.CO.BNI.WWW") + _tlv("01", "936000090000000777") + _tlv("99", "XX")),
        _tlv("51", _tlv("00", "ID.CO.QRIS.WWW") + _tlv("02", "ID1099999999999") + _tlv("03", "UBE")),
        _tlv("52", "5411"), _tlv("53", "360"), _tlv("58", "ID"), _tlv("59", "KKMP SUKAMAJU"),
        _tlv("60", "KUTAI"),
        _tlv("62", _tlv("07", "T-01") + _tlv("50", _tlv("00", "ID.X") + _tlv("01", "Z"))),
        _tlv("64", _tlv("00", "ID") + _tlv("01", "KKMP SUKAMAJU")),
    ),
}  # fmt: skip


@pytest.mark.parametrize("layout", list(ACQUIRER_LAYOUTS))
def test_the_dynamic_code_keeps_every_tag_and_sub_tag_of_each_acquirers_static_code(layout):
    static = parse_qris(ACQUIRER_LAYOUTS[layout])
    dynamic = parse_qris(
        build_dynamic_qris(static.raw, 65_500, bill_number="S1-T1-0042", terminal_label="T1")
    )
    assert dynamic.is_dynamic and dynamic.amount_rp == 65_500
    kept = {t.tag: t.value for t in static.tlvs if t.tag not in ("01", "54", "62", "63")}
    assert {t.tag: t.value for t in dynamic.tlvs if t.tag in kept} == kept
    before = {c.tag: c.value for c in static.element("62").children}
    after = {c.tag: c.value for c in dynamic.element("62").children}
    assert {tag: after[tag] for tag in before} == before  # nothing written over
    if "01" not in before:
        assert after["01"] == "S1-T1-0042"  # added only where the acquirer left it out
    assert set(after) - set(before) <= {"01", "07"}


def test_build_adds_62_when_the_static_code_has_none():
    parsed = parse_qris(STATIC)
    no62 = with_crc("".join(t.encode() for t in parsed.tlvs if t.tag not in ("62", "63")))
    out = parse_qris(build_dynamic_qris(no62, 100, bill_number="A1"))
    assert out.bill_number == "A1"
    assert [t.tag for t in out.tlvs][-3:] == ["61", "62", "63"]


def test_build_puts_tags_in_ascending_order_even_if_the_static_code_did_not():
    parsed = parse_qris(STATIC)
    tags = {t.tag: t.encode() for t in parsed.tlvs}
    shuffled = with_crc(
        tags["00"] + tags["01"] + tags["59"] + tags["26"] + tags["51"] + tags["52"]
        + tags["53"] + tags["58"] + tags["60"] + tags["61"] + tags["62"]
    )  # fmt: skip
    assert parse_qris(shuffled).merchant_name == "Baznas"  # any order is legal on input
    assert build_dynamic_qris(shuffled, 15_000) == DYNAMIC_15000


@pytest.mark.parametrize("amount", [0, -1, MAX_AMOUNT_RP + 1, 10**20])
def test_build_refuses_amounts_outside_1_to_13_digits(amount):
    with pytest.raises(ValidationError) as info:
        build_dynamic_qris(STATIC, amount)
    assert info.value.code == "qris_amount_out_of_range"


@pytest.mark.parametrize("amount", [1.5, "15000", True])
def test_build_refuses_non_integer_amounts(amount):
    with pytest.raises(ValidationError):
        build_dynamic_qris(STATIC, amount)


def test_build_accepts_the_largest_amount():
    assert parse_qris(build_dynamic_qris(STATIC, MAX_AMOUNT_RP)).amount_rp == MAX_AMOUNT_RP


@pytest.mark.parametrize("bad", ["", "x" * 26, "naïve", "a\nb", "50%"])
def test_build_refuses_bad_bill_numbers(bad):
    with pytest.raises(ValidationError) as info:
        build_dynamic_qris(STATIC, 1000, bill_number=bad)
    assert info.value.code == "qris_text_invalid"


def test_lowercase_crc_is_accepted_as_the_same_checksum():
    # Decision: the checksum is a number; case is presentation. We always write uppercase.
    lower = STATIC[:-4] + STATIC[-4:].lower()
    assert lower != STATIC
    assert parse_qris(lower).crc == "a402"
    assert build_dynamic_qris(lower, 15_000) == DYNAMIC_15000


def test_surrounding_whitespace_from_pasting_is_ignored():
    assert parse_qris("  " + STATIC + "\n").raw == STATIC


def test_bad_crc_is_refused_with_both_values():
    with pytest.raises(ValidationError) as info:
        parse_qris(STATIC[:-4] + "A403")
    assert info.value.code == "qris_bad_crc"
    assert info.value.params == {"expected": "A402", "found": "A403"}


def test_non_hex_crc_is_refused():
    assert error_code(STATIC[:-4] + "ZZZZ") == "qris_bad_crc"


def test_changed_content_with_the_old_crc_is_refused():
    assert error_code(STATIC.replace("Baznas", "Bazzas")) == "qris_bad_crc"


@pytest.mark.parametrize("cut", [1, 3, 4, 8, 30, len(STATIC) - 1])
def test_truncated_payload_is_refused(cut):
    assert error_code(STATIC[:cut]) in {
        "qris_truncated", "qris_bad_length", "qris_missing_tag", "qris_tag_order",
    }  # fmt: skip


def test_truncated_in_the_middle_of_a_value_says_truncated():
    assert error_code(STATIC[:-2]) == "qris_truncated"


def test_non_digit_length_is_refused_as_bad_format():
    assert error_code("00AB01" + STATIC[6:]) == "qris_bad_format"
    with pytest.raises(ValidationError) as info:
        parse_qris("000201" + "01X211")
    assert info.value.code == "qris_bad_format"
    assert info.value.params == {"position": 6}


def test_non_ascii_digits_in_a_length_are_refused():
    assert error_code("00٠٢01" + STATIC[6:]) == "qris_bad_format"


def test_declared_length_longer_than_the_data_is_refused():
    assert error_code("000201010211" + "59" + "99" + "Baznas") == "qris_truncated"


def test_nested_template_with_wrong_inner_length_is_refused():
    broken = with_crc(body_of(STATIC).replace("0016ID.CO.SHOPEE.WWW", "0017ID.CO.SHOPEE.WWW", 1))
    assert error_code(broken) == "qris_bad_length"


def test_zero_length_value_is_refused():
    assert error_code(with_crc(body_of(STATIC) + "6100")) == "qris_bad_length"


@pytest.mark.parametrize("tag", ["52", "53", "58", "59", "60"])
def test_missing_required_tag_is_refused(tag):
    parsed = parse_qris(STATIC)
    payload = with_crc("".join(t.encode() for t in parsed.tlvs if t.tag not in (tag, "63")))
    with pytest.raises(ValidationError) as info:
        parse_qris(payload)
    assert info.value.code == "qris_missing_tag"
    assert info.value.params == {"tag": tag}


def test_missing_crc_tag_is_refused():
    assert error_code(body_of(STATIC)) == "qris_missing_tag"


def test_missing_merchant_account_templates_are_refused():
    parsed = parse_qris(STATIC)
    payload = with_crc("".join(t.encode() for t in parsed.tlvs if t.tag not in ("26", "51", "63")))
    assert error_code(payload) == "qris_missing_tag"


def test_static_without_point_of_initiation_is_not_taken_as_static():
    parsed = parse_qris(STATIC)
    payload = with_crc("".join(t.encode() for t in parsed.tlvs if t.tag not in ("01", "63")))
    assert parse_qris(payload).point_of_initiation is None
    with pytest.raises(ValidationError) as info:
        validate_static_qris(payload)
    assert info.value.code == "qris_missing_tag"


def test_format_indicator_must_come_first():
    body = body_of(STATIC)
    assert error_code(with_crc(body[6:12] + body[:6] + body[12:])) == "qris_tag_order"


def test_crc_must_come_last():
    assert error_code(STATIC + "6502" + "AB") == "qris_tag_order"


def test_duplicate_tag_is_refused():
    assert error_code(with_crc(body_of(STATIC) + "6105" + "10340")) == "qris_duplicate_tag"


@pytest.mark.parametrize(
    ("old", "new", "tag"),
    [
        ("000201", "000202", "00"),
        ("010211", "010213", "01"),
        ("5303360", "5303840", "53"),
        ("5802ID", "5802MY", "58"),
        ("52048398", "520483A8", "52"),
    ],
)
def test_wrong_fixed_values_are_refused(old, new, tag):
    with pytest.raises(ValidationError) as info:
        parse_qris(with_crc(body_of(STATIC).replace(old, new, 1)))
    assert info.value.code == "qris_bad_value"
    assert info.value.params["tag"] == tag


def test_merchant_name_longer_than_25_is_refused():
    long_name = "B" * 26
    payload = with_crc(body_of(STATIC).replace("5906Baznas", f"5926{long_name}", 1))
    assert error_code(payload) == "qris_bad_length"


@pytest.mark.parametrize("amount", ["0", "15.5", "abc", "1.000"])
def test_bad_amount_in_a_dynamic_code_is_refused(amount):
    body = body_of(DYNAMIC_15000).replace("540515000", f"54{len(amount):02d}{amount}", 1)
    assert error_code(with_crc(body)) == "qris_bad_value"


def test_amount_with_zero_decimals_is_read_as_whole_rupiah():
    body = body_of(DYNAMIC_15000).replace("540515000", "540815000.00", 1)
    assert parse_qris(with_crc(body)).amount_rp == 15_000


@pytest.mark.parametrize("payload", ["", "   ", "hello", "0002"])
def test_garbage_is_refused(payload):
    with pytest.raises(ValidationError):
        parse_qris(payload)


def test_every_qris_error_code_has_both_languages_and_renders():
    codes = [c for c in MESSAGES if c.startswith("qris_")]
    assert len(codes) >= 10
    for code in codes:
        indonesian, english = MESSAGES[code]
        assert indonesian and english and indonesian != english
    assert "A402" in render("qris_bad_crc", {"expected": "A402", "found": "0000"}, "en")


@settings(max_examples=300, deadline=None)
@given(amount=st.integers(min_value=1, max_value=MAX_AMOUNT_RP))
def test_any_amount_round_trips_with_a_valid_crc(amount):
    dynamic = build_dynamic_qris(STATIC, amount)
    parsed = parse_qris(dynamic)
    assert parsed.amount_rp == amount
    assert parsed.is_dynamic
    assert parsed.crc == f"{crc16_ccitt_false(dynamic[:-4].encode()):04X}"
    # Only 01, 54 and 63 differ from the static code.
    original = {t.tag: t.value for t in parse_qris(STATIC).tlvs}
    now = {t.tag: t.value for t in parsed.tlvs}
    assert {k for k in now if now[k] != original.get(k)} == {"01", "54", "63"}


@settings(max_examples=500, deadline=None)
@given(
    data=st.data(),
    base_amount=st.one_of(st.none(), st.integers(min_value=1, max_value=10**9)),
)
def test_one_changed_character_is_always_refused(data, base_amount):
    payload = STATIC if base_amount is None else build_dynamic_qris(STATIC, base_amount)
    index = data.draw(st.integers(min_value=0, max_value=len(payload) - 1))
    replacement = data.draw(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E).filter(
            # a case change inside the CRC is the same checksum by decision (see above)
            lambda c: (
                c.upper() != payload[index].upper() if index >= len(payload) - 4 else c != payload[index]
            )
        )
    )
    corrupted = payload[:index] + replacement + payload[index + 1 :]
    with pytest.raises(ValidationError):
        parse_qris(corrupted)


def test_a_reference_is_an_rrn_of_twelve_digits_or_letters():
    from kkmp_pos.core.qris import check_reference

    assert check_reference(" 4123 4567 8901\n") == "412345678901"
    assert check_reference("ab12cd34ef56") == "AB12CD34EF56"
    for wrong, code in (("", "qris_reference_missing"), ("41234567890", "qris_reference_invalid")):
        with pytest.raises(ValidationError) as info:
            check_reference(wrong)
        assert info.value.code == code
    with pytest.raises(ValidationError) as info:
        check_reference("4123-4567-8901")
    assert "12" in info.value.message() and "4123-4567-8901" in info.value.message()
