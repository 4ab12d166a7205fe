"""Receipt document → ESC/POS bytes through python-escpos's `Dummy` printer (formatting, no I/O)."""

from __future__ import annotations

import contextlib
import io
import threading
from typing import TYPE_CHECKING, Any

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.receipt_document import (
    Barcode,
    Cut,
    PrintLine,
    QrCode,
    ReceiptDocument,
    layout,
)

if TYPE_CHECKING:
    from kkmp_pos.devices.printer_settings import PrinterSettings

# python-escpos print()s progress ("Using hardware barcode renderer") to stdout; `dummy://` sends the
# receipt bytes to stdout, so those words are swallowed. redirect_stdout swaps a global: serialise.
_STDOUT_LOCK = threading.Lock()

TEAR_OFF_FEED_LINES = 4  # without a cutter, feed the last line past the tear bar
BARCODE_HEIGHT_DOTS = 80  # 10 mm at 203 dpi: easy for a cheap 1D scanner


def code128_payload(data: str) -> str:
    """python-escpos CODE128 data: a code-set prefix, then the symbols.

    All-digit data goes in code set C, two digits per symbol (half the width of set B, so a
    12-digit receipt code fits a 58 mm roll with room to spare). The printer takes set C symbols
    as byte values 0-99, not as ASCII digits. An odd digit count ends in set B. Anything else is
    set B, where a literal '{' is written '{{'.
    """
    if not data or any(ord(ch) > 126 or ord(ch) < 32 for ch in data):
        raise ValueError(f"CODE128 data must be printable ASCII: {data!r}")
    if data.isdigit() and len(data) >= 2:
        even = len(data) - len(data) % 2
        pairs = "".join(chr(int(data[i : i + 2])) for i in range(0, even, 2))
        tail = "{B" + data[even:] if even < len(data) else ""
        return "{C" + pairs + tail
    return "{B" + data.replace("{", "{{")


def _qr_image(data: str, max_dots: int) -> Any:
    """The QR code as a black-and-white PIL image no wider than the printable area."""
    import qrcode

    code = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    modules = code.modules_count + 2
    code.box_size = max(1, min(6, max_dots // modules))
    return code.make_image().get_image().convert("RGB")


def _print_line(p: Any, line: PrintLine) -> None:
    if line.indent:
        p.text(" " * line.indent)
    styled = line.bold or line.double_height or line.double_width
    if styled:
        p.set(
            bold=line.bold,
            double_height=line.double_height,
            double_width=line.double_width,
            normal_textsize=not (line.double_height or line.double_width),
        )
    p.text(line.text)
    if styled:
        p.set(normal_textsize=True, bold=False)
    p.text("\n")


def _draw(p: Any, doc: ReceiptDocument, settings: PrinterSettings) -> None:
    dots = int(p.profile.profile_data["media"]["width"]["pixels"])
    p.hw("INIT")
    p.charcode(settings.code_page)  # forced: no automatic code page switching on clones
    if doc.kick_drawer and settings.kick_drawer:
        p.cashdraw(2)
    for item in layout(doc, settings.width_chars):
        if isinstance(item, PrintLine):
            _print_line(p, item)
        elif isinstance(item, Barcode):
            p.barcode(
                code128_payload(item.data),
                "CODE128",
                height=BARCODE_HEIGHT_DOTS,
                width=2 if dots < 500 else 3,
                pos="OFF",  # the digits are a Text block of their own
                function_type="B",
                align_ct=True,
            )
            p.set(align="left")
        elif isinstance(item, QrCode):
            if p.profile.supports("qrCode"):
                p.set(align="center")
                p.qr(item.data, native=True, size=6)
                p.set(align="left")
            else:
                p.image(_qr_image(item.data, dots), impl="bitImageRaster", center=True)
        elif isinstance(item, Cut):
            if settings.cut:
                p.cut(mode="PART" if item.partial else "FULL")
            else:
                p.print_and_feed(TEAR_OFF_FEED_LINES)


def render_escpos(doc: ReceiptDocument, settings: PrinterSettings) -> bytes:
    """The ESC/POS bytes that print `doc` on the printer `settings` describe.

    One code page (settings.code_page) is forced at the start; CODE128 in code set C for numeric
    data; QR natively where the profile says so, else as a raster image; the drawer is kicked
    first when both the document and the settings ask for it; a cut (or a tear-off feed) ends it.
    """
    from escpos.printer import Dummy

    from kkmp_pos.devices.escpos_profiles import get_profile

    try:
        get_profile(settings.profile)  # also registers ours with python-escpos
    except KeyError:
        raise ValidationError("printer_profile_unknown", profile=settings.profile) from None
    printer = Dummy(profile=settings.profile)
    with _STDOUT_LOCK, contextlib.redirect_stdout(io.StringIO()):
        _draw(printer, doc, settings)
    return bytes(printer.output)
