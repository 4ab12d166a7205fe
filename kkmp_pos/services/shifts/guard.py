"""The one shift rule: which shift money moved now books into, and whether it may move at all.

Cash needs an open shift on this till: the drawer's expected cash is the opening float plus what the
shift's documents say went in and out, so cash booked outside a shift would make a later count wrong.
QRIS and transfer do not touch the drawer; whether they need a shift is the setting
'shift.required_for_noncash' (on by default: see `config.Settings`).

`booking_shift` must run inside the caller's write transaction (`ctx.db.atomic()`, which the till opens
with BEGIN IMMEDIATE), before the document is written. The check and the write then hold SQLite's write
lock together, so a close committed by another process (a second window, `kkmp-pos shift close`) is
either seen here, and the money is refused, or waits until this document is in the shift it closes.
"""

from __future__ import annotations

from collections.abc import Iterable

from kkmp_pos.core.cash import ShiftStatus
from kkmp_pos.core.errors import StateError
from kkmp_pos.db.models import ShiftModel
from kkmp_pos.services.context import ServiceContext


def open_shift_row() -> ShiftModel | None:
    """The drawer's open shift on this till (one at a time), or None."""
    return (
        ShiftModel.select(ShiftModel.id, ShiftModel.status)
        .where(ShiftModel.status == str(ShiftStatus.OPEN))
        .order_by(ShiftModel.opened_at.desc())
        .first()
    )


def _needs_one(ctx: ServiceContext, methods: Iterable[object]) -> bool:
    kinds = {str(m) for m in methods if m}
    return "cash" in kinds or bool(kinds and ctx.settings.shift_required_for_noncash)


def shift_needed(ctx: ServiceContext, methods: Iterable[object]) -> bool:
    """Whether money by `methods` would be refused now for want of an open shift: for the till to ask
    for the float first. Advisory only: `booking_shift` decides, inside the write transaction."""
    return _needs_one(ctx, methods) and open_shift_row() is None


def booking_shift(ctx: ServiceContext, methods: Iterable[object], requested: str | None = None) -> str | None:
    """The open shift that money paid or refunded now by `methods` ('cash', 'qris', 'transfer', or
    `PaymentMethod`s) books into; None when nothing needs one and none is open.

    `requested`: a shift the caller names; it must be the open one. Raises StateError
    'shift_needed_for_cash' / 'shift_needed' when no shift is open, 'shift_closed' when the named
    shift is no longer open.
    """
    if not ctx.db.in_transaction():
        raise RuntimeError("booking_shift must run inside the write transaction that books the money")
    methods = list(methods)
    # SQL text, not a peewee query: this runs in every sale's transaction
    row = ctx.db.execute_sql(
        'SELECT "id" FROM "shift" WHERE "status" = ? ORDER BY "opened_at" DESC LIMIT 1',
        (str(ShiftStatus.OPEN),),
    ).fetchone()
    if requested is not None and (row is None or row[0] != requested):
        raise StateError("shift_closed")
    if row is not None:
        return str(row[0])
    if _needs_one(ctx, methods):
        cash = "cash" in {str(m) for m in methods}
        raise StateError("shift_needed_for_cash" if cash else "shift_needed")
    return None
