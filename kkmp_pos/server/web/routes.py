"""The board's web pages on the web listener (tag `web`): log-in, the pages of a cooperative, the
regional view, exports, users. HTML made on the server (Jinja2), no script; every POST form carries
its CSRF token; a page of another cooperative is a 404, as if it did not exist."""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import zoneinfo
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.http import ApiError
from kkmp_pos.server.ratelimit import FailureLimiter
from kkmp_pos.server.web import users as web_users
from kkmp_pos.server.web.compliance import compliance, region, users_table
from kkmp_pos.server.web.data import Scope, last_synced, sales, tills
from kkmp_pos.server.web.exports import Table, to_csv, to_xlsx
from kkmp_pos.server.web.render import CSS, ICON, Renderer, WebNotFound
from kkmp_pos.server.web.stock import stock

SESSION, PRE, LANG = "kkw_session", "kkw_pre", "kkw_lang"
PAGES = {"": "today", "kasir": "tills", "stok": "stock", "kepatuhan": "compliance", "pengguna": "users"}
SALES_TABLES = ("toko", "unit", "hari", "campuran")
COMPLIANCE_TABLES = ("lpg", "lpg_nik", "lpg_hari", "het", "batal", "retur")
MAX_FORM = 16_384
# which page builds each exported table
TABLE_PAGE = (
    dict.fromkeys(SALES_TABLES, "today")
    | dict.fromkeys(COMPLIANCE_TABLES, "compliance")
    | {"kasir": "tills", "stok": "stock", "pengguna": "users"}
)


