"""The network path against real TCP listeners on 127.0.0.1 that behave like printers (or do not)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from kkmp_pos.core.errors import DeviceError
from kkmp_pos.core.receipt import build_sale_receipt, render_text, sample_sale_receipt
from kkmp_pos.devices.escpos_text import decode_escpos_text, extract_barcodes
from kkmp_pos.devices.printer import EscposPrinter, PrinterSettings, render_escpos, send

Q_ONLINE, Q_CAUSE, Q_PAPER = b"\x10\x04\x01", b"\x10\x04\x02", b"\x10\x04\x04"
ONLINE, OFFLINE = 0x12, 0x1A  # DLE EOT 1: fixed bits 1 and 4; bit 3 = offline
PAPER_OK, PAPER_OUT = 0x12, 0x72  # DLE EOT 4: bits 5 and 6 = paper end
COVER_OPEN = 0x16  # DLE EOT 2: bit 2


class PrinterListener:
    """A TCP listener that records every byte and answers DLE EOT n via `answer(n, nth_query)`.

    A printer answers a real-time status query at once; our client waits for each answer before
    sending more, so a query is always the last thing in the buffer when it is answered.
    """

    def __init__(self, answer: Callable[[int, int], int | None], *, close_at_once: bool = False):
        self.answer = answer
        self.close_at_once = close_at_once
        self.received = bytearray()
        self.connections = 0
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.server.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            with conn:
                if self.close_at_once:
                    continue
                self._talk(conn)

    def _talk(self, conn: socket.socket) -> None:
        conn.settimeout(0.1)
        queries = 0
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            self.received += chunk
            if len(self.received) >= 3 and self.received[-3:-1] == b"\x10\x04":
                queries += 1
                reply = self.answer(self.received[-1], queries)
                if reply is not None:
                    conn.sendall(bytes([reply]))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.server.close()

    @property
    def uri(self) -> str:
        return f"network://127.0.0.1:{self.port}"


@pytest.fixture
def listener() -> Iterator[Callable[..., PrinterListener]]:
    made: list[PrinterListener] = []

    def make(answer: Callable[[int, int], int | None], **kw: bool) -> PrinterListener:
        made.append(PrinterListener(answer, **kw))
        return made[-1]

    yield make
    for item in made:
        item.close()


def healthy(n: int, _nth: int) -> int:
    return {1: ONLINE, 2: 0x12, 4: PAPER_OK}[n]


def _receipt(uri: str, paper: int = 58) -> tuple[PrinterSettings, bytes, str]:
    settings = PrinterSettings(uri=uri, paper_width_mm=paper)  # type: ignore[arg-type]
    doc = build_sale_receipt(sample_sale_receipt(), settings.width_chars)
    return settings, render_escpos(doc, settings), render_text(doc, settings.width_chars, graphics=False)


@pytest.mark.parametrize("paper", [58, 80])
def test_receipt_arrives_exactly_once_between_status_checks_and_decodes(listener, paper) -> None:
    printer = listener(healthy)
    settings, data, expected_text = _receipt(printer.uri, paper)
    send(settings, data)
    received = bytes(printer.received)
    assert received == Q_ONLINE + Q_PAPER + data + Q_ONLINE + Q_PAPER
    assert received.count(data) == 1 and printer.connections == 1
    assert decode_escpos_text(received, "CP437") == expected_text
    assert extract_barcodes(received) == ["260823000042"]


def test_escpos_printer_object_sends_through_the_same_path(listener) -> None:
    printer = listener(healthy)
    settings, data, _ = _receipt(printer.uri)
    EscposPrinter(settings).send(data)
    assert bytes(printer.received).count(data) == 1


def test_closed_port_is_unreachable_with_a_reason() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    settings, data, _ = _receipt(f"network://127.0.0.1:{port}")
    with pytest.raises(DeviceError) as caught:
        send(settings, data)
    assert caught.value.code == "printer_unreachable"
    assert "refused" in caught.value.params["reason_en"]
    assert "ditolak" in caught.value.params["reason"]
    assert "Penjualan tetap tersimpan" in caught.value.message("id")
    assert "refused" not in caught.value.message("id")
    assert "refused" in caught.value.message("en")


def test_listener_that_never_answers_the_status_query_fails_with_a_reason(listener) -> None:
    printer = listener(lambda n, nth: None)
    settings, data, _ = _receipt(printer.uri)
    with pytest.raises(DeviceError) as caught:
        send(settings, data)
    assert caught.value.code == "printer_offline"
    assert caught.value.params["cause"] == "no_answer"
    # The receipt was held back: an unanswering device must not get a job it may print later.
    assert bytes(printer.received) == Q_ONLINE


def test_listener_that_closes_at_once_fails_with_a_reason(listener) -> None:
    printer = listener(healthy, close_at_once=True)
    settings, data, _ = _receipt(printer.uri)
    with pytest.raises(DeviceError) as caught:
        send(settings, data)
    assert caught.value.code in ("printer_offline", "printer_unreachable")


def test_paper_out_is_reported_and_nothing_is_printed(listener) -> None:
    printer = listener(lambda n, nth: {1: OFFLINE, 2: 0x32, 4: PAPER_OUT}[n])
    settings, data, _ = _receipt(printer.uri)
    with pytest.raises(DeviceError) as caught:
        send(settings, data)
    assert caught.value.code == "printer_offline"
    assert caught.value.params["reason"] == "kertas habis"
    assert caught.value.params["reason_en"] == "paper out"
    assert "Printer tidak siap: kertas habis." in caught.value.message("id")
    assert data not in bytes(printer.received)


def test_cover_open_is_reported(listener) -> None:
    printer = listener(lambda n, nth: {1: OFFLINE, 2: COVER_OPEN, 4: PAPER_OK}[n])
    settings, data, _ = _receipt(printer.uri)
    with pytest.raises(DeviceError) as caught:
        send(settings, data)
    assert caught.value.params["cause"] == "cover_open"
    assert "penutup kertas printer terbuka" in caught.value.message("id")
    assert "cover open" in caught.value.message("en")


def test_printer_that_runs_out_of_paper_while_printing_fails_the_job(listener) -> None:
    # Queries 1 and 2 come before the receipt, 3 and 4 after it.
    printer = listener(lambda n, nth: ONLINE if n == 1 else (PAPER_OK if nth <= 2 else PAPER_OUT))
    settings, data, _ = _receipt(printer.uri)
    with pytest.raises(DeviceError) as caught:
        send(settings, data)
    assert caught.value.params["reason_en"] == "paper out"
    assert bytes(printer.received).count(data) == 1


def test_printer_without_paper_sensor_answer_still_counts_as_online(listener) -> None:
    printer = listener(lambda n, nth: ONLINE if n == 1 else None)
    settings, data, _ = _receipt(printer.uri)
    send(settings, data)
    assert bytes(printer.received).count(data) == 1


def test_something_that_is_not_a_printer_is_refused_before_the_receipt_is_sent(listener) -> None:
    http_reply = iter(b"HTTP/1.1 400 Bad Request")
    printer = listener(lambda n, nth: next(http_reply))
    settings, data, _ = _receipt(printer.uri)
    with pytest.raises(DeviceError) as caught:
        send(settings, data)
    assert caught.value.code == "printer_unreachable"
    assert caught.value.params["cause"] == "not_a_printer"
    assert data not in bytes(printer.received)
