"""GS1 element strings (medicine-pack DataMatrix, GS1-128): GTIN, batch, expiry, serial."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from kkmp_pos.core.errors import ValidationError

GS = "\x1d"  # group separator (FNC1 inside the data) that ends a variable-length element

# AI -> (fixed length or None for variable, maximum length, numeric only).
# Only what medicine and grocery packs carry; an AI not listed is refused rather than guessed,
# because without GS separators a wrong length would shift every following element.
_AIS: dict[str, tuple[int | None, int, bool]] = {
    "00": (18, 18, True),  # SSCC
    "01": (14, 14, True),  # GTIN
    "02": (14, 14, True),  # GTIN of contained items
    "10": (None, 20, False),  # batch/lot
    "11": (6, 6, True),  # production date
    "12": (6, 6, True),  # due date
    "13": (6, 6, True),  # packaging date
    "15": (6, 6, True),  # best before
    "16": (6, 6, True),  # sell by
    "17": (6, 6, True),  # expiry
    "20": (2, 2, True),  # variant
    "21": (None, 20, False),  # serial
    "22": (None, 20, False),  # consumer product variant
    "30": (None, 8, True),  # variable count
    "37": (None, 8, True),  # count of trade items
    "240": (None, 30, False),  # additional product id
    "241": (None, 30, False),  # customer part number
    "250": (None, 30, False),  # secondary serial
    **{f"71{n}": (None, 20, False) for n in range(6)},  # national healthcare reimbursement no.
}
_DATE_AIS = frozenset({"11", "12", "13", "15", "16", "17"})
# 31nn-36nn: trade measures (net weight etc.), 4-digit AI, 6 fixed digits.
_MEASURE_RE = re.compile(r"^3[1-6]\d\d$")
_SYMBOLOGY_RE = re.compile(r"^\][A-Za-z][0-9A-Za-z]")  # ]d2 DataMatrix, ]C1 GS1-128, ]Q3 QR, ]e0
_BRACKET_RE = re.compile(r"\((\d{2,4})\)")


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def gtin_check_digit(data: str) -> int:
    """GS1 mod-10 check digit for the data digits of any GTIN/EAN/UPC/SSCC.

    Weights 3,1,3,… from the rightmost data digit, so EAN-13 is 1,3,1,3… from the left.
    """
    if not data or not _is_digits(data):
        raise ValidationError("barcode_invalid", barcode=data, kind="GTIN", length="8-17")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(data)))
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class Gs1Data:
    """What a medicine pack's code says. `elements` keeps every (AI, value) in order."""

    gtin: str
    batch: str | None = None
    expiry: date | None = None
    serial: str | None = None
    elements: tuple[tuple[str, str], ...] = field(default=())

    @property
    def gtin13(self) -> str | None:
        """The EAN-13 printed on the same pack (GTIN-14 with indicator 0), for catalogue lookup."""
        return self.gtin[1:] if self.gtin.startswith("0") else None

    def get(self, ai: str) -> str | None:
        for key, value in self.elements:
            if key == ai:
                return value
        return None


def _spec(ai: str) -> tuple[int | None, int, bool] | None:
    if ai in _AIS:
        return _AIS[ai]
    if _MEASURE_RE.match(ai):
        return (6, 6, True)
    return None


def _match_ai(text: str, pos: int) -> str:
    for size in (2, 3, 4):
        ai = text[pos : pos + size]
        if len(ai) == size and _is_digits(ai) and _spec(ai) is not None:
            return ai
    raise ValidationError("gs1_unknown_ai", ai=text[pos : pos + 4] or text[pos:])


def _check_value(ai: str, value: str) -> None:
    spec = _spec(ai)
    if spec is None:
        raise ValidationError("gs1_unknown_ai", ai=ai)
    fixed, max_len, numeric = spec
    bad_length = len(value) != fixed if fixed is not None else not 0 < len(value) <= max_len
    bad_chars = (numeric and not _is_digits(value)) or not value.isprintable()
    if bad_length or bad_chars:
        raise ValidationError("gs1_bad_value", ai=ai, value=value)


