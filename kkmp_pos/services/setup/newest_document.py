"""This till's newest document: when it was made and its business date (the clock check's yardstick)."""

from __future__ import annotations

from datetime import datetime

from peewee import fn

from kkmp_pos.core.timeutil import from_iso
from kkmp_pos.db.models import OutboxEventModel, SaleModel


def newest_document() -> tuple[datetime, str] | None:
    """When this till's newest document was made, and its business date.

    Every document that leaves the till has an outbox event with the till's clock; the last one by
    sequence is the newest (one index lookup). Sales are asked too, by their indexed business date,
    in case old acknowledged events were pruned.
    """
    found: list[tuple[datetime, str]] = []
    last = OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).first()
    if last is not None:
        found.append((from_iso(last.occurred_at), last.business_date))
    bdate = SaleModel.select(fn.MAX(SaleModel.business_date)).scalar()
    if bdate:
        at = SaleModel.select(fn.MAX(SaleModel.created_at)).where(SaleModel.business_date == bdate).scalar()
        if at:
            found.append((from_iso(at), bdate))
    if not found:
        return None
    return max(f[0] for f in found), max(f[1] for f in found)


def business_date_floor() -> str | None:
    """The newest business date of this till's documents: a new one is never earlier."""
    newest = newest_document()
    return newest[1] if newest else None