def install_web(app: FastAPI, sdb: ServerDb, limiter: FailureLimiter) -> None:
    view = Renderer()

    @app.exception_handler(WebNotFound)
    async def not_found(request: Request, _: WebNotFound) -> HTMLResponse:
        return view.page(request, "not_found.html", None, status=404)

    def session_of(request: Request) -> web_users.Session | None:
        with sdb.database.connection_context():
            return web_users.session_of(sdb, request.cookies.get(SESSION))

    def home_of(session: web_users.Session) -> str:
        user = session.user
        return "/web/wilayah" if user.is_dinas else f"/web/k/{user.cooperative_id}/"

    @app.get("/", tags=["web"], include_in_schema=False)
    def root(request: Request) -> Response:
        session = session_of(request)
        return RedirectResponse(home_of(session) if session else "/web/login", status_code=303)

    @app.get("/web/static/board.css", tags=["web"], include_in_schema=False)
    def stylesheet() -> Response:
        return Response(CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @app.get("/favicon.ico", tags=["web"], include_in_schema=False)
    def icon() -> Response:
        return Response(ICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=3600"})

    @app.get("/web/bahasa/{lang}", tags=["web"], include_in_schema=False)
    def language(request: Request, lang: str, next: str = "/") -> Response:
        target = next if next.startswith("/") and not next.startswith("//") else "/"
        answer = RedirectResponse(target, status_code=303)
        if lang in ("id", "en"):
            answer.set_cookie(LANG, lang, max_age=365 * 86400, samesite="strict", httponly=True)
        return answer

    @app.get("/web/login", tags=["web"], include_in_schema=False)
    def login_form(request: Request) -> Response:
        return login_page(request, "")

    def login_page(request: Request, error: str, status: int = 200) -> Response:
        token = secrets.token_urlsafe(24)
        answer = view.page(request, "login.html", None, status=status, csrf=token, error=error)
        view.cookie(request, answer, PRE, token, max_age=3600)
        return answer

    @app.post("/web/login", tags=["web"], include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await _form(request)
        if not form.get("csrf") or form.get("csrf") != request.cookies.get(PRE):
            return view.page(request, "refused.html", None, status=403)
        coop = form.get("koperasi", "").strip()
        username = form.get("pengguna", "").strip().lower()
        source = request.client.host if request.client else "unknown"
        account = f"{coop}/{username}"

        def work() -> web_users.WebUser | None:
            with sdb.database.connection_context():
                limiter.check("web_login", source)
                limiter.check("web_account", account)
                user = web_users.authenticate(sdb, coop, username, form.get("sandi", ""))
                if user is None:
                    limiter.failed("web_login", source)
                    limiter.failed("web_account", account)
                return user

        try:
            user = await run_in_threadpool(work)
        except ApiError as exc:
            if exc.status != 429:
                raise
            minutes = -(-int(exc.headers.get("Retry-After", "60")) // 60) if exc.headers else 1
            return login_page(
                request,
                view.tr(request)("Terlalu banyak percobaan. Coba lagi dalam {n} menit.").format(n=minutes),
                429,
            )
        if user is None:
            return login_page(
                request, view.tr(request)("Koperasi, nama pengguna atau kata sandi salah."), 401
            )

        def start() -> str:
            with sdb.database.connection_context():
                return web_users.open_session(sdb, user)

        cookie = await run_in_threadpool(start)
        answer = RedirectResponse("/web/wilayah" if user.is_dinas else f"/web/k/{user.cooperative_id}/", 303)
        view.cookie(request, answer, SESSION, cookie, max_age=web_users.SESSION_HOURS * 3600)
        answer.delete_cookie(PRE)
        return answer

    async def posted(request: Request) -> tuple[web_users.Session, dict[str, str]] | Response:
        """The session and form of a POST, or the refusal: no session, or no or a wrong CSRF token."""
        session = await run_in_threadpool(session_of, request)
        if session is None:
            return RedirectResponse("/web/login", status_code=303)
        form = await _form(request)
        if not hmac.compare_digest(form.get("csrf", ""), session.csrf):
            return view.page(request, "refused.html", session, status=403)
        return session, form

    @app.post("/web/logout", tags=["web"], include_in_schema=False)
    async def logout(request: Request) -> Response:
        got = await posted(request)
        if isinstance(got, Response):
            return got

        def work() -> None:
            with sdb.database.connection_context():
                web_users.close_session(sdb, got[0])

        await run_in_threadpool(work)
        answer = RedirectResponse("/web/login", status_code=303)
        answer.delete_cookie(SESSION)
        return answer

    def member_of(request: Request, coop: str) -> web_users.Session | Response:
        session = session_of(request)
        if session is None:
            return RedirectResponse("/web/login", status_code=303)
        if session.user.is_dinas or session.user.cooperative_id != coop:
            raise WebNotFound()
        return session

    def scope_of(session: web_users.Session, day: str | None) -> Scope:
        user = session.user
        stores = user.stores if user.role == "manajer" else None
        return Scope(user.cooperative_id, stores, _day(sdb, user.cooperative_id, day))

    def tables_of(
        session: web_users.Session, page: str, scope: Scope, t: Any
    ) -> tuple[dict[str, Table], dict[str, Any]]:
        role = session.user.role
        extra: dict[str, Any] = {}
        if page == "today":
            tables, chart, month = sales(sdb, scope, t)
            extra = {"chart": chart, "month": month}
        elif page == "tills":
            tables = {"kasir": tills(sdb, scope, t, dt.datetime.now(dt.UTC))}
        elif page == "stock":
            tables = {"stok": stock(sdb, scope, t)}
        elif page == "compliance":
            tables = compliance(sdb, scope, t, audit=role in ("pengurus", "pengawas"))
        elif page == "users" and role == "pengurus":
            tables = {"pengguna": users_table(web_users.list_users(sdb, scope.coop), t)}
        else:
            raise WebNotFound()
        return tables, extra

    @app.get("/web/k/{coop}/{page:path}", tags=["web"], include_in_schema=False)
    def coop_page(request: Request, coop: str, page: str, day: str | None = None) -> Response:
        if page.startswith("ekspor/"):
            return export(request, coop, page[7:], day)
        if page.rstrip("/") not in PAGES:
            raise WebNotFound()
        got = member_of(request, coop)
        if isinstance(got, Response):
            return got
        name = PAGES[page.rstrip("/")]
        t = view.tr(request)
        with sdb.database.connection_context():
            scope = scope_of(got, day)
            tables, extra = tables_of(got, name, scope, t)
            synced = last_synced(sdb, coop, scope.stores)
        return view.page(
            request,
            f"{name}.html",
            got,
            tables=tables,
            scope=scope,
            synced=synced,
            page=page.rstrip("/"),
            **extra,
        )

    def export(request: Request, coop: str, what: str, day: str | None) -> Response:
        got = member_of(request, coop)
        if isinstance(got, Response):
            return got
        key, _, fmt = what.partition(".")
        page = TABLE_PAGE.get(key)
        if page is None or fmt not in ("csv", "xlsx"):
            raise WebNotFound()
        with sdb.database.connection_context():
            scope = scope_of(got, day)
            tables, _ = tables_of(got, page, scope, view.tr(request))
        if key not in tables:
            raise WebNotFound()
        return _download(tables[key], fmt, f"{coop}-{key}-{scope.day}")

    @app.post("/web/k/{coop}/pengguna", tags=["web"], include_in_schema=False)
    async def add_user(request: Request, coop: str) -> Response:
        got = await posted(request)
        if isinstance(got, Response):
            return got
        session, form = got
        if session.user.cooperative_id != coop or session.user.role != "pengurus":
            raise WebNotFound()
        stores = tuple(s for s in form.get("toko", "").replace(" ", "").split(",") if s)

        def work() -> str:
            try:
                web_users.create_user(
                    sdb, coop, form.get("pengguna", "").strip().lower(), form.get("sandi", ""),
                    form.get("peran", ""), stores, created_by=session.user.username,
                )  # fmt: skip
            except ValidationError as exc:
                return f"{exc.params.get('kind', '')}: {exc.params.get('value', '')}"
            return ""

        problem = await run_in_threadpool(work)
        if problem:
            t = view.tr(request)

            def again() -> Response:
                with sdb.database.connection_context():
                    scope = scope_of(session, None)
                    tables, _ = tables_of(session, "users", scope, t)
                    synced = last_synced(sdb, coop)
                return view.page(
                    request, "users.html", session, status=400, tables=tables, scope=scope, synced=synced,
                    page="pengguna", error=t("Pengguna tidak dibuat") + f" ({problem})",
                )  # fmt: skip

            return await run_in_threadpool(again)
        return RedirectResponse(f"/web/k/{coop}/pengguna", status_code=303)

    @app.get("/web/wilayah{rest:path}", tags=["web"], include_in_schema=False)
    def region_page(request: Request, rest: str, day: str | None = None) -> Response:
        session = session_of(request)
        if session is None:
            return RedirectResponse("/web/login", status_code=303)
        if not session.user.is_dinas or rest not in (
            "",
            "/",
            "/ekspor/koperasi.csv",
            "/ekspor/koperasi.xlsx",
        ):
            raise WebNotFound()
        the_day = day if _is_day(day) else dt.date.today().isoformat()
        with sdb.database.connection_context():
            table, synced = region(sdb, session.user.region, the_day, view.tr(request))
        if rest.startswith("/ekspor/"):
            return _download(table, rest.rpartition(".")[2], f"wilayah-{session.user.region}-{the_day}")
        scope = Scope("", (), the_day)
        return view.page(
            request, "region.html", session, tables={"koperasi": table}, scope=scope, synced=synced, page=""
        )


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM:
        return {}
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[-1] for k, v in parsed.items()}


def _is_day(day: str | None) -> bool:
    try:
        return bool(day) and dt.date.fromisoformat(day or "").isoformat() == day
    except ValueError:
        return False


def _day(sdb: ServerDb, coop: str, day: str | None) -> str:
    """The asked business date, or today where the cooperative's first store is."""
    if _is_day(day):
        return day  # type: ignore[return-value]
    Store = sdb.m.StoreModel
    row = Store.select(Store.timezone).where(Store.cooperative_id == coop).order_by(Store.store_id).first()
    try:
        zone = zoneinfo.ZoneInfo(row.timezone if row else "Asia/Makassar")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("Asia/Makassar")
    return dt.datetime.now(zone).date().isoformat()


def _download(table: Table, fmt: str, stem: str) -> Response:
    if fmt == "xlsx":
        body, media = to_xlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, media = to_csv(table), "text/csv; charset=utf-8"
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'}
    )
