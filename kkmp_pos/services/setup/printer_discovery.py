"""Finding the shop's receipt printer: the printers the OS knows (Windows spooler, CUPS), serial and
Bluetooth COM ports, USB printers, and, only when asked, a bounded and cancellable scan of a network
range for printers answering on port 9100. Each find is a printer URI the settings take as it is."""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.devices.printer_uri import DEFAULT_BAUDRATE, DEFAULT_NETWORK_PORT

log = logging.getLogger(__name__)

MAX_HOSTS = 1024  # a /22 at most in one scan
SCAN_BUDGET_S = 20.0  # the whole scan stops after this, found or not
CONNECT_TIMEOUT_S = 0.4
WORKERS = 64
LOOPBACK = ipaddress.ip_network("127.0.0.0/8")
# Set (to 1) where a scan must never leave this machine: tests, screenshots.
LOOPBACK_ONLY_ENV = "KKMP_POS_SCAN_LOOPBACK_ONLY"
_USB_PRINTER_CLASS = 7


@dataclass(frozen=True)
class FoundPrinter:
    uri: str
    label: str  # what the list shows: the OS's name, the port's description, the address
    kind: str  # os | serial | usb | network


@dataclass
class ScanResult:
    found: list[FoundPrinter] = field(default_factory=list)
    tried: int = 0
    total: int = 0
    cancelled: bool = False
    timed_out: bool = False


def os_printers() -> list[FoundPrinter]:
    """The Windows printers (win32print) or, elsewhere, the CUPS queues."""
    from kkmp_pos.services.printing.settings import PrinterSettingsService

    uris = PrinterSettingsService.installed_printers()
    return [FoundPrinter(uri, uri.partition("://")[2], "os") for uri in uris]


def serial_printers() -> list[FoundPrinter]:
    """Serial ports, Bluetooth COM ports among them (pyserial's list_ports)."""
    try:
        from serial.tools import list_ports
    except ImportError:
        return []
    found = []
    for port in sorted(list_ports.comports(), key=lambda p: p.device):
        if port.description in ("", "n/a") and port.hwid in ("", "n/a"):
            continue  # a legacy ttyS with no device behind it
        label = f"{port.device} — {port.description}" if port.description not in ("", "n/a") else port.device
        found.append(FoundPrinter(f"serial://{port.device}?baudrate={DEFAULT_BAUDRATE}", label, "serial"))
    return found


def usb_printers() -> list[FoundPrinter]:
    """USB devices with a printer interface (pyusb; nothing when no USB backend is installed)."""
    try:
        import usb.core

        devices = list(usb.core.find(find_all=True))
    except Exception as exc:  # no libusb backend, no permission: USB is simply not listed
        log.info("USB printers not listed: %s", exc)
        return []
    found = []
    for device in devices:
        try:
            printer = any(
                interface.bInterfaceClass == _USB_PRINTER_CLASS for cfg in device for interface in cfg
            )
        except Exception:  # a device that cannot be read without rights
            continue
        if printer:
            ids = f"{device.idVendor:04x}:{device.idProduct:04x}"
            found.append(FoundPrinter(f"usb://{ids}", f"USB {ids}", "usb"))
    return found


def attached_printers() -> list[FoundPrinter]:
    """Everything found without touching the network."""
    return os_printers() + serial_printers() + usb_printers()


def loopback_only() -> bool:
    return os.environ.get(LOOPBACK_ONLY_ENV) == "1"


def own_subnet() -> str:
    """This PC's /24 as 'a.b.c.0/24' (the address a packet out would leave from; none is sent)."""
    if loopback_only():
        return "127.0.0.1/32"
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a UDP connect sends nothing
            address = probe.getsockname()[0]
    except OSError:
        return "127.0.0.1/32"
    return str(ipaddress.ip_network(f"{address}/24", strict=False))


def hosts_in_range(text: str, *, loopback: bool | None = None) -> list[str]:
    """The addresses of 'a.b.c.d', 'a.b.c.0/24' or 'a.b.c.10-a.b.c.60' (or '…10-60'), at most
    MAX_HOSTS; with `loopback` (default: the loopback-only switch), only 127.0.0.0/8."""
    value = text.strip()
    try:
        if "/" in value:
            network = ipaddress.ip_network(value, strict=False)
            if network.version != 4:
                raise ValueError(value)
            count = network.num_addresses - (2 if network.prefixlen < 31 else 0)
            first, last = (network[1], network[-2]) if network.prefixlen < 31 else (network[0], network[-1])
        elif "-" in value:
            start_text, _, end_text = value.partition("-")
            first = ipaddress.IPv4Address(start_text.strip())
            end_text = end_text.strip()
            if "." not in end_text:
                end_text = start_text.strip().rsplit(".", 1)[0] + "." + end_text
            last = ipaddress.IPv4Address(end_text)
            count = int(last) - int(first) + 1
        else:
            first = last = ipaddress.IPv4Address(value)
            count = 1
    except ValueError:
        raise ValidationError("network_range_invalid", value=value) from None
    if count < 1:
        raise ValidationError("network_range_invalid", value=value)
    if count > MAX_HOSTS:
        raise ValidationError("network_range_too_large", value=value, count=count, limit=MAX_HOSTS)
    if (loopback_only() if loopback is None else loopback) and not (first in LOOPBACK and last in LOOPBACK):
        raise ValidationError("network_range_not_allowed", value=value)
    return [str(ipaddress.IPv4Address(n)) for n in range(int(first), int(last) + 1)]


def _answers(host: str, port: int, timeout_s: float) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False


def scan_network(
    hosts: list[str],
    port: int = DEFAULT_NETWORK_PORT,
    *,
    cancel: threading.Event | None = None,
    budget_s: float = SCAN_BUDGET_S,
    timeout_s: float = CONNECT_TIMEOUT_S,
    progress: Callable[[ScanResult], None] | None = None,
) -> ScanResult:
    """Try a TCP connection to `port` on each host, a few at a time, until all are tried, `cancel`
    is set, or `budget_s` has passed. Nothing is sent to a printer that answers."""
    result = ScanResult(total=len(hosts))
    cancel = cancel or threading.Event()
    deadline = time.monotonic() + budget_s
    pending = iter(hosts)
    running: dict[Future[bool], str] = {}
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="printer-scan") as pool:
        while True:
            while len(running) < WORKERS and not cancel.is_set():
                host = next(pending, None)
                if host is None:
                    break
                running[pool.submit(_answers, host, port, timeout_s)] = host
            if not running:
                result.cancelled = cancel.is_set() and result.tried < result.total
                break
            done, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in done:
                host = running.pop(future)
                result.tried += 1
                if future.result():
                    suffix = "" if port == DEFAULT_NETWORK_PORT else f":{port}"
                    uri = f"network://{host}{suffix}"
                    result.found.append(FoundPrinter(uri, f"{host}:{port}", "network"))
            if progress is not None and done:
                progress(result)
            if cancel.is_set() or time.monotonic() > deadline:
                result.cancelled = cancel.is_set()
                result.timed_out = not result.cancelled
                for future in running:
                    future.cancel()
                break
    result.found.sort(key=lambda f: ipaddress.IPv4Address(f.uri.partition("://")[2].split(":")[0]))
    return result
