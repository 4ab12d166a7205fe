"""Pruning what only the machinery needed: sync events the server acknowledged and receipts already
printed, after `retention.days`. The documents they were about (sales, returns, payments) always stay.

Both run from the daily housekeeping in batches: each batch is read outside any write transaction and
deleted by one statement, a short transaction of its own, so a checkout never waits long for the lock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from kkmp_pos.core.timeutil import to_iso
from kkmp_pos.db import outbox
from kkmp_pos.services.context import ServiceContext

# Finished print jobs deleted per write transaction.
PRUNE_BATCH = 200


@dataclass(frozen=True)
class PruneReport:
    events: int  # acknowledged outbox events removed
    print_jobs: int  # printed jobs removed


def retention_cutoff(ctx: ServiceContext) -> str:
    """The UTC instant before which acknowledged events and printed jobs may go."""
    return to_iso(ctx.now() - timedelta(days=max(ctx.settings.retention_days, 1)))


def prune_print_jobs(ctx: ServiceContext, before_iso: str, batch: int | None = None) -> int:
    """Delete jobs printed (`sent`) before `before_iso`; pending and failed jobs stay for someone to
    retry. A reprint makes a new job from the sale, so the sale's receipt is never lost."""
    size = batch or PRUNE_BATCH
    removed = 0
    while True:
        ids = ctx.db.execute_sql(
            "SELECT id FROM print_job WHERE status = 'sent' AND sent_at < ? ORDER BY id LIMIT ?",
            (before_iso, size),
        ).fetchall()
        if ids:
            marks = ", ".join("?" * len(ids))
            removed += max(
                ctx.db.execute_sql(  # one statement, its own transaction: no GIL wait inside the lock
                    f"DELETE FROM print_job WHERE status = 'sent' AND id IN ({marks})",
                    [job_id for (job_id,) in ids],
                ).rowcount,
                0,
            )
            outbox.checkpoint_between_batches()
        if len(ids) < size:
            return removed


def prune_history(ctx: ServiceContext) -> PruneReport:
    """Both prunings, with the retention of the settings."""
    cutoff = retention_cutoff(ctx)
    return PruneReport(outbox.prune_acked(cutoff), prune_print_jobs(ctx, cutoff))
