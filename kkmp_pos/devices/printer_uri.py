"""Printer addresses as URIs: the one string the settings store and `--printer` takes."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, unquote

from kkmp_pos.core.errors import ValidationError

PrinterKind = Literal["network", "file", "serial", "win32", "cups", "usb", "dummy"]

DEFAULT_NETWORK_PORT = 9100
DEFAULT_BAUDRATE = 9600
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)

FORMS = (  # one example of each form, for help texts and the settings screen
    "network://192.168.1.50:9100",
    "file:///dev/usb/lp0",
    "serial://COM3?baudrate=9600",
    "serial:///dev/ttyUSB0?baudrate=9600",
    "win32://POS-58",
    "cups://XP58",
    "usb://0416:5011",
    "dummy://",
)

_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.\-_]*[A-Za-z0-9])?$")
_HEX4 = re.compile(r"^(0x)?[0-9A-Fa-f]{1,4}$")


@dataclass(frozen=True)
class PrinterUri:
    """A parsed printer address. Only the fields of its `kind` are set."""

    kind: PrinterKind
    uri: str
    host: str | None = None
    port: int | None = None
    path: str | None = None  # file: device file; serial: port name or tty path
    baudrate: int | None = None
    name: str | None = None  # win32: printer name; cups: queue
    vendor_id: int | None = None
    product_id: int | None = None
    in_ep: int | None = None  # usb endpoints; many clones use 0x81 / 0x03 (python-escpos: 0x82 / 0x01)
    out_ep: int | None = None

    @property
    def can_answer_status(self) -> bool:
        """Whether the connection carries the printer's real-time status back (DLE EOT)."""
        return self.kind in ("network", "serial", "usb")

    def describe(self) -> str:
        """Short human label for logs and the print queue ('192.168.1.50:9100', 'COM3')."""
        if self.kind == "network":
            return f"{self.host}:{self.port}"
        if self.kind == "usb":
            return f"USB {self.vendor_id:04x}:{self.product_id:04x}"
        return self.path or self.name or self.kind


def _invalid(uri: str, reason: str, reason_en: str) -> ValidationError:
    """The error for a malformed address; `reason` in Bahasa Indonesia, `reason_en` in English."""
    return ValidationError("printer_uri_invalid", uri=uri, reason=reason, reason_en=reason_en)


def _options(uri: str, query: str, allowed: tuple[str, ...]) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise _invalid(
            uri, f"pilihan '{query}' tidak terbaca", f"cannot read the options '{query}'"
        ) from None
    options: dict[str, str] = {}
    for key, value in pairs:
        if key not in allowed:
            expected = ", ".join(allowed) if allowed else "none"
            boleh = ", ".join(allowed) if allowed else "tidak ada"
            raise _invalid(
                uri,
                f"pilihan '{key}' tidak dikenal (yang boleh: {boleh})",
                f"unknown option '{key}' (allowed: {expected})",
            )
        options[key] = value
    return options


def _network(uri: str, rest: str) -> PrinterUri:
    rest = rest.rstrip("/")
    if "/" in rest or "?" in rest:
        raise _invalid(
            uri,
            "tulis network://HOST[:PORT], tanpa apa pun setelah port",
            "expected network://HOST[:PORT] with nothing after the port",
        )
    host, port_text = rest, ""
    if rest.startswith("["):  # IPv6 literal: [::1]:9100
        end = rest.find("]")
        if end < 0:
            raise _invalid(uri, "alamat IPv6 tanpa ']' penutup", "IPv6 address without closing ']'")
        host, after = rest[1:end], rest[end + 1 :]
        if after and not after.startswith(":"):
            raise _invalid(
                uri, "setelah alamat IPv6 harus ':PORT'", "expected ':PORT' after the IPv6 address"
            )
        port_text = after[1:]
        if not host or not re.fullmatch(r"[0-9A-Fa-f:.]+", host):
            raise _invalid(uri, f"'{host}' bukan alamat IPv6", f"'{host}' is not an IPv6 address")
    elif ":" in rest:
        host, port_text = rest.rsplit(":", 1)
    if not host:
        raise _invalid(
            uri,
            "alamat IP printer belum diisi: network://HOST[:PORT], mis. network://192.168.1.50",
            "the host is missing: network://HOST[:PORT], e.g. network://192.168.1.50",
        )
    if not rest.startswith("[") and not _HOST.match(host):
        raise _invalid(
            uri, f"'{host}' bukan nama host atau alamat IP", f"'{host}' is not a host name or IP address"
        )
    port = DEFAULT_NETWORK_PORT
    if port_text or rest.endswith(":"):
        if not port_text.isdigit():
            raise _invalid(uri, f"port '{port_text}' bukan angka", f"port '{port_text}' is not a number")
        port = int(port_text)
        if not 1 <= port <= 65535:
            raise _invalid(uri, f"port {port} di luar 1-65535", f"port {port} is outside 1-65535")
    return PrinterUri("network", uri, host=host, port=port)


def _file(uri: str, rest: str) -> PrinterUri:
    path = unquote(rest)
    if not path or path == "/":
        raise _invalid(
            uri,
            "berkas perangkat belum diisi: file:///dev/usb/lp0",
            "the device file is missing: file:///dev/usb/lp0",
        )
    if "?" in path:
        raise _invalid(uri, "berkas perangkat tidak memakai pilihan", "a device file takes no options")
    return PrinterUri("file", uri, path=path)


