"""The audit log: every sensitive act, who did it and who approved it."""

from __future__ import annotations

import json
from typing import Any

from kkmp_pos.db.models import AuditLogModel
from kkmp_pos.services.context import Actor, ServiceContext


def audit(
    ctx: ServiceContext,
    action: str,
    actor: Actor | None,
    *,
    doc_id: str | None = None,
    approved_by: Actor | None = None,
    **detail: Any,
) -> None:
    """Write one audit row; call inside the transaction of the act it records."""
    AuditLogModel.create(
        at=ctx.now_iso(),
        user=actor.user_id if actor else None,
        approved_by=approved_by.user_id if approved_by else None,
        action=action,
        doc_id=doc_id,
        detail=json.dumps(detail, default=str, ensure_ascii=False),
    )
