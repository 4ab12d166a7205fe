"""PPN (VAT) for a VAT-registered cooperative: which goods are exempt and the PPN included in a price.

Prices include PPN. A PKP store charges an effective 11 % (12 % on a DPP of 11/12 since 2025), so the
PPN inside a taxable amount is `amount × 11 / 111`, rounded half-up once per document (a receipt, or a
report's net taxable sum), never per line. Goods that are exempt carry `product.ppn_exempt`.

Default exemption for a new product (the manager can change it per product):
- basic staples (barang kebutuhan pokok, PP 49/2022, formerly PMK 116/2017): rice and grain, maize,
  sago, soy beans, salt, fresh meat, eggs, fresh fruit and vegetables, tubers, fresh spices, consumer
  sugar. Decided by the product's category name (its words), e.g. 'Beras', 'Gula', 'Telur',
  'Sayur & Bumbu Segar'. Processed food, cooking oil, milk products, soap and medicines are taxable.
- LPG 3 kg (subsidised; `business_unit == 'lpg'` and NIK required): its PPN is settled up the supply
  chain at a fixed amount, so the shop's sale is treated as not subject (exempt). Other LPG is taxable.
"""

from __future__ import annotations

from fractions import Fraction

from kkmp_pos.core.money import round_half_up
from kkmp_pos.core.text import words_of

PPN_PERCENT = 11  # the default of the 'tax.ppn_percent' setting

# Words of a category name that mark basic staples. Kept in step with the frozen copy in migration 7.
STAPLE_WORDS = frozenset(
    {
        "beras",
        "gabah",
        "jagung",
        "sagu",
        "kedelai",
        "garam",
        "daging",
        "telur",
        "buah",
        "sayur",
        "sayuran",
        "ubi",
        "gula",
    }
)


def default_ppn_exempt(business_unit: str, category: str | None, requires_nik: bool) -> bool:
    """Whether a new product is exempt from PPN by default (see the module docstring)."""
    if business_unit == "lpg":
        return requires_nik  # subsidised LPG 3 kg only
    if business_unit == "obat":
        return False  # medicines are taxable
    return bool(words_of(category or "") & STAPLE_WORDS)


def included_ppn_rp(taxable_rp: int, percent: int = PPN_PERCENT) -> int:
    """The PPN inside a tax-inclusive amount: round_half_up(amount × p / (100 + p))."""
    return round_half_up(Fraction(taxable_rp * percent, 100 + percent))


def dpp_and_ppn(taxable_rp: int, percent: int = PPN_PERCENT) -> tuple[int, int]:
    """(DPP, PPN) of a tax-inclusive taxable amount; DPP + PPN == the amount."""
    ppn = included_ppn_rp(taxable_rp, percent)
    return taxable_rp - ppn, ppn
