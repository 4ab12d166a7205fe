"""Closing a shift: the blind count, a manager's approval over the limit, the deposit and the Z report.

These are ShiftService's `submit_count` and `finish_close` (the service keeps the public methods and
calls these); see kkmp_pos.services.shifts.drawer for the blind-close rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Protocol

from kkmp_pos.core.cash import (
    counts_from_json,
    counts_to_json,
    needs_approval,
    next_status,
    normalise_counts,
    total_rp,
)
from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.core.events import Person, ShiftClosed
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import format_rp
from kkmp_pos.db.models import CashMovementModel, PrintJobModel, ShiftModel
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.reports import queries as q
from kkmp_pos.services.setup.auth import require


class ShiftRows(Protocol):
    """What the close steps use of the shift service (ShiftService in kkmp_pos.services.shifts.drawer)."""

    ctx: ServiceContext

    def _row(self, shift_id: str) -> ShiftModel: ...

    def _open_shift_for(self, actor: Actor) -> ShiftModel: ...

    def _own_or_manager(self, actor: Actor, shift: ShiftModel) -> None: ...

    def _cash_event(self, move: CashMovementModel, actor: Actor, approver: Actor | None) -> None: ...


@dataclass(frozen=True)
class CountResult:
    """Shown only after the blind count was stored."""

    shift_id: str
    counted_rp: int
    expected_rp: int
    difference_rp: int  # counted − expected: negative is a shortage
    needs_approval: bool
    limit_rp: int


@dataclass(frozen=True)
class CloseResult:
    shift_id: str
    counted_rp: int
    expected_rp: int
    difference_rp: int
    approved_by: str | None
    left_rp: int  # stays in the drawer: the next shift's float
    deposit_rp: int  # taken to the safe
    z_job_id: int  # the Z report's print job


def submit_count(
    svc: ShiftRows, actor: Actor, counts: dict[int, int], shift_id: str | None = None
) -> CountResult:
    """Store the blind count (once), then say the difference. The shift stops taking sales."""
    require(actor, "close_shift")
    clean = normalise_counts(counts)
    counted = total_rp(clean)
    limit = svc.ctx.settings.shift_difference_limit_rp
    with svc.ctx.db.atomic():
        shift = svc._row(shift_id) if shift_id else svc._open_shift_for(actor)
        svc._own_or_manager(actor, shift)
        status = next_status(shift.status, "submit_count")
        expected = q.shift_cash_figures(svc.ctx.db, shift.id, shift.opening_float_rp).expected_rp
        difference = counted - expected
        ShiftModel.update(
            status=str(status),
            counted_cash_rp=counted,
            counted_detail=counts_to_json(clean),
            expected_cash_rp=expected,
            difference_rp=difference,
        ).where(ShiftModel.id == shift.id).execute()
        audit(
            svc.ctx,
            "shift.counted",
            actor,
            doc_id=shift.id,
            counted_rp=counted,
            expected_rp=expected,
            difference_rp=difference,
        )
    return CountResult(shift.id, counted, expected, difference, needs_approval(difference, limit), limit)


def finish_close(
    svc: ShiftRows,
    actor: Actor,
    shift_id: str,
    *,
    left_counts: dict[int, int] | None = None,
    approver: Actor | None = None,
) -> CloseResult:
    """Close a counted shift: approval if over the limit, the deposit, the event and the Z report.

    `left_counts`: the cash that stays in the drawer for the next cashier (None: all of it).
    """
    require(actor, "close_shift")
    limit = svc.ctx.settings.shift_difference_limit_rp
    with svc.ctx.db.atomic():
        shift = svc._row(shift_id)
        svc._own_or_manager(actor, shift)
        status = next_status(shift.status, "finish_close")
        difference = int(shift.difference_rp or 0)
        if needs_approval(difference, limit):
            if approver is None:
                raise PermissionDenied(
                    "shift_approval_required", difference=format_rp(difference), limit=format_rp(limit)
                )
            require(approver, "approve")
        counted = counts_from_json(shift.counted_detail)
        left = counted if left_counts is None else normalise_counts(left_counts)
        deposit = {v: counted[v] - left[v] for v in counted}
        if any(n < 0 for n in deposit.values()):
            raise ValidationError(
                "shift_left_too_much",
                left=format_rp(total_rp(left)),
                counted=format_rp(total_rp(counted)),
            )
        now_iso, bdate = svc.ctx.now_iso(), svc.ctx.business_date()
        deposit_rp = total_rp(deposit)
        if deposit_rp:
            move = CashMovementModel.create(
                id=uuid7(),
                shift=shift.id,
                user=actor.user_id,
                kind="deposit",
                amount_rp=deposit_rp,
                reason="setoran akhir shift",
                detail=counts_to_json(deposit),
                created_at=now_iso,
                business_date=bdate,
            )
            svc._cash_event(move, actor, None)
        ShiftModel.update(
            status=str(status),
            closed_at=now_iso,
            approved_by=approver.user_id if approver and needs_approval(difference, limit) else None,
        ).where(ShiftModel.id == shift.id).execute()
        approved = approver if needs_approval(difference, limit) else None
        closed = ShiftClosed(
            shift_id=shift.id,
            user=Person(shift.user_id),
            closed_by=Person(actor.user_id, actor.name),
            closed_at=now_iso,
            opening_float_rp=shift.opening_float_rp,
            counted_cash_rp=shift.counted_cash_rp,
            counted_detail=json.loads(shift.counted_detail),
            expected_cash_rp=shift.expected_cash_rp,
            difference_rp=difference,
            approved_by=approved.user_id if approved else None,
            left_rp=total_rp(left),
            deposit_rp=deposit_rp,
        )
        append_event(closed.TYPE, closed.to_payload(), occurred_at=now_iso, business_date=shift.business_date)
        audit(
            svc.ctx,
            "shift.closed",
            actor,
            doc_id=shift.id,
            approved_by=approved,
            difference_rp=difference,
            left_rp=total_rp(left),
            deposit_rp=deposit_rp,
        )
        job_id = queue_z_report(svc.ctx, shift.id)
    return CloseResult(
        shift_id=shift.id,
        counted_rp=int(shift.counted_cash_rp),
        expected_rp=int(shift.expected_cash_rp),
        difference_rp=difference,
        approved_by=approved.name if approved else None,
        left_rp=total_rp(left),
        deposit_rp=deposit_rp,
        z_job_id=job_id,
    )


def queue_z_report(ctx: ServiceContext, shift_id: str) -> int:
    """Queue the closed shift's Z report for the thermal printer; returns the job id."""
    from kkmp_pos.services.reports.documents import shift_report_document
    from kkmp_pos.services.reports.service import shift_report

    report = shift_report(ctx, shift_id, final=True)
    doc = shift_report_document(ctx, report)
    job = PrintJobModel.create(
        kind="report",
        doc_id=shift_id,
        document=doc.to_json(),
        printer_uri=ctx.settings.printer_uri,
        created_at=ctx.now_iso(),
    )
    return int(job.id)
