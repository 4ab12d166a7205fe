"""Render a screen of the demo till to a PNG at 1366×768, headless (for the README and UI checks).

`render_all` (in `render_all.py`) renders every screen and dialog and judges whether each fits.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till

SIZE = (1366, 768)


def render_screenshot(till: Till, path: Path | str, screen: str = "cashier", lang: str = "id") -> Path:
    """The cashier screen logged in as the demo cashier with a three-line cart and a member."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kkmp_pos.gui.app import MainWindow, make_app
    from kkmp_pos.gui.i18n import install_language

    app = make_app()
    install_language(app, lang)
    window = MainWindow(till)
    window.resize(*SIZE)
    if screen == "cashier":
        fill_cashier(till, window)
    elif screen != "login":
        raise ValueError(f"unknown screen {screen!r}: use 'cashier' or 'login'")
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return path


def fill_cashier(till: Till, window) -> None:  # type: ignore[no-untyped-def]
    from kkmp_pos.services.setup.showcase import showcase_cart

    show = showcase_cart()
    if show.cashier is None:
        return
    window.show_cashier(show.cashier)
    screen = window.cashier
    for code in show.barcodes:
        screen.scan_field.setText(code)
        screen.on_scan_enter()
    if show.member_number is not None:
        screen.attach_member(till.members.find(show.member_number))
    if screen.cart.lines:
        from kkmp_pos.core.money import MILLI

        first = screen.cart.lines[0]
        screen.cart.set_qty(first.line_id, 2 * MILLI)
        screen.cart_changed()
