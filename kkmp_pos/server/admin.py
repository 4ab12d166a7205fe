"""Administration of the central server: cooperatives, stores, terminals, reports, quarantine."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import fn

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.server import auth
from kkmp_pos.server.db import ServerDb
from kkmp_pos.sync.wire import is_valid_id


def _check_id(kind: str, value: str) -> None:
    if not is_valid_id(value):
        raise ValidationError("server_id_invalid", kind=kind, value=value)


def create_cooperative(sdb: ServerDb, cooperative_id: str, name: str) -> str:
    """Create a cooperative; returns a new admin API token for it (shown once)."""
    _check_id("cooperative", cooperative_id)
    m = sdb.m
    with sdb.database.connection_context(), sdb.atomic():
        if m.CooperativeModel.get_or_none(m.CooperativeModel.cooperative_id == cooperative_id):
            raise ValidationError("server_exists", kind="cooperative", value=cooperative_id)
        m.CooperativeModel.create(cooperative_id=cooperative_id, name=name, created_at=auth.utc_now())
        sdb.keys.create(cooperative_id)  # its personal-data key, in the key folder (server.keys)
        return auth.issue_admin_token(sdb, cooperative_id, "created with the cooperative")


def new_admin_token(
    sdb: ServerDb, cooperative_id: str, label: str = "", expires_days: int | None = None
) -> str:
    """A new admin API token named `label` (shown once), valid `expires_days` days or until revoked."""
    if len(label) > 200:
        raise ValidationError("server_row_invalid", field="name", reason="at most 200 characters")
    expires_at = None
    if expires_days is not None:
        if not 1 <= expires_days <= 3650:
            raise ValidationError("server_row_invalid", field="expires_days", reason="must be 1 to 3650")
        expires_at = (dt.datetime.now(dt.UTC) + dt.timedelta(days=expires_days)).isoformat(
            timespec="milliseconds"
        )
    with sdb.database.connection_context(), sdb.atomic():
        _cooperative(sdb, cooperative_id)
        return auth.issue_admin_token(sdb, cooperative_id, label, expires_at)


def admin_tokens(sdb: ServerDb, cooperative_id: str) -> list[dict[str, Any]]:
    """The cooperative's admin tokens, newest first, without their secrets."""
    Token = sdb.m.AdminTokenModel
    now = auth.utc_now()
    with sdb.database.connection_context():
        query = (
            Token.select()
            .where(Token.cooperative_id == cooperative_id)
            .order_by(Token.created_at.desc(), Token.token_id.desc())
        )
        return [
            {
                "token_id": t.token_id,
                "name": t.label,
                "created_at": t.created_at,
                "expires_at": t.expires_at,
                "revoked_at": t.revoked_at,
                "active": not t.revoked_at and not (t.expires_at and t.expires_at <= now),
            }
            for t in query
        ]


def revoke_admin_token(sdb: ServerDb, cooperative_id: str, token_id: str) -> None:
    """The token stops working at once; revoking it again changes nothing."""
    Token = sdb.m.AdminTokenModel
    with sdb.database.connection_context(), sdb.atomic():
        row = Token.get_or_none((Token.cooperative_id == cooperative_id) & (Token.token_id == token_id))
        if row is None:
            raise NotFoundError("server_not_found", kind="admin token", value=token_id)
        if not row.revoked_at:
            Token.update(revoked_at=auth.utc_now()).where(
                (Token.cooperative_id == cooperative_id) & (Token.token_id == token_id)
            ).execute()


def _cooperative(sdb: ServerDb, cooperative_id: str) -> Any:
    m = sdb.m
    row = m.CooperativeModel.get_or_none(m.CooperativeModel.cooperative_id == cooperative_id)
    if row is None:
        raise NotFoundError("server_not_found", kind="cooperative", value=cooperative_id)
    return row


def create_store(
    sdb: ServerDb, cooperative_id: str, store_id: str, name: str, timezone: str = "Asia/Makassar"
) -> None:
    _check_id("store", store_id)
    m = sdb.m
    with sdb.database.connection_context(), sdb.atomic():
        _cooperative(sdb, cooperative_id)
        if m.StoreModel.get_or_none(
            (m.StoreModel.cooperative_id == cooperative_id) & (m.StoreModel.store_id == store_id)
        ):
            raise ValidationError("server_exists", kind="store", value=store_id)
        m.StoreModel.create(
            cooperative_id=cooperative_id,
            store_id=store_id,
            name=name,
            timezone=timezone,
            created_at=auth.utc_now(),
        )


def enrol_terminal(
    sdb: ServerDb, cooperative_id: str, store_id: str, terminal_id: str, name: str = ""
) -> str:
    """Create the terminal if needed and return a fresh one-time enrolment code for it."""
    _check_id("terminal", terminal_id)
    m = sdb.m
    with sdb.database.connection_context(), sdb.atomic():
        if (
            m.StoreModel.get_or_none(
                (m.StoreModel.cooperative_id == cooperative_id) & (m.StoreModel.store_id == store_id)
            )
            is None
        ):
            raise NotFoundError("server_not_found", kind="store", value=store_id)
        row = m.TerminalModel.get_or_none(
            (m.TerminalModel.cooperative_id == cooperative_id) & (m.TerminalModel.terminal_id == terminal_id)
        )
        if row is None:
            m.TerminalModel.create(
                cooperative_id=cooperative_id,
                terminal_id=terminal_id,
                store_id=store_id,
                name=name,
                created_at=auth.utc_now(),
            )
        elif row.store_id != store_id:
            raise ValidationError("server_exists", kind="terminal", value=terminal_id)
        else:
            # re-enrolling (a replaced PC) revokes nothing yet: the old token works until the new
            # code is used; a revoked terminal's old token never works again
            if row.revoked_at:
                m.TerminalModel.update(revoked_at=None, token_hash=None).where(
                    (m.TerminalModel.cooperative_id == cooperative_id)
                    & (m.TerminalModel.terminal_id == terminal_id)
                ).execute()
        return auth.issue_enrol_code(sdb, cooperative_id, terminal_id)


