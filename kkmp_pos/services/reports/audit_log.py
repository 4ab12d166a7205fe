"""Browsing and printing the audit log (managers: permission 'view_audit')."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kkmp_pos.core.audit_actions import label
from kkmp_pos.core.audit_details import detail_text
from kkmp_pos.core.timeutil import from_iso, local, to_iso
from kkmp_pos.db.models import AuditLogModel, UserModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.reports.service import parse_date
from kkmp_pos.services.setup.auth import require

# Acts a manager looks for first; the browser's filter lists these, then whatever else occurs.
SENSITIVE_ACTIONS = (
    "sale.voided",
    "sale.cancelled",
    "price.override",
    "discount.approved",
    "drawer.opened",
    "cash.in",
    "cash.out",
    "stock.adjusted",
    "shift.closed",
    "receipt.reprint",
    "login.failed",
    "user.created",
    "user.edited",
    "user.deactivated",
    "user.pin_reset",
)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at_local: str  # 'dd-mm-YYYY HH:MM:SS' in the store's zone
    user: str
    approved_by: str
    action: str
    doc_id: str
    detail: str  # 'Words: value, ...' in Bahasa Indonesia (the PDF's language)
    detail_raw: str = "{}"  # as stored (JSON): the screen words it in its own language


class AuditLogService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _utc_bounds(self, date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
        tz = ZoneInfo(self.ctx.store.timezone)
        lo = hi = None
        if date_from:
            lo = to_iso(datetime.combine(date.fromisoformat(parse_date(date_from)), time(), tz))
        if date_to:
            end = date.fromisoformat(parse_date(date_to)) + timedelta(days=1)
            hi = to_iso(datetime.combine(end, time(), tz))
        return lo, hi

    def actions(self, actor: Actor) -> list[str]:
        require(actor, "view_audit")
        seen = [row.action for row in AuditLogModel.select(AuditLogModel.action).distinct()]
        return [a for a in SENSITIVE_ACTIONS if a in seen] + sorted(
            a for a in seen if a not in SENSITIVE_ACTIONS
        )

    def browse(
        self,
        actor: Actor,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        action: str | None = None,
        user_id: int | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[AuditEntry]:
        """Newest first, filtered by store-local dates, action and user."""
        require(actor, "view_audit")
        lo, hi = self._utc_bounds(date_from, date_to)
        query = AuditLogModel.select().order_by(AuditLogModel.at.desc(), AuditLogModel.id.desc())
        if lo:
            query = query.where(AuditLogModel.at >= lo)
        if hi:
            query = query.where(AuditLogModel.at < hi)
        if action:
            query = query.where(AuditLogModel.action == action)
        if user_id is not None:
            query = query.where(AuditLogModel.user == user_id)
        names = {u.id: u.name for u in UserModel.select(UserModel.id, UserModel.name)}
        tz = self.ctx.store.timezone
        return [
            AuditEntry(
                id=row.id,
                at_local=local(from_iso(row.at), tz).strftime("%d-%m-%Y %H:%M:%S"),
                user=names.get(row.user_id, "-") if row.user_id else "-",
                approved_by=names.get(row.approved_by_id, "") if row.approved_by_id else "",
                action=row.action,
                doc_id=row.doc_id or "",
                detail=detail_text(row.detail),
                detail_raw=row.detail or "{}",
            )
            for row in query.limit(limit).offset(offset)
        ]

    def save_pdf(self, actor: Actor, path: Path | str, **filters: object) -> Path:
        """The filtered log as a printable PDF (the act of printing it is itself audited)."""
        from kkmp_pos.pdf.reports_pdf import audit_pdf

        entries = self.browse(actor, limit=5000, **filters)  # type: ignore[arg-type]
        # The board reads the PDF in Bahasa Indonesia: actions as words, not codes.
        rows = [[e.at_local, e.user, label(e.action, "id"), e.approved_by, e.detail] for e in entries]
        span = " s/d ".join(str(filters[k]) for k in ("date_from", "date_to") if filters.get(k))
        title = f"Log audit {span}".strip()
        path = Path(path)
        audit_pdf(title, rows, path)
        with self.ctx.db.atomic():
            audit(self.ctx, "audit.printed", actor, rows=len(rows))
        return path
