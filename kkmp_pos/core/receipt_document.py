"""Receipt documents: styled blocks laid out into fixed-width lines, printer-independent.

A document is built here (pure), drawn as plain text for the on-screen preview and tests, and turned
into ESC/POS bytes by `kkmp_pos.devices.escpos_render`. Both drawings use `layout()`, so the text
decoded back from the printer bytes equals `render_text(doc, width, graphics=False)` exactly.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]

# Thermal printers with font A: 58 mm paper → 32 columns, 80 mm paper → 48 columns.
WIDTH_58MM = 32
WIDTH_80MM = 48
MIN_WIDTH = 24


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped at word boundaries; style applies to the whole paragraph."""

    text: str
    align: Align = "left"
    bold: bool = False
    double_height: bool = False
    double_width: bool = False


@dataclass(frozen=True)
class Columns:
    """One row: `left` flush left, `right` flush right ('2 x 15.000 ... 30.000').

    A left part too long to share the row wraps upwards; the right part stays on the last row.
    """

    left: str
    right: str
    bold: bool = False
    double_height: bool = False


@dataclass(frozen=True)
class Separator:
    """A full-width rule."""

    char: str = "-"


@dataclass(frozen=True)
class Barcode:
    """A 1D barcode (the printer draws it); data is what a scanner reads back."""

    data: str
    kind: Literal["CODE128"] = "CODE128"


@dataclass(frozen=True)
class QrCode:
    """A QR code, centred (e.g. a QRIS payload or a link)."""

    data: str


@dataclass(frozen=True)
class Feed:
    """Blank lines."""

    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """End of the slip: cut where the printer has a cutter, else feed to the tear bar."""

    partial: bool = True


Block = Text | Columns | Separator | Barcode | QrCode | Feed | Cut


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fields_of(block: Block) -> dict[str, object]:
    kind = type(block)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(block))
    return {name: getattr(block, name) for name in names}


