"""Every setting declared once, typed, with its default; and where the till keeps its files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    description: str


# Settings kept in the database (store or terminal level). Services read them through SettingsService.
SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("language", "id", str, "UI language: 'id' (Bahasa Indonesia) or 'en'"),
        Setting("printer.uri", "", str, "Receipt printer URI, see README ('' = none attached yet)"),
        Setting("printer.paper_mm", 58, int, "Paper width: 58 or 80"),
        Setting("printer.profile", "generic-58", str, "Printer capability profile"),
        Setting("printer.cut", True, bool, "Cut the paper after a receipt"),
        Setting("printer.kick_drawer", True, bool, "Open the drawer for cash payments"),
        Setting("receipt.header", [], list, "Extra header lines on receipts"),
        Setting(
            "receipt.footer",
            ["Terima kasih atas kunjungan Anda", "Barang yang sudah dibeli tidak dapat ditukar"],
            list,
            "Footer lines on receipts",
        ),
        Setting("cash.rounding_rp", 100, int, "Cash rounding step: 0, 100, 500 or 1000"),
        Setting("cash.quick_notes", [2000, 5000, 10000, 20000, 50000, 100000], list, "Quick notes"),
        Setting("qris.static_payload", "", str, "The shop's static QRIS payload"),
        Setting("member.pokok_rp", 100000, int, "Simpanan pokok paid on joining"),
        Setting("discount.max_percent", 10, int, "Largest discount a cashier may give unapproved"),
        Setting("discount.max_rp", 10000, int, "Largest discount amount a cashier may give"),
        Setting("stock.near_expiry_days", 90, int, "Warn this many days before expiry"),
        Setting("shift.difference_limit_rp", 10000, int, "Close differences above need a manager"),
        Setting("scale.layout", {}, dict, "In-store scale barcode layout"),
        Setting("auth.max_failed", 5, int, "Wrong PINs before a user is locked"),
        Setting("auth.lock_minutes", 5, int, "How long a locked user waits"),
        # issue 5: printer details and reports
        Setting(
            "printer.code_page", "CP437", str, "Code page forced on the printer (CP437, CP850, CP858, CP1252)"
        ),
        Setting("printer.logo_path", "", str, "Image printed at the top of receipts ('' = none)"),
        Setting("reports.top_products", 10, int, "How many products the top-products list shows"),
        Setting("tax.ppn_percent", 11, int, "Effective PPN rate of a PKP store (prices include it)"),
    ]
}
