"""The change feed (server -> till): append changes per scope in commit order, read pages, snapshots.

A change lives in one scope: national, cooperative, store or terminal. Writers lock every scope they
append to (advisory locks on PostgreSQL, the database write lock on SQLite) before allocating ids and
keep the lock until commit, so within one scope no change with a smaller id can commit later. A cursor
therefore holds one "last id seen" per scope (see sync.wire.encode_cursor).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import peewee

from kkmp_pos.server.auth import TerminalIdentity, utc_now
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.models import NATIONAL
from kkmp_pos.sync.wire import SCOPES, canonical_json, encode_cursor


@dataclass(frozen=True)
class PendingChange:
    """A change to append; scope_id is the cooperative, store or terminal id ('' for national)."""

    cooperative_id: str
    scope: str
    scope_id: str
    entity: str
    key: str
    data: dict[str, Any]
    op: str = "upsert"
    origin_terminal_id: str = ""


# A feed entry that points at the stock movements of one event instead of copying them (ingest writes
# one such row per event; read_page expands it into one `stock_movement` upsert per movement).
MOVEMENT_REF = "ref"


class CursorExpired(Exception):
    """The cursor points before the pruned part of the feed: the till needs a snapshot."""


def append_changes(sdb: ServerDb, changes: list[PendingChange]) -> list[int]:
    """Append in the current transaction; returns the ids given. Call last in a transaction so the
    scope locks are held for as short a time as possible."""
    if not changes:
        return []
    if not sdb.database.in_transaction():
        raise RuntimeError("append_changes needs a transaction")
    sdb.lock(*{f"kkmp:feed:{c.scope}:{c.scope_id}" for c in changes})
    Change = sdb.m.ChangeModel
    if sdb.is_postgres:
        cursor = sdb.database.execute_sql(
            "SELECT nextval('change_log_seq') FROM generate_series(1, %s)", (len(changes),)
        )
        ids = sorted(row[0] for row in cursor.fetchall())
    else:
        # SQLite: the transaction already holds the write lock (BEGIN IMMEDIATE)
        last = Change.select(Change.change_id).order_by(Change.change_id.desc()).limit(1).scalar()
        Horizon = sdb.m.FeedHorizonModel
        pruned = Horizon.select(peewee.fn.MAX(Horizon.pruned_through)).scalar()
        start = max(last or 0, pruned or 0) + 1  # never reuse ids of a pruned feed
        ids = list(range(start, start + len(changes)))
    now = utc_now()
    rows = [
        {
            "cooperative_id": c.cooperative_id,
            "change_id": change_id,
            "scope": c.scope,
            "scope_id": c.scope_id,
            "entity": c.entity,
            "entity_key": c.key,
            "op": c.op,
            "data": canonical_json(c.data),
            "origin_terminal_id": c.origin_terminal_id,
            "created_at": now,
        }
        for change_id, c in zip(ids, changes, strict=True)
    ]
    sdb.insert_rows(Change, rows)
    return ids


def _scope_filter(sdb: ServerDb, ident: TerminalIdentity, positions: dict[str, int]) -> Any:
    Change = sdb.m.ChangeModel
    own = {
        "national": NATIONAL,
        "cooperative": ident.cooperative_id,
        "store": ident.store_id,
        "terminal": ident.terminal_id,
    }
    cond = None
    for scope in SCOPES:
        part = (
            (Change.scope == scope) & (Change.scope_id == own[scope]) & (Change.change_id > positions[scope])
        )
        # every scope names its cooperative: national changes live under '' (one known shard)
        part &= Change.cooperative_id == (NATIONAL if scope == "national" else ident.cooperative_id)
        if scope == "store":
            # a terminal never gets back the stock movements it sent itself
            part &= Change.origin_terminal_id != ident.terminal_id
        cond = part if cond is None else (cond | part)
    return cond


def _check_horizon(sdb: ServerDb, ident: TerminalIdentity, positions: dict[str, int]) -> None:
    Horizon = sdb.m.FeedHorizonModel
    rows = Horizon.select().where(
        Horizon.cooperative_id.in_([NATIONAL, ident.cooperative_id])
        & Horizon.scope_id.in_([NATIONAL, ident.cooperative_id, ident.store_id, ident.terminal_id])
    )
    own = {
        "national": NATIONAL,
        "cooperative": ident.cooperative_id,
        "store": ident.store_id,
        "terminal": ident.terminal_id,
    }
    for row in rows:
        if own.get(row.scope) == row.scope_id and positions[row.scope] < row.pruned_through:
            raise CursorExpired(row.scope)


def read_page(
    sdb: ServerDb, ident: TerminalIdentity, positions: dict[str, int], limit: int
) -> tuple[list[dict[str, Any]], str, bool]:
    """Changes after the cursor (at most `limit`), the next cursor and whether more are waiting."""
    Change = sdb.m.ChangeModel
    with sdb.database.connection_context():
        _check_horizon(sdb, ident, positions)
        query = (
            Change.select(
                Change.change_id,
                Change.scope,
                Change.entity,
                Change.op,
                Change.entity_key,
                Change.data,
            )
            .where(_scope_filter(sdb, ident, positions))
            .order_by(Change.change_id)
            .limit(limit + 1)
            .tuples()
        )
        rows = list(query)
        has_more = len(rows) > limit
        rows = rows[:limit]
        movements = _referenced_movements(sdb, ident.cooperative_id, rows)
    nxt = dict(positions)
    changes = []
    for change_id, scope, entity, op, key, data in rows:
        nxt[scope] = max(nxt[scope], change_id)
        if op == MOVEMENT_REF:
            ref = json.loads(data)
            for movement_id in ref["movement_ids"]:
                found = movements.get((ref["business_date"], movement_id))
                if found is not None:
                    changes.append(
                        {
                            "id": change_id,
                            "scope": scope,
                            "entity": entity,
                            "op": "upsert",
                            "key": movement_id,
                            "data": found,
                        }
                    )
            continue
        changes.append(
            {
                "id": change_id,
                "scope": scope,
                "entity": entity,
                "op": op,
                "key": key,
                "data": json.loads(data),
            }
        )
    return changes, encode_cursor(nxt), has_more


def _referenced_movements(
    sdb: ServerDb, coop: str, rows: list[tuple[Any, ...]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The movement rows that MOVEMENT_REF feed entries point at, by (business_date, movement_id)."""
    keys = []
    for _, _, _, op, _, data in rows:
        if op == MOVEMENT_REF:
            ref = json.loads(data)
            keys += [(ref["business_date"], mid) for mid in ref["movement_ids"]]
    Movement = sdb.m.StockMovementModel
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = Movement.select().where(
            (Movement.cooperative_id == coop)
            & peewee.Tuple(Movement.business_date, Movement.movement_id).in_(chunk)
        )
        for mv in query:
            found[(mv.business_date, mv.movement_id)] = {
                "business_date": mv.business_date,
                "movement_id": mv.movement_id,
                "store_id": mv.store_id,
                "terminal_id": mv.terminal_id,
                "product_id": mv.product_id,
                "qty_milli": mv.qty_milli,
                "kind": mv.kind,
                "event_id": mv.event_id,
                "product_code": mv.product_code,
                "product_uid": mv.product_uid,
            }
    return found


