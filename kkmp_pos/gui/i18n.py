"""The GUI's language: which translator is installed and how service errors become words."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kkmp_pos.config import resources_dir
from kkmp_pos.core.errors import KkmpError

log = logging.getLogger(__name__)

_state: dict[str, object] = {"lang": "id", "translator": None}


def current_lang() -> str:
    return str(_state["lang"])


def install_language(app: QCoreApplication, lang: str) -> None:
    """Switch the UI to `lang` ('id' is the source language; 'en' loads kkmp_pos_en.qm)."""
    old = _state["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _state["translator"] = None
    _state["lang"] = lang if lang in ("id", "en") else "id"
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Indonesian))
    if lang == "id":
        return
    translator = QTranslator(app)
    path = resources_dir() / "translations" / f"kkmp_pos_{lang}.qm"
    if translator.load(str(path)):
        app.installTranslator(translator)
        _state["translator"] = translator
    else:
        log.warning("no translation file %s; staying in Bahasa Indonesia", path)


def error_text(exc: BaseException) -> str:
    """The words for a failure: a KkmpError's own message, anything else a generic one (logged)."""
    if isinstance(exc, KkmpError):
        return exc.message(current_lang())
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return QCoreApplication.translate(
        "Errors", "Terjadi kesalahan tak terduga. Rinciannya ada di berkas log."
    )
