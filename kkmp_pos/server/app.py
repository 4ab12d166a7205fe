"""The central server's HTTP API (FastAPI): enrolment, push, pull, admin JSON API, OpenAPI."""

from __future__ import annotations

import logging
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
from kkmp_pos.server import admin, auth, catalog, feed, ingest, schema, schemas
from kkmp_pos.server.db import ServerDb, open_server_db
from kkmp_pos.server.http import MAX_SMALL_BYTES, ApiError, body_ref, error_body, read_json
from kkmp_pos.sync import wire

log = logging.getLogger(__name__)


def create_app(database_url: str, migrate: bool = True, backup_dir: Path | None = None) -> FastAPI:
    """The app for one database; the schema is created or migrated on start unless told not to.
    `backup_dir` keeps the tills' sealed off-machine copies (default: `backups.backup_dir_for`)."""
    sdb = open_server_db(database_url)
    if migrate:
        schema.migrate(sdb)
    app = FastAPI(
        title="KKMP POS central server",
        version="1",
        description="Sync endpoints for tills (push events, pull the change feed) and the "
        'cooperative\'s admin API. Errors are JSON: {"error": {"code", "message"}}.',
    )
    app.state.sdb = sdb
    _install_error_handlers(app)
    _install_openapi(app)

    def terminal(request: Request) -> auth.TerminalIdentity:
        with sdb.database.connection_context():
            return auth.authenticate_terminal(sdb, request.headers.get("authorization"))

    def administrator(request: Request) -> auth.AdminIdentity:
        with sdb.database.connection_context():
            return auth.authenticate_admin(sdb, request.headers.get("authorization"))

    @app.get("/v1/health", tags=["server"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": wire.PROTOCOL_VERSION, "time": auth.utc_now()}

    @app.post(
        "/v1/enrol",
        tags=["sync"],
        response_model=schemas.EnrolResponseDoc,
        responses={401: {"model": schemas.ErrorDoc}},
        openapi_extra=body_ref("EnrolRequestDoc"),
    )
    async def enrol(request: Request) -> dict[str, Any]:
        body = await read_json(request, MAX_SMALL_BYTES)
        if not isinstance(body, dict) or not isinstance(body.get("code"), str):
            raise ApiError(400, "sync_wire_invalid", field="code", reason="must be a string")

        def work() -> dict[str, Any]:
            with sdb.database.connection_context():
                ident, token = auth.enrol(sdb, body["code"])
            return {
                "token": token,
                "cooperative_id": ident.cooperative_id,
                "store_id": ident.store_id,
                "terminal_id": ident.terminal_id,
            }

        return await run_in_threadpool(work)

    @app.post(
        "/v1/sync/push",
        tags=["sync"],
        response_model=schemas.PushResponseDoc,
        responses={
            400: {"model": schemas.ErrorDoc},
            401: {"model": schemas.ErrorDoc},
            403: {"model": schemas.ErrorDoc},
            413: {"model": schemas.ErrorDoc},
        },
        openapi_extra=body_ref("PushRequestDoc"),
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
        responses={410: {"model": schemas.CursorExpiredDoc}, 400: {"model": schemas.ErrorDoc}},
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
    install_backup_api(app, backup_dir or backup_dir_for(database_url), terminal)
    return app


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


__all__ = ["ApiError", "ServerDb", "admin", "catalog", "create_app", "read_json"]