def snapshot(sdb: ServerDb, ident: TerminalIdentity) -> dict[str, Any]:
    """Everything server-owned that the terminal needs, as upsert changes, plus the cursor to resume
    the feed from; read in one transaction so the two agree."""
    m = sdb.m
    coop = ident.cooperative_id
    with sdb.database.connection_context(), sdb.atomic():
        positions = {}
        own = {
            "national": NATIONAL,
            "cooperative": coop,
            "store": ident.store_id,
            "terminal": ident.terminal_id,
        }
        for scope in SCOPES:
            q = m.ChangeModel.select(m.ChangeModel.change_id).where(
                (m.ChangeModel.cooperative_id == (NATIONAL if scope == "national" else coop))
                & (m.ChangeModel.scope == scope)
                & (m.ChangeModel.scope_id == own[scope])
            )
            last = q.order_by(m.ChangeModel.change_id.desc()).limit(1).scalar() or 0
            horizon = (
                m.FeedHorizonModel.select(m.FeedHorizonModel.pruned_through)
                .where(
                    (m.FeedHorizonModel.cooperative_id == (NATIONAL if scope == "national" else coop))
                    & (m.FeedHorizonModel.scope == scope)
                    & (m.FeedHorizonModel.scope_id == own[scope])
                )
                .scalar()
                or 0
            )
            # after a prune the scope may be empty: resume from the horizon, not from zero
            positions[scope] = max(last, horizon)
        changes: list[dict[str, Any]] = []
        for row in m.ProductModel.select().where(m.ProductModel.cooperative_id == coop):
            changes.append(_snap("cooperative", "product", row.product_id, json.loads(row.data)))
        prices = m.PriceModel.select().where(
            (m.PriceModel.cooperative_id == coop) & m.PriceModel.store_id.in_(["", ident.store_id])
        )
        for row in prices:
            data = price_data(row.product_id, row.price_type, row.store_id, row.price_rp)
            changes.append(_snap("cooperative", "price", price_key(data), data))
        for row in m.CeilingModel.select().where(m.CeilingModel.cooperative_id.in_([NATIONAL, coop])):
            data = {"product_code": row.product_code, "ceiling_rp": row.ceiling_rp}
            scope = "national" if row.cooperative_id == NATIONAL else "cooperative"
            changes.append(_snap(scope, "ceiling", row.product_code, data))
        for row in m.MemberModel.select().where(m.MemberModel.cooperative_id == coop):
            changes.append(_snap("cooperative", "member", row.member_id, json.loads(row.data)))
    return {"changes": changes, "cursor": encode_cursor(positions), "replace": True}


