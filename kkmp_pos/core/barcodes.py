"""Retail barcodes: EAN/UPC check digits, in-store scale labels, and what kind a scanned code is."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.gs1 import Gs1Data, gtin_check_digit, looks_like_gs1, parse_gs1

__all__ = [
    "Gs1Data",
    "ScaleBarcode",
    "ScaleBarcodeLayout",
    "ScanKind",
    "classify_scan",
    "ean13_check_digit",
    "gtin_check_digit",
    "is_valid_ean8",
    "is_valid_ean13",
    "is_valid_gtin",
    "is_valid_upca",
    "make_ean13",
    "parse_gs1",
    "parse_scale_barcode",
    "price_check_digit",
    "split_qty_prefix",
]


def _is_digits(text: str) -> bool:
    # str.isdigit() accepts '²' and Arabic-Indic digits; a barcode is ASCII 0-9 only.
    return text.isascii() and text.isdigit()


def is_valid_gtin(code: str) -> bool:
    """True for an all-digit code of 8, 12, 13 or 14 digits whose last digit checks."""
    if len(code) not in (8, 12, 13, 14) or not _is_digits(code):
        return False
    return gtin_check_digit(code[:-1]) == int(code[-1])


def ean13_check_digit(data12: str) -> int:
    """Check digit of an EAN-13 from its first 12 digits."""
    if len(data12) != 12 or not _is_digits(data12):
        raise ValidationError("barcode_invalid", barcode=data12, kind="EAN-13", length=12)
    return gtin_check_digit(data12)


def make_ean13(data12: str) -> str:
    """The full EAN-13 (12 digits + check digit), e.g. for in-house item codes."""
    return data12 + str(ean13_check_digit(data12))


def is_valid_ean13(code: str) -> bool:
    return len(code) == 13 and is_valid_gtin(code)


def is_valid_ean8(code: str) -> bool:
    return len(code) == 8 and is_valid_gtin(code)


def is_valid_upca(code: str) -> bool:
    """A 12-digit UPC-A; as an EAN-13 it is the same code with a leading '0'."""
    return len(code) == 12 and is_valid_gtin(code)


# --- price/weight check digit of variable-measure labels (GS1 General Specifications 7.9.2-7.9.4)
# Each weighting turns a digit into one digit: "2-" = 2d, units minus tens; "3" = units of 3d;
# "5+" = 5d, units plus tens; "5-" = 5d, units minus tens (all mod 10).


def _w2minus(d: int) -> int:
    p = 2 * d
    return (p % 10 - p // 10) % 10


def _w3(d: int) -> int:
    return (3 * d) % 10


def _w5plus(d: int) -> int:
    p = 5 * d
    return (p % 10 + p // 10) % 10


def _w5minus(d: int) -> int:
    p = 5 * d
    return (p % 10 - p // 10) % 10


_FOUR_DIGIT_WEIGHTS = (_w2minus, _w2minus, _w3, _w5minus)
_FIVE_DIGIT_WEIGHTS = (_w5plus, _w2minus, _w5minus, _w5plus, _w2minus)


def price_check_digit(value: str) -> int:
    """Check digit over a 4- or 5-digit price/weight field ('2875' -> 9, '14685' -> 6)."""
    if len(value) not in (4, 5) or not _is_digits(value):
        raise ValidationError("barcode_invalid", barcode=value, kind="price", length="4-5")
    digits = [int(c) for c in value]
    if len(digits) == 4:
        return 3 * sum(w(d) for w, d in zip(_FOUR_DIGIT_WEIGHTS, digits, strict=True)) % 10
    total = sum(w(d) for w, d in zip(_FIVE_DIGIT_WEIGHTS, digits, strict=True))
    target = (10 - total % 10) % 10
    # The check digit is the digit whose "5-" product is the target; "5-" is a permutation of 0-9.
    return next(d for d in range(10) if _w5minus(d) == target)


# --- in-store scale labels

ValueKind = Literal["weight_g", "price_rp"]
_DEFAULT_PREFIXES = tuple(str(n) for n in range(20, 30))


@dataclass(frozen=True)
class ScaleBarcodeLayout:
    """How the shop's scale prints its labels (a setting: Indonesia has no national layout).

    13 digits = prefix + item code + [value check digit] + value + EAN check digit. With
    `price_check_digit` the value is 4 or 5 digits and preceded by its own check digit.
    """

    prefixes: tuple[str, ...] = _DEFAULT_PREFIXES
    item_code_length: int = 5
    value_length: int = 5
    value_kind: ValueKind = "weight_g"
    price_check_digit: bool = False

    def __post_init__(self) -> None:
        if not self.prefixes or not all(_is_digits(p) for p in self.prefixes):
            raise ValidationError("scale_layout_invalid", setting="prefixes")
        if len({len(p) for p in self.prefixes}) != 1:
            raise ValidationError("scale_layout_invalid", setting="prefixes")
        if self.value_kind not in ("weight_g", "price_rp"):
            raise ValidationError("scale_layout_invalid", setting="value_kind")
        if self.item_code_length < 1 or self.value_length < 1:
            raise ValidationError("scale_layout_invalid", setting="item_code_length")
        if self.price_check_digit and self.value_length not in (4, 5):
            raise ValidationError("scale_layout_invalid", setting="value_length")
        total = self.prefix_length + self.item_code_length + self.value_length + 1
        total += 1 if self.price_check_digit else 0
        if total != 13:
            raise ValidationError("scale_layout_invalid", setting=f"{total} != 13")

    @property
    def prefix_length(self) -> int:
        return len(self.prefixes[0])

    def matches(self, code: str) -> bool:
        """True when `code` is shaped like this layout's labels (13 digits, one of its prefixes)."""
        return len(code) == 13 and _is_digits(code) and code[: self.prefix_length] in self.prefixes