def _serial(uri: str, rest: str) -> PrinterUri:
    port_part, _, query = rest.partition("?")
    path = unquote(port_part)
    if not path or path == "/":
        raise _invalid(
            uri,
            "port belum diisi: serial://COM3 atau serial:///dev/ttyUSB0",
            "the port is missing: serial://COM3 or serial:///dev/ttyUSB0",
        )
    if not (path.startswith("/") or re.fullmatch(r"COM[0-9]{1,3}", path, re.IGNORECASE)):
        raise _invalid(
            uri,
            f"'{path}' bukan COMn dan bukan jalur perangkat seperti /dev/ttyUSB0",
            f"'{path}' is neither COMn nor a device path like /dev/ttyUSB0",
        )
    options = _options(uri, query, ("baudrate",))
    baudrate = DEFAULT_BAUDRATE
    if "baudrate" in options:
        text = options["baudrate"]
        if not text.isdigit() or int(text) not in BAUDRATES:
            allowed = ", ".join(str(b) for b in BAUDRATES)
            raise _invalid(
                uri,
                f"baudrate '{text}' harus salah satu dari {allowed}",
                f"baudrate '{text}' is not one of {allowed}",
            )
        baudrate = int(text)
    return PrinterUri("serial", uri, path=path.upper() if path[0] != "/" else path, baudrate=baudrate)


def _named(kind: PrinterKind, uri: str, rest: str) -> PrinterUri:
    name = unquote(rest).strip()
    if not name:
        example = "win32://XP-58" if kind == "win32" else "cups://XP58"
        raise _invalid(
            uri, f"nama printer belum diisi, mis. {example}", f"the printer name is missing, e.g. {example}"
        )
    if kind == "cups" and ("/" in name or " " in name):
        raise _invalid(
            uri,
            "nama antrean CUPS tidak boleh berisi spasi atau '/'",
            "a CUPS queue name has no spaces or '/'",
        )
    return PrinterUri(kind, uri, name=name)


_HEX_WHAT = {"vendor id": "ID vendor", "product id": "ID produk"}


def _hex(uri: str, text: str, what: str) -> int:
    if not _HEX4.match(text):
        raise _invalid(
            uri,
            f"{_HEX_WHAT.get(what, what)} '{text}' bukan angka heksadesimal (mis. 0416)",
            f"{what} '{text}' is not a hexadecimal number (e.g. 0416)",
        )
    return int(text, 16)


def _usb(uri: str, rest: str) -> PrinterUri:
    ids, _, query = rest.partition("?")
    vid_text, sep, pid_text = ids.rstrip("/").partition(":")
    if not sep or not vid_text or not pid_text:
        raise _invalid(
            uri,
            "tulis usb://VID:PID dalam heksadesimal, mis. usb://0416:5011",
            "expected usb://VID:PID in hexadecimal, e.g. usb://0416:5011",
        )
    vid = _hex(uri, vid_text, "vendor id")
    pid = _hex(uri, pid_text, "product id")
    if vid == 0 or pid == 0:
        raise _invalid(uri, "ID vendor dan ID produk tidak boleh 0", "vendor and product id cannot be 0")
    options = _options(uri, query, ("in_ep", "out_ep"))
    in_ep = _hex(uri, options["in_ep"], "in_ep") if "in_ep" in options else None
    out_ep = _hex(uri, options["out_ep"], "out_ep") if "out_ep" in options else None
    return PrinterUri("usb", uri, vendor_id=vid, product_id=pid, in_ep=in_ep, out_ep=out_ep)


def parse_printer_uri(uri: str) -> PrinterUri:
    """Parse a printer URI (see FORMS) or raise ValidationError('printer_uri_invalid') saying why."""
    text = (uri or "").strip()
    if not text:
        raise _invalid(
            uri,
            "alamat printer belum diisi; mis. network://192.168.1.50",
            "no printer address given; e.g. network://192.168.1.50",
        )
    scheme, sep, rest = text.partition("://")
    if not sep:
        raise _invalid(
            uri,
            "tulis JENIS://..., mis. network://192.168.1.50:9100",
            "expected SCHEME://..., e.g. network://192.168.1.50:9100",
        )
    scheme = scheme.lower()
    if scheme == "network":
        return _network(text, rest)
    if scheme == "file":
        return _file(text, rest)
    if scheme == "serial":
        return _serial(text, rest)
    if scheme in ("win32", "cups"):
        return _named(scheme, text, rest)  # type: ignore[arg-type]
    if scheme == "usb":
        return _usb(text, rest)
    if scheme == "dummy":
        if rest.strip("/"):
            raise _invalid(
                uri, "dummy:// tidak boleh diikuti apa pun", "dummy:// takes nothing after the scheme"
            )
        return PrinterUri("dummy", text)
    kinds = "network, file, serial, win32, cups, usb, dummy"
    raise _invalid(
        uri,
        f"jenis '{scheme}' tidak dikenal (pakai salah satu: {kinds})",
        f"unknown kind '{scheme}' (use one of {kinds})",
    )


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def refuse_protected_path(uri: PrinterUri, protected: Iterable[str]) -> None:
    """Refuse a file or serial address that names the till's data folder or its database.

    A printer writes raw bytes to whatever file it is given: pointed at the database (by its name, a
    symbolic link or a hard link), it would overwrite the shop's books. `protected` holds the data
    folder and the database file; the database's `-wal` and `-shm` are covered with it.
    """
    names_a_file = uri.kind == "file" or (uri.kind == "serial" and (uri.path or "").startswith("/"))
    if not names_a_file or not uri.path:
        return
    target = os.path.realpath(uri.path)
    for item in protected:
        if not item:
            continue
        root = os.path.realpath(item)
        names = [root, root + "-wal", root + "-shm", root + "-journal"]
        hit = _inside(target, root)
        if not hit and os.path.exists(target):
            hit = any(os.path.exists(n) and os.path.samefile(target, n) for n in names)
        if hit:
            raise ValidationError("printer_uri_protected", uri=uri.uri, path=item)
