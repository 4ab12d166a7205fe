"""Every setting declared once, typed, with its default; and where the till keeps its files."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

from kkmp_pos.core.errors import SettingError

T = TypeVar("T")

APP_NAME = "kkmp-pos"
DB_FILENAME = "kkmp-pos.db"


def default_data_dir() -> Path:
    """The user's data folder (%LOCALAPPDATA%\\kkmp-pos on Windows, ~/.local/share/kkmp-pos on Linux)."""
    override = os.environ.get("KKMP_POS_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(data_dir: str | Path | None, demo: bool) -> Path:
    """`--demo` without `--data-dir` uses a `demo` folder inside the data folder, never the real shop."""
    if data_dir:
        return Path(data_dir)
    base = default_data_dir()
    return base / "demo" if demo else base


def resources_dir() -> Path:
    """The top-level resources/ folder (beside the package in a checkout, bundled in an installer)."""
    import sys

    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


# Words for a setting's type in the SettingError message: (Bahasa Indonesia, English).
_KIND_WORDS: dict[type, tuple[str, str]] = {
    int: ("bilangan bulat", "a whole number"),
    bool: ("ya/tidak", "yes/no"),
    str: ("teks", "text"),
    list: ("daftar", "a list"),
    dict: ("susunan nilai", "a mapping"),
}


def _is_kind(value: Any, kind: type) -> bool:
    """isinstance, except that True is not an int: JSON keeps them apart and so do we."""
    if kind is int and isinstance(value, bool):
        return False
    return isinstance(value, kind)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key, default and type. As a `Settings` attribute it reads the stored value."""

    key: str
    default: T
    kind: type
    description: str
    item_kind: type | None = None  # the type of every element of a list setting

    def check(self, value: Any) -> T:
        """The value if it has the declared type. A wrong type is refused, never cast: a cast would
        turn a damaged row into a plausible wrong number (a rounding step, a discount limit)."""
        ok = _is_kind(value, self.kind)
        if ok and self.item_kind is not None:
            ok = all(_is_kind(item, self.item_kind) for item in value)
        if not ok:
            expected, expected_en = _KIND_WORDS[self.kind]
            if self.item_kind is not None:
                expected += f" {_KIND_WORDS[self.item_kind][0]}"
                expected_en += f" of {_KIND_WORDS[self.item_kind][1]}"
            raise SettingError(
                "setting_wrong_type",
                key=self.key,
                value=json.dumps(value),
                expected=expected,
                expected_en=expected_en,
            )
        return cast(T, value)

    def __set_name__(self, owner: type, name: str) -> None:
        # The attribute name is the key with '_' for '.', so a reader finds one from the other.
        if name != self.key.replace(".", "_"):
            raise TypeError(f"setting {self.key!r} must be declared as {self.key.replace('.', '_')}")

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Setting[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type | None = None) -> T: ...
    def __get__(self, obj: Settings | None, owner: type | None = None) -> Setting[T] | T:
        if obj is None:
            return self
        return obj.get(self.key)


class Settings:
    """The settings kept in the database (store or terminal level), each a typed attribute:
    `ctx.settings.printer_paper_mm` is an int, the stored value or the default. Written through
    `ServiceContext.set_setting`."""

    language = Setting("language", "id", str, "UI language: 'id' (Bahasa Indonesia) or 'en'")
    printer_uri = Setting("printer.uri", "", str, "Receipt printer URI, see README ('' = none attached yet)")
    printer_paper_mm = Setting("printer.paper_mm", 58, int, "Paper width: 58 or 80")
    printer_profile = Setting("printer.profile", "generic-58", str, "Printer capability profile")
    printer_cut = Setting("printer.cut", True, bool, "Cut the paper after a receipt")
    printer_kick_drawer = Setting("printer.kick_drawer", True, bool, "Open the drawer for cash payments")
    printer_code_page = Setting(
        "printer.code_page", "CP437", str, "Code page forced on the printer (CP437, CP850, CP858, CP1252)"
    )
    printer_logo_path = Setting(
        "printer.logo_path", "", str, "Image printed at the top of receipts ('' = none)"
    )
    receipt_header = Setting[list[str]]("receipt.header", [], list, "Extra header lines on receipts", str)
    receipt_footer = Setting[list[str]](
        "receipt.footer",
        [
            "Terima kasih atas kunjungan Anda",
            "Simpan struk ini. Barang dapat ditukar/diretur sesuai kebijakan toko",
        ],
        list,
        "Footer lines on receipts",
        str,
    )
    cash_rounding_rp = Setting("cash.rounding_rp", 100, int, "Cash rounding step: 0, 100, 500 or 1000")
    cash_quick_notes = Setting[list[int]](
        "cash.quick_notes", [2000, 5000, 10000, 20000, 50000, 100000], list, "Quick notes", int
    )
    qris_static_payload = Setting("qris.static_payload", "", str, "The shop's static QRIS payload")
    qris_acquirer = Setting[dict[str, Any]](
        "qris.acquirer", {}, dict, "The QRIS acquirer's SNAP API (URL, client, keys, merchant); {} = none"
    )
    member_pokok_rp = Setting("member.pokok_rp", 100000, int, "Simpanan pokok paid on joining")
    member_pokok_instalments = Setting(
        "member.pokok_instalments", 1, int, "Instalments in which simpanan pokok may be paid"
    )
    # Month ('YYYY-MM') -> the wajib per month from that month on; a month's bill takes the amount in
    # force that month, so a change never rewrites months already billed or paid.
    member_wajib_schedule = Setting[dict[str, Any]](
        "member.wajib_schedule", {"2000-01": 10000}, dict, "Simpanan wajib per month, from the month given"
    )
    member_inactive_after_months = Setting(
        "member.inactive_after_months", 6, int, "Unpaid wajib months that make a member inactive (0 = never)"
    )
    discount_max_percent = Setting(
        "discount.max_percent", 10, int, "Largest discount a cashier may give unapproved"
    )
    discount_max_rp = Setting("discount.max_rp", 10000, int, "Largest discount amount a cashier may give")
    void_approval_over_rp = Setting(
        "void.approval_over_rp", 0, int, "Voids/cart clears worth more need a manager's PIN (0 = never)"
    )
    stock_near_expiry_days = Setting("stock.near_expiry_days", 90, int, "Warn this many days before expiry")
    shift_difference_limit_rp = Setting(
        "shift.difference_limit_rp", 10000, int, "Close differences above need a manager"
    )
    # Off would let QRIS and transfer sell before a shift is open; on (the default) keeps every sale in
    # some cashier's shift, so each shift's Z report accounts for its QRIS and transfers against the
    # acquirer's and the bank's statements, and no sale falls between shifts. Cash always needs a shift.
    shift_required_for_noncash = Setting(
        "shift.required_for_noncash", True, bool, "QRIS and transfer also need an open shift"
    )
    scale_layout = Setting[dict[str, Any]]("scale.layout", {}, dict, "In-store scale barcode layout")
    auth_max_failed = Setting("auth.max_failed", 5, int, "Wrong PINs before a user is locked")
    auth_lock_minutes = Setting("auth.lock_minutes", 5, int, "How long a locked user waits")
    reports_top_products = Setting(
        "reports.top_products", 10, int, "How many products the top-products list shows"
    )
    sync_allow_plain_http = Setting(
        "sync.allow_plain_http",
        False,
        bool,
        "Allow plain http:// to a server outside this machine and the private network (unsafe)",
    )
    sync_tls_pin = Setting(
        "sync.tls_pin", "", str, "PEM file of the server's own (self-signed) certificate, trusted alone"
    )
    tax_ppn_percent = Setting(
        "tax.ppn_percent", 11, int, "Effective PPN rate of a PKP store (prices include it)"
    )
    retention_days = Setting(
        "retention.days",
        90,
        int,
        "Days acknowledged sync events and printed print jobs are kept (the documents always stay)",
    )
    privacy_nik_retention_days = Setting(
        "privacy.nik_retention_days",
        90,
        int,
        "Days a walk-in LPG buyer's full NIK is kept for the logbook (then only its hash and last 4 digits)",
    )

    shop_kode_wilayah = Setting(
        "shop.kode_wilayah", "", str, "Kemendagri region code of the kelurahan/desa, e.g. 64.71.05.1001"
    )
    shop_simkopdes_ref = Setting(
        "shop.simkopdes_ref", "", str, "The cooperative's SIMKOPDES reference ('' = none)"
    )
    # True from the first start of a real shop until its setup wizard is finished or skipped.
    setup_wizard_pending = Setting(
        "setup.wizard_pending", False, bool, "The first-run setup wizard opens before the login"
    )

    clock_confirmed = Setting(
        "clock.confirmed", "", str, "A manager's confirmation of a clock behind the newest document (JSON)"
    )

    offsite_target = Setting(
        "offsite.target", "", str, "Where the daily backup also goes: '' (nowhere), 'drive' or 'server'"
    )
    offsite_drive_path = Setting("offsite.drive_path", "", str, "The removable drive's folder for copies")
    offsite_last_copy_at = Setting(
        "offsite.last_copy_at", "", str, "When the newest off-machine copy was made (UTC, ISO)"
    )

    def __init__(self, stored: Callable[[str], Any]) -> None:
        """`stored(key)` gives the stored value, or MISSING when the setting was never saved."""
        self._stored = stored

    def get(self, key: str) -> Any:
        """The value of a declared setting by key, checked (for code that walks a table of keys)."""
        setting = SETTINGS[key]
        value = self._stored(key)
        if value is MISSING:
            return copy.deepcopy(setting.default)  # a caller may change the list it gets
        return setting.check(value)


MISSING: Any = object()  # what `stored(key)` answers for a setting never saved

# Every declared setting by key.
SETTINGS: dict[str, Setting[Any]] = {s.key: s for s in vars(Settings).values() if isinstance(s, Setting)}
