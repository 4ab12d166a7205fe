"""Receipt printers: the `Printer` protocol, the ESC/POS printer and a fake that ships (the settings
are in `printer_settings`, re-exported here with the other names a printer's user needs).

What to print (a `ReceiptDocument`) is turned into bytes by `render`; `send` is the one call that
moves bytes to the device. python-escpos is imported only when the first receipt is rendered or
sent, never at start-up.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import IO, Literal, Protocol, runtime_checkable

from kkmp_pos.core.errors import DeviceError
from kkmp_pos.core.reasons import Reason
from kkmp_pos.core.receipt import ReceiptDocument
from kkmp_pos.devices.printer_settings import PrinterSettings
from kkmp_pos.devices.printer_transport import send
from kkmp_pos.devices.printer_uri import FORMS, PrinterUri, parse_printer_uri

__all__ = [
    "FORMS",
    "EscposPrinter",
    "FakePrinter",
    "Printer",
    "PrinterSettings",
    "PrinterUri",
    "make_printer",
    "parse_printer_uri",
    "render_escpos",
    "send",
]

log = logging.getLogger(__name__)


def render_escpos(doc: ReceiptDocument, settings: PrinterSettings) -> bytes:
    """ESC/POS bytes for `doc` on the printer of `settings` (see devices.escpos_render)."""
    from kkmp_pos.devices.escpos_render import render_escpos as render

    return render(doc, settings)


@runtime_checkable
class Printer(Protocol):
    """A receipt printer as the print queue sees it."""

    @property
    def settings(self) -> PrinterSettings: ...

    def render(self, doc: ReceiptDocument) -> bytes:
        """The bytes that print `doc` (no I/O)."""
        ...

    def send(self, data: bytes) -> None:
        """Deliver the bytes in one write; DeviceError with a reason if the printer did not."""
        ...


class EscposPrinter:
    """The real thing: python-escpos formatting, any transport the URI names."""

    def __init__(
        self, settings: PrinterSettings, *, timeout_s: float = 5.0, stream: IO[bytes] | None = None
    ) -> None:
        settings.parsed_uri()  # a malformed address is reported when configured, not at sale time
        self._settings = settings
        self.timeout_s = timeout_s
        self.stream = stream

    @property
    def settings(self) -> PrinterSettings:
        return self._settings

    def render(self, doc: ReceiptDocument) -> bytes:
        return render_escpos(doc, self._settings)

    def send(self, data: bytes) -> None:
        send(self._settings, data, self.timeout_s, stream=self.stream)


@dataclass
class FakePrinter:
    """A printer that records what it is sent; the app sells with it when no printer is attached.

    Rendering is real (python-escpos), so recorded bytes decode like a real receipt. `fail()` makes
    the next sends raise the DeviceError a real printer would; `recover()` ends that.
    """

    settings: PrinterSettings = field(default_factory=PrinterSettings)
    sent: list[bytes] = field(default_factory=list)
    _failure: DeviceError | None = field(default=None, init=False)
    _failures_left: int | None = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def render(self, doc: ReceiptDocument) -> bytes:
        return render_escpos(doc, self.settings)

    def send(self, data: bytes) -> None:
        with self._lock:
            if self._failure is not None:
                error = self._failure
                if self._failures_left is not None:
                    self._failures_left -= 1
                    if self._failures_left <= 0:
                        self._failure, self._failures_left = None, None
                raise error
            self.sent.append(bytes(data))

    def fail(
        self,
        code: Literal["printer_unreachable", "printer_offline"] = "printer_unreachable",
        reason: Reason = ("sambungan ditolak", "connection refused"),
        *,
        times: int | None = None,
    ) -> None:
        """Make the next `times` sends (all, if None) fail like a real printer would.

        `reason` is (Bahasa Indonesia, English), as the real transport gives it.
        """
        with self._lock:
            self._failure = DeviceError(
                code, printer="fake", reason=reason[0], reason_en=reason[1], cause="fake"
            )
            self._failures_left = times

    def recover(self) -> None:
        with self._lock:
            self._failure, self._failures_left = None, None

    def texts(self) -> list[str]:
        """Each recorded job decoded back to its printed text."""
        from kkmp_pos.devices.escpos_text import decode_escpos_text

        with self._lock:
            jobs = list(self.sent)
        return [decode_escpos_text(job, self.settings.code_page) for job in jobs]


def make_printer(
    settings: PrinterSettings | None, *, timeout_s: float = 5.0, stream: IO[bytes] | None = None
) -> Printer:
    """The printer for `settings`; a FakePrinter when no printer is configured (None)."""
    if settings is None:
        log.info("no receipt printer configured: receipts go to the preview and the print queue")
        return FakePrinter()
    return EscposPrinter(settings, timeout_s=timeout_s, stream=stream)
