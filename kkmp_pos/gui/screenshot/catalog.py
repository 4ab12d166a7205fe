"""The list of every screen and dialog `kkmp-pos screenshot --all` renders, and the stage they are
shown on.

A screen joins with one registration: `@shot("name", "module:Class")` over a function that opens it
on the stage and returns its window, in any `*_shots.py` module of this package. `name` is the class
name in snake case (`PaymentDialog` → `payment_dialog`); the coverage test matches every
`*Screen`/`*Dialog` class to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kkmp_pos.gui.app import MainWindow
    from kkmp_pos.gui.screenshot.fit import ScreenArea
    from kkmp_pos.services.setup.showcase import ShowcaseShop
    from kkmp_pos.services.till import Till


@dataclass
class Stage:
    """The demo till's main window, logged in as the demo cashier with a three-line cart and a member."""

    till: Till
    window: MainWindow
    shop: ShowcaseShop
    area: ScreenArea


@dataclass(frozen=True)
class Shot:
    name: str
    widget: str  # "package.module:ClassName" of the screen or dialog it shows
    open: Callable[[Stage], QWidget]


SHOTS: list[Shot] = []


def load_shots() -> list[Shot]:
    """Every shot: the `*_shots.py` modules of this package register theirs when imported."""
    import importlib
    import pkgutil

    package = __name__.rsplit(".", 1)[0]
    for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
        if module.name.endswith("_shots"):
            importlib.import_module(f"{package}.{module.name}")
    return SHOTS


def shot(name: str, widget: str) -> Callable[[Callable[[Stage], QWidget]], Callable[[Stage], QWidget]]:
    """Register `open` as the shot `name` of `widget`."""

    def register(open_: Callable[[Stage], QWidget]) -> Callable[[Stage], QWidget]:
        if any(s.name == name for s in SHOTS):
            raise ValueError(f"two shots named {name!r}")
        SHOTS.append(Shot(name, widget, open_))
        return open_

    return register
