"""Users, PINs (slow salted hashes) with lock-out after repeated failures, and role permissions."""

from __future__ import annotations

import hashlib
import hmac
import os
from datetime import timedelta

from kkmp_pos.core.errors import NotFoundError, PermissionDenied, ValidationError
from kkmp_pos.core.permission_names import refused_params
from kkmp_pos.core.text_rules import MAX_NAME, check_text
from kkmp_pos.core.timeutil import from_iso, to_iso
from kkmp_pos.db.models import UserModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.user_info import UserInfo, user_info

ROLES = ("kasir", "manajer", "admin")

# What each role may do. Checked in the services, whatever the GUI shows or hides.
CASHIER = {
    "sell", "reprint", "hold", "register_member", "open_shift", "close_shift", "cash_move", "take_simpanan",
}  # fmt: skip
MANAGER = CASHIER | {
    "approve",
    "void_sale",
    "return",
    "override_price",
    "discount_over_limit",
    "void_over_limit",  # void a line or clear a cart past void.approval_over_rp (selling/voids.py)
    "manage_products",
    "receive_stock",
    "stock_count",
    "approve_count",
    "write_off",
    "x_report",
    "reports",
    "manage_users",
    "settings",
    "open_drawer",
    "view_audit",
    "override_limit",  # sell past a blocking purchase cap (services/selling/limits.py)
    "enrol",  # join the cooperative's server and send it the shop's catalog (services/sync/)
    "erase_member",  # erase a member's personal data on request (services/privacy/erasure.py)
    "books",  # the chart of accounts, manual and opening journals, closing periods (services/books/)
    "reverse_simpanan",  # correct a simpanan document with a reversal (services/members/simpanan.py)
    "import_balances",  # members' opening balances at the cut-over (services/members/balances_import.py)
}
PERMISSIONS: dict[str, set[str]] = {"kasir": CASHIER, "manajer": MANAGER}
PERMISSIONS["admin"] = PERMISSIONS["manajer"] | {"manage_admins"}

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    return hmac.compare_digest(candidate.hex(), digest)


def validate_pin(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 6):
        raise ValidationError("pin_invalid")
    return pin


def actor_of(user: UserModel) -> Actor:
    return Actor(user_id=user.id, name=user.name, role=user.role)


def require(actor: Actor | None, permission: str) -> None:
    """Raise PermissionDenied unless the actor's role grants `permission`."""
    if actor is None or permission not in PERMISSIONS.get(actor.role, set()):
        raise PermissionDenied(
            "permission_denied", name=actor.name if actor else "?", **refused_params(permission)
        )


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def users(self) -> list[UserInfo]:
        """Active users for the login screen, cashiers first."""
        order = {role: i for i, role in enumerate(ROLES)}
        users = [user_info(u) for u in UserModel.select().where(UserModel.active == True)]  # noqa: E712
        return sorted(users, key=lambda u: (order.get(u.role, 9), u.name))

    def create_user(self, name: str, role: str, pin: str, by: Actor | None = None) -> UserModel:
        if by is not None:
            require(by, "manage_users")
            if role == "admin":
                require(by, "manage_admins")
        if role not in ROLES:
            raise ValidationError("role_invalid", role=role)
        check_text(name, "name", MAX_NAME)  # the cashier's name travels in every sale event
        with self.ctx.db.atomic():
            user = UserModel.create(
                name=name,
                role=role,
                pin_hash=hash_pin(validate_pin(pin)),
                created_at=self.ctx.now_iso(),
            )
            audit(self.ctx, "user.created", by, name=name, role=role)
        return user

    def login(self, user_id: int, pin: str) -> Actor:
        """Check a PIN. Five wrong tries lock the user for five minutes (both settings)."""
        user = UserModel.get_or_none(UserModel.id == user_id)
        if user is None:
            raise NotFoundError("user_not_found")
        if not user.active:
            raise PermissionDenied("user_inactive", name=user.name)
        now = self.ctx.now()
        if user.locked_until and from_iso(user.locked_until) > now:
            remaining = from_iso(user.locked_until) - now
            minutes = max(1, -(-int(remaining.total_seconds()) // 60))
            raise PermissionDenied("user_locked", name=user.name, minutes=minutes)
        max_failed = self.ctx.settings.auth_max_failed
        if verify_pin(pin, user.pin_hash):
            with self.ctx.db.atomic():
                UserModel.update(failed_attempts=0, locked_until=None).where(
                    UserModel.id == user.id
                ).execute()
                audit(self.ctx, "login", actor_of(user))
            return actor_of(user)
        with self.ctx.db.atomic():
            failed = user.failed_attempts + 1
            locked_until = None
            if failed >= max_failed:
                lock = timedelta(minutes=self.ctx.settings.auth_lock_minutes)
                locked_until = to_iso(now + lock)
                failed = 0
            UserModel.update(failed_attempts=failed, locked_until=locked_until).where(
                UserModel.id == user.id
            ).execute()
            audit(self.ctx, "login.failed", actor_of(user), locked=locked_until is not None)
        if locked_until:
            raise PermissionDenied("user_locked", name=user.name, minutes=self.ctx.settings.auth_lock_minutes)
        raise ValidationError("login_failed", remaining=max_failed - failed)

    def approve(self, user_id: int, pin: str, permission: str = "approve") -> Actor:
        """A manager approves on the spot with their PIN; returns the approver."""
        approver = self.login(user_id, pin)
        require(approver, permission)
        return approver
