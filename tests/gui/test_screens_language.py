"""Every screen of `screenshot --all`, rendered in Indonesian and in English, shows only words the
translation tables hold: no untranslated Indonesian in English, no English or internal code in
Indonesian."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kkmp_pos.gui.screenshot.fit import parse_size
from kkmp_pos.gui.screenshot.render_all import render_all
from kkmp_pos.services.setup.auth import PERMISSIONS
from tests.gui.test_translations import INDONESIAN

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kkmp_pos_en.ts"
CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # manage_admins, void_over_limit, awaiting_payment
PERMISSION_NAMES = {p for allowed in PERMISSIONS.values() for p in allowed}


class MissRecorder(QTranslator):
    """Installed below the real translator: Qt asks it only for what the real one does not know."""

    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts
        self.missed: set[tuple[str, str]] = set()

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        if context in self.contexts and source.strip():
            self.missed.add((context, source))
        return ""


def tables() -> tuple[set[str], dict[str, str], set[str]]:
    """The .ts file's contexts, {source: English} for sources the translation changes, and the
    sources English keeps as they are ("Total", "QRIS")."""
    root = ET.parse(TS).getroot()
    contexts = {c.findtext("name") or "" for c in root.iter("context")}
    changed, same = {}, set()
    for msg in root.iter("message"):
        source, english = msg.findtext("source") or "", msg.findtext("translation") or ""
        if english and english != source:
            changed[source] = english
        elif english == source:
            same.add(source)
    return contexts, changed, same


@pytest.fixture
def shots_in(qtbot, till, tmp_path):
    from kkmp_pos.gui.app import make_app
    from kkmp_pos.gui.i18n import install_language

    app = make_app()
    contexts, _, _ = tables()
    recorder = MissRecorder(contexts)
    app.installTranslator(recorder)  # first installed, last asked

    def render(lang: str):  # type: ignore[no-untyped-def]
        recorder.missed.clear()
        records = render_all(till, tmp_path / lang, parse_size("1366x768"), lang=lang)
        return records, set(recorder.missed)

    yield render
    app.removeTranslator(recorder)
    install_language(app, "id")


def test_english_shows_no_untranslated_string(shots_in):
    _, changed, same = tables()
    records, missed = shots_in("en")
    assert len(records) >= 35
    # PySide's tr() asks each base class's context in turn while the answer equals the source, so a
    # word English keeps ("Total") reaches the base class's context too: that is no miss.
    missed = {(context, source) for context, source in missed if source not in same}
    assert not missed, "tr() strings with no English in the .ts file:\n" + "\n".join(map(str, sorted(missed)))
    untranslated = {
        f"{r.name}: {text!r}"
        for r in records
        for text in r.texts
        if text in changed and text != changed[text]
    }
    untranslated |= {f"{r.name}: {text!r}" for r in records for text in r.texts if INDONESIAN.search(text)}
    assert not untranslated, "Indonesian shown in English:\n" + "\n".join(sorted(untranslated))
    leaks = code_leaks(records, permissions=False)  # "reports" is an English word as well as a permission
    assert not leaks, "\n".join(sorted(leaks))


def test_indonesian_shows_no_english_or_internal_code(shots_in):
    _, changed, _ = tables()
    english = set(changed.values()) - set(changed)
    records, _ = shots_in("id")
    leaks = set()
    for record in records:
        leaks |= {f"{record.name}: English {text!r}" for text in record.texts if text in english}
    assert not leaks | code_leaks(records), "\n".join(sorted(leaks | code_leaks(records)))


def code_leaks(records, permissions: bool = True) -> set[str]:  # type: ignore[no-untyped-def]
    """Internal codes and permission names among the words and the first rows of the lists."""
    from kkmp_pos.services.stock.product_import import COLUMNS

    leaks = set()
    for record in records:
        # the import preview names the spreadsheet's own column headers, as the file has them
        cells = [c for c in record.cells if not (record.name == "import_preview_dialog" and c in COLUMNS)]
        for text in record.texts + cells:
            for code in CODE.findall(text):
                leaks.add(f"{record.name}: code {code!r} in {text!r}")
            for word in re.findall(r"[a-z_]+", text):
                if permissions and word in PERMISSION_NAMES:
                    leaks.add(f"{record.name}: permission {word!r} in {text!r}")
    return leaks


# English words that mean something on a till; none is Indonesian, none is part of a demo name.
ENGLISH = re.compile(
    r"\b(failed|receipt|pending|printed|invalid|not valid|unknown|queued|use one of)\b", re.IGNORECASE
)


def english_words(records) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        f"{record.name}: {text!r}"
        for record in records
        for text in record.texts + record.cells
        if ENGLISH.search(text)
    }


def test_indonesian_lists_show_no_english_word(shots_in):
    records, _ = shots_in("id")
    leaks = english_words(records)
    assert not leaks, "\n".join(sorted(leaks))


def test_the_print_queue_speaks_indonesian(shots_in):
    records, _ = shots_in("id")
    leaks = {leak for leak in english_words(records) if leak.startswith("printer_screen:")}
    assert not leaks, "\n".join(sorted(leaks))
