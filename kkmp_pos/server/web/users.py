"""The board's web users and sessions (issue 18), kept in the database so every worker sees them.

Passwords: scrypt (stdlib), a slow memory-hard KDF, with a salt per user. Sessions: the cookie holds
`kkw1.<cooperative>.<secret>`; the table keeps the secret's SHA-256, so a stolen table signs nobody
in, and each lookup names its cooperative (the tenant-key rule). A regional operator (Dinas) belongs
to no cooperative: cooperative_id '' and a kode wilayah prefix.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.server.auth import utc_now
from kkmp_pos.server.db import ServerDb

ROLES = ("pengurus", "pengawas", "manajer", "dinas")
COOP_ROLES = ROLES[:3]
SESSION_HOURS = 12
MIN_PASSWORD = 10
_N, _R, _P = 2**14, 8, 1  # scrypt: 16 MiB and ~50 ms per try
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
_DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43


@dataclass(frozen=True)
class WebUser:
    cooperative_id: str  # '' for a regional operator
    username: str
    role: str
    stores: tuple[str, ...] = ()
    region: str = ""

    @property
    def is_dinas(self) -> bool:
        return self.role == "dinas"


@dataclass(frozen=True)
class Session:
    user: WebUser
    csrf: str
    session_hash: str


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.urlsafe_b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode().rstrip('=')}${b64(key).decode().rstrip('=')}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, key = stored.split("$")
        raw_salt = base64.urlsafe_b64decode(salt + "==")
        want = base64.urlsafe_b64decode(key + "==")
        got = hashlib.scrypt(password.encode(), salt=raw_salt, n=int(n), r=int(r), p=int(p), dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


def create_user(
    sdb: ServerDb,
    cooperative_id: str,
    username: str,
    password: str,
    role: str,
    stores: tuple[str, ...] = (),
    region: str = "",
    created_by: str = "",
) -> WebUser:
    """Add a web user; raises ValidationError on a bad name, role, password, store or region."""
    m = sdb.m
    if not _USERNAME.match(username):
        raise ValidationError("server_id_invalid", kind="username", value=username)
    if role not in ROLES:
        raise ValidationError("server_id_invalid", kind="role", value=role)
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "server_id_invalid", kind="password", value=f"at least {MIN_PASSWORD} characters"
        )
    if role == "dinas":
        if cooperative_id or not region.isdigit():
            raise ValidationError("server_id_invalid", kind="region", value=region or "(none)")
    elif not cooperative_id:
        raise ValidationError("server_id_invalid", kind="cooperative", value="(none)")
    if role != "manajer":
        stores = ()
    with sdb.database.connection_context(), sdb.atomic():
        if cooperative_id:
            Coop, Store = m.CooperativeModel, m.StoreModel
            if not Coop.get_or_none(Coop.cooperative_id == cooperative_id):
                raise ValidationError("server_id_invalid", kind="cooperative", value=cooperative_id)
            known = {
                s
                for (s,) in Store.select(Store.store_id)
                .where(Store.cooperative_id == cooperative_id)
                .tuples()
            }
            unknown = set(stores) - known
            if unknown or (role == "manajer" and not stores):
                raise ValidationError("server_id_invalid", kind="store", value=",".join(sorted(unknown)))
        User = m.WebUserModel
        taken = User.get_or_none((User.cooperative_id == cooperative_id) & (User.username == username))
        if taken:
            raise ValidationError("server_exists", kind="user", value=username)
        User.insert(
            cooperative_id=cooperative_id,
            username=username,
            password_hash=hash_password(password),
            role=role,
            store_ids=",".join(stores),
            region=region if role == "dinas" else "",
            created_at=utc_now(),
            created_by=created_by[:64],
        ).execute()
    return WebUser(cooperative_id, username, role, tuple(stores), region)


def list_users(sdb: ServerDb, cooperative_id: str) -> list[WebUser]:
    User = sdb.m.WebUserModel
    query = User.select().where(User.cooperative_id == cooperative_id).order_by(User.username)
    return [_user(row) for row in query]


def authenticate(sdb: ServerDb, cooperative_id: str, username: str, password: str) -> WebUser | None:
    """The user, or None; a missing user costs as much time as a wrong password."""
    User = sdb.m.WebUserModel
    row = User.get_or_none((User.cooperative_id == cooperative_id) & (User.username == username))
    good = check_password(password, row.password_hash if row else _DUMMY)
    return _user(row) if row is not None and good else None


def open_session(sdb: ServerDb, user: WebUser) -> str:
    """A new session; returns the cookie's value (shown to the browser only)."""
    secret = secrets.token_urlsafe(32)
    now = dt.datetime.now(dt.UTC)
    Sess = sdb.m.WebSessionModel
    # the cooperative's expired sessions go as a new one starts: the table holds live ones only
    Sess.delete().where(
        (Sess.cooperative_id == user.cooperative_id) & (Sess.expires_at < utc_now())
    ).execute()
    Sess.insert(
        cooperative_id=user.cooperative_id,
        session_hash=hashlib.sha256(secret.encode()).hexdigest(),
        username=user.username,
        csrf=secrets.token_urlsafe(24),
        created_at=now.isoformat(timespec="milliseconds"),
        expires_at=(now + dt.timedelta(hours=SESSION_HOURS)).isoformat(timespec="milliseconds"),
    ).execute()
    return f"kkw1.{user.cooperative_id}.{secret}"


def session_of(sdb: ServerDb, cookie: str | None) -> Session | None:
    """The live session named by the cookie, with its user; None when unknown or expired."""
    if not cookie or not cookie.startswith("kkw1.") or len(cookie) > 200:
        return None
    coop, _, secret = cookie[5:].rpartition(".")
    if not secret:
        return None
    m = sdb.m
    Sess, User = m.WebSessionModel, m.WebUserModel
    digest = hashlib.sha256(secret.encode()).hexdigest()
    row = Sess.get_or_none(
        (Sess.cooperative_id == coop) & (Sess.session_hash == digest) & (Sess.expires_at > utc_now())
    )
    if row is None:
        return None
    user = User.get_or_none((User.cooperative_id == coop) & (User.username == row.username))
    return Session(_user(user), row.csrf, digest) if user else None


def close_session(sdb: ServerDb, session: Session) -> None:
    Sess = sdb.m.WebSessionModel
    Sess.delete().where(
        (Sess.cooperative_id == session.user.cooperative_id) & (Sess.session_hash == session.session_hash)
    ).execute()


def _user(row: object) -> WebUser:
    stores = tuple(s for s in getattr(row, "store_ids", "").split(",") if s)
    return WebUser(row.cooperative_id, row.username, row.role, stores, row.region)  # type: ignore[attr-defined]
