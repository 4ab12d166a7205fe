"""Managing users: create, edit, deactivate, reset PINs and unlock (managers and admins; audited).

Only an admin may create, change or deactivate an admin, or make someone an admin. The last active admin
cannot be deactivated or demoted, and nobody can deactivate themselves (the shop would lock itself out).
"""

from __future__ import annotations

import peewee

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.db.models import UserModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import ROLES, hash_pin, require, validate_pin
from kkmp_pos.services.setup.user_info import UserInfo, user_info


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(self, actor: Actor, *, include_inactive: bool = True) -> list[UserInfo]:
        require(actor, "manage_users")
        query = UserModel.select().order_by(UserModel.active.desc(), UserModel.role, UserModel.name)
        if not include_inactive:
            query = query.where(UserModel.active == True)  # noqa: E712
        return [user_info(u) for u in query]

    def _get(self, user_id: int) -> UserModel:
        user = UserModel.get_or_none(UserModel.id == user_id)
        if user is None:
            raise NotFoundError("user_not_found")
        return user

    def _check_role(self, actor: Actor, role: str) -> None:
        if role not in ROLES:
            raise ValidationError("role_invalid", role=role)
        if role == "admin":
            require(actor, "manage_admins")

    def _clean_name(self, name: str, user_id: int | None = None) -> str:
        clean = " ".join(name.split())
        if not clean:
            raise ValidationError("user_name_missing")
        clash = UserModel.get_or_none(peewee.fn.lower(UserModel.name) == clean.lower())
        if clash is not None and clash.id != user_id:
            raise ValidationError("user_name_taken", name=clean)
        return clean

    def _other_active_admins(self, user_id: int) -> int:
        return (
            UserModel.select()
            .where((UserModel.role == "admin") & (UserModel.active == True) & (UserModel.id != user_id))  # noqa: E712
            .count()
        )

    def create(self, actor: Actor, name: str, role: str, pin: str) -> UserInfo:
        require(actor, "manage_users")
        self._check_role(actor, role)
        with self.ctx.db.atomic():
            clean = self._clean_name(name)
            user = UserModel.create(
                name=clean, role=role, pin_hash=hash_pin(validate_pin(pin)), created_at=self.ctx.now_iso()
            )
            audit(self.ctx, "user.created", actor, doc_id=str(user.id), name=clean, role=role)
        return user_info(user)

    def edit(
        self, actor: Actor, user_id: int, *, name: str | None = None, role: str | None = None
    ) -> UserInfo:
        require(actor, "manage_users")
        with self.ctx.db.atomic():
            user = self._get(user_id)
            if user.role == "admin":
                require(actor, "manage_admins")
            changes: dict[str, object] = {}
            if name is not None and name.strip() != user.name:
                changes["name"] = self._clean_name(name, user.id)
            if role is not None and role != user.role:
                self._check_role(actor, role)
                if user.role == "admin" and user.active and not self._other_active_admins(user.id):
                    raise ValidationError("last_admin", name=user.name)
                changes["role"] = role
            if changes:
                UserModel.update(changes).where(UserModel.id == user.id).execute()
                audit(self.ctx, "user.edited", actor, doc_id=str(user.id), before=user.name, **changes)
        return user_info(self._get(user_id))

    def set_active(self, actor: Actor, user_id: int, active: bool) -> UserInfo:
        """Deactivate (never delete: sales and the audit log point at users) or reactivate."""
        require(actor, "manage_users")
        with self.ctx.db.atomic():
            user = self._get(user_id)
            if user.role == "admin":
                require(actor, "manage_admins")
            if not active:
                if user.id == actor.user_id:
                    raise ValidationError("cannot_deactivate_self")
                if user.role == "admin" and not self._other_active_admins(user.id):
                    raise ValidationError("last_admin", name=user.name)
            UserModel.update(active=active).where(UserModel.id == user.id).execute()
            audit(self.ctx, "user.activated" if active else "user.deactivated", actor, doc_id=str(user.id))
        return user_info(self._get(user_id))

    def reset_pin(self, actor: Actor, user_id: int, new_pin: str) -> UserInfo:
        """Set a new PIN (the user should change it); also lifts a lock-out."""
        require(actor, "manage_users")
        with self.ctx.db.atomic():
            user = self._get(user_id)
            if user.role == "admin" and user.id != actor.user_id:
                require(actor, "manage_admins")
            UserModel.update(
                pin_hash=hash_pin(validate_pin(new_pin)), failed_attempts=0, locked_until=None
            ).where(UserModel.id == user.id).execute()
            audit(self.ctx, "user.pin_reset", actor, doc_id=str(user.id))
        return user_info(self._get(user_id))