def _snap(scope: str, entity: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"id": 0, "scope": scope, "entity": entity, "op": "upsert", "key": key, "data": data}


def price_data(product_id: str, price_type: str, store_id: str, price_rp: int) -> dict[str, Any]:
    return {
        "product_id": product_id,
        "price_type": price_type,
        "store_id": store_id,
        "price_rp": price_rp,
    }


def price_key(data: dict[str, Any]) -> str:
    return f"{data['product_id']}:{data['price_type']}:{data['store_id']}"


def prune(sdb: ServerDb, through_change_id: int) -> int:
    """Delete changes up to an id (inclusive) and remember the horizon per scope; returns rows
    removed. Tills whose cursor is behind the horizon get 410 and a snapshot."""
    m = sdb.m
    with sdb.database.connection_context(), sdb.atomic():
        scopes = (
            m.ChangeModel.select(
                m.ChangeModel.cooperative_id,
                m.ChangeModel.scope,
                m.ChangeModel.scope_id,
                peewee.fn.MAX(m.ChangeModel.change_id),
            )
            .where(m.ChangeModel.change_id <= through_change_id)
            .group_by(m.ChangeModel.cooperative_id, m.ChangeModel.scope, m.ChangeModel.scope_id)
            .tuples()
        )
        for coop, scope, scope_id, last in list(scopes):
            sdb.lock(f"kkmp:feed:{scope}:{scope_id}")
            m.FeedHorizonModel.insert(
                cooperative_id=coop, scope=scope, scope_id=scope_id, pruned_through=last
            ).on_conflict(
                conflict_target=[
                    m.FeedHorizonModel.cooperative_id,
                    m.FeedHorizonModel.scope,
                    m.FeedHorizonModel.scope_id,
                ],
                update={m.FeedHorizonModel.pruned_through: last},
            ).execute()
        return m.ChangeModel.delete().where(m.ChangeModel.change_id <= through_change_id).execute()
