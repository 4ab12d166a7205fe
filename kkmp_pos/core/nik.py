"""NIK (Indonesian identity number): validation, masking for receipts and screens, demo numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum import numdb
from stdnum.exceptions import InvalidComponent, InvalidFormat, InvalidLength
from stdnum.id import nik as stdnum_nik

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.messages import MESSAGES

NIK_LENGTH = 16
_SEPARATORS = " .-\t"
# Balikpapan (6471) has six districts, 647101-647106; used when a demo NIK asks for regency 71 of 64.
_DEMO_DISTRICTS = {("64", "71"): 6}


def _compact(nik: str) -> str:
    return "".join(c for c in nik.strip() if c not in _SEPARATORS)


def mask_nik(nik: str) -> str:
    """'3171234567890001' -> '3171********0001' (UU 27/2022: receipts, screens, exports, logs).

    Never raises and never reveals more than the first and last four characters, whatever it is
    given, because it runs on receipts where a crash is worse than an ugly mask.
    """
    text = _compact(nik)
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def _invalid(text: str, reason: str, **extra: object) -> ValidationError:
    reason_id, reason_en = MESSAGES[f"nik_reason_{reason}"]
    return ValidationError(
        "nik_invalid",
        nik=mask_nik(text),  # the error may be logged: never the whole number
        reason=reason,
        reason_id=reason_id.format(**extra),
        reason_en=reason_en.format(**extra),
        **extra,
    )


def _birth_day_month_ok(text: str) -> bool:
    # stdnum takes the day modulo 40, so it would take 85 for the 5th; only 01-31 and 41-71 exist.
    day, month = int(text[6:8]), int(text[8:10])
    return (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def validate_nik(nik: str) -> str:
    """The NIK as 16 digits (spaces, dots and dashes removed), or ValidationError('nik_invalid').

    The error carries `reason` ('format', 'length', 'birth_date', 'region'), the masked NIK, and
    the reason in both languages for the message catalogue.
    """
    text = _compact(nik)
    if not (text.isascii() and text.isdigit()):
        raise _invalid(text, "format")
    if len(text) != NIK_LENGTH:
        raise _invalid(text, "length", length=len(text))
    if not _birth_day_month_ok(text):
        raise _invalid(text, "birth_date")
    try:
        return stdnum_nik.validate(text)
    except InvalidFormat:
        raise _invalid(text, "format") from None
    except InvalidLength:
        raise _invalid(text, "length", length=len(text)) from None
    except InvalidComponent:
        # Our day/month check is stricter than stdnum's, so the only bad component left is a
        # 29 February in a year that does not have one, or the region.
        if not _has_real_birth_date(text):
            raise _invalid(text, "birth_date") from None
        raise _invalid(text, "region", region=text[:4]) from None


def _has_real_birth_date(text: str) -> bool:
    day, month, yy = int(text[6:8]) % 40, int(text[8:10]), int(text[10:12])
    for year in (1900 + yy, 2000 + yy):
        try:
            date(year, month, day)
            return True
        except ValueError:
            continue
    return False


def nik_is_female(nik: str) -> bool:
    """Women's NIKs carry the birth day plus 40."""
    return int(validate_nik(nik)[6:8]) > 40


def nik_birth_date(nik: str, *, today: date | None = None) -> date:
    """Birth date from the NIK; the two-digit year is taken as the latest one not after `today`."""
    text = validate_nik(nik)
    ref = today or date.today()
    day, month, yy = int(text[6:8]) % 40, int(text[8:10]), int(text[10:12])
    for year in (2000 + yy, 1900 + yy):
        try:
            born = date(year, month, day)
        except ValueError:  # 29 February of a year without one
            continue
        if born <= ref:
            return born
    raise _invalid(text, "birth_date")


def _regency_known(region: str) -> bool:
    if not (len(region) == 4 and region.isascii() and region.isdigit()):
        return False
    parts = numdb.get("id/loc").info(region)
    return len(parts) == 2 and bool(parts[0][1]) and bool(parts[1][1])


def make_demo_nik(
    rng: random.Random,
    province_code: str = "64",
    regency_code: str = "71",
    *,
    district_code: str | None = None,
    birth_date: date | None = None,
    female: bool | None = None,
) -> str:
    """A stdnum-valid NIK for demo data (default Balikpapan, Kalimantan Timur).

    Deterministic for a seeded `rng`. The region must exist in python-stdnum's table.
    """
    region = province_code + regency_code
    if len(province_code) != 2 or len(regency_code) != 2 or not _regency_known(region):
        raise _invalid(region + "0" * 12, "region", region=region)
    if district_code is None:
        district_code = f"{rng.randint(1, _DEMO_DISTRICTS.get((province_code, regency_code), 9)):02d}"
    if birth_date is None:
        start = date(1950, 1, 1)
        birth_date = start + timedelta(days=rng.randint(0, (date(2007, 12, 31) - start).days))
    if female is None:
        female = rng.random() < 0.5
    day = birth_date.day + (40 if female else 0)
    serial = rng.randint(1, 9999)
    nik = f"{region}{district_code}{day:02d}{birth_date:%m%y}{serial:04d}"
    return validate_nik(nik)