@dataclass(frozen=True)
class ScaleBarcode:
    """A scale label read: the item code to look up and either a weight or a line price."""

    code: str
    prefix: str
    item_code: str
    weight_milli: int | None  # grams == milli-kg: 1,250 kg -> 1250
    price_rp: int | None  # the line total printed by the scale


def parse_scale_barcode(code: str, layout: ScaleBarcodeLayout) -> ScaleBarcode | None:
    """Read a scale label; None when `code` is not one; ValidationError when a check digit fails."""
    code = code.strip()
    if not layout.matches(code):
        return None
    if not is_valid_ean13(code):
        raise ValidationError("barcode_bad_check_digit", barcode=code)
    pos = layout.prefix_length
    item_code = code[pos : pos + layout.item_code_length]
    pos += layout.item_code_length
    if layout.price_check_digit:
        given = int(code[pos])
        pos += 1
        if price_check_digit(code[pos : pos + layout.value_length]) != given:
            raise ValidationError("scale_bad_price_check", barcode=code)
    value = int(code[pos : pos + layout.value_length])
    weighed = layout.value_kind == "weight_g"
    return ScaleBarcode(
        code=code,
        prefix=code[: layout.prefix_length],
        item_code=item_code,
        weight_milli=value if weighed else None,
        price_rp=None if weighed else value,
    )


# --- what a scanned code is


class ScanKind(enum.StrEnum):
    """What a scanned string is; receipt codes are not decided here (they arrive as OTHER)."""

    SCALE = "scale"
    EAN13 = "ean13"
    EAN8 = "ean8"
    GS1 = "gs1"
    OTHER = "other"


def classify_scan(code: str, layout: ScaleBarcodeLayout | None = None) -> ScanKind:
    """Sort a scanned string so the caller knows which parser or lookup to use. Never raises.

    - SCALE: 13 digits with a valid EAN-13 check digit and one of the layout's prefixes (the value
      check digit is verified later by `parse_scale_barcode`).
    - EAN13 / EAN8: valid check digit. A 13-digit code with a wrong check digit is OTHER.
    - GS1: a GS1 element string (symbology prefix, GS separator, brackets, or digits starting
      with AI 01 and longer than a GTIN) that `parse_gs1` reads.
    - OTHER: everything else, including 12-digit codes (receipt codes and UPC-A alike: the caller
      tries its receipt lookup, then `is_valid_upca` with '0' + code as the EAN-13).
    """
    text = code.strip("\r\n\t ")
    if _is_digits(text) and len(text) in (8, 13):
        if len(text) == 8:
            return ScanKind.EAN8 if is_valid_ean8(text) else ScanKind.OTHER
        if not is_valid_ean13(text):
            return ScanKind.OTHER
        if layout is not None and layout.matches(text):
            return ScanKind.SCALE
        return ScanKind.EAN13
    if looks_like_gs1(text):
        try:
            parse_gs1(text)
        except ValidationError:
            return ScanKind.OTHER
        return ScanKind.GS1
    return ScanKind.OTHER


def split_qty_prefix(text: str) -> tuple[str, str | None]:
    """'3*8990000010012' → ('8990000010012', '3'): the cashier typed how many of the next scan.

    The quantity text is returned unparsed (the caller parses it as a quantity); None when there is none.
    """
    if "*" not in text:
        return text, None
    qty_text, _, code = text.partition("*")
    return code, qty_text
