"""`kkmp-pos screenshot --all DIR`: every screen and dialog of the demo shop to PNG files, with a
manifest saying whether each fits the screen (`fit.py` judges it)."""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kkmp_pos.gui.screenshot.fit import ScreenArea

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kkmp_pos.gui.screenshot.catalog import Stage
    from kkmp_pos.services.till import Till

SETTLE_S = 10.0  # longest wait for a screen's background reads before it is drawn anyway


@dataclass
class ShotRecord:
    name: str
    file: str
    width: int
    height: int
    fits: bool
    problems: list[str]
    widget: str
    texts: list[str] = field(default_factory=list, repr=False)  # titles, labels, buttons, headers
    cells: list[str] = field(default_factory=list, repr=False)  # the first rows of lists and tables

    def manifest_entry(self) -> dict[str, object]:
        entry = asdict(self)
        del entry["texts"], entry["cells"]
        return entry


def use_screen_of(area: ScreenArea) -> None:
    """Before the QApplication exists: a headless screen of exactly `area`'s size, so dialogs are
    placed and sized as on that screen. Leaves a real display (QT_QPA_PLATFORM=xcb) alone."""
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    if platform != "offscreen":
        return
    screens = {
        "screens": [
            {
                "name": "kkmp-pos",
                "x": 0,
                "y": 0,
                "width": area.width,
                "height": area.height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ]
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(screens, fh)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={fh.name}"


def render_all(till: Till, out_dir: Path | str, area: ScreenArea, lang: str = "id") -> list[ShotRecord]:
    """Render every registered shot into `out_dir` and write `out_dir/manifest.json`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kkmp_pos.gui.app import make_app
    from kkmp_pos.gui.i18n import install_language
    from kkmp_pos.gui.screenshot.catalog import load_shots

    app = make_app()
    install_language(app, lang)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stage = open_stage(till, area)
    records = [_render(stage, s.name, s.widget, s.open, out) for s in load_shots()]
    (out / "manifest.json").write_text(
        json.dumps([r.manifest_entry() for r in records], ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    close_stage(stage)
    return records


def open_stage(till: Till, area: ScreenArea) -> Stage:
    from kkmp_pos.gui.app import MainWindow
    from kkmp_pos.gui.screenshot import fill_cashier
    from kkmp_pos.gui.screenshot.catalog import Stage
    from kkmp_pos.gui.sync.sync_status import install_sync
    from kkmp_pos.services.setup.showcase import showcase_shop

    window = MainWindow(till)
    install_sync(window, till)
    window.resize(area.client_width, area.client_height)  # a maximised window's client area
    window.show()
    fill_cashier(till, window)
    settle()
    return Stage(till, window, showcase_shop(), area)


def close_stage(stage: Stage) -> None:
    from PySide6.QtWidgets import QApplication

    stage.window.close()
    stage.window.deleteLater()
    QApplication.processEvents()


def _render(stage: Stage, name: str, widget: str, open_, out: Path) -> ShotRecord:  # type: ignore[no-untyped-def]
    from kkmp_pos.gui.screenshot.fit import fit_problems, visible_cells, visible_texts

    top = open_(stage)
    if not top.isVisible():
        top.show()
    settle()
    problems = fit_problems(top, stage.area)
    file = f"{name}.png"
    if not top.grab().save(str(out / file), "PNG"):
        raise OSError(f"could not write {out / file}")
    record = ShotRecord(
        name,
        file,
        top.width(),
        top.height(),
        not problems,
        problems,
        widget,
        visible_texts(top),
        visible_cells(top),
    )
    _dismiss(stage, top)
    return record


def _dismiss(stage: Stage, top: QWidget) -> None:
    """Close what the shot opened (and anything it opened in turn); the cashier screen stays."""
    from PySide6.QtWidgets import QApplication

    window = stage.window
    for other in QApplication.topLevelWidgets():
        if other is not window and other.isVisible():
            other.close()
            if other is not top:
                other.deleteLater()
    if top is not window:
        top.deleteLater()
    window.stack.setCurrentWidget(window.cashier)
    wizard = getattr(window, "wizard", None)
    if wizard is not None:  # a wizard shot: the first-run screen leaves the main window again
        window.stack.removeWidget(wizard)
        wizard.deleteLater()
        window.wizard = None
    settle()


def settle() -> None:
    """Let layouts, paints and the background reads a screen starts finish."""
    from PySide6.QtWidgets import QApplication

    from kkmp_pos.gui.ops import running_ops

    deadline = time.monotonic() + SETTLE_S
    for _ in range(3):
        QApplication.processEvents()
    while running_ops() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()
