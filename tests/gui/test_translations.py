"""The English translation: complete, compiled from the current .ts, and what the main screens show."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGroupBox, QLabel, QPushButton, QTabBar, QWidget

from kkmp_pos.db.models import UserModel
from kkmp_pos.gui.i18n import install_language
from kkmp_pos.gui.ops import running_ops
from kkmp_pos.services.setup.auth import actor_of

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kkmp_pos_en.ts"
QM = ROOT / "resources" / "translations" / "kkmp_pos_en.qm"
# Placeholders and accelerators that must survive translation unchanged.
MARKERS = re.compile(r"\{[A-Za-z0-9_]*\}|%n|%\d|&&|\[[A-Z0-9+]+\]")
# Indonesian words of our own labels and buttons (whole words only, so "Baru" never hits "Barus"); none is
# part of a demo product name or a person's name.
INDONESIAN = re.compile(
    r"\b(Simpan|Batal|Batalkan|Laporan|Barang|Tutup|Cetak|Tampilkan|Pemasok|Hitung|Kirim|Harga|Jumlah|Pindai|"
    r"Kertas|Laci|Pengguna|Penerimaan|Selisih|Kedaluwarsa|Satuan|Sambungan|Pengaturan|Ubah|Daftar)\b",
    re.IGNORECASE,
)


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from this interpreter's environment (the project's venv)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: it ships with PySide6, which the project depends on")
    return found


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg)
        for ctx in ET.parse(ts).getroot().iter("context")
        for msg in ctx.iter("message")
    ]


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_message_in_the_ts_file_has_a_finished_english_translation():
    messages = _messages(TS)
    assert len(messages) > 500
    bad = []
    for context, source, msg in messages:
        translation = msg.find("translation")
        assert translation is not None
        texts = _texts(translation)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            t.strip() for t in texts
        ):
            bad.append(f"{context}: {source!r}")
    assert not bad, "untranslated (run packaging/update_translations.sh and fill them in):\n" + "\n".join(bad)


def test_translations_keep_placeholders_accelerators_and_key_hints():
    wrong = []
    for context, source, msg in _messages(TS):
        want = sorted(MARKERS.findall(source))
        for text in _texts(msg.find("translation")):  # type: ignore[arg-type]
            got = sorted(MARKERS.findall(text))
            if got != want:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_no_gui_string_is_missing_from_the_ts_file(tmp_path):
    """lupdate over today's GUI code adds nothing unfinished: every tr() string is already translated."""
    ts = tmp_path / "kkmp_pos_en.ts"
    shutil.copyfile(TS, ts)
    sources = sorted(str(p) for p in (ROOT / "kkmp_pos" / "gui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    new = [
        f"{context}: {source!r}"
        for context, source, msg in _messages(ts)
        if msg.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not new, "GUI strings not yet in the .ts (run packaging/update_translations.sh):\n" + "\n".join(
        new
    )


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    qm = tmp_path / "fresh.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True, timeout=120
    )
    assert qm.read_bytes() == QM.read_bytes(), "kkmp_pos_en.qm is stale: run packaging/update_translations.sh"


# --- the screens in English ----------------------------------------------------------------------------


@pytest.fixture
def english(qtbot):
    from kkmp_pos.gui.app import make_app

    app = make_app()
    install_language(app, "en")  # what `kkmp-pos --lang en` does at start
    yield
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)
    install_language(app, "id")


def _shown_texts(root: QWidget) -> list[str]:
    """Window title, labels, buttons, group titles, choices, tab names and table headers under `root`."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QPushButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())
            )
    return [t for t in texts if t]


def _assert_english(root: QWidget, expected: list[str]) -> None:
    texts = _shown_texts(root)
    missing = [e for e in expected if e not in texts]
    assert not missing, f"missing English {missing} in: {texts}"
    leftovers = [t for t in texts if INDONESIAN.search(t)]
    assert not leftovers, f"Indonesian left on screen: {leftovers}"


def _manager():
    return actor_of(UserModel.get(UserModel.role == "manajer"))


def test_stock_module_window_is_english(qtbot, till, english):
    from kkmp_pos.gui.stock.stock_module_screen import StockModuleScreen, open_stock_module

    StockModuleScreen.open_pdfs = False
    screen = open_stock_module(till, _manager())
    qtbot.addWidget(screen)
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)
    assert screen.windowTitle().startswith("Stock and Products — ")
    _assert_english(
        screen,
        [
            "Products",
            "Goods receiving",
            "Stock card",
            "Stock count",
            "Stock lists",
            "New product",
            "Member price",
        ],
    )


def test_report_screen_is_english(qtbot, till, english):
    from kkmp_pos.gui.reports.report_screen import ReportScreen

    screen = ReportScreen(till, _manager())
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    _assert_english(screen, ["Reports", "Daily", "Date range", "Show", "Print", "Save PDF"])


def test_printer_screen_is_english(qtbot, till, english):
    from kkmp_pos.gui.printing.printer_screen import PrinterScreen

    screen = PrinterScreen(till, _manager())
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)
    _assert_english(screen, ["Test print", "Failed print jobs", "Reprint selected", "Connection", "Paper"])


def test_close_shift_dialog_is_english(qtbot, no_shift, till, cashier, english):
    from kkmp_pos.gui.shifts.shift_dialog import CloseShiftDialog

    shift = till.shifts.open(cashier, {50_000: 2})
    dialog = CloseShiftDialog(till, cashier, shift.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _assert_english(dialog, ["Close shift", "Submit count", "Manager PIN"])


def test_main_menu_is_english(qtbot, till, english):
    from PySide6.QtWidgets import QMenu

    from kkmp_pos.gui.main_menu import build_menu

    parent = QWidget()
    qtbot.addWidget(parent)
    menu = build_menu(parent, till, _manager(), lambda widget: None)

    def titles(m: QMenu) -> list[str]:
        found = []
        for action in m.actions():
            found.append(action.text())
            if action.menu() is not None:
                found.extend(titles(action.menu()))
        return found

    texts = titles(menu)
    assert {
        "Shift && cash",
        "Open shift",
        "Reports",
        "End-of-day report",
        "Stock && products",
        "Users",
    } <= set(texts)
    assert not [t for t in texts if INDONESIAN.search(t)], texts
