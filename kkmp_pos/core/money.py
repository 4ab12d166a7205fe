"""Integer rupiah and milli-unit quantities: arithmetic, rounding and Indonesian display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from kkmp_pos.core.errors import ValidationError

MILLI = 1000  # quantities are int milli-units: 1 piece = 1000, 1.25 kg = 1250


def round_half_up(value: Decimal | Fraction | int) -> int:
    """The one place where a fractional rupiah becomes a whole one (half away from zero)."""
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def line_total_rp(unit_price_rp: int, qty_milli: int) -> int:
    """unit price × quantity, rounded half-up to whole rupiah, exactly (no floats)."""
    return round_half_up(Fraction(unit_price_rp * qty_milli, MILLI))


def percent_of_rp(amount_rp: int, percent: Decimal | str | int) -> int:
    """`percent`% of an amount, rounded half-up (e.g. a 5% discount, a 0.3% MDR)."""
    return round_half_up(Decimal(amount_rp) * Decimal(str(percent)) / Decimal(100))


def round_cash(amount_rp: int, step_rp: int) -> int:
    """Round a cash amount due to the nearest `step_rp` (0 or 1 = none), half-up."""
    if step_rp <= 1:
        return amount_rp
    return round_half_up(Fraction(amount_rp, step_rp)) * step_rp


def _group(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def format_rp(amount_rp: int, *, prefix: str = "Rp") -> str:
    """15000 → 'Rp15.000'; -2500 → '-Rp2.500'."""
    sign = "-" if amount_rp < 0 else ""
    return f"{sign}{prefix}{_group(abs(amount_rp))}"


def format_number(amount: int) -> str:
    """15000 → '15.000' (receipts, where the column already says rupiah)."""
    sign = "-" if amount < 0 else ""
    return sign + _group(abs(amount))


def format_qty(qty_milli: int, unit: str = "") -> str:
    """1250, 'kg' → '1,25 kg'; 3000, 'pcs' → '3 pcs'."""
    sign = "-" if qty_milli < 0 else ""
    whole, frac = divmod(abs(qty_milli), MILLI)
    text = _group(whole)
    if frac:
        text += "," + f"{frac:03d}".rstrip("0")
    return f"{sign}{text} {unit}".rstrip() if unit else sign + text


def format_stock(on_hand_milli: int, base_unit: str, unit: str = "", factor_milli: int = MILLI) -> str:
    """Stock counted in the selling unit and what is left in the base unit: 9040 pcs in a Dus of 40
    → '9 Dus + 1 pcs'; less than one Dus → '9 pcs'; the base unit itself → '9 pcs'."""
    if not unit or factor_milli <= MILLI or on_hand_milli <= 0:
        return format_qty(on_hand_milli, base_unit or unit)
    whole, rest = divmod(on_hand_milli, factor_milli)
    if whole == 0:
        return format_qty(rest, base_unit)
    text = f"{_group(whole)} {unit}"
    return f"{text} + {format_qty(rest, base_unit)}" if rest else text


def parse_rp(text: str) -> int:
    """'Rp 15.000', '15.000', '15000' → 15000. Decimals are refused: rupiah has no minor unit here."""
    cleaned = text.strip().replace("Rp", "").replace("rp", "").replace(" ", "").replace(".", "")
    if cleaned.startswith("-"):
        raise ValidationError("amount_negative", text=text)
    if not cleaned.isdigit():
        raise ValidationError("amount_invalid", text=text)
    return int(cleaned)


def parse_qty(text: str) -> int:
    """'2' → 2000, '1,25' → 1250, '1.25' → 1250, '0,5' → 500; at most three decimals."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        raise ValidationError("qty_invalid", text=text)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:]
    whole, _, frac = cleaned.partition(".")
    if (whole and not whole.isdigit()) or (frac and not frac.isdigit()) or not (whole or frac):
        raise ValidationError("qty_invalid", text=text)
    if len(frac) > 3:
        raise ValidationError("qty_too_precise", text=text)
    value = int(whole or "0") * MILLI + int((frac or "0").ljust(3, "0"))
    return -value if negative else value
