"""Which documents a report period takes in, as SQL conditions (`s` a sale, `r` a return, `c` a
cancellation): the one place that says in which period a sale, a return and a cancellation count.

A sale counts on its own business date (in a shift report: in its shift) with the status it had there: a
cancellation made on a later business date (or in another shift) leaves it as it was and is a correction
of the period it was made in, like a return. A cancellation within the sale's own period nets out there.
"""

from __future__ import annotations

from typing import Any

# A cancellation is a correction of a later period when it was made on a later business date or, for a
# shift report, in another shift than the sale.
_LATER_BY_DATE = 'c."business_date" > s."business_date"'
_LATER_BY_SHIFT = '(c."business_date" > s."business_date" OR c."shift_id" IS NOT s."shift_id")'
# What the sale was before it was cancelled: completed unless a QRIS payment was never confirmed.
BEFORE_CANCEL = (
    'CASE WHEN EXISTS (SELECT 1 FROM "payment" p WHERE p."sale_id" = s."id" AND p."method" = \'qris\') '
    'AND NOT EXISTS (SELECT 1 FROM "payment_confirmation" pc WHERE pc."sale_id" = s."id") '
    "THEN 'awaiting_payment' ELSE 'completed' END"
)


def later(shift_id: str | None) -> str:
    return _LATER_BY_SHIFT if shift_id is not None else _LATER_BY_DATE


def sale_status(shift_id: str | None) -> str:
    """The sale's status as its own period reports it: a later cancellation does not change it."""
    return (
        'CASE WHEN s."status" = \'cancelled\' AND EXISTS (SELECT 1 FROM "sale_cancellation" c '
        f'WHERE c."sale_id" = s."id" AND {later(shift_id)}) THEN {BEFORE_CANCEL} ELSE s."status" END'
    )


def sale_scope(date_from: str, date_to: str, shift_id: str | None) -> tuple[str, list[Any]]:
    if shift_id is not None:
        return 's."shift_id" = ?', [shift_id]
    return 's."business_date" BETWEEN ? AND ?', [date_from, date_to]


def return_scope(date_from: str, date_to: str, shift_id: str | None) -> tuple[str, list[Any]]:
    """Returns of a date range (their own business date) or made during a shift."""
    if shift_id is not None:
        return f"({IN_SHIFT.format(t='r')})", [shift_id, shift_id, shift_id]
    return 'r."business_date" BETWEEN ? AND ?', [date_from, date_to]


# A reversal made during a shift: linked to it, or (no link) made while it was open.
IN_SHIFT = (
    '{t}."shift_id" = ? OR ({t}."shift_id" IS NULL AND {t}."created_at" >= '
    '(SELECT "opened_at" FROM "shift" WHERE "id" = ?) AND {t}."created_at" <= '
    '(SELECT COALESCE("closed_at", \'9999\') FROM "shift" WHERE "id" = ?))'
)


def late_cancellation_scope(date_from: str, date_to: str, shift_id: str | None) -> tuple[str, list[Any]]:
    """Cancellations made in the period (or shift) of sales made before it, of sales that had been
    completed: these are subtracted like returns (`c` the cancellation, `s` its sale)."""
    condition = f"{later(shift_id)} AND {BEFORE_CANCEL} = 'completed'"
    if shift_id is not None:
        return f"({IN_SHIFT.format(t='c')}) AND {condition}", [shift_id, shift_id, shift_id]
    return f'c."business_date" BETWEEN ? AND ? AND {condition}', [date_from, date_to]
