"""Sending ESC/POS bytes to a printer: open the transport, one write, then ask for its status.

python-escpos printer classes are the transports (Network, File, Serial, Win32Raw, CupsPrinter, Usb);
python-escpos is imported here lazily, when the first job is sent. Every failure becomes a
`DeviceError` with a reason in both languages (`reason`, `reason_en`); nothing here retries a write,
so a job is never printed twice by us.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from typing import IO, TYPE_CHECKING, Any

from kkmp_pos.core.errors import DeviceError
from kkmp_pos.core.reasons import Reason, foreign_reason, os_error_reason
from kkmp_pos.devices.printer_uri import PrinterUri

if TYPE_CHECKING:
    from kkmp_pos.devices.printer_settings import PrinterSettings

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"
STATUS_PRINTER, STATUS_OFFLINE_CAUSE, STATUS_PAPER = 1, 2, 4
# The inner steps share this fraction of the caller's timeout, so their own timeouts fire first and
# carry the precise reason; the outer guard only catches a call that ignores its timeout.
INNER_SHARE = 0.85
PAPER_QUERY_MAX_S = 1.0  # a printer that answered the first query answers the next one at once
_PAPER_OUT: Reason = ("kertas habis", "paper out")

_DRIVERS = {
    "network": ("Network", "python-escpos"),
    "file": ("File", "python-escpos"),
    "serial": ("Serial", "pyserial"),
    "usb": ("Usb", "pyusb"),
    "win32": ("Win32Raw", "pywin32"),
    "cups": ("CupsPrinter", "pycups"),
}


def _unreachable(uri: PrinterUri, reason: Reason, cause: str = "connection") -> DeviceError:
    return DeviceError(
        "printer_unreachable", printer=uri.describe(), reason=reason[0], reason_en=reason[1], cause=cause
    )


def _offline(uri: PrinterUri, reason: Reason, cause: str) -> DeviceError:
    return DeviceError(
        "printer_offline", printer=uri.describe(), reason=reason[0], reason_en=reason[1], cause=cause
    )


def _remaining(deadline: float) -> float:
    return max(0.05, deadline - time.monotonic())


def _open(uri: PrinterUri, deadline: float) -> Any:
    """A connected python-escpos printer object for `uri`."""
    import escpos.printer
    from escpos.exceptions import DeviceNotFoundError

    class_name, package = _DRIVERS[uri.kind]
    cls = getattr(escpos.printer, class_name)
    if not cls.is_usable():
        raise DeviceError("printer_driver_missing", kind=uri.kind, package=package)
    timeout = _remaining(deadline)
    if uri.kind == "network":
        printer = cls(host=uri.host, port=uri.port, timeout=timeout)
    elif uri.kind == "file":
        printer = cls(devfile=uri.path)
    elif uri.kind == "serial":
        printer = cls(devfile=uri.path, baudrate=uri.baudrate, timeout=timeout)
    elif uri.kind == "usb":
        endpoints = {"in_ep": uri.in_ep or 0x82, "out_ep": uri.out_ep or 0x01}
        printer = cls(uri.vendor_id, uri.product_id, timeout=int(timeout * 1000), **endpoints)
    else:  # win32 and cups: the job name shows in the spooler's queue window
        printer = cls(printer_name=uri.name)
    try:
        if uri.kind in ("win32", "cups"):
            printer.open(job_name="KKMP POS")
        else:
            printer.open()
    except DeviceNotFoundError as exc:
        # python-escpos wraps the OS error in its own; the OS error says more.
        inner = exc.__context__
        reason = _os_reason(inner) if isinstance(inner, OSError) else foreign_reason(_first_line(exc))
        raise _unreachable(uri, reason) from exc
    except OSError as exc:
        raise _unreachable(uri, _os_reason(exc)) from exc
    except Exception as exc:
        if type(exc).__name__ != "NoBackendError":  # pyusb without libusb
            raise
        reason = (
            "pustaka USB (libusb) tidak ada di komputer ini; pakai win32:// atau file://",
            "no USB library (libusb) on this computer; use win32:// or file:// instead",
        )
        raise _unreachable(uri, reason, "no_backend") from exc
    if uri.kind == "serial":
        printer.device.write_timeout = timeout
    return printer


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def _os_reason(exc: BaseException) -> Reason:
    if isinstance(exc, TimeoutError):
        return "printer tidak menjawab (waktu habis)", "no response (timed out)"
    if isinstance(exc, ConnectionRefusedError):
        return (
            "sambungan ditolak: printer mati, atau alamat/port salah",
            "connection refused (printer off, or wrong address or port)",
        )
    if isinstance(exc, PermissionError):
        return (
            "akses ke printer ditolak (di Linux, masukkan pengguna ke grup lp atau dialout)",
            "permission denied (on Linux, add the user to the lp or dialout group)",
        )
    if getattr(exc, "errno", None) is None and not getattr(exc, "strerror", None):
        return foreign_reason(_first_line(exc))
    return os_error_reason(exc)


def _read_status(printer: Any, uri: PrinterUri, n: int, timeout: float) -> int | None:
    """Send DLE EOT n and return the status byte, or None when no answer came within `timeout`."""
    printer._raw(DLE_EOT + bytes([n]))
    device = printer.device
    try:
        if uri.kind == "network":
            device.settimeout(timeout)
            answer = device.recv(16)
            if not answer:
                raise _offline(
                    uri,
                    (
                        "printer memutus sambungan tanpa menjawab status",
                        "the connection was closed without a status answer",
                    ),
                    "closed",
                )
        elif uri.kind == "serial":
            device.timeout = timeout
            answer = device.read(1)
        else:  # usb
            answer = bytes(device.read(printer.in_ep, 16, int(timeout * 1000)))
    except TimeoutError:
        return None
    except OSError as exc:
        if type(exc).__name__ == "USBTimeoutError":
            return None
        raise _unreachable(uri, _os_reason(exc)) from exc
    if not answer:
        return None
    # Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear; anything else is not a
    # printer talking (a web server or a proxy on that port, a wrong device on the COM port).
    if any(byte & 0x93 != 0x12 for byte in answer):
        shown = bytes(answer[:16]).decode("ascii", errors="replace").strip()
        reason = (
            f"yang menjawab bukan printer ESC/POS (jawabannya {shown!r}); periksa alamat/port",
            f"not an ESC/POS printer: it answered {shown!r}",
        )
        raise _unreachable(uri, reason, "not_a_printer")
    return answer[-1]


def _check_status(printer: Any, uri: PrinterUri, deadline: float) -> None:
    """Raise DeviceError unless the printer says it is online with paper (DLE EOT 1, 4, 2)."""
    status = _read_status(printer, uri, STATUS_PRINTER, _remaining(deadline))
    if status is None:
        wait = f"{_remaining(deadline):.0f}"
        reason = (
            f"printer tidak menjawab pertanyaan status (ditunggu sampai {wait} detik)",
            f"no answer to the status query (waited up to {wait} s)",
        )
        raise _offline(uri, reason, "no_answer")
    paper = _read_status(printer, uri, STATUS_PAPER, min(PAPER_QUERY_MAX_S, _remaining(deadline)))
    if paper is not None and paper & 0x60:
        raise _offline(uri, _PAPER_OUT, "paper_out")
    if paper is not None and paper & 0x0C:
        log.warning("printer %s: paper near end", uri.describe())
    if status & 0x08:
        cause = _read_status(printer, uri, STATUS_OFFLINE_CAUSE, _remaining(deadline)) or 0
        if cause & 0x04:
            raise _offline(uri, ("penutup kertas printer terbuka", "cover open"), "cover_open")
        if cause & 0x20:
            raise _offline(uri, _PAPER_OUT, "paper_out")
        if cause & 0x40:
            reason = (
                "printer bermasalah (pemotong kertas macet atau terlalu panas)",
                "printer error (cutter jam or overheating)",
            )
            raise _offline(uri, reason, "error")
        raise _offline(uri, ("printer sedang offline", "the printer reports it is offline"), "offline")


def _transmit(uri: PrinterUri, data: bytes, deadline: float) -> None:
    printer = _open(uri, deadline)
    try:
        if uri.can_answer_status:
            # Before writing too: an offline printer may keep the job and print it once paper is
            # back, and the retry that follows would then print it a second time.
            _check_status(printer, uri, deadline)
            if uri.kind == "network":
                printer.device.settimeout(_remaining(deadline))
        try:
            printer._raw(data)  # the one write
        except OSError as exc:
            why_id, why_en = _os_reason(exc)
            reason = (f"pengiriman gagal: {why_id}", f"writing failed: {why_en}")
            raise _offline(uri, reason, "write") from exc
        if uri.can_answer_status:
            _check_status(printer, uri, deadline)
    finally:
        try:
            printer.close()  # win32 / cups: this is what hands the job to the spooler
        except Exception as exc:  # a close failure after a good status must not hide it
            log.warning("printer %s: closing failed: %s", uri.describe(), exc)


def send(
    settings: PrinterSettings,
    data: bytes,
    timeout_s: float = 5.0,
    *,
    stream: IO[bytes] | None = None,
) -> None:
    """Write `data` to the printer of `settings` in one write and confirm it is online.

    Returns normally only when the bytes were written and, where the connection can answer
    (network, serial, USB), the printer said it is online with paper, before and after. Raises
    ValidationError for a bad URI and DeviceError ('printer_unreachable', 'printer_offline',
    'printer_driver_missing') otherwise, always within `timeout_s`. `dummy://` writes to `stream`
    (default: standard output).
    """
    uri = settings.parsed_uri()  # refuses an address inside the data folder, at the moment of opening
    if uri.kind == "dummy":
        out = stream if stream is not None else sys.stdout.buffer
        out.write(data)
        out.flush()
        return
    started = time.monotonic()
    deadline = started + timeout_s * INNER_SHARE
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            _transmit(uri, data, deadline)
            outcome.append(None)
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    worker = threading.Thread(target=run, name=f"print-{uri.kind}", daemon=True)
    worker.start()
    worker.join(max(0.0, started + timeout_s - time.monotonic()))
    if not outcome:
        log.error("printer %s: still busy after %.1f s; abandoning the job", uri.describe(), timeout_s)
        reason = (
            f"printer tidak menjawab dalam {timeout_s:.0f} detik",
            f"no response within {timeout_s:.0f} s",
        )
        raise _offline(uri, reason, "timeout")
    error = outcome[0]
    if isinstance(error, DeviceError):
        raise error
    if error is not None:
        raise _unreachable(uri, foreign_reason(_first_line(error)), "error") from error
    log.info("printer %s: %d bytes sent", uri.describe(), len(data))
