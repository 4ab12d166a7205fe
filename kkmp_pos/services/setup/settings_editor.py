"""The settings a shop's manager may change, grouped as the settings screen shows them, each checked
by its own rule and saved with an audit row that keeps the old and the new value.

`SHOP_SETTINGS` is every declared setting a shop may change; `INTERNAL_SETTINGS` the ones the till
keeps for itself. A test holds that the two cover `config.SETTINGS` and that the screen reaches every
shop setting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kkmp_pos.config import SETTINGS
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

# Written by the till itself (a confirmation, a time stamp, the wizard's own marker), never typed in;
# and the QRIS acquirer's account, which holds keys and secrets: whoever installs the till sets it with
# `kkmp-pos settings acquirer` (audited), not on a screen the shop's staff use.
INTERNAL_SETTINGS = frozenset(
    {"clock.confirmed", "offsite.last_copy_at", "setup.wizard_pending", "qris.acquirer"}
)

# The tabs of the settings screen and the settings each holds, in screen order. Settings saved by a
# screen of their own (printer, QRIS, off-machine copies) are listed under the tab that embeds it.
TABS: dict[str, tuple[str, ...]] = {
    "shop": ("shop.kode_wilayah", "shop.simkopdes_ref"),
    "receipt": ("receipt.header", "receipt.footer"),
    "cash": ("cash.rounding_rp", "cash.quick_notes", "tax.ppn_percent"),
    "qris": ("qris.static_payload",),
    "printer": (
        "printer.uri",
        "printer.paper_mm",
        "printer.profile",
        "printer.cut",
        "printer.kick_drawer",
        "printer.code_page",
        "printer.logo_path",
    ),
    "limits": (
        "discount.max_percent",
        "discount.max_rp",
        "void.approval_over_rp",
        "member.pokok_rp",
        "member.pokok_instalments",
        "member.wajib_schedule",
        "member.inactive_after_months",
        "stock.near_expiry_days",
        "auth.max_failed",
        "auth.lock_minutes",
        "reports.top_products",
        "scale.layout",
    ),
    "shift": ("shift.difference_limit_rp", "shift.required_for_noncash"),
    "data": (
        "retention.days",
        "privacy.nik_retention_days",
        "sync.allow_plain_http",
        "sync.tls_pin",
    ),
    "backup": ("offsite.target", "offsite.drive_path"),
    "language": ("language",),
}

# Settings the generic editor of the settings screen edits (the others belong to an embedded screen).
OWN_SCREEN = frozenset(
    {"shop.kode_wilayah", "shop.simkopdes_ref", "qris.static_payload", "offsite.target", "offsite.drive_path"}
    | set(TABS["printer"])
)
SHOP_SETTINGS = frozenset(key for keys in TABS.values() for key in keys)

# A setting's allowed values where its type alone allows too much.
CHOICES: dict[str, tuple[Any, ...]] = {
    "language": ("id", "en"),
    "cash.rounding_rp": (0, 100, 500, 1000),
    "printer.paper_mm": (58, 80),
}
RANGES: dict[str, tuple[int, int]] = {
    "tax.ppn_percent": (0, 20),
    "discount.max_percent": (0, 100),
    "discount.max_rp": (0, 10_000_000),
    "void.approval_over_rp": (0, 100_000_000),
    "member.pokok_rp": (0, 100_000_000),
    "member.pokok_instalments": (1, 24),
    "member.inactive_after_months": (0, 120),
    "stock.near_expiry_days": (0, 3650),
    "shift.difference_limit_rp": (0, 100_000_000),
    "auth.max_failed": (1, 20),
    "auth.lock_minutes": (1, 1440),
    "reports.top_products": (1, 100),
    "retention.days": (7, 3650),
    "privacy.nik_retention_days": (1, 3650),
}
_LINE_LIMITS = {"receipt.header": (6, 48), "receipt.footer": (6, 48)}  # lines, characters a line


def _check_notes(value: list[int]) -> None:
    if not 1 <= len(value) <= 8 or any(n <= 0 or n > 1_000_000 for n in value):
        raise ValidationError("setting_out_of_range", key="cash.quick_notes", value=value, low=1, high=8)


def _check_wajib_schedule(value: dict[str, Any]) -> None:
    from kkmp_pos.core.simpanan import check_wajib_schedule

    check_wajib_schedule(value)


_EXTRA: dict[str, Callable[[Any], None]] = {
    "cash.quick_notes": _check_notes,
    "member.wajib_schedule": _check_wajib_schedule,
}


def check_value(key: str, value: Any) -> Any:
    """The value if `key` may take it (type, choices, range, line limits); else ValidationError."""
    if key not in SHOP_SETTINGS:
        raise KeyError(key)
    value = SETTINGS[key].check(value)
    if key in CHOICES and value not in CHOICES[key]:
        choices = ", ".join(str(c) for c in CHOICES[key])
        raise ValidationError("setting_not_a_choice", key=key, value=value, choices=choices)
    if key in RANGES:
        low, high = RANGES[key]
        if not low <= value <= high:
            raise ValidationError("setting_out_of_range", key=key, value=value, low=low, high=high)
    if key in _LINE_LIMITS:
        lines, width = _LINE_LIMITS[key]
        if len(value) > lines or any(len(line) > width for line in value):
            raise ValidationError("setting_lines_too_long", key=key, lines=lines, width=width)
    if key in _EXTRA:
        _EXTRA[key](value)
    return value


class SettingsEditorService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def values(self) -> dict[str, Any]:
        """Every shop setting's current value (stored or default)."""
        return {key: self.ctx.settings.get(key) for key in sorted(SHOP_SETTINGS)}

    def save(self, actor: Actor, changes: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
        """Check every change first, then save those that differ in one transaction, one audit row
        per setting (old → new). Returns {key: (old, new)} of what changed."""
        require(actor, "settings")
        checked = {key: check_value(key, value) for key, value in changes.items()}
        done: dict[str, tuple[Any, Any]] = {}
        with self.ctx.db.atomic():
            for key, new in checked.items():
                old = self.ctx.settings.get(key)
                if old == new:
                    continue
                self.ctx.set_setting(key, new)
                audit(self.ctx, "settings.changed", actor, key=key, old=old, new=new)
                done[key] = (old, new)
        return done
