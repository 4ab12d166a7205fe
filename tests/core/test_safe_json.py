"""The server's storable-JSON screen: the quick walk agrees with the walk that names the place."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kkmp_pos.core import safe_json
from kkmp_pos.core.safe_json import MAX_INT64, problem

_text = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["\x00", "a\x00b", "\ud800", "x\udfff", "é", "x" * (safe_json.MAX_STRING + 1)]),
)
_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    _text,
)
_json = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(_json, st.integers(min_value=1, max_value=6))
def test_quick_walk_agrees_with_the_naming_walk(value, depth):
    assert safe_json._clean(value, depth) == (safe_json._first_problem(value, depth, "") is None)
    assert (problem(value, depth) is None) == (safe_json._first_problem(value, depth, "") is None)


def test_each_refusal_is_named_with_its_place():
    assert problem({"lines": [{"name": "a\x00"}]}) == ("lines[0].name", "contains a NUL character")
    assert problem({"a": {"b": "\ud800"}})[0] == "a.b"
    assert problem({"n": MAX_INT64 + 1}) == ("n", "is an integer beyond 64 bits")
    assert problem({"n": [1, math.inf]}) == ("n[1]", "is not a finite number")
    assert problem({"k\x00": 1})[1].startswith("(a key)")
    assert problem({"b": b"raw"}) == ("b", "must be JSON, not bytes")
    deep: object = 1
    for _ in range(20):
        deep = [deep]
    assert problem(deep)[1] == "is nested deeper than 16 levels"
    assert problem({"lines": [{"name": "Gula", "qty": 1000, "ok": True, "x": None}]}) is None
