"""How long the till keeps full NIKs (docs/PRIVACY.md), run by the start-up housekeeping.

- Every stored NIK and KK gets its keyed hash and last 4 digits (rows written before schema step 11,
  or before the cooperative's key replaced the till's own).
- A walk-in buyer's full NIK on a sale is dropped once the sale is older than
  `privacy.nik_retention_days` (default 90, the logbook's period); the hash and last 4 stay, so caps and
  the masked logbook still work. Acknowledged sync events written before step 11 lose theirs too.
- Then the WAL is truncated: with `secure_delete` the database pages hold no copy of what went.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kkmp_pos.core.personal import keyed_hash, last4, reduce_payload
from kkmp_pos.db.models import MemberModel, OutboxEventModel, SaleModel, SettingModel
from kkmp_pos.db.outbox import redact_payloads
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.privacy.keys import hash_key

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionReport:
    hashed: int  # rows given their hash
    reduced: int  # sales whose buyer's full NIK was dropped
    events: int  # acknowledged events whose personal numbers were reduced


def nik_cutoff(ctx: ServiceContext) -> str:
    """The first business date whose buyers' full NIKs are still kept."""
    days = max(int(ctx.settings.get("privacy.nik_retention_days")), 1)
    return (date.fromisoformat(ctx.business_date()) - timedelta(days=days)).isoformat()


BATCH = 200  # rows per write transaction: a background job never holds the lock long (issue 10)


def _batches(query: Any, key: Any) -> Iterator[list[Any]]:
    """The query's rows, `BATCH` at a time in key order, each batch read outside any transaction."""
    last = None
    while True:
        page = query if last is None else query.where(key > last)
        rows = list(page.order_by(key).limit(BATCH))
        if not rows:
            return
        yield rows
        last = getattr(rows[-1], key.name)


def fill_hashes(ctx: ServiceContext, *, again: bool = False) -> int:
    """Hash + last 4 for every full number held; `again`: also those hashed before (a new key).
    In batches of `BATCH` rows, each its own short transaction."""
    key = hash_key(ctx.data_dir)[0]
    count = 0
    sales = SaleModel.select(SaleModel.id, SaleModel.buyer_nik).where(SaleModel.buyer_nik.is_null(False))
    if not again:
        sales = sales.where(SaleModel.buyer_nik_hmac.is_null())
    for rows in _batches(sales, SaleModel.id):
        with ctx.db.atomic():
            for sale in rows:
                SaleModel.update(
                    buyer_nik_hmac=keyed_hash(key, sale.buyer_nik), buyer_nik_last4=last4(sale.buyer_nik)
                ).where(SaleModel.id == sale.id).execute()
        count += len(rows)
    for field in ("nik", "kk"):
        column = getattr(MemberModel, field)
        members = MemberModel.select(MemberModel.id, column).where(column.is_null(False))
        if not again:
            members = members.where(getattr(MemberModel, f"{field}_hmac").is_null())
        for rows in _batches(members, MemberModel.id):
            with ctx.db.atomic():
                for member in rows:
                    number = getattr(member, field)
                    MemberModel.update(
                        {f"{field}_hmac": keyed_hash(key, number), f"{field}_last4": last4(number)}
                    ).where(MemberModel.id == member.id).execute()
            count += len(rows)
    return count


def reduce_expired(ctx: ServiceContext) -> tuple[int, int]:
    """Drop full buyer NIKs past the retention period; returns (sales, events) changed.
    In batches of `BATCH` rows, each its own short transaction."""
    cutoff = nik_cutoff(ctx)
    sales = 0
    expired = SaleModel.select(SaleModel.id).where(
        SaleModel.buyer_nik.is_null(False) & (SaleModel.business_date < cutoff)
    )
    for rows in _batches(expired, SaleModel.id):
        with ctx.db.atomic():
            sales += (
                SaleModel.update(buyer_nik=None)
                .where(SaleModel.id.in_([r.id for r in rows]) & SaleModel.buyer_nik.is_null(False))
                .execute()
            )
    key = hash_key(ctx.data_dir)[0]
    # events written before step 11 carried the buyer's NIK; sent ones may lose it now
    carrying = OutboxEventModel.select(OutboxEventModel.seq, OutboxEventModel.payload).where(
        (OutboxEventModel.status == "acked")
        & (OutboxEventModel.type == "sale.completed")
        & OutboxEventModel.payload.contains('"buyer_nik":"')
    )
    events = 0
    for rows in _batches(carrying, OutboxEventModel.seq):
        reduced = [(reduce_payload(json.loads(e.payload), lambda n: keyed_hash(key, n)), e.seq) for e in rows]
        with ctx.db.atomic():
            events += redact_payloads(reduced)
    return sales, events


def truncate_wal(ctx: ServiceContext) -> None:
    """Old page versions in the WAL hold what was just removed: copy back and empty it."""
    try:
        ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception as exc:  # a reader holding the WAL: the next round empties it
        log.info("WAL not truncated now: %s", exc)


def run(ctx: ServiceContext) -> RetentionReport:
    hashed = fill_hashes(ctx)
    sales, events = reduce_expired(ctx)
    if hashed or sales or events:
        truncate_wal(ctx)
        log.info("personal data: %s hashed, %s buyer NIKs reduced, %s events", hashed, sales, events)
    return RetentionReport(hashed, sales, events)


def rehash(ctx: ServiceContext) -> int:
    """After the till adopted the cooperative's key: every full number hashed again with it."""
    count = fill_hashes(ctx, again=True)
    _remember_key(ctx)
    truncate_wal(ctx)
    return count


KEY_CHECK_SETTING = "privacy.key_check"


def _key_check(ctx: ServiceContext) -> str:
    return keyed_hash(hash_key(ctx.data_dir)[0], "kkmp-pos key check")[:16]


def _remember_key(ctx: ServiceContext) -> None:
    SettingModel.insert(
        key=KEY_CHECK_SETTING, value=json.dumps(_key_check(ctx))
    ).on_conflict_replace().execute()


def match_key(ctx: ServiceContext) -> bool:
    """At start: when the database was hashed with another key (a database copied or restored
    without its key file), hash again what is held in full. True when it had to."""
    row = SettingModel.get_or_none(SettingModel.key == KEY_CHECK_SETTING)
    if row is not None and json.loads(row.value) == _key_check(ctx):
        return False
    if row is None and not MemberModel.select().exists() and not SaleModel.select().exists():
        _remember_key(ctx)  # a new till: nothing hashed yet
        return False
    if row is None:  # an upgraded till or a freshly seeded demo: hashed for the first time
        log.info("personal data: hashing with this till's key for the first time")
    else:
        log.warning("personal-data key differs from the one the database was hashed with: hashing again")
    rehash(ctx)
    return True
