"""The central server's HTTP API (FastAPI): enrolment, push, pull, admin JSON API, OpenAPI."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import peewee
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic.json_schema import models_json_schema
from starlette.exceptions import HTTPException as StarletteHTTPException

from kkmp_pos.core.errors import KkmpError, NotFoundError
from kkmp_pos.core.safe_json import text_problem
from kkmp_pos.server import admin, auth, catalog, feed, ingest, schema, schemas
from kkmp_pos.server.db import ServerDb, open_server_db
from kkmp_pos.server.exposure import EXPOSURES, TERMINAL_AUTH, declare_security, keep_only
from kkmp_pos.server.http import MAX_SMALL_BYTES, ApiError, body_ref, error_body, read_json
from kkmp_pos.server.keys import decode_key
from kkmp_pos.server.ratelimit import FailureLimiter, default_limiter
from kkmp_pos.sync import wire

log = logging.getLogger(__name__)


def create_app(
    database_url: str,
    migrate: bool = True,
    exposures: Iterable[str] = EXPOSURES,
    limiter: FailureLimiter | None = None,
    backup_dir: Path | None = None,
    key_dir: Path | None = None,
) -> FastAPI:
    """The app for one database; the schema is created or migrated on start unless told not to.
    `key_dir`: the cooperatives' personal-data keys (`keys.key_dir_for` by default).
    `exposures`: which listener this app is (`exposure.py`); all of them by default. `backup_dir`
    keeps the tills' sealed off-machine copies (default: `backups.backup_dir_for`)."""
    sdb = open_server_db(database_url, key_dir)
    if migrate:
        schema.migrate(sdb)
    return build_app(sdb, exposures, limiter, backup_dir)


def build_app(
    sdb: ServerDb,
    exposures: Iterable[str] = EXPOSURES,
    limiter: FailureLimiter | None = None,
    backup_dir: Path | None = None,
) -> FastAPI:
    """The app serving `exposures` on an open database (`serve` builds one per listener, sharing
    the database and the limiter)."""
    limiter = limiter or default_limiter(sdb)
    app = FastAPI(
        title="KKMP POS central server",
        version="1",
        description="Sync endpoints for tills (push events, pull the change feed) and the "
        'cooperative\'s admin API. Errors are JSON: {"error": {"code", "message"}}.',
    )
    app.state.sdb = sdb
    app.state.limiter = limiter
    _install_error_handlers(app)
    _install_openapi(app)

    def signed_in(request: Request, check: Callable[[ServerDb, str | None], Any]) -> Any:
        source = client_address(request)
        try:
            with sdb.database.connection_context():
                limiter.check("sign_in", source)
                return check(sdb, request.headers.get("authorization"))
        except auth.AuthError as exc:
            if exc.status == 401:
                limiter.failed("sign_in", source)
            raise

    def terminal(request: Request) -> auth.TerminalIdentity:
        return signed_in(request, auth.authenticate_terminal)

    def administrator(request: Request) -> auth.AdminIdentity:
        return signed_in(request, auth.authenticate_admin)

    @app.get("/v1/health", tags=["server"], response_model=schemas.HealthDoc)
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": wire.PROTOCOL_VERSION, "time": auth.utc_now()}

    @app.post(
        "/v1/enrol",
        tags=["sync"],
        response_model=schemas.EnrolResponseDoc,
        responses=schemas.errors(400, 401, 409, 413, 429, 503),
        openapi_extra=body_ref("EnrolRequestDoc"),
    )
    async def enrol(request: Request) -> dict[str, Any]:
        source = client_address(request)
        await run_in_threadpool(limiter.check, "enrol", source)
        body = await read_json(request, MAX_SMALL_BYTES)
        if not isinstance(body, dict) or not isinstance(body.get("code"), str):
            raise ApiError(400, "sync_wire_invalid", field="code", reason="must be a string")
        device_key = body.get("device_key")
        if device_key is not None and not (isinstance(device_key, str) and 16 <= len(device_key) <= 128):
            raise ApiError(400, "sync_wire_invalid", field="device_key", reason="must be 16-128 characters")
        if text_problem(body["code"], 64):
            raise ApiError(400, "sync_wire_invalid", field="code", reason=text_problem(body["code"], 64))

        def work() -> dict[str, Any]:
            try:
                with sdb.database.connection_context():
                    ident, token = auth.enrol(sdb, body["code"][:100], device_key)
            except auth.AuthError:
                limiter.failed("enrol", source)
                raise
            return {
                "token": token,
                "cooperative_id": ident.cooperative_id,
                "store_id": ident.store_id,
                "terminal_id": ident.terminal_id,
            }

        return await run_in_threadpool(work)

    @app.post(
        "/v1/enrol/confirm",
        tags=["sync"],
        summary="The till holds its new token: the enrolment code is used up",
        openapi_extra=TERMINAL_AUTH,
    )
    async def confirm_enrolment(request: Request) -> dict[str, Any]:
        await run_in_threadpool(terminal, request)  # the first authenticated call confirms
        return {"confirmed": True}

    @app.post(
        "/v1/sync/keys",
        tags=["sync"],
        summary="The cooperative's personal-data hash key (HMAC), for purchase caps offline",
        response_model=schemas.KeysResponseDoc,
        responses=schemas.errors(400, 401, 403, 413, 503),
        openapi_extra=body_ref("KeysRequestDoc") | TERMINAL_AUTH,
    )
    async def hash_key(request: Request) -> dict[str, Any]:
        ident = await run_in_threadpool(terminal, request)
        body = await read_json(request, MAX_SMALL_BYTES)
        if not isinstance(body, dict) or set(body) - {"hmac_key"}:
            raise ApiError(400, "sync_wire_invalid", field="body", reason="hmac_key only")
        offer = None
        if body.get("hmac_key") is not None:
            offer = decode_key(body["hmac_key"])
            if offer is None:
                raise ApiError(400, "sync_wire_invalid", field="hmac_key", reason="base64 of 32 bytes")
        key = await run_in_threadpool(sdb.keys.hmac_key_text, ident.cooperative_id, offer)
        return {"hmac_key": key, "adopted": offer is not None and key == body["hmac_key"]}

    @app.post(
        "/v1/sync/push",
        tags=["sync"],
        response_model=schemas.PushResponseDoc,
        responses=schemas.errors(400, 401, 403, 413, 503),
        openapi_extra=body_ref("PushRequestDoc") | TERMINAL_AUTH,
    )
    async def push(request: Request) -> dict[str, Any]:
        ident = await run_in_threadpool(terminal, request)
        body = await read_json(request, wire.MAX_PUSH_BYTES)
        events = body.get("events") if isinstance(body, dict) else None
        if isinstance(events, list) and len(events) > wire.MAX_EVENTS_PER_PUSH:
            raise ApiError(413, "sync_too_large", limit=f"{wire.MAX_EVENTS_PER_PUSH} events")
        raw_events = wire.parse_push_request(body)
        response = await run_in_threadpool(ingest.push, sdb, ident, raw_events)
        return response.to_dict()

    @app.get(
        "/v1/sync/pull",
        tags=["sync"],
        response_model=schemas.PullResponseDoc,
        responses=schemas.errors(400, 401, 403, 503)
        | {410: {"model": schemas.CursorExpiredDoc, "description": "The cursor is behind the pruned feed"}},
        openapi_extra=TERMINAL_AUTH,
    )
    async def pull(request: Request, cursor: str = "", limit: int = wire.DEFAULT_PULL_LIMIT) -> Any:
        ident = await run_in_threadpool(terminal, request)
        if not 1 <= limit <= wire.MAX_PULL_LIMIT:
            raise ApiError(
                400, "sync_wire_invalid", field="limit", reason=f"must be 1 to {wire.MAX_PULL_LIMIT}"
            )
        positions = wire.decode_cursor(cursor)
        try:
            changes, nxt, more = await run_in_threadpool(feed.read_page, sdb, ident, positions, limit)
        except feed.CursorExpired:
            snap = await run_in_threadpool(feed.snapshot, sdb, ident)
            return JSONResponse(
                status_code=410,
                content=error_body("sync_cursor_expired") | {"snapshot": snap},
            )
        return {"changes": changes, "next_cursor": nxt, "has_more": more}

    from kkmp_pos.server.admin_api import install_admin_api
    from kkmp_pos.server.backups import backup_dir_for, install_backup_api

    install_admin_api(app, sdb, administrator)
    install_backup_api(app, backup_dir or backup_dir_for(sdb.url), terminal)
    from kkmp_pos.server.qris_notify import install_qris_api

    install_qris_api(app, sdb)
    from kkmp_pos.server.web.routes import install_web

    install_web(app, sdb, limiter)
    keep_only(app, exposures)
    return app


