"""Purchase caps on regulated goods (Beras SPHP, MinyaKita, LPG 3 kg) as data: the pure rule engine.

A rule caps how much one buyer may take of some products in a period. The products are named by code
(each with a *measure*: how many milli-units of the rule's unit one base unit counts for, so 1 L, 2 L and
500 ml MinyaKita all count in litres) or by category (each base unit counts one). The service counts what
the buyer bought before in the period; this module only adds up and compares, so it is tested alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import MILLI, format_qty, round_half_up

PERIODS = ("transaction", "day", "month")
PERS = ("nik", "buyer")  # 'nik': the person by NIK; 'buyer': by NIK or member card
MODES = ("warn", "block")

# The words a message uses for a period, in both languages (per = 'nik' says "per NIK").
_PERIOD_WORDS = {
    ("transaction", "buyer"): ("per pembeli per transaksi", "per buyer per transaction"),
    ("transaction", "nik"): ("per NIK per transaksi", "per NIK per transaction"),
    ("day", "buyer"): ("per orang per hari", "per person per day"),
    ("day", "nik"): ("per NIK per hari", "per NIK per day"),
    ("month", "buyer"): ("per orang per bulan", "per person per month"),
    ("month", "nik"): ("per NIK per bulan", "per NIK per month"),
}


@dataclass(frozen=True)
class LimitRule:
    """One cap. `max_milli` is in milli-units of `unit_label` (2 L = 2000, 2 packs = 2000)."""

    id: str
    name: str
    max_milli: int
    unit_label: str
    period: str = "transaction"
    per: str = "buyer"
    mode: str = "warn"
    product_codes: Mapping[str, int] = field(default_factory=dict)  # code -> measure per base unit
    category: str | None = None
    effective_from: str = ""  # 'YYYY-MM-DD'; empty = always
    active: bool = True
    note: str = ""

    def measure_of(self, code: str, category: str | None) -> int | None:
        """Milli-units of the rule's unit that one base unit of this product counts for (None: not capped)."""
        if code in self.product_codes:
            return self.product_codes[code]
        if self.category and category and category.casefold() == self.category.casefold():
            return MILLI
        return None

    def applies_on(self, business_date: str) -> bool:
        return self.active and (not self.effective_from or self.effective_from <= business_date)

    def period_words(self) -> tuple[str, str]:
        return _PERIOD_WORDS.get((self.period, self.per), (self.period, self.period))


@dataclass(frozen=True)
class Purchase:
    """One cart line (or a sold line, for what was bought before) as the rules see it."""

    code: str
    category: str | None
    name: str
    base_qty_milli: int


@dataclass(frozen=True)
class Violation:
    """A rule that this cart would break: how much is in the cart and how much was bought before."""

    rule: LimitRule
    product_names: tuple[str, ...]
    cart_milli: int
    prior_milli: int

    @property
    def mode(self) -> str:
        return self.rule.mode

    @property
    def blocks(self) -> bool:
        return self.rule.mode == "block"

    @property
    def total_milli(self) -> int:
        return self.cart_milli + self.prior_milli

    def params(self) -> dict[str, Any]:
        """Message parameters (both languages: `period` / `period_en`)."""
        unit = self.rule.unit_label
        period_id, period_en = self.rule.period_words()
        return {
            "rule": self.rule.name,
            "product": ", ".join(self.product_names),
            "limit": format_qty(self.rule.max_milli, unit),
            "bought": format_qty(self.prior_milli, unit),
            "cart": format_qty(self.cart_milli, unit),
            "period": period_id,
            "period_en": period_en,
        }

    def error(self) -> ValidationError:
        return ValidationError("purchase_limit_exceeded", **self.params())

    def warning(self) -> ValidationError:
        """The same facts as a warning (never raised: its message is shown and audited)."""
        return ValidationError("purchase_limit_warning", **self.params())