@dataclass(frozen=True)
class ReceiptDocument:
    """What to print; `kick_drawer`: open the drawer as it prints (cash sales, not reprints)."""

    blocks: tuple[Block, ...]
    kick_drawer: bool = False

    def to_json(self) -> str:
        """The document as JSON (print queue jobs that are not sale receipts: reports, cards)."""
        # The blocks are flat (text, numbers, flags): their fields as they are, without asdict's deep copy.
        blocks = [{"type": type(b).__name__, **_fields_of(b)} for b in self.blocks]
        return json.dumps({"kick_drawer": self.kick_drawer, "blocks": blocks}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ReceiptDocument:
        """The document `to_json` wrote; ValueError for anything else."""
        try:
            raw = json.loads(text)
            blocks = []
            for item in raw.get("blocks", []):
                fields = dict(item)
                block_type = _BLOCK_TYPES[fields.pop("type")]
                blocks.append(block_type(**fields))
            return cls(tuple(blocks), kick_drawer=bool(raw.get("kick_drawer", False)))
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a receipt document: {exc}") from exc


@dataclass(frozen=True)
class PrintLine:
    """One laid-out line: `indent` spaces in normal size, then `text` in the line's style."""

    text: str
    indent: int = 0
    bold: bool = False
    double_height: bool = False
    double_width: bool = False

    def plain(self) -> str:
        return " " * self.indent + self.text


LayoutItem = PrintLine | Barcode | QrCode | Cut

_BLOCK_TYPES: dict[str, type] = {
    t.__name__: t for t in (Text, Columns, Separator, Barcode, QrCode, Feed, Cut)
}


@dataclass
class DocumentBuilder:
    """Collects blocks; small helpers keep the receipt builders readable."""

    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def text(self, text: str, align: Align = "left", **style: bool) -> None:
        self.blocks.append(Text(text, align, **style))

    def columns(self, left: str, right: str, **style: bool) -> None:
        self.blocks.append(Columns(left, right, **style))

    def separator(self, char: str = "-") -> None:
        self.blocks.append(Separator(char))

    def build(self, *, kick_drawer: bool = False) -> ReceiptDocument:
        return ReceiptDocument(tuple(self.blocks), kick_drawer=kick_drawer)


def printable(text: str) -> str:
    """Text a cheap printer's one code page can show: no control characters, no tabs.

    Accents are kept (the code page maps common ones); symbols it cannot show become '?' later.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\t", " ").replace("×", "x").replace("–", "-").replace("—", "-")
    return "".join(ch for ch in text if ch == " " or unicodedata.category(ch)[0] != "C")


def wrap(text: str, width: int) -> list[str]:
    """Word-wrap to `width`; words longer than a line are broken. Always at least one line.

    Leading spaces are an indent kept on every wrapped line ('  2 x 15.000'); '\n' starts a new one.
    """
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        raw = printable(paragraph).rstrip()
        indent = len(raw) - len(raw.lstrip(" "))
        if indent >= width:
            indent = 0
        lines.extend(" " * indent + line for line in _wrap_words(raw, width - indent))
    return lines


def _wrap_words(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def _indent(length_cols: int, width: int, align: Align) -> int:
    free = max(0, width - length_cols)
    if align == "center":
        return free // 2
    if align == "right":
        return free
    return 0


def _text_lines(block: Text, width: int) -> list[PrintLine]:
    scale = 2 if block.double_width else 1
    style = {
        "bold": block.bold,
        "double_height": block.double_height,
        "double_width": block.double_width,
    }
    return [
        PrintLine(line, _indent(len(line) * scale, width, block.align), **style)
        for line in wrap(block.text, width // scale)
    ]


def _column_lines(block: Columns, width: int) -> list[PrintLine]:
    style = {"bold": block.bold, "double_height": block.double_height}
    right = printable(block.right).strip()[:width]
    left_lines = wrap(block.left, width) if block.left.strip() else [""]
    last = left_lines[-1]
    if last and right and len(last) + 1 + len(right) > width:
        left_lines.append("")
        last = ""
    rows = [PrintLine(line, **style) for line in left_lines[:-1]]
    gap = width - len(last) - len(right)
    rows.append(PrintLine(last + " " * gap + right, **style))
    return rows


def layout(doc: ReceiptDocument, width: int) -> list[LayoutItem]:
    """The document as printed lines and graphics for a paper `width` in characters (font A)."""
    if width < MIN_WIDTH:
        raise ValueError(f"receipt width {width} is below {MIN_WIDTH} columns")
    items: list[LayoutItem] = []
    for block in doc.blocks:
        if isinstance(block, Text):
            items.extend(_text_lines(block, width))
        elif isinstance(block, Columns):
            items.extend(_column_lines(block, width))
        elif isinstance(block, Separator):
            items.append(PrintLine((block.char or "-")[0] * width))
        elif isinstance(block, Feed):
            items.extend(PrintLine("") for _ in range(max(0, block.lines)))
        else:
            items.append(block)
    return items


def render_text(doc: ReceiptDocument, width: int, *, graphics: bool = True) -> str:
    """Plain text of the receipt, one line per printed line, no trailing newline.

    With `graphics=False`, barcodes and QR codes are left out: the result is then exactly what
    `decode_escpos_text` reads back from the printer bytes. With `graphics=True` they show as a
    centred placeholder, for the preview.
    """
    lines: list[str] = []
    for item in layout(doc, width):
        if isinstance(item, PrintLine):
            lines.append(item.plain())
        elif graphics and isinstance(item, Barcode):
            label = f"[{item.kind} {item.data}]"[:width]
            lines.append(" " * _indent(len(label), width, "center") + label)
        elif graphics and isinstance(item, QrCode):
            lines.append(" " * _indent(4, width, "center") + "[QR]")
    return "\n".join(lines)


def build_text_document(
    title: str,
    lines: Iterable[str | tuple[str, str]],
    width: int,
    *,
    header: Sequence[str] = (),
    footer: Sequence[str] = (),
    cut: bool = True,
) -> ReceiptDocument:
    """A simple slip (X/Z report, member card, test print): a bold title, then rows.

    Each row is a string (wrapped, left) or a (left, right) pair laid out as columns; a row of
    '---' is a separator. `header` lines are centred above the title, `footer` lines below.
    """
    if width < MIN_WIDTH:
        raise ValueError(f"receipt width {width} is below {MIN_WIDTH} columns")
    b = DocumentBuilder()
    for line in header:
        b.text(line, "center")
    b.text(title, "center", bold=True, double_height=True)
    b.separator()
    for row in lines:
        if isinstance(row, tuple):
            b.columns(row[0], row[1])
        elif row.strip() == "---":
            b.separator()
        else:
            b.text(row)
    if footer:
        b.separator()
        for line in footer:
            b.text(line, "center")
    if cut:
        b.add(Feed(1))
        b.add(Cut())
    return b.build()
