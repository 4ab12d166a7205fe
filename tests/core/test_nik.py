"""NIK: validation with reasons, masking that never leaks, birth date and sex, demo numbers."""

from __future__ import annotations

import random
from datetime import date

import pytest
import stdnum.id.nik as stdnum_nik
from hypothesis import given
from hypothesis import strategies as st

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.nik import (
    make_demo_nik,
    mask_nik,
    nik_birth_date,
    nik_is_female,
    validate_nik,
)

VALID_MAN = "3171011708450001"  # stdnum's own example: Jakarta Selatan, born 17-08-1945
VALID_WOMAN = "6471015708900002"  # Balikpapan, born 17-08-1990 (day + 40)


def reason_of(nik: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        validate_nik(nik)
    assert info.value.code == "nik_invalid"
    return info.value


@pytest.mark.parametrize(
    "written",
    [VALID_MAN, "3171 0117 0845 0001", "3171.01.170845.0001", " 3171-01-170845-0001\n"],
)
def test_validate_strips_separators(written):
    assert validate_nik(written) == VALID_MAN


@pytest.mark.parametrize(
    ("nik", "reason"),
    [
        ("", "format"),
        ("317101170845000x", "format"),
        ("３１７１０１１７０８４５０００１", "format"),  # full-width digits from a phone keyboard
        ("31710117084500", "length"),
        ("31710117084500011", "length"),
        ("3171013208450001", "birth_date"),  # day 32
        ("3171017208450001", "birth_date"),  # day 72 (woman, 32nd)
        ("3171018508450001", "birth_date"),  # day 85: stdnum alone would take it as the 5th
        ("3171000008450001", "birth_date"),  # day 00
        ("3171011713450001", "birth_date"),  # month 13
        ("3171012902010001", "birth_date"),  # 29 Feb 1901 / 2001 does not exist
        ("9971011708450001", "region"),
        ("0071011708450001", "region"),
    ],
)
def test_invalid_niks_say_why(nik, reason):
    error = reason_of(nik)
    assert error.params["reason"] == reason
    id_text, en_text = error.message("id"), error.message("en")
    assert id_text.startswith("NIK ") and en_text.startswith("NIK ")
    assert "{" not in id_text + en_text


def test_error_messages_never_carry_the_whole_nik():
    error = reason_of("9971011708450001")
    assert "9971011708450001" not in str(error)
    assert "9971011708450001" not in error.message("id") + error.message("en")
    assert error.params["nik"] == "9971********0001"
    assert "9971" in error.message("en")  # the region code is what the user must fix


def test_length_reason_names_the_count():
    assert "14" in reason_of("31710117084500").message("id")


def test_leap_day_is_valid():
    assert validate_nik("3171012902000001") == "3171012902000001"


def test_mask_the_domain_example():
    assert mask_nik("3171234567890001") == "3171********0001"


@pytest.mark.parametrize(
    ("raw", "masked"),
    [("3171 0117 0845 0001", "3171********0001"), ("12345678", "********"), ("", ""),
     ("123456789", "1234*6789")],
)  # fmt: skip
def test_mask_never_shows_more_than_four_and_four(raw, masked):
    assert mask_nik(raw) == masked


@given(st.text(min_size=0, max_size=40))
def test_mask_never_raises_and_hides_the_middle(text):
    masked = mask_nik(text)
    if len(masked) > 8:
        assert set(masked[4:-4]) == {"*"}


def test_birth_date_and_sex():
    assert nik_birth_date(VALID_MAN) == date(1945, 8, 17)
    assert not nik_is_female(VALID_MAN)
    assert nik_birth_date(VALID_WOMAN) == date(1990, 8, 17)
    assert nik_is_female(VALID_WOMAN)


def test_birth_date_century_is_the_latest_not_in_the_future():
    born_2010 = "6471010508100001"
    assert nik_birth_date(born_2010, today=date(2026, 1, 1)) == date(2010, 8, 5)
    assert nik_birth_date(born_2010, today=date(2009, 1, 1)) == date(1910, 8, 5)


def test_birth_helpers_refuse_invalid_niks():
    with pytest.raises(ValidationError):
        nik_birth_date("123")
    with pytest.raises(ValidationError):
        nik_is_female("3171013208450001")


def test_demo_niks_are_valid_for_stdnum_and_from_balikpapan():
    rng = random.Random(2025)
    niks = [make_demo_nik(rng) for _ in range(500)]
    assert all(stdnum_nik.is_valid(n) for n in niks)
    assert all(n.startswith("6471") and "01" <= n[4:6] <= "06" for n in niks)
    assert len(set(niks)) > 490
    assert any(nik_is_female(n) for n in niks) and not all(nik_is_female(n) for n in niks)


def test_demo_niks_are_deterministic_for_a_seed():
    first = [make_demo_nik(random.Random(7)) for _ in range(3)]
    assert first == [make_demo_nik(random.Random(7)) for _ in range(3)]


def test_demo_nik_honours_requested_fields():
    nik = make_demo_nik(
        random.Random(1), "31", "71", district_code="01", birth_date=date(1999, 2, 3), female=True
    )
    assert nik[:6] == "317101"
    assert nik_birth_date(nik) == date(1999, 2, 3)
    assert nik_is_female(nik)


@pytest.mark.parametrize(("province", "regency"), [("99", "01"), ("64", "99"), ("6", "471")])
def test_demo_nik_refuses_unknown_regions(province, regency):
    with pytest.raises(ValidationError) as info:
        make_demo_nik(random.Random(1), province, regency)
    assert info.value.params["reason"] == "region"


@given(st.integers(min_value=0, max_value=2**32))
def test_any_seed_gives_a_valid_demo_nik(seed):
    nik = make_demo_nik(random.Random(seed))
    assert validate_nik(nik) == nik