def measured(rule: LimitRule, purchases: Iterable[Purchase]) -> tuple[int, tuple[str, ...]]:
    """How much of the rule's unit these purchases add up to, and the names of the capped ones."""
    total = Fraction(0)
    names: list[str] = []
    for p in purchases:
        measure = rule.measure_of(p.code, p.category)
        if measure is None:
            continue
        total += Fraction(p.base_qty_milli * measure, MILLI)
        if p.name not in names:
            names.append(p.name)
    return round_half_up(total), tuple(names)


def evaluate(
    rules: Iterable[LimitRule],
    cart: Iterable[Purchase],
    prior_milli: Mapping[str, int],
    business_date: str,
) -> list[Violation]:
    """The rules this cart breaks, given what the buyer bought before (per rule id, in its unit).

    A rule that none of the cart's lines touches never fires, whatever was bought before: the buyer
    is not taking any more of it.
    """
    lines = list(cart)
    found = []
    for rule in rules:
        if not rule.applies_on(business_date):
            continue
        cart_milli, names = measured(rule, lines)
        if cart_milli <= 0:
            continue
        prior = 0 if rule.period == "transaction" else max(0, prior_milli.get(rule.id, 0))
        if cart_milli + prior > rule.max_milli:
            found.append(Violation(rule, names, cart_milli, prior))
    return found


def window(period: str, business_date: str) -> tuple[str, str] | None:
    """The business dates a period looks back over (inclusive), or None for one transaction."""
    if period == "transaction":
        return None
    if period == "day":
        return business_date, business_date
    if period == "month":
        return business_date[:8] + "01", business_date
    raise ValidationError("limit_rule_invalid", reason=f"period {period}", reason_en=f"period {period}")


def parse_product_codes(text: str) -> dict[str, int]:
    """'MK1; MK2=2; MK05=0,5' or 'SPHP5' → {code: measure in milli}; a bare code counts one.

    The measure is how many of the rule's unit one base unit of the product is (a 2 L pouch counts
    2 litres); it is written like a quantity at the till ('0,5'). Entries are separated by ';', by
    spaces or by a comma that a digit does not follow (that one is a decimal comma).
    """
    import re

    from kkmp_pos.core.money import parse_qty

    codes: dict[str, int] = {}
    for part in re.split(r"[;\s]+|,(?!\d)", text.replace(" =", "=").replace("= ", "=")):
        part = part.strip()
        if not part:
            continue
        code, _, measure = part.partition("=")
        code = code.strip()
        if not code:
            raise ValidationError("limit_rule_invalid", reason=part, reason_en=part)
        codes[code] = parse_qty(measure) if measure.strip() else MILLI
    return codes


def format_product_codes(codes: Mapping[str, int]) -> str:
    return "; ".join(code if m == MILLI else f"{code}={format_qty(m)}" for code, m in codes.items())


def check_rule(rule: LimitRule) -> LimitRule:
    """Refuse a rule that could never be applied as meant (the editor shows why)."""

    def bad(reason_id: str, reason_en: str) -> ValidationError:
        return ValidationError("limit_rule_invalid", reason=reason_id, reason_en=reason_en)

    if not rule.name.strip():
        raise bad("nama aturan kosong", "the rule has no name")
    if not rule.product_codes and not (rule.category or "").strip():
        raise bad("isi kode barang atau kategori", "give product codes or a category")
    if rule.max_milli <= 0:
        raise bad("batas harus lebih dari nol", "the limit must be more than zero")
    if any(m <= 0 for m in rule.product_codes.values()):
        raise bad("takaran barang harus lebih dari nol", "a product's measure must be more than zero")
    if rule.period not in PERIODS or rule.per not in PERS or rule.mode not in MODES:
        raise bad("periode, per atau mode tidak dikenal", "unknown period, per or mode")
    if rule.effective_from:
        try:
            date.fromisoformat(rule.effective_from)
        except ValueError:
            raise bad("tanggal berlaku bukan YYYY-MM-DD", "the start date is not YYYY-MM-DD") from None
    return rule
