"""A user as the screens show it: plain values read from the user's row, never the row itself."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.db.models import UserModel


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    role: str
    active: bool
    locked_until: str | None
    created_at: str


def user_info(user: UserModel) -> UserInfo:
    return UserInfo(user.id, user.name, user.role, bool(user.active), user.locked_until, user.created_at)