def client_address(request: Request) -> str:
    """The caller's address (behind a reverse proxy: as uvicorn read it from X-Forwarded-For)."""
    return request.client.host if request.client else "unknown"


def _install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        _, defs = models_json_schema(
            [(model, "validation") for model in schemas.DOC_MODELS],
            ref_template="#/components/schemas/{model}",
        )
        doc.setdefault("components", {}).setdefault("schemas", {}).update(defs.get("$defs", {}))
        schemas.declare_security(doc)  # each operation's scheme by its path; no FastAPI 422
        declare_security(doc)  # the schemes, and the auth failures of every operation needing a token
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.params), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(auth.AuthError)
    async def auth_error(_: Request, exc: auth.AuthError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(error_body(exc.code, exc.params), status_code=exc.status, headers=headers)

    @app.exception_handler(KkmpError)
    async def kkmp_error(_: Request, exc: KkmpError) -> JSONResponse:
        status = 404 if isinstance(exc, NotFoundError) else 400
        return JSONResponse(error_body(exc.code, exc.params), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        body = error_body("sync_wire_invalid", {"field": where, "reason": first.get("msg", "")})
        return JSONResponse(body, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "server_no_such_endpoint", 405: "server_method_not_allowed"}.get(
            exc.status_code, "server_http_error"
        )
        return JSONResponse(error_body(code, {"detail": str(exc.detail)}), status_code=exc.status_code)

    @app.exception_handler(peewee.OperationalError)
    async def busy(_: Request, exc: peewee.OperationalError) -> JSONResponse:
        # the database is locked, restarting or unreachable: the till backs off and retries
        log.warning("database unavailable: %s", exc)
        return JSONResponse(error_body("server_busy"), status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected server error")
        return JSONResponse(error_body("internal", {"detail": type(exc).__name__}), status_code=500)


def app_for_uvicorn() -> FastAPI:
    """Factory for `uvicorn --factory kkmp_pos.server.app:app_for_uvicorn` (KKMP_SERVER_DATABASE)."""
    import os

    return create_app(os.environ.get("KKMP_SERVER_DATABASE", "kkmp-server.db"))


__all__ = ["ApiError", "ServerDb", "admin", "build_app", "catalog", "create_app", "read_json"]
