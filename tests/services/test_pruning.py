"""Acknowledged sync events and printed jobs are pruned after `retention.days`, in small batches; the
documents stay, pending and rejected events stay, and the outbox sequence never comes round again."""

from __future__ import annotations

from datetime import timedelta

from kkmp_pos.core.timeutil import to_iso
from kkmp_pos.db import outbox
from kkmp_pos.db.models import OutboxEventModel, PrintJobModel, SaleModel
from kkmp_pos.services.setup import pruning
from tests.write_trace import traced_transactions, writes_to


def _event(till, status: str, acked_days_ago: int | None) -> int:
    with till.ctx.db.atomic():
        seq = outbox.append_event(
            "test.event", {"n": 1}, occurred_at=till.ctx.now_iso(), business_date=till.ctx.business_date()
        ).seq
    acked_at = None if acked_days_ago is None else to_iso(till.ctx.now() - timedelta(days=acked_days_ago))
    OutboxEventModel.update(status=status, acked_at=acked_at).where(OutboxEventModel.seq == seq).execute()
    return seq


def _job(till, status: str, days_ago: int) -> int:
    moment = to_iso(till.ctx.now() - timedelta(days=days_ago))
    return PrintJobModel.create(
        kind="report",
        document="{}",
        status=status,
        created_at=moment,
        sent_at=moment if status == "sent" else None,
    ).id


def test_old_acknowledged_events_and_printed_jobs_go_in_small_batches(till, monkeypatch):
    OutboxEventModel.update(status="acked", acked_at=to_iso(till.ctx.now())).execute()  # the demo's own
    PrintJobModel.update(status="sent", sent_at=to_iso(till.ctx.now())).execute()
    old_acked = [_event(till, "acked", 200) for _ in range(7)]
    kept_events = [
        _event(till, "acked", 10),
        _event(till, "pending", None),
        _event(till, "rejected", 200),  # quarantined: someone must look at it
    ]
    old_jobs = [_job(till, "sent", 120) for _ in range(5)]
    kept_jobs = [_job(till, "sent", 3), _job(till, "failed", 120), _job(till, "pending", 120)]
    sales_before = SaleModel.select().count()
    events_before = OutboxEventModel.select().count()
    jobs_before = PrintJobModel.select().count()
    monkeypatch.setattr(outbox, "PRUNE_BATCH", 2)
    monkeypatch.setattr(pruning, "PRUNE_BATCH", 2)

    with traced_transactions(till.ctx.db.connection()) as transactions:
        report = till.maintenance.run_startup().pruned

    assert report == pruning.PruneReport(events=7, print_jobs=5)
    assert max(writes_to(tx, "outbox_event") + writes_to(tx, "print_job") for tx in transactions) <= 2
    assert not OutboxEventModel.select().where(OutboxEventModel.seq.in_(old_acked)).exists()
    assert OutboxEventModel.select().where(OutboxEventModel.seq.in_(kept_events)).count() == 3
    assert OutboxEventModel.select().count() == events_before - 7
    assert not PrintJobModel.select().where(PrintJobModel.id.in_(old_jobs)).exists()
    assert PrintJobModel.select().where(PrintJobModel.id.in_(kept_jobs)).count() == 3
    assert PrintJobModel.select().count() == jobs_before - 5
    assert SaleModel.select().count() == sales_before  # the documents stay


def test_the_retention_is_a_setting(till):
    seq = _event(till, "acked", 40)
    job = _job(till, "sent", 40)
    assert pruning.prune_history(till.ctx) == pruning.PruneReport(0, 0)  # 90 days by default
    till.ctx.set_setting("retention.days", 30)
    assert pruning.prune_history(till.ctx).events >= 1
    assert not OutboxEventModel.select().where(OutboxEventModel.seq == seq).exists()
    assert not PrintJobModel.select().where(PrintJobModel.id == job).exists()


def test_pruning_the_newest_events_never_reuses_their_sequence_numbers(till):
    """Every event acknowledged long ago and pruned, the highest included: the next event still gets
    a number no event ever had."""
    highest = max(_event(till, "acked", 200) for _ in range(3))
    OutboxEventModel.update(status="acked", acked_at=to_iso(till.ctx.now() - timedelta(days=200))).execute()
    assert pruning.prune_history(till.ctx).events > 0
    assert not OutboxEventModel.select().exists()
    assert _event(till, "pending", None) == highest + 1
