"""Printer discovery: address ranges (bounded, loopback-only where required), a port scan that finds
real TCP listeners across 127.0.0.0/8, stops when cancelled or out of time, and the attached-printer
lists that never fail for want of a driver (no win32print, no libusb here)."""

from __future__ import annotations

import socket
import threading

import pytest

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.services.setup import printer_discovery as discovery


@pytest.fixture
def listeners():
    """Two listeners on one free port at 127.0.0.3 and 127.0.0.9 (nothing on the addresses between)."""
    probe = socket.socket()
    probe.bind(("127.0.0.3", 0))
    port = probe.getsockname()[1]
    probe.close()
    servers = [socket.create_server((host, port)) for host in ("127.0.0.3", "127.0.0.9")]
    yield port
    for server in servers:
        server.close()


def test_ranges_as_a_subnet_a_span_a_short_span_and_one_address():
    assert discovery.hosts_in_range("10.0.0.0/30", loopback=False) == ["10.0.0.1", "10.0.0.2"]
    assert discovery.hosts_in_range("127.0.0.5-127.0.0.7") == ["127.0.0.5", "127.0.0.6", "127.0.0.7"]
    assert discovery.hosts_in_range("127.0.0.5-6") == ["127.0.0.5", "127.0.0.6"]
    assert discovery.hosts_in_range("127.0.0.8") == ["127.0.0.8"]
    assert len(discovery.hosts_in_range("192.168.1.0/24", loopback=False)) == 254


@pytest.mark.parametrize("text", ["", "printer", "192.168.1.300", "127.0.0.9-127.0.0.3", "::1/128"])
def test_a_bad_range_says_how_to_write_one(text):
    with pytest.raises(ValidationError) as info:
        discovery.hosts_in_range(text, loopback=False)
    assert info.value.code == "network_range_invalid"


def test_a_range_too_large_is_refused_before_any_scan():
    with pytest.raises(ValidationError) as info:
        discovery.hosts_in_range("10.0.0.0/16", loopback=False)
    assert info.value.code == "network_range_too_large"


def test_loopback_only_refuses_the_shop_network(monkeypatch):
    monkeypatch.setenv(discovery.LOOPBACK_ONLY_ENV, "1")
    with pytest.raises(ValidationError) as info:
        discovery.hosts_in_range("192.168.1.0/24")
    assert info.value.code == "network_range_not_allowed"
    assert discovery.own_subnet() == "127.0.0.1/32"
    assert discovery.hosts_in_range("127.0.0.1-3") == ["127.0.0.1", "127.0.0.2", "127.0.0.3"]


def test_the_scan_finds_each_listener_and_nothing_else(listeners):
    hosts = discovery.hosts_in_range("127.0.0.1-127.0.0.12", loopback=True)
    result = discovery.scan_network(hosts, listeners)
    assert [f.uri for f in result.found] == [
        f"network://127.0.0.3:{listeners}",
        f"network://127.0.0.9:{listeners}",
    ]
    assert result.tried == result.total == 12
    assert not result.cancelled and not result.timed_out


def test_a_cancelled_scan_stops_and_says_so(listeners):
    cancel = threading.Event()
    hosts = discovery.hosts_in_range("127.0.0.0/22", loopback=True)
    result = discovery.scan_network(hosts, listeners, cancel=cancel, progress=lambda _r: cancel.set())
    assert result.cancelled and not result.timed_out
    assert 0 < result.tried < result.total


def test_a_scan_cancelled_before_it_starts_tries_nothing(listeners):
    cancel = threading.Event()
    cancel.set()
    result = discovery.scan_network(["127.0.0.3"], listeners, cancel=cancel)
    assert result.cancelled and result.tried == 0 and result.found == []


def test_a_scan_out_of_time_stops_and_says_so(listeners):
    hosts = discovery.hosts_in_range("127.0.0.0/22", loopback=True)
    result = discovery.scan_network(hosts, listeners, budget_s=0.0)
    assert result.timed_out and not result.cancelled and result.tried < result.total


def test_attached_printers_are_listed_without_failing_for_missing_drivers():
    found = discovery.attached_printers()
    assert all(f.uri.split("://")[0] in ("win32", "cups", "serial", "usb") for f in found)
    for printer in discovery.serial_printers():
        assert printer.uri.startswith("serial://") and "baudrate=" in printer.uri
