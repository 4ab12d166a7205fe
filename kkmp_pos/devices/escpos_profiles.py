"""Capability profiles for the cheap 58 mm and 80 mm clones python-escpos has no profile for.

python-escpos looks profiles up by name in `escpos.capabilities.CAPABILITIES["profiles"]` (the
bundled capabilities database). Side-loading a whole database needs an environment variable set
before the import, so we add our entries to the loaded one instead, once, before any printer object
is made; `get_profile(name)` then finds them like any bundled profile.

What the clones (Xprinter XP-58/XP-80, "POS-58" boards, EPPOS, Panda and friends) share, from their
manuals and from use: font A 12×24 (32 columns on 58 mm, 48 on 80 mm), font B 9×17, 203 dpi,
384 / 576 printable dots, Epson-numbered code pages with CP437 at 0 (the power-on default), hardware
CODE128 (GS k 73), raster images (GS v 0), drawer kick (ESC p). Native QR (GS ( k) and graphics
(GS ( L) are missing on many firmwares, so QR codes go out as raster images.
"""

from __future__ import annotations

from typing import Any

# Epson numbering, which the clones follow for the pages they have.
CLONE_CODE_PAGES = {"0": "CP437", "2": "CP850", "16": "CP1252", "19": "CP858"}
SUPPORTED_CODE_PAGES = tuple(sorted(CLONE_CODE_PAGES.values()))
DEFAULT_CODE_PAGE = "CP437"  # slot 0 on every clone: printing ASCII in it cannot go wrong


def _clone(name: str, width_mm: int, dots: int, cols_a: int, cols_b: int, cutter: bool) -> dict:
    return {
        "name": name,
        "vendor": "Generic clone (KKMP POS)",
        "notes": "Defined by KKMP POS for unbranded ESC/POS thermal printers.",
        "codePages": dict(CLONE_CODE_PAGES),
        "colors": {"0": "black"},
        "fonts": {
            "0": {"name": "Font A", "columns": cols_a},
            "1": {"name": "Font B", "columns": cols_b},
        },
        "media": {"dpi": 203, "width": {"mm": width_mm, "pixels": dots}},
        "features": {
            "barcodeA": True,
            "barcodeB": True,
            "bitImageColumn": True,
            "bitImageRaster": True,
            "graphics": False,
            "highDensity": True,
            "paperFullCut": cutter,
            "paperPartCut": cutter,
            "pdf417Code": False,
            "pulseBel": False,
            "pulseStandard": True,
            "qrCode": False,
            "starCommands": False,
        },
    }


PROFILES: dict[str, dict[str, Any]] = {
    "generic-58": _clone("Generic 58 mm (no cutter)", 58, 384, 32, 42, cutter=False),
    "generic-58-cutter": _clone("Generic 58 mm with cutter", 58, 384, 32, 42, cutter=True),
    "generic-80": _clone("Generic 80 mm with cutter", 80, 576, 48, 64, cutter=True),
}
DEFAULT_PROFILE = {58: "generic-58", 80: "generic-80"}


def register_profiles() -> None:
    """Add our profiles to python-escpos's database (idempotent). Imports escpos: call lazily."""
    from escpos import capabilities

    profiles = capabilities.CAPABILITIES["profiles"]
    for name, data in PROFILES.items():
        profiles.setdefault(name, data)


def profile_names() -> list[str]:
    """Our profiles first, then every profile python-escpos ships (for the settings screen)."""
    from escpos import capabilities

    register_profiles()
    bundled = sorted(n for n in capabilities.CAPABILITIES["profiles"] if n not in PROFILES)
    return [*PROFILES, *bundled]


def get_profile(name: str) -> Any:
    """The python-escpos profile object for `name` (ours or bundled); KeyError if unknown."""
    from escpos import capabilities

    register_profiles()
    if name not in capabilities.CAPABILITIES["profiles"]:
        raise KeyError(name)
    return capabilities.get_profile(name)
