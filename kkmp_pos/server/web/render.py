"""Jinja2 pages of the board: the language, number formats, security headers and cookies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kkmp_pos.server.web.i18n import translator

HERE = Path(__file__).parent
CSS = (HERE / "static" / "board.css").read_text(encoding="utf-8")
ICON = (HERE / "static" / "icon.svg").read_text(encoding="utf-8")
HEADERS = {
    # everything from the server itself; no script at all; no framing
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class WebNotFound(Exception):
    """A page that does not exist for this user (another cooperative's included): 404."""


def lang_of(request: Request) -> str:
    return "en" if request.cookies.get("kkw_lang") == "en" else "id"


def fmt(value: Any, kind: str, lang: str) -> str:
    """A figure as the page shows it: rupiah with thousands, percentages with one decimal."""
    if value is None or value == "" or kind == "text":
        return "" if value is None else str(value)
    if isinstance(value, bool):
        return str(value)
    if kind == "pct":
        text = f"{float(value):,.1f} %"
    elif isinstance(value, float) and not value.is_integer():
        text = f"{value:,.3f}".rstrip("0")
    else:
        text = f"{int(value):,}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return f"Rp{text}" if kind == "rp" else text


class Renderer:
    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def tr(self, request: Request) -> Any:
        return translator(lang_of(request))

    def page(self, request: Request, name: str, session: Any, status: int = 200, **ctx: Any) -> HTMLResponse:
        lang = lang_of(request)
        html = self.env.get_template(name).render(
            t=translator(lang),
            lang=lang,
            session=session,
            user=session.user if session else None,
            path=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            fmt=lambda value, kind: fmt(value, kind, lang),
            **ctx,
        )
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def cookie(self, request: Request, response: Response, name: str, value: str, max_age: int) -> None:
        """HttpOnly, SameSite=Strict, and Secure when the page came over TLS (directly or via a proxy
        uvicorn trusts)."""
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            httponly=True,
            samesite="strict",
            secure=request.scope.get("scheme") == "https",
            path="/",
        )
