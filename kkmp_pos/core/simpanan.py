"""Members' savings (simpanan) as rules: months, the wajib in force, status, arrears and reminders.

Pure: no peewee, no Qt, no I/O. A month is written 'YYYY-MM'. Every amount is integer rupiah.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_rp

_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
KINDS = ("pokok", "wajib", "sukarela")


class DocType(StrEnum):
    """What a simpanan document does to its kind's balance (amount_rp carries the sign)."""

    DEPOSIT = "deposit"  # money in: +
    WITHDRAWAL = "withdrawal"  # sukarela paid out: -
    REVERSAL = "reversal"  # undoes one earlier document: minus its amount
    OPENING = "opening"  # a balance brought in at the cut-over (import), no money moved today


class MemberStatus(StrEnum):
    PENDING = "pending"  # pokok not yet paid in full
    ACTIVE = "active"
    INACTIVE = "inactive"


def check_month(text: str) -> str:
    if not isinstance(text, str) or not _MONTH_RE.match(text):
        raise ValidationError("month_invalid", month=str(text))
    return text


def month_of(iso_date: str) -> str:
    """'2026-03-14' -> '2026-03'."""
    return iso_date[:7]


def add_months(month: str, count: int) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + (mon - 1) + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included (empty when first > last)."""
    out: list[str] = []
    month = first
    while month <= last:
        out.append(month)
        month = add_months(month, 1)
    return out


def first_billed_month(joined_on: str, cutover_month: str | None) -> str:
    """Wajib is billed from the month after joining, and never before the member's cut-over month."""
    start = add_months(month_of(joined_on), 1)
    return max(start, cutover_month) if cutover_month else start


def check_wajib_schedule(schedule: dict[str, Any]) -> dict[str, int]:
    if not schedule:
        raise ValidationError("wajib_schedule_invalid", value="{}")
    for month, amount in schedule.items():
        check_month(month)
        if type(amount) is not int or not 0 <= amount <= 10_000_000:
            raise ValidationError("wajib_schedule_invalid", value=f"{month}: {amount}")
    return dict(schedule)


def wajib_for(schedule: dict[str, int], month: str) -> int:
    """The wajib in force in `month`: the latest entry from that month or before (0 before any)."""
    starts = [m for m in schedule if m <= month]
    return int(schedule[max(starts)]) if starts else 0


def status_for(
    current: str, pokok_paid_rp: int, pokok_rp: int, unpaid_months: int, inactive_after: int
) -> MemberStatus:
    """A member is active once the pokok is paid in full, inactive after `inactive_after` unpaid wajib
    months (0 = never), and active again when the arrears are paid."""
    if pokok_paid_rp < pokok_rp:
        # an existing member brought over without a pokok record keeps the status the shop gave them
        return MemberStatus(current) if current == MemberStatus.INACTIVE else MemberStatus.PENDING
    if inactive_after and unpaid_months >= inactive_after:
        return MemberStatus.INACTIVE
    return MemberStatus.ACTIVE


def gender_from_nik(nik: str | None) -> str:
    """'F' or 'M' from a full NIK (women's birth day has 40 added), '' when there is none."""
    if not nik or len(nik) != 16 or not nik.isdigit():
        return ""
    return "F" if int(nik[6:8]) > 40 else "M"


@dataclass(frozen=True)
class Reminder:
    message: str
    link: str  # https://wa.me/62…?text=… ('' without a phone number)


def wa_number(phone: str) -> str:
    """'0812 3456 789' -> '628123456789' (wa.me takes the number without + or leading 0)."""
    digits = "".join(c for c in phone if c.isdigit())
    if digits.startswith("62"):
        return digits
    if digits.startswith("0"):
        return "62" + digits[1:]
    return ("62" + digits) if digits else ""


_MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def month_words(month: str) -> str:
    """'2026-03' -> 'Maret 2026'."""
    return f"{_MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def arrears_reminder(
    name: str, number: str, months: list[str], amount_rp: int, cooperative: str, phone: str
) -> Reminder:
    """A polite Indonesian reminder of unpaid wajib, with the member's number (never the NIK)."""
    span = (
        month_words(months[0])
        if len(months) == 1
        else f"{month_words(months[0])} – {month_words(months[-1])}"
    )
    message = (
        f"Yth. Bapak/Ibu {name} (anggota {number}), salam hangat dari {cooperative}. "
        f"Kami ingin mengingatkan simpanan wajib {len(months)} bulan ({span}) sebesar "
        f"{format_rp(amount_rp)} belum tercatat. Pembayaran dapat dilakukan di kasir toko koperasi. "
        "Jika sudah membayar, mohon abaikan pesan ini. Terima kasih atas dukungan Bapak/Ibu."
    )
    number_wa = wa_number(phone)
    link = f"https://wa.me/{number_wa}?text={quote(message)}" if number_wa else ""
    return Reminder(message, link)
