"""The text rules every stored or sent string meets, and the spreadsheet cells that never run."""

from __future__ import annotations

import pytest

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.spreadsheet import safe_cell, unquote_cell
from kkmp_pos.core.text_rules import MAX_NAME, check_int, check_text, payload_problems


@pytest.mark.parametrize(
    ("value", "code"),
    [("Gula\x00Pasir", "text_has_nul"), ("Gula \ud800", "text_not_unicode"), ("x" * 201, "text_too_long")],
)
def test_bad_text_is_refused_naming_the_field_in_both_languages(value, code):
    with pytest.raises(ValidationError) as refused:
        check_text(value, "name", MAX_NAME)
    assert refused.value.code == code
    assert refused.value.message("id").startswith("nama:")
    assert refused.value.message("en").startswith("name:")


def test_good_text_and_numbers_pass_unchanged():
    assert check_text("Minyak Goreng 1 L — Bimoli", "name", MAX_NAME) == "Minyak Goreng 1 L — Bimoli"
    assert check_int(-5, "price") == -5
    with pytest.raises(ValidationError):
        check_int(10**30, "units")
    with pytest.raises(ValidationError):
        check_int(True, "units")  # a bool is not a number


def test_payload_problems_find_every_bad_string_key_number_and_depth():
    deep: dict = {}
    node = deep
    for _ in range(40):
        node["x"] = {}
        node = node["x"]
    payload = {
        "lines": [{"name": "ok"}, {"name": "Gula\x00"}],
        "note\x00": 1,
        "big": 2**70,
        "broken": "\udc80",
        "deep": deep,
    }
    found = dict(payload_problems(payload))
    assert found["lines[1].name"] == "text_has_nul"
    assert found["(key)"] == "text_has_nul"
    assert found["big"] == "number_out_of_range"
    assert found["broken"] == "text_not_unicode"
    assert "payload_too_deep" in found.values()
    assert list(payload_problems({"lines": [{"name": "Gula", "qty_milli": -1000}], "x": None})) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Gula Pasir", "Gula Pasir"),
        ("-5", "-5"),  # a plain number stays a number
        ("+6281234", "+6281234"),
        ("-1,25", "-1,25"),
        (-5, -5),
        (0, 0),
        (None, None),
    ],
)
def test_cells_that_could_run_are_quoted_and_numbers_stay_numbers(value, expected):
    assert safe_cell(value) == expected
    if isinstance(value, str):
        assert unquote_cell(safe_cell(value)) == value
