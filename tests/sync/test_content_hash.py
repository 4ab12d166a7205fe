"""The event's content hash, computed with the payload encoded once, equals the hash of the whole
envelope's canonical JSON (as every stored event's hash was computed before)."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from kkmp_pos.sync.wire import EventEnvelope, canonical_json

_keys = st.text(min_size=1, max_size=6)  # any text: quotes, backslashes, non-ASCII
_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12))
_payload = st.dictionaries(
    _keys,
    st.recursive(
        _leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3)
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(_payload, st.integers(min_value=1, max_value=2**40), st.text(max_size=10))
def test_hash_with_the_payload_encoded_once_is_the_whole_envelopes_hash(payload, seq, label):
    env = EventEnvelope(
        event_id="0190f1a2-0000-7000-8000-000000000001",
        cooperative_id="kop1",
        store_id=f"s{label}",
        terminal_id="t1",
        seq=seq,
        type="sale.completed",
        schema_version=2,
        occurred_at="2026-08-23T10:00:00.000+00:00",
        business_date="2026-08-23",
        payload=payload,
    )
    chash, payload_text = env.hashed_payload()
    assert chash == hashlib.sha256(canonical_json(env.to_dict()).encode()).hexdigest()
    assert payload_text == canonical_json(payload)
    assert env.content_hash() == chash
