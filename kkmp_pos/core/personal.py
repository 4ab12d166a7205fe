"""Personal numbers (NIK, KK) kept as UU 27/2022 expects: keyed hashes, last digits, reduced payloads.

A NIK or a family-card number (KK, 16 digits too) is stored in full only where the work needs it
(docs/PRIVACY.md). Everywhere else it travels and rests as a keyed hash (HMAC-SHA256 with the
cooperative's key: equal numbers give equal hashes, so purchase caps and look-ups still work) plus
its last four digits for people to recognise it. Pure functions: the keys come from the caller.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable
from typing import Any

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.nik import mask_nik

# Fields that may hold a full personal number, in events, feed rows and admin rows.
PERSONAL_NUMBER_FIELDS = ("nik", "kk", "buyer_nik")
# Fields of a member that an erasure blanks (the number, card and figures stay).
PERSONAL_MEMBER_FIELDS = ("name", "nik", "kk", "phone", "address")
ERASED_NAME = "Anggota terhapus #{}"
KEY_BYTES = 32
_FULL_NUMBER = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")
_SEPARATORS = " .-\t"


def compact(number: str) -> str:
    return "".join(c for c in str(number).strip() if c not in _SEPARATORS)


def keyed_hash(key: bytes, number: str) -> str:
    """HMAC-SHA256 of the number's digits, hex. Without the key nobody can test guesses against it."""
    if len(key) < 16:
        raise ValueError("the personal-data hash key is too short")
    return hmac.new(key, compact(number).encode("ascii", "replace"), hashlib.sha256).hexdigest()


def last4(number: str | None) -> str:
    text = compact(number or "")
    return text[-4:] if len(text) >= 4 else ""


def masked_from_last4(digits: str | None) -> str:
    """What a screen shows of a number the till holds only as its last four digits."""
    return "*" * 12 + digits if digits else ""


def mask(number: str | None, digits: str | None = None) -> str:
    """The masked number from the full one, else from its last four digits; '' when none."""
    if number:
        return mask_nik(number)
    return masked_from_last4(digits)


def validate_kk(kk: str) -> str:
    """A family-card number (Kartu Keluarga): 16 digits, spaces, dots and dashes removed."""
    text = compact(kk)
    if not (text.isascii() and text.isdigit() and len(text) == 16):
        raise ValidationError("kk_invalid", kk=mask_nik(text))
    return text


def is_full_number(value: Any) -> bool:
    return isinstance(value, str) and bool(_FULL_NUMBER.fullmatch(compact(value)))


def scrub_text(text: str) -> str:
    """Any run of exactly 16 digits masked: for text kept for people to read (quarantine, conflicts)."""
    return _FULL_NUMBER.sub(lambda m: mask_nik(m.group(0)), text)


def reduce_payload(value: Any, hasher: Callable[[str], str]) -> Any:
    """A copy of `value` where every personal-number field holding a full number is replaced by its
    keyed hash and last four digits: `{"nik": "3171…0001"}` -> `{"nik": None, "nik_hmac": …,
    "nik_last4": "0001"}`. Walks nested objects and lists; everything else stays as it was."""
    if isinstance(value, list):
        return [reduce_payload(v, hasher) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: reduce_payload(v, hasher) for k, v in value.items()}
    for name in PERSONAL_NUMBER_FIELDS:
        number = out.get(name)
        if isinstance(number, str) and number.strip():
            out[name] = None
            out.setdefault(f"{name}_hmac", hasher(number))
            out.setdefault(f"{name}_last4", last4(number))
    return out


def erased_name(member_id: str) -> str:
    """The anonymous name an erased member keeps: stable, and not derived from the person."""
    return ERASED_NAME.format(member_id.replace("-", "")[-8:].upper())
