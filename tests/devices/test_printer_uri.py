"""Printer URIs: every supported form parses to the right transport; malformed ones say why."""

from __future__ import annotations

import re

import pytest

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.devices.printer_uri import FORMS, PrinterUri, parse_printer_uri


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("network://192.168.1.50", dict(kind="network", host="192.168.1.50", port=9100)),
        ("network://192.168.1.50:9101", dict(kind="network", host="192.168.1.50", port=9101)),
        ("network://printer-kasir.local", dict(kind="network", host="printer-kasir.local", port=9100)),
        ("NETWORK://127.0.0.1:9100/", dict(kind="network", host="127.0.0.1", port=9100)),
        ("network://[::1]:9200", dict(kind="network", host="::1", port=9200)),
        ("file:///dev/usb/lp0", dict(kind="file", path="/dev/usb/lp0")),
        ("serial://COM3?baudrate=9600", dict(kind="serial", path="COM3", baudrate=9600)),
        ("serial://com12", dict(kind="serial", path="COM12", baudrate=9600)),
        (
            "serial:///dev/ttyUSB0?baudrate=115200",
            dict(kind="serial", path="/dev/ttyUSB0", baudrate=115200),
        ),
        ("serial:///dev/rfcomm0", dict(kind="serial", path="/dev/rfcomm0", baudrate=9600)),
        ("win32://POS-58 Printer", dict(kind="win32", name="POS-58 Printer")),
        ("win32://XP-58%20(copy%201)", dict(kind="win32", name="XP-58 (copy 1)")),
        ("cups://XP58", dict(kind="cups", name="XP58")),
        ("usb://0416:5011", dict(kind="usb", vendor_id=0x0416, product_id=0x5011)),
        ("usb://0x1fc9:0x2016", dict(kind="usb", vendor_id=0x1FC9, product_id=0x2016)),
        (
            "usb://0416:5011?in_ep=81&out_ep=03",
            dict(kind="usb", vendor_id=0x0416, product_id=0x5011, in_ep=0x81, out_ep=0x03),
        ),
        ("dummy://", dict(kind="dummy")),
    ],
)
def test_every_supported_form_parses(uri: str, expected: dict) -> None:
    parsed = parse_printer_uri(uri)
    assert isinstance(parsed, PrinterUri)
    for key, value in expected.items():
        assert getattr(parsed, key) == value, key
    assert parsed.uri == uri.strip()


def test_documented_forms_all_parse() -> None:
    kinds = {parse_printer_uri(form).kind for form in FORMS}
    assert kinds == {"network", "file", "serial", "win32", "cups", "usb", "dummy"}


def test_only_network_serial_and_usb_can_answer_status() -> None:
    answering = {
        parse_printer_uri(uri).kind
        for uri in ("network://h", "file:///dev/usb/lp0", "serial://COM1", "win32://P",
                    "cups://Q", "usb://1:2", "dummy://")
        if parse_printer_uri(uri).can_answer_status
    }  # fmt: skip
    assert answering == {"network", "serial", "usb"}


MALFORMED = [  # (uri, part of the English reason)
    ("", "no printer address"),
    ("192.168.1.50", "SCHEME://"),
    ("htp://192.168.1.50", "unknown kind 'htp'"),
    ("network://", "host is missing"),
    ("network://:9100", "host is missing"),
    ("network://192.168.1.50:", "port '' is not a number"),
    ("network://192.168.1.50:abc", "port 'abc' is not a number"),
    ("network://192.168.1.50:70000", "port 70000 is outside 1-65535"),
    ("network://192.168.1.50:0", "port 0 is outside"),
    ("network://192.168.1.50:9100/queue", "nothing after the port"),
    ("network://bad host", "not a host name"),
    ("network://[::1", "closing ']'"),
    ("file://", "device file is missing"),
    ("file:///dev/usb/lp0?x=1", "no options"),
    ("serial://", "port is missing"),
    ("serial://COM3?baudrate=9601", "baudrate '9601'"),
    ("serial://COM3?baudrate=fast", "baudrate 'fast'"),
    ("serial://COM3?speed=9600", "unknown option 'speed'"),
    ("serial://ttyUSB0", "neither COMn nor a device path"),
    ("win32://", "printer name is missing"),
    ("cups://", "printer name is missing"),
    ("cups://my queue", "no spaces"),
    ("usb://0416", "usb://VID:PID"),
    ("usb://0416:zz11", "product id 'zz11'"),
    ("usb://12345:0001", "vendor id '12345'"),
    ("usb://0000:5011", "cannot be 0"),
    ("usb://0416:5011?timeout=3", "unknown option 'timeout'"),
    ("dummy://stdout", "nothing after"),
]


@pytest.mark.parametrize(("uri", "reason_part"), MALFORMED)
def test_malformed_uri_is_refused_with_a_reason(uri: str, reason_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_printer_uri(uri)
    error = caught.value
    assert error.code == "printer_uri_invalid"
    assert error.params["uri"] == uri
    assert reason_part in error.params["reason_en"]
    assert reason_part in error.message("en")
    assert "tidak sah" in error.message("id")


# English words every English reason here uses one of; none may reach the Indonesian message.
ENGLISH_WORDS = re.compile(
    r"\b(expected|unknown|missing|allowed|is not|not a|cannot|takes|nothing|outside|neither|"
    r"address|number|name|option|without|e\.g\.)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("uri", "reason_part"), MALFORMED)
def test_malformed_uri_reason_is_in_indonesian_without_english(uri: str, reason_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_printer_uri(uri)
    indonesian, english = caught.value.message("id"), caught.value.message("en")
    assert indonesian != english
    reason = caught.value.params["reason"]
    assert reason and reason != caught.value.params["reason_en"]
    assert ENGLISH_WORDS.search(caught.value.params["reason_en"])  # the check below can fail
    assert not ENGLISH_WORDS.search(indonesian.replace(uri, "")), indonesian
