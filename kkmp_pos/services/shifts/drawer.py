"""Shifts and the cash drawer: open with a counted float, cash in/out, blind close, hand over, recovery.

Blind close: the cashier's calls never return the expected cash before the count is submitted
(`ShiftInfo` has no such field). `submit_count` stores the count, then tells the difference; a count
once submitted cannot be changed, so a cashier cannot count again to make a shortfall disappear. A
difference over 'shift.difference_limit_rp' needs a manager's approval before the shift closes.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from kkmp_pos.core.cash import (
    CashFigures,
    Counts,
    ShiftStatus,
    counts_from_json,
    counts_to_json,
    normalise_counts,
    total_rp,
)
from kkmp_pos.core.errors import NotFoundError, PermissionDenied, StateError, ValidationError
from kkmp_pos.core.events import CashMoved, Person, ShiftOpened
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import format_rp
from kkmp_pos.core.permission_names import refused_params
from kkmp_pos.db.models import CashMovementModel, PrintJobModel, ShiftModel, UserModel
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.books.posting import post_cash_move
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.printing.drawer_kick import announce_drawer_kick, queue_drawer_kick
from kkmp_pos.services.reports import queries as q
from kkmp_pos.services.setup.auth import PERMISSIONS, require
from kkmp_pos.services.shifts import close as shift_close
from kkmp_pos.services.shifts.close import CloseResult, CountResult

log = logging.getLogger(__name__)

CASH_KINDS = ("in", "out")


@dataclass(frozen=True)
class ShiftInfo:
    """A shift as the cashier may see it: deliberately without the expected cash."""

    id: str
    user_id: int
    user_name: str
    status: str
    opened_at: str
    business_date: str
    opening_float_rp: int


def _info(shift: ShiftModel) -> ShiftInfo:
    return ShiftInfo(
        id=shift.id,
        user_id=shift.user_id,
        user_name=UserModel.get_by_id(shift.user_id).name,
        status=shift.status,
        opened_at=shift.opened_at,
        business_date=shift.business_date,
        opening_float_rp=shift.opening_float_rp,
    )


def _is_manager(actor: Actor) -> bool:
    return "approve" in PERMISSIONS.get(actor.role, set())


class ShiftService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- finding shifts -------------------------------------------------------------------------
    def _unclosed_rows(self) -> list[ShiftModel]:
        return list(
            ShiftModel.select()
            .where(ShiftModel.status != str(ShiftStatus.CLOSED))
            .order_by(ShiftModel.opened_at)
        )

    def unclosed(self) -> list[ShiftInfo]:
        """Shifts not closed (open, or counted and waiting for approval), e.g. left by a crash.

        Call at start-up: the GUI offers to close them properly (count, difference, Z report).
        """
        return [_info(s) for s in self._unclosed_rows()]

    def current(self, actor: Actor) -> ShiftInfo | None:
        """The open shift this actor sells in, or None when no shift is open.

        A shift is the drawer's: one at a time per till. Raises StateError('shift_held_by_other') when
        another cashier's shift is open (a manager may sell in it).
        """
        rows = self._unclosed_rows()
        if not rows:
            return None
        shift = rows[0]
        if shift.user_id != actor.user_id and not _is_manager(actor):
            raise StateError("shift_held_by_other", name=UserModel.get_by_id(shift.user_id).name)
        if shift.status != str(ShiftStatus.OPEN):
            return None
        return _info(shift)

    def needed_for(self, methods: list[str]) -> bool:
        """Whether taking money by `methods` ('cash', 'qris', 'transfer') needs a shift opened first."""
        from kkmp_pos.services.shifts.guard import shift_needed

        return shift_needed(self.ctx, methods)

    def get(self, shift_id: str) -> ShiftInfo:
        return _info(self._row(shift_id))

    def _row(self, shift_id: str) -> ShiftModel:
        shift = ShiftModel.get_or_none(ShiftModel.id == shift_id)
        if shift is None:
            raise NotFoundError("shift_not_found")
        return shift

    def _own_or_manager(self, actor: Actor, shift: ShiftModel) -> None:
        if shift.user_id != actor.user_id and not _is_manager(actor):
            raise PermissionDenied(
                "permission_denied", name=actor.name, **refused_params("close_other_shift")
            )

    # -- opening ----------------------------------------------------------------------------------
    def suggested_float(self) -> Counts:
        """What the last closed shift left in the drawer, by denomination (the next float's default)."""
        last = (
            ShiftModel.select()
            .where(ShiftModel.status == str(ShiftStatus.CLOSED))
            .order_by(ShiftModel.closed_at.desc())
            .first()
        )
        if last is None:
            return normalise_counts({})
        counted = counts_from_json(last.counted_detail)
        deposit = CashMovementModel.get_or_none(
            (CashMovementModel.shift == last.id) & (CashMovementModel.kind == "deposit")
        )
        if deposit is not None:
            taken = counts_from_json(deposit.detail)
            counted = {v: counted[v] - taken[v] for v in counted}
        return counted

    def open(self, actor: Actor, counts: dict[int, int]) -> ShiftInfo:
        """Open a shift with the opening float counted by denomination."""
        require(actor, "open_shift")
        clean = normalise_counts(counts)
        float_rp = total_rp(clean)
        with self.ctx.db.atomic():
            existing = self._unclosed_rows()
            if existing:
                name = UserModel.get_by_id(existing[0].user_id).name
                raise StateError("shift_already_open", name=name)
            now_iso, bdate = self.ctx.now_iso(), self.ctx.business_date()
            shift = ShiftModel.create(
                id=uuid7(),
                user=actor.user_id,
                status=str(ShiftStatus.OPEN),
                opened_at=now_iso,
                business_date=bdate,
                opening_float_rp=float_rp,
                opening_detail=counts_to_json(clean),
            )
            suggested = total_rp(self.suggested_float())
            opened = ShiftOpened(
                shift_id=shift.id,
                user=Person(actor.user_id, actor.name),
                opened_at=now_iso,
                opening_float_rp=float_rp,
                opening_detail=json.loads(counts_to_json(clean)),
            )
            append_event(opened.TYPE, opened.to_payload(), occurred_at=now_iso, business_date=bdate)
            audit(
                self.ctx,
                "shift.opened",
                actor,
                doc_id=shift.id,
                float_rp=float_rp,
                handed_over_rp=suggested,
            )
        log.info("shift %s opened by %s with %s", shift.id, actor.name, format_rp(float_rp))
        return _info(shift)

    # -- during the shift -------------------------------------------------------------------------
    def cash_move(
        self,
        actor: Actor,
        kind: str,
        amount_rp: int,
        reason: str,
        *,
        approver: Actor | None = None,
    ) -> str:
        """Cash put in ('in') or taken out ('out') of the drawer, with a reason. Returns its id."""
        require(actor, "cash_move")
        if kind not in CASH_KINDS:
            raise ValidationError("cash_move_kind_invalid", kind=kind)
        if not isinstance(amount_rp, int) or amount_rp <= 0:
            raise ValidationError("cash_move_amount_invalid")
        if not reason.strip():
            raise ValidationError("cash_move_reason_missing")
        if approver is not None:
            require(approver, "approve")
        with self.ctx.db.atomic():
            shift = self._open_shift_for(actor)
            now_iso, bdate = self.ctx.now_iso(), self.ctx.business_date()
            move = CashMovementModel.create(
                id=uuid7(),
                shift=shift.id,
                user=actor.user_id,
                approved_by=approver.user_id if approver else None,
                kind=kind,
                amount_rp=amount_rp,
                reason=reason.strip(),
                created_at=now_iso,
                business_date=bdate,
            )
            self._cash_event(move, actor, approver)
            audit(
                self.ctx,
                f"cash.{kind}",
                actor,
                doc_id=move.id,
                approved_by=approver,
                amount_rp=amount_rp,
                reason=reason.strip(),
                shift_id=shift.id,
            )
            kick = queue_drawer_kick(self.ctx, move.id)
        announce_drawer_kick(self.ctx, kick)
        return move.id

    def _cash_event(self, move: CashMovementModel, actor: Actor, approver: Actor | None) -> None:
        post_cash_move(move.id)  # its journal, in the same transaction
        moved = CashMoved(
            movement_id=move.id,
            shift_id=move.shift_id,
            kind=move.kind,
            amount_rp=move.amount_rp,
            reason=move.reason,
            user=Person(actor.user_id, actor.name),
            approved_by=approver.user_id if approver else None,
            detail=json.loads(move.detail or "{}"),
        )
        append_event(
            moved.TYPE, moved.to_payload(), occurred_at=move.created_at, business_date=move.business_date
        )

    def _open_shift_for(self, actor: Actor) -> ShiftModel:
        info = self.current(actor)
        if info is None:
            raise StateError("shift_not_open")
        return ShiftModel.get_by_id(info.id)

    def open_drawer(self, actor: Actor, reason: str) -> int:
        """Open the drawer without a sale (audited; manager permission). Returns the kick job's id."""
        require(actor, "open_drawer")
        if not reason.strip():
            raise ValidationError("cash_move_reason_missing")
        from kkmp_pos.core.receipt import ReceiptDocument

        with self.ctx.db.atomic():
            job = PrintJobModel.create(
                kind="drawer",
                document=ReceiptDocument((), kick_drawer=True).to_json(),
                printer_uri=self.ctx.settings.printer_uri,
                created_at=self.ctx.now_iso(),
            )
            audit(self.ctx, "drawer.opened", actor, reason=reason.strip(), job_id=job.id)
        return int(job.id)

    # -- closing (the steps themselves are in shift_close) ----------------------------------------------
    def figures(self, shift_id: str) -> CashFigures:
        """The expected-cash arithmetic (for the X/Z reports; the cashier sees it only after counting)."""
        shift = self._row(shift_id)
        return q.shift_cash_figures(self.ctx.db, shift.id, shift.opening_float_rp)

    def submit_count(self, actor: Actor, counts: dict[int, int], shift_id: str | None = None) -> CountResult:
        """Store the blind count (once), then say the difference. The shift stops taking sales."""
        return shift_close.submit_count(self, actor, counts, shift_id)

    def finish_close(
        self,
        actor: Actor,
        shift_id: str,
        *,
        left_counts: dict[int, int] | None = None,
        approver: Actor | None = None,
    ) -> CloseResult:
        """Close a counted shift: approval if over the limit, the deposit, the event and the Z report.

        `left_counts`: the cash that stays in the drawer for the next cashier (None: all of it).
        """
        return shift_close.finish_close(self, actor, shift_id, left_counts=left_counts, approver=approver)

    def close(
        self,
        actor: Actor,
        counts: dict[int, int],
        *,
        shift_id: str | None = None,
        left_counts: dict[int, int] | None = None,
        approver: Actor | None = None,
    ) -> CloseResult:
        """Count and close in one call (CLI, tests). Over the limit it needs `approver`, and then the
        count stays stored with the shift 'counted' even when the approval is missing."""
        result = self.submit_count(actor, counts, shift_id)
        return self.finish_close(actor, result.shift_id, left_counts=left_counts, approver=approver)

    # -- reports --------------------------------------------------------------------------------
    def x_report(self, actor: Actor, shift_id: str | None = None) -> Any:
        """The mid-shift X report (manager only: it shows the expected cash). A `ShiftReport`."""
        require(actor, "x_report")
        from kkmp_pos.services.reports.service import shift_report

        if shift_id is None:
            rows = self._unclosed_rows()
            if not rows:
                raise StateError("shift_not_open")
            shift_id = rows[0].id
        audit(self.ctx, "report.x", actor, doc_id=shift_id)
        return shift_report(self.ctx, shift_id, final=False)

    def queue_report_print(self, actor: Actor, report: Any) -> int:
        """Queue a shift report (X or Z) for the thermal printer; returns the job id."""
        from kkmp_pos.services.reports.documents import shift_report_document

        if not report.final:
            require(actor, "x_report")
        with self.ctx.db.atomic():
            job = PrintJobModel.create(
                kind="report",
                doc_id=report.shift_id,
                document=shift_report_document(self.ctx, report).to_json(),
                is_copy=report.final,  # a Z report printed again is a copy
                printer_uri=self.ctx.settings.printer_uri,
                created_at=self.ctx.now_iso(),
            )
        return int(job.id)
