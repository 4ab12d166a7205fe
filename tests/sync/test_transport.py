"""The till refuses plain http to a server outside this machine and the private network (its sales
and its token would cross the internet in clear), unless told explicitly."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.app import open_till
from kkmp_pos.db.models import SettingModel, TerminalModel
from kkmp_pos.sync.client import SyncClient, SyncHttpError, is_local_address
from kkmp_pos.sync.worker import enrol_terminal, transport_options


@pytest.mark.parametrize(
    "host", ["localhost", "127.0.0.1", "192.168.1.10", "10.20.30.40", "172.16.5.1", "::1", "fe80::1"]
)
def test_this_machine_and_private_addresses_are_local(host):
    assert is_local_address(host)


@pytest.mark.parametrize("host", ["8.8.8.8", "93.184.216.34", "2001:4860:4860::8888", "100.64.0.1"])
def test_public_addresses_are_not(host):
    assert not is_local_address(host)


def test_plain_http_to_a_public_address_is_refused_before_anything_is_sent(tmp_path):
    till = open_till(tmp_path / "till")
    try:
        with pytest.raises(SyncHttpError) as refused:
            enrol_terminal("http://93.184.216.34:8700", "ABCD-EFGH-JKLM-NPQR")
        assert refused.value.code == "sync_insecure_url" and not refused.value.retryable
        assert "https://" in refused.value.message("id") and "tanpa enkripsi" in refused.value.message("id")
        assert not TerminalModel.get().enrolled
    finally:
        till.close()


def test_plain_http_is_allowed_when_the_till_is_told_explicitly(tmp_path):
    till = open_till(tmp_path / "till")
    try:
        assert transport_options() == {"allow_plain_http": False, "pinned_cert": ""}
        for key, value in (("sync.allow_plain_http", True), ("sync.tls_pin", "/etc/kkmp/server.pem")):
            SettingModel.insert(key=key, value=json.dumps(value)).on_conflict_replace().execute()
        options = transport_options()
        assert options == {"allow_plain_http": True, "pinned_cert": "/etc/kkmp/server.pem"}
        client = SyncClient("http://93.184.216.34:8700", allow_plain_http=options["allow_plain_http"])
        assert client._check_transport() is None  # no refusal: it would now try to connect
    finally:
        till.close()


def test_a_pinned_certificate_that_cannot_be_read_is_a_clear_error(tmp_path):
    client = SyncClient("https://127.0.0.1:1", pinned_cert=str(tmp_path / "missing.pem"))
    with pytest.raises(SyncHttpError) as failed:
        client.health()
    assert failed.value.code == "sync_tls_failed"