def revoke_terminal(sdb: ServerDb, cooperative_id: str, terminal_id: str) -> None:
    m = sdb.m
    with sdb.database.connection_context(), sdb.atomic():
        changed = (
            # the token hash stays, so the till is told it was revoked (403), not to enrol again
            m.TerminalModel.update(revoked_at=auth.utc_now(), enrol_code_hash=None, enrol_device_hash=None)
            .where(
                (m.TerminalModel.cooperative_id == cooperative_id)
                & (m.TerminalModel.terminal_id == terminal_id)
            )
            .execute()
        )
        if not changed:
            raise NotFoundError("server_not_found", kind="terminal", value=terminal_id)


def report(sdb: ServerDb, cooperative_id: str | None = None) -> list[dict[str, Any]]:
    """Per store and business date: completed sales and their total net of returns (a return counts
    on its own business date; cancelled and still-unpaid sales count nowhere)."""
    m = sdb.m
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    with sdb.database.connection_context():
        sales = m.SaleModel.select(
            m.SaleModel.cooperative_id,
            m.SaleModel.store_id,
            m.SaleModel.business_date,
            fn.COUNT(m.SaleModel.sale_id),
            *_split_sum(m.SaleModel.total_rp),
        ).where(m.SaleModel.status == "completed")
        returns = m.ReturnModel.select(
            m.ReturnModel.cooperative_id,
            m.ReturnModel.store_id,
            m.ReturnModel.business_date,
            *_split_sum(m.ReturnModel.refund_rp),
        )
        if cooperative_id is not None:
            sales = sales.where(m.SaleModel.cooperative_id == cooperative_id)
            returns = returns.where(m.ReturnModel.cooperative_id == cooperative_id)
        sales = sales.group_by(m.SaleModel.cooperative_id, m.SaleModel.store_id, m.SaleModel.business_date)
        returns = returns.group_by(
            m.ReturnModel.cooperative_id, m.ReturnModel.store_id, m.ReturnModel.business_date
        )
        for coop, store, day, count, high, low in sales.tuples():
            out[(coop, store, day)] = {
                "cooperative": coop,
                "store": store,
                "business_date": day,
                "sale_count": int(count),
                "total_rp": _joined(high, low),
            }
        for coop, store, day, high, low in returns.tuples():
            refund = _joined(high, low)
            row = out.setdefault(
                (coop, store, day),
                {
                    "cooperative": coop,
                    "store": store,
                    "business_date": day,
                    "sale_count": 0,
                    "total_rp": 0,
                },
            )
            row["total_rp"] -= refund
    return [out[k] for k in sorted(out)]


_SPLIT = 1_000_000


def _split_sum(column: Any) -> tuple[Any, Any]:
    """SUM(column) as two sums that cannot overflow: of the millions and of the rest.

    SQLite's SUM of integers fails on a 64-bit overflow ("integer overflow"), and the report would
    then fail for good. An amount is at most 10**12 (the event contract's bound), so the millions are
    at most 10**6 each, and no table could hold the 9 * 10**12 rows it would take to overflow
    either sum. Integer division and remainder both truncate toward zero, in SQLite and in
    PostgreSQL, so high * 10**6 + low is the exact total, negatives included."""
    millions = column / _SPLIT
    return fn.SUM(millions), fn.SUM(column - millions * _SPLIT)  # peewee's % means LIKE


def _joined(high: Any, low: Any) -> int:
    return int(high or 0) * _SPLIT + int(low or 0)


def quarantined(sdb: ServerDb, cooperative_id: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    m = sdb.m
    with sdb.database.connection_context():
        query = m.QuarantineModel.select()
        if cooperative_id is not None:
            query = query.where(m.QuarantineModel.cooperative_id == cooperative_id)
        query = query.order_by(m.QuarantineModel.received_at.desc()).limit(limit)
        return [
            {
                "cooperative": q.cooperative_id,
                "terminal": q.terminal_id,
                "event_id": q.event_id,
                "seq": q.seq,
                "type": q.type,
                "reason": q.reason,
                "received_at": q.received_at,
                "raw": _loads(q.raw),
            }
            for q in query
        ]


def _loads(text: str) -> Any:
    try:
        value = json.loads(text)
        # a lone surrogate (kept escaped) cannot be sent as UTF-8: then the escaped JSON text is shown
        json.dumps(value, ensure_ascii=False).encode()
    except (ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
        return text  # also a raw body cut at the size limit
    return value


def counts(sdb: ServerDb, cooperative_id: str) -> dict[str, int]:
    """Row counts per table for one cooperative (tests and troubleshooting)."""
    out = {}
    with sdb.database.connection_context():
        for model in sdb.models:
            if "cooperative_id" in model._meta.fields:
                out[model._meta.table_name] = (
                    model.select().where(model.cooperative_id == cooperative_id).count()
                )
    return out
