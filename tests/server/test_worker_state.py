"""State two worker processes share through files or the database, not memory: a cooperative's hash
key made or adopted by one worker is the key every other worker hands out."""

from __future__ import annotations

from kkmp_pos.server.keys import KeyStore


def test_a_hash_key_adopted_by_one_worker_is_seen_by_another(tmp_path):
    first, second = KeyStore(tmp_path / "keys"), KeyStore(tmp_path / "keys")
    first.create("kop1")
    assert second.has("kop1")  # the second worker has read (and cached) the key file without a hash key
    offered = bytes(range(32))
    assert first.hmac_key("kop1", offered) == offered  # a till's key, adopted through the first worker
    assert second.hmac_key("kop1") == offered  # not a new one made from the stale copy
    assert second.hash("kop1", "3201010101010001") == first.hash("kop1", "3201010101010001")
