"""Drug classes (golongan obat) and the till's rule for obat keras. Pure: no I/O."""

from __future__ import annotations

from enum import StrEnum

from kkmp_pos.core.errors import ValidationError


class DrugClass(StrEnum):
    BEBAS = "bebas"  # green circle: any shop
    BEBAS_TERBATAS = "bebas_terbatas"  # blue circle, warning P.No.1-6: any shop
    KERAS = "keras"  # red circle "K": apotek with a prescription only


def parse_drug_class(value: str | None) -> DrugClass | None:
    """'' / None → no class (not a medicine); otherwise one of DrugClass or a ValidationError."""
    text = (value or "").strip().lower().replace(" ", "_")
    if not text:
        return None
    try:
        return DrugClass(text)
    except ValueError:
        raise ValidationError("drug_class_invalid", value=value) from None


def check_drug_store(name: str, drug_class: str | None, *, is_apotek: bool) -> None:
    """The part of the rule known when the item is scanned: obat keras only in an apotek.

    The till applies it when a line is added, so a shop without an apotek refuses the medicine at the
    scan, not after the cash is typed; the checkout applies the whole rule again.
    """
    if drug_class == DrugClass.KERAS and not is_apotek:
        raise ValidationError("drug_keras_not_apotek", name=name)


def check_drug_sale(name: str, drug_class: str | None, *, is_apotek: bool, prescription_ref: str) -> None:
    """Refuse obat keras unless the store is an apotek and a prescription reference is typed in.

    Obat bebas and bebas terbatas need nothing (DOMAIN.md: a shop without a pharmacist may sell them).
    """
    if drug_class != DrugClass.KERAS:
        return
    check_drug_store(name, drug_class, is_apotek=is_apotek)
    if not prescription_ref.strip():
        raise ValidationError("drug_keras_needs_prescription", name=name)
