"""Opening the cash drawer when cash moves without a sale receipt (refunds, cash in and out).

A sale's receipt kicks the drawer as it prints. Any other cash movement queues a drawer job in the same
transaction as its document, so the job exists exactly when the movement does, and announces it once
committed: the till sends it to the printer in the background (`ServiceContext.drawer_kicks`).
"""

from __future__ import annotations

import logging

from kkmp_pos.core.receipt_document import ReceiptDocument
from kkmp_pos.db.models import PrintJobModel
from kkmp_pos.services.context import ServiceContext

log = logging.getLogger(__name__)


def queue_drawer_kick(ctx: ServiceContext, doc_id: str) -> int | None:
    """Queue a drawer-opening job for the document that moved cash (call inside its transaction).

    None when the shop has switched drawer kicks off.
    """
    if not ctx.settings.printer_kick_drawer:
        return None
    job = PrintJobModel.create(
        kind="drawer",
        doc_id=doc_id,
        document=ReceiptDocument((), kick_drawer=True).to_json(),
        printer_uri=ctx.settings.printer_uri,
        created_at=ctx.now_iso(),
    )
    return int(job.id)


def announce_drawer_kick(ctx: ServiceContext, job_id: int | None) -> None:
    """After the commit: hand the job to whoever sends drawer jobs. A failing listener is logged and
    never undoes the cash movement (the job stays in the print queue)."""
    if job_id is None:
        return
    for listener in list(ctx.drawer_kicks):
        try:
            listener(job_id)
        except Exception:
            log.exception("drawer kick %s could not be sent", job_id)
