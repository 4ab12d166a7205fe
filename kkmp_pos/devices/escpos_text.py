"""Read ESC/POS bytes back: the printed text lines and the barcodes (pure; tests, previews, support).

The parser knows the length of every command our renderer (through python-escpos) emits, including
the payloads of barcodes, QR codes and raster images, and refuses anything it does not know rather
than guess: a wrong guess would turn image bytes into "text".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

ESC, GS, DLE, FS, LF, CR, HT, NUL = 0x1B, 0x1D, 0x10, 0x1C, 0x0A, 0x0D, 0x09, 0x00

# ESC t n → Python codec, Epson numbering (the pages our profiles allow and a few common ones).
CODE_PAGE_CODECS = {
    0: "cp437",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
}

# Fixed-length commands: prefix byte → {command byte: number of parameter bytes}.
_ESC_FIXED = {
    b"@"[0]: 0, b"2"[0]: 0, b"<"[0]: 0, b"i"[0]: 0, b"m"[0]: 0,
    b"!"[0]: 1, b"E"[0]: 1, b"-"[0]: 1, b"a"[0]: 1, b"d"[0]: 1, b"e"[0]: 1, b"J"[0]: 1,
    b"3"[0]: 1, b"M"[0]: 1, b"G"[0]: 1, b"V"[0]: 1, b"{"[0]: 1, b"t"[0]: 1, b"R"[0]: 1,
    b"r"[0]: 1, b"c"[0]: 2, b" "[0]: 1, b"%"[0]: 1, b"S"[0]: 0, b"U"[0]: 1,
    b"p"[0]: 3, b"$"[0]: 2, b"\\"[0]: 2,
}  # fmt: skip
_GS_FIXED = {
    b"!"[0]: 1, b"B"[0]: 1, b"b"[0]: 1, b"h"[0]: 1, b"w"[0]: 1, b"H"[0]: 1, b"f"[0]: 1,
    b"L"[0]: 2, b"W"[0]: 2, b"a"[0]: 1, b"r"[0]: 1, b"I"[0]: 1, b"P"[0]: 2, b"$"[0]: 2,
    b"\\"[0]: 2,
}  # fmt: skip
_DLE_FIXED = {0x04: 1, 0x05: 1, 0x14: 3}
_FS_FIXED = {b"&"[0]: 0, b"."[0]: 0, b"!"[0]: 1, b"-"[0]: 1, b"C"[0]: 1}


@dataclass(frozen=True)
class _Token:
    kind: str  # 'text', 'command', 'barcode', 'codepage'
    data: bytes = b""
    value: int = 0


class EscposParseError(ValueError):
    """The bytes hold a command this reader does not know, or end inside one."""


def _need(data: bytes, end: int, at: int) -> None:
    if end > len(data):
        raise EscposParseError(f"command at byte {at} runs past the end of the data")


def _u16(data: bytes, i: int) -> int:
    return data[i] + 256 * data[i + 1]


def _gs(data: bytes, i: int) -> tuple[int, _Token]:
    """Parse a GS command starting at data[i] == GS; return (next index, token)."""
    _need(data, i + 2, i)
    cmd = data[i + 1]
    if cmd in _GS_FIXED:
        end = i + 2 + _GS_FIXED[cmd]
        _need(data, end, i)
        return end, _Token("command")
    if cmd == b"V"[0]:  # cut: GS V m, or GS V m n for m 65/66/97/98/103/104
        _need(data, i + 3, i)
        end = i + 3 + (1 if data[i + 2] in (65, 66, 97, 98, 103, 104) else 0)
        _need(data, end, i)
        return end, _Token("command")
    if cmd == b"k"[0]:  # barcode: function A (m 0-6) NUL-terminated, function B (m 65+) counted
        _need(data, i + 3, i)
        m = data[i + 2]
        if m <= 6:
            nul = data.find(b"\x00", i + 3)
            if nul < 0:
                raise EscposParseError(f"barcode at byte {i} has no NUL terminator")
            return nul + 1, _Token("barcode", data[i + 3 : nul], m)
        _need(data, i + 4, i)
        end = i + 4 + data[i + 3]
        _need(data, end, i)
        return end, _Token("barcode", data[i + 4 : end], m)
    if cmd == b"v"[0]:  # raster image: GS v 0 m xL xH yL yH d1...dk, k = x * y
        _need(data, i + 8, i)
        end = i + 8 + _u16(data, i + 4) * _u16(data, i + 6)
        _need(data, end, i)
        return end, _Token("command")
    if cmd == b"("[0]:  # GS ( k / GS ( L ...: pL pH then that many bytes (QR, graphics)
        _need(data, i + 5, i)
        end = i + 5 + _u16(data, i + 3)
        _need(data, end, i)
        return end, _Token("command")
    if cmd == b"8"[0]:  # GS 8 L p1 p2 p3 p4 ...: large graphics, 32-bit length
        _need(data, i + 7, i)
        size = int.from_bytes(data[i + 3 : i + 7], "little")
        end = i + 7 + size
        _need(data, end, i)
        return end, _Token("command")
    raise EscposParseError(f"unknown command GS 0x{cmd:02x} at byte {i}")


def _esc(data: bytes, i: int) -> tuple[int, _Token]:
    _need(data, i + 2, i)
    cmd = data[i + 1]
    if cmd == b"t"[0]:
        _need(data, i + 3, i)
        return i + 3, _Token("codepage", value=data[i + 2])
    if cmd in _ESC_FIXED:
        end = i + 2 + _ESC_FIXED[cmd]
        _need(data, end, i)
        return end, _Token("command")
    if cmd == b"*"[0]:  # column image: ESC * m nL nH d..., 1 byte per column (m 0/1) or 3
        _need(data, i + 5, i)
        per_column = 1 if data[i + 2] in (0, 1) else 3
        end = i + 5 + _u16(data, i + 3) * per_column
        _need(data, end, i)
        return end, _Token("command")
    if cmd == b"D"[0]:  # tab positions, NUL-terminated
        nul = data.find(b"\x00", i + 2)
        if nul < 0:
            raise EscposParseError(f"ESC D at byte {i} has no NUL terminator")
        return nul + 1, _Token("command")
    raise EscposParseError(f"unknown command ESC 0x{cmd:02x} at byte {i}")


def _prefixed(table: dict[int, int], name: str) -> Callable[[bytes, int], tuple[int, _Token]]:
    def parse(data: bytes, i: int) -> tuple[int, _Token]:
        _need(data, i + 2, i)
        cmd = data[i + 1]
        if cmd not in table:
            raise EscposParseError(f"unknown command {name} 0x{cmd:02x} at byte {i}")
        end = i + 2 + table[cmd]
        _need(data, end, i)
        return end, _Token("command")

    return parse


_PARSERS = {ESC: _esc, GS: _gs, DLE: _prefixed(_DLE_FIXED, "DLE"), FS: _prefixed(_FS_FIXED, "FS")}


def _tokens(data: bytes) -> Iterator[_Token]:
    i = 0
    while i < len(data):
        byte = data[i]
        parser = _PARSERS.get(byte)
        if parser is not None:
            i, token = parser(data, i)
            yield token
            continue
        start = i
        while i < len(data) and data[i] not in _PARSERS:
            i += 1
        yield _Token("text", data[start:i])


def decode_escpos_text(data: bytes, codepage: str = "CP437") -> str:
    """The text the bytes print, one line per line feed, without a trailing newline.

    `codepage` is the page in force at the start; ESC t switches to the page it names. Commands and
    the payloads of barcodes, QR codes and images are dropped; CR and other control bytes are ignored.
    """
    codec = codepage.lower().replace("_", "").replace("-", "")
    lines: list[str] = []
    current: list[str] = []
    for token in _tokens(data):
        if token.kind == "codepage":
            codec = CODE_PAGE_CODECS.get(token.value, codec)
        elif token.kind == "text":
            for byte in token.data:
                if byte == LF:
                    lines.append("".join(current))
                    current = []
                elif byte == HT:
                    current.append(" ")
                elif byte >= 0x20:
                    current.append(bytes([byte]).decode(codec, errors="replace"))
    if current:
        lines.append("".join(current))
    return "\n".join(lines)


def _decode_code128(payload: bytes) -> str:
    """python-escpos/Epson CODE128 data ('{A'/'{B'/'{C' switches, '{{' = '{') → scanned text."""
    out: list[str] = []
    code_set = ""
    i = 0
    while i < len(payload):
        byte = payload[i]
        if byte == b"{"[0] and i + 1 < len(payload):
            nxt = chr(payload[i + 1])
            if nxt in "ABC":
                code_set = nxt
            elif nxt == "{":
                out.append("{")
            # '{1'..'{4' (FNC) and '{S' (shift) carry no scanned characters here
            i += 2
            continue
        if code_set == "C":
            if byte > 99:
                raise EscposParseError(f"code set C symbol {byte} is above 99")
            out.append(f"{byte:02d}")
        else:
            out.append(chr(byte))
        i += 1
    return "".join(out)


def extract_barcodes(data: bytes) -> list[str]:
    """The data a scanner would read from each 1D barcode in the bytes, in print order."""
    found: list[str] = []
    for token in _tokens(data):
        if token.kind != "barcode":
            continue
        if token.value == 73:  # CODE128
            found.append(_decode_code128(token.data))
        else:
            found.append(token.data.decode("ascii", errors="replace"))
    return found
