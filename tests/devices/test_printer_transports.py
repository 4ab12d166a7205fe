"""The other transports for real where this machine has them (device file, pty as serial port,
stdout), missing drivers, and the fake printer the app sells with when no printer is attached."""

from __future__ import annotations

import io
import os
import select
import sys
import threading
from pathlib import Path

import pytest

from kkmp_pos.core.errors import DeviceError, ValidationError
from kkmp_pos.core.receipt import build_sale_receipt, render_text, sample_sale_receipt
from kkmp_pos.devices.escpos_text import decode_escpos_text
from kkmp_pos.devices.printer import (
    EscposPrinter,
    FakePrinter,
    Printer,
    PrinterSettings,
    make_printer,
    render_escpos,
    send,
)

STATUS_QUERIES = b"\x10\x04\x01\x10\x04\x04"


def _receipt_bytes(settings: PrinterSettings) -> bytes:
    return render_escpos(build_sale_receipt(sample_sale_receipt(), settings.width_chars), settings)


def test_device_file_gets_the_bytes_in_one_piece(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    settings = PrinterSettings(uri=f"file://{target}")
    data = _receipt_bytes(settings)
    send(settings, data)
    assert target.read_bytes() == data  # no status query: a device file cannot answer


def test_missing_device_file_directory_is_unreachable(tmp_path: Path) -> None:
    settings = PrinterSettings(uri=f"file://{tmp_path}/no/such/lp0")
    with pytest.raises(DeviceError) as caught:
        send(settings, b"x")
    assert caught.value.code == "printer_unreachable"


def test_dummy_writes_the_bytes_to_the_given_stream() -> None:
    stream = io.BytesIO()
    settings = PrinterSettings(uri="dummy://")
    data = _receipt_bytes(settings)
    send(settings, data, stream=stream)
    assert stream.getvalue() == data


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_serial_port_gets_the_receipt_and_answers_status() -> None:
    master, slave = os.openpty()
    received = bytearray()

    def printer_end() -> None:  # the printer side of the serial line
        while True:
            ready, _, _ = select.select([master], [], [], 3)
            if not ready:
                return
            try:
                received.extend(os.read(master, 65536))
            except OSError:
                return
            if received[-3:-1] == b"\x10\x04":
                os.write(master, b"\x12")

    thread = threading.Thread(target=printer_end, daemon=True)
    thread.start()
    try:
        settings = PrinterSettings(uri=f"serial://{os.ttyname(slave)}?baudrate=19200")
        data = _receipt_bytes(settings)
        send(settings, data)
    finally:
        thread.join(5)
        os.close(master)
        os.close(slave)
    assert bytes(received) == STATUS_QUERIES + data + STATUS_QUERIES


def test_missing_serial_port_is_unreachable() -> None:
    with pytest.raises(DeviceError) as caught:
        send(PrinterSettings(uri="serial:///dev/no-such-tty"), b"x")
    assert caught.value.code == "printer_unreachable"


@pytest.mark.skipif(sys.platform == "win32", reason="pywin32 is installed on Windows")
def test_windows_spooler_without_pywin32_says_which_package_is_missing() -> None:
    with pytest.raises(DeviceError) as caught:
        send(PrinterSettings(uri="win32://POS-58"), b"x")
    assert caught.value.code == "printer_driver_missing"
    assert caught.value.params["package"] == "pywin32"
    assert "pywin32" in caught.value.message("id")


def test_malformed_uri_is_a_validation_error_before_any_io() -> None:
    with pytest.raises(ValidationError):
        send(PrinterSettings(uri="network://:9100"), b"x")
    with pytest.raises(ValidationError):
        EscposPrinter(PrinterSettings(uri="usb://nope"))


def test_fake_printer_records_real_receipts_and_fails_on_request() -> None:
    fake = FakePrinter()
    assert isinstance(fake, Printer)
    doc = build_sale_receipt(sample_sale_receipt(), fake.settings.width_chars)
    data = fake.render(doc)
    fake.send(data)
    assert fake.sent == [data]
    assert fake.texts() == [render_text(doc, 32, graphics=False)]

    fake.fail("printer_offline", ("kertas habis", "paper out"), times=1)
    with pytest.raises(DeviceError) as caught:
        fake.send(data)
    assert caught.value.code == "printer_offline"
    assert "kertas habis" in caught.value.message("id")
    assert "paper out" in caught.value.message("en")
    fake.send(data)  # the failure was for one send only
    assert len(fake.sent) == 2

    fake.fail()
    for _ in range(3):
        with pytest.raises(DeviceError):
            fake.send(data)
    fake.recover()
    fake.send(data)
    assert len(fake.sent) == 3


def test_make_printer_gives_a_fake_without_settings_and_escpos_with() -> None:
    assert isinstance(make_printer(None), FakePrinter)
    stream = io.BytesIO()
    printer = make_printer(PrinterSettings(uri="dummy://", paper_width_mm=80), stream=stream)
    assert isinstance(printer, EscposPrinter)
    doc = build_sale_receipt(sample_sale_receipt(), printer.settings.width_chars)
    printer.send(printer.render(doc))
    assert decode_escpos_text(stream.getvalue()) == render_text(doc, 48, graphics=False)