def gs1_date(ai: str, value: str, today: date | None = None) -> date:
    """YYMMDD to a date: day 00 is the month's last day; century per GS1 (-49..+50 years)."""
    if len(value) != 6 or not _is_digits(value):
        raise ValidationError("gs1_bad_date", ai=ai, value=value)
    yy, month, day = int(value[:2]), int(value[2:4]), int(value[4:])
    ref = (today or date.today()).year
    # GS1 General Specifications 7.12: the year nearest to now, looking at most 50 years ahead.
    diff = yy - ref % 100
    century = ref // 100 + (1 if diff < -49 else -1 if diff > 50 else 0)
    year = century * 100 + yy
    if not 1 <= month <= 12:
        raise ValidationError("gs1_bad_date", ai=ai, value=value)
    if day == 0:
        day = calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError("gs1_bad_date", ai=ai, value=value) from None


def _strip(text: str) -> str:
    text = text.strip("\r\n\t ").replace("<GS>", GS)
    if _SYMBOLOGY_RE.match(text):
        text = text[3:]
    return text.lstrip(GS)  # a leading FNC1 some scanners send as GS


def looks_like_gs1(text: str) -> bool:
    """Cheap shape test: worth handing to `parse_gs1` (symbology id, GS, brackets, or 01+GTIN…)."""
    raw = text.strip("\r\n\t ")
    if _SYMBOLOGY_RE.match(raw) or GS in raw or _BRACKET_RE.match(raw) or "<GS>" in raw:
        return True
    return raw.startswith("01") and len(raw) >= 16 and _is_digits(raw[2:16])


def _split_bracketed(text: str) -> list[tuple[str, str]]:
    parts = _BRACKET_RE.split(text)
    if parts[0].strip(" " + GS):
        raise ValidationError("gs1_bad_value", ai="?", value=parts[0])
    return [(ai, value.replace(GS, "").strip()) for ai, value in zip(parts[1::2], parts[2::2], strict=True)]


def _split_raw(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos] == GS:
            pos += 1
            continue
        ai = _match_ai(text, pos)
        start = pos + len(ai)
        fixed = _AIS[ai][0] if ai in _AIS else 6
        if fixed is not None:
            end = start + fixed
            if end > len(text):
                raise ValidationError("gs1_bad_value", ai=ai, value=text[start:])
        else:
            # Without a GS the variable element runs to the end: scanners on keyboard wedges drop
            # GS, which is why packs put 10/21 last.
            end = text.find(GS, start)
            end = len(text) if end < 0 else end
        out.append((ai, text[start:end]))
        pos = end
    return out


def parse_gs1(text: str, *, today: date | None = None) -> Gs1Data:
    """Read a GS1 element string, raw (with or without GS) or in bracketed human form.

    `today` anchors the century of YYMMDD dates (default: the current date).
    """
    body = _strip(text)
    if not body:
        raise ValidationError("gs1_empty")
    pairs = _split_bracketed(body) if body.startswith("(") else _split_raw(body)
    seen: dict[str, str] = {}
    for ai, value in pairs:
        _check_value(ai, value)
        if seen.setdefault(ai, value) != value:
            raise ValidationError("gs1_bad_value", ai=ai, value=value)
    for ai in _DATE_AIS & seen.keys():
        gs1_date(ai, seen[ai], today)
    gtin = seen.get("01")
    if gtin is None:
        raise ValidationError("gs1_missing_gtin")
    if gtin_check_digit(gtin[:-1]) != int(gtin[-1]):
        raise ValidationError("gs1_bad_check_digit", gtin=gtin)
    return Gs1Data(
        gtin=gtin,
        batch=seen.get("10"),
        expiry=gs1_date("17", seen["17"], today) if "17" in seen else None,
        serial=seen.get("21"),
        elements=tuple(pairs),
    )
