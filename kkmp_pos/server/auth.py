"""Terminal enrolment and bearer tokens (terminal and admin), stored only as SHA-256 hashes.

Tokens carry the cooperative and the owner's id in clear (`kkt1.<coop>.<terminal>.<secret>`) so a
lookup uses the primary key, which includes the cooperative (shardable); the secret is 256 random
bits, so a plain SHA-256 is enough (no slow hash needed for a non-guessable secret).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.server.db import ServerDb
from kkmp_pos.sync.wire import is_valid_id

ENROL_CODE_DAYS = 7
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: it is typed by hand


class AuthError(KkmpError):
    """401 (no or bad credentials), 403 (valid credentials, not allowed: revoked, expired) or 409
    (an enrolment code another till has claimed)."""

    def __init__(self, code: str, status: int, **params: object) -> None:
        super().__init__(code, **params)
        self.status = status


@dataclass(frozen=True)
class TerminalIdentity:
    cooperative_id: str
    store_id: str
    terminal_id: str


@dataclass(frozen=True)
class AdminIdentity:
    cooperative_id: str
    token_id: str


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_secret() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def new_enrol_code() -> str:
    """16 characters in groups of four, ~80 bits: typed once at the till, then useless."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def issue_enrol_code(sdb: ServerDb, cooperative_id: str, terminal_id: str) -> str:
    """A new one-time code for the terminal; an older unused code stops working."""
    Terminal = sdb.m.TerminalModel
    code = new_enrol_code()
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=ENROL_CODE_DAYS)
    Terminal.update(
        enrol_code_hash=_hash(normalise_code(code)),
        enrol_expires_at=expires.isoformat(timespec="seconds"),
        enrol_device_hash=None,  # a new code is anyone's to claim
    ).where((Terminal.cooperative_id == cooperative_id) & (Terminal.terminal_id == terminal_id)).execute()
    return code


def enrol(sdb: ServerDb, code: str, device_key: str | None = None) -> tuple[TerminalIdentity, str]:
    """Trade an enrolment code for the terminal's token (which replaces, so revokes, any older one).

    A till that sends its `device_key` claims the code: until it confirms (its first authenticated
    call, or `confirm_enrolment`), the same code from the same device answers again with the same
    terminal and a fresh token, so a reply lost on the way does not burn the code. Another device is
    refused. Without a device key (older tills) the code is used up at once."""
    Terminal = sdb.m.TerminalModel
    code_hash = _hash(normalise_code(code))
    device_hash = _hash(device_key) if device_key else None
    with sdb.atomic():
        row = Terminal.get_or_none(Terminal.enrol_code_hash == code_hash)
        if row is None or row.revoked_at:
            raise AuthError("sync_enrol_code_invalid", 401)
        if row.enrol_expires_at and row.enrol_expires_at < dt.datetime.now(dt.UTC).isoformat():
            raise AuthError("sync_enrol_code_invalid", 401)
        if row.enrol_device_hash and row.enrol_device_hash != device_hash:
            raise AuthError("sync_enrol_code_claimed", 409)
        secret = _new_secret()
        pending = {"enrol_device_hash": device_hash} if device_hash else _CODE_USED_UP
        updated = (
            Terminal.update(token_hash=_hash(secret), enrolled_at=utc_now(), **pending)
            .where(
                (Terminal.cooperative_id == row.cooperative_id)
                & (Terminal.terminal_id == row.terminal_id)
                & (Terminal.enrol_code_hash == code_hash)
                & (Terminal.enrol_device_hash.is_null() | (Terminal.enrol_device_hash == device_hash))
            )
            .execute()
        )
        if updated != 1:  # a concurrent enrolment claimed the code first
            raise AuthError("sync_enrol_code_claimed", 409)
    ident = TerminalIdentity(row.cooperative_id, row.store_id, row.terminal_id)
    return ident, f"kkt1.{row.cooperative_id}.{row.terminal_id}.{secret}"


_CODE_USED_UP = {"enrol_code_hash": None, "enrol_expires_at": None, "enrol_device_hash": None}


def confirm_enrolment(sdb: ServerDb, ident: TerminalIdentity) -> None:
    """The till holds its token: the enrolment code it claimed is used up."""
    Terminal = sdb.m.TerminalModel
    Terminal.update(**_CODE_USED_UP).where(
        (Terminal.cooperative_id == ident.cooperative_id)
        & (Terminal.terminal_id == ident.terminal_id)
        & Terminal.enrol_device_hash.is_null(False)
    ).execute()


def _split_token(authorization: str | None, prefix: str) -> tuple[str, str, str]:
    if not authorization:
        raise AuthError("sync_auth_missing", 401)
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise AuthError("sync_auth_missing", 401)
    parts = token.strip().split(".")
    if len(parts) != 4 or parts[0] != prefix or not is_valid_id(parts[1]):
        raise AuthError("sync_auth_invalid", 401)
    if not is_valid_id(parts[2]):
        raise AuthError("sync_auth_invalid", 401)
    return parts[1], parts[2], parts[3]


def authenticate_terminal(sdb: ServerDb, authorization: str | None) -> TerminalIdentity:
    coop, terminal_id, secret = _split_token(authorization, "kkt1")
    Terminal = sdb.m.TerminalModel
    row = Terminal.get_or_none((Terminal.cooperative_id == coop) & (Terminal.terminal_id == terminal_id))
    if row is None or not row.token_hash or not hmac.compare_digest(row.token_hash, _hash(secret)):
        raise AuthError("sync_auth_invalid", 401)
    if row.revoked_at:
        raise AuthError("sync_terminal_revoked", 403, terminal=terminal_id)
    ident = TerminalIdentity(row.cooperative_id, row.store_id, row.terminal_id)
    if row.enrol_device_hash:  # the first call with the token a claimed code gave: confirmed
        confirm_enrolment(sdb, ident)
    return ident


def issue_admin_token(
    sdb: ServerDb, cooperative_id: str, label: str = "", expires_at: str | None = None
) -> str:
    """A new admin API token named `label`, valid until `expires_at` (UTC ISO) or until revoked."""
    from kkmp_pos.core.ids import uuid7

    token_id = uuid7().replace("-", "")
    secret = _new_secret()
    sdb.m.AdminTokenModel.create(
        cooperative_id=cooperative_id,
        token_id=token_id,
        token_hash=_hash(secret),
        label=label,
        created_at=utc_now(),
        expires_at=expires_at,
    )
    return f"kka1.{cooperative_id}.{token_id}.{secret}"


def authenticate_admin(sdb: ServerDb, authorization: str | None) -> AdminIdentity:
    coop, token_id, secret = _split_token(authorization, "kka1")
    Token = sdb.m.AdminTokenModel
    row = Token.get_or_none((Token.cooperative_id == coop) & (Token.token_id == token_id))
    if row is None or not hmac.compare_digest(row.token_hash, _hash(secret)):
        raise AuthError("sync_auth_invalid", 401)
    if row.revoked_at:
        raise AuthError("admin_token_revoked", 403, token=token_id)
    if row.expires_at and row.expires_at <= utc_now():
        raise AuthError("admin_token_expired", 403, token=token_id)
    return AdminIdentity(coop, token_id)
