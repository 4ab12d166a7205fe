"""Every text of the board's pages has its English; the cookies are Secure behind TLS."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.responses import Response
from starlette.requests import Request

from kkmp_pos.server.web import i18n
from kkmp_pos.server.web.render import Renderer, fmt

WEB = Path(__file__).resolve().parents[3] / "kkmp_pos" / "server" / "web"
CALL = re.compile(r'\bt(?:r\(request\))?\("((?:[^"\\]|\\.)+)"\)')


def test_every_text_of_the_pages_has_its_english():
    texts = set()
    for path in [*WEB.glob("*.py"), *(WEB / "templates").glob("*.html")]:
        texts.update(CALL.findall(path.read_text(encoding="utf-8")))
    texts -= {"csrf", "kkw_lang"}  # not texts: request.cookies.get("…") and form.get("…")
    assert len(texts) > 80
    missing = sorted(t for t in texts if t not in i18n.EN)
    assert not missing, missing
    for role in ("pengurus", "pengawas", "manajer", "dinas"):  # shown through t(user.role)
        assert role in i18n.EN
    assert i18n.translator("id")("Keluar") == "Keluar" and i18n.translator("en")("Keluar") == "Log out"


def test_figures_are_written_the_indonesian_or_the_english_way():
    assert fmt(1234567, "rp", "id") == "Rp1.234.567" and fmt(1234567, "rp", "en") == "Rp1,234,567"
    assert fmt(18.25, "pct", "id") == "18,2 %" and fmt(18.25, "pct", "en") == "18.2 %"
    assert fmt(1.5, "num", "id") == "1,5" and fmt("=1+1", "text", "id") == "=1+1"


def _request(scheme: str) -> Request:
    return Request(
        {"type": "http", "scheme": scheme, "method": "GET", "path": "/", "headers": [], "query_string": b""}
    )


def test_the_session_cookie_is_secure_behind_tls_only():
    view = Renderer()
    for scheme, secure in (("https", True), ("http", False)):
        answer = Response()
        view.cookie(_request(scheme), answer, "kkw_session", "kkw1.kop1.x", 60)
        header = answer.headers["set-cookie"].lower()
        assert "httponly" in header and "samesite=strict" in header
        assert ("secure" in [part.strip() for part in header.split(";")]) is secure
