"""The cooperative's admin JSON API: catalog, prices, ceilings, members, quarantine, report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

from kkmp_pos.core.safe_json import problem
from kkmp_pos.server import admin, catalog, schemas
from kkmp_pos.server.auth import AdminIdentity
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.exposure import ADMIN_AUTH
from kkmp_pos.server.feed import append_changes
from kkmp_pos.server.http import MAX_ADMIN_BYTES, MAX_SMALL_BYTES, ApiError, body_ref, read_json
from kkmp_pos.sync.wire import is_valid_id

MAX_ROWS = 20_000


def apply_rows(
    sdb: ServerDb,
    coop: str,
    rows: list[dict[str, Any]],
    fn: Callable[[ServerDb, str, dict[str, Any]], list[Any]],
) -> int:
    """Apply every row or none (a wrong row names its index and field); returns the feed changes
    written. The admin API and the CSV/XLSX import both come through here."""
    with sdb.database.connection_context(), sdb.atomic():
        changes: list[Any] = []
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                raise catalog.RowError(f"rows[{index}]", "must be an object")
            bad = problem(row)
            if bad is not None:
                raise catalog.RowError(f"rows[{index}].{bad[0]}", bad[1])
            try:
                changes += fn(sdb, coop, row)
            except catalog.RowError as exc:
                raise catalog.RowError(f"rows[{index}].{exc.field}", exc.reason) from None
        append_changes(sdb, changes)
    return len(changes)


def install_admin_api(app: FastAPI, sdb: ServerDb, administrator: Callable[[Request], AdminIdentity]) -> None:
    async def rows_of(request: Request) -> list[dict[str, Any]]:
        body = await read_json(request, MAX_ADMIN_BYTES)
        rows = body.get("rows") if isinstance(body, dict) else None
        if not isinstance(rows, list):
            raise ApiError(400, "sync_wire_invalid", field="rows", reason="must be a list")
        if len(rows) > MAX_ROWS:
            raise ApiError(413, "sync_too_large", limit=MAX_ROWS)
        return rows

    writers = {
        "products": catalog.upsert_product,
        "prices": catalog.set_price,
        "ceilings": catalog.set_ceiling,
        "members": catalog.upsert_member,
    }

    def writer(fn: Any) -> Any:
        async def write(request: Request) -> dict[str, Any]:
            who = await run_in_threadpool(administrator, request)
            rows = await rows_of(request)
            changed = await run_in_threadpool(apply_rows, sdb, who.cooperative_id, rows, fn)
            return {"rows": len(rows), "changes": changed}

        return write

    def reader_of(reader: Any) -> Any:
        async def read(request: Request) -> list[dict[str, Any]]:
            who = await run_in_threadpool(administrator, request)

            def work() -> list[dict[str, Any]]:
                with sdb.database.connection_context():
                    return reader(sdb, who.cooperative_id)

            return await run_in_threadpool(work)

        return read

    for name, fn in writers.items():
        app.add_api_route(
            f"/v1/admin/{name}",
            writer(fn),
            methods=["POST"],
            tags=["admin"],
            summary=f"Insert or update {name} (all rows or none)",
            openapi_extra=body_ref("RowsDoc") | ADMIN_AUTH,
            response_model=schemas.WriteResultDoc,
            responses=schemas.errors(400, 401, 413, 503),
        )

    readers = {
        "products": catalog.list_products,
        "ceilings": catalog.list_ceilings,
        "members": catalog.list_members,
        "quarantine": lambda s, coop: admin.quarantined(s, coop),
        "report": lambda s, coop: admin.report(s, coop),
    }
    for name, reader in readers.items():
        app.add_api_route(
            f"/v1/admin/{name}",
            reader_of(reader),
            methods=["GET"],
            tags=["admin"],
            summary=f"List {name} of the token's cooperative",
            response_model=list[dict[str, Any]],
            responses=schemas.errors(401, 503),
            openapi_extra=ADMIN_AUTH,
        )
    install_token_api(app, sdb, administrator)


def install_token_api(app: FastAPI, sdb: ServerDb, administrator: Callable[[Request], AdminIdentity]) -> None:
    """List, create and revoke the cooperative's admin tokens (an admin token manages its peers)."""

    @app.get(
        "/v1/admin/tokens",
        tags=["admin"],
        summary="The cooperative's admin tokens, without their secrets",
        response_model=list[schemas.AdminTokenDoc],
        openapi_extra=ADMIN_AUTH,
    )
    async def list_tokens(request: Request) -> list[dict[str, Any]]:
        who = await run_in_threadpool(administrator, request)
        return await run_in_threadpool(admin.admin_tokens, sdb, who.cooperative_id)

    @app.post(
        "/v1/admin/tokens",
        tags=["admin"],
        summary="Create an admin token with a name and an optional expiry (the token is shown once)",
        response_model=schemas.AdminTokenCreatedDoc,
        responses=schemas.errors(400, 413, 503),
        openapi_extra=body_ref("AdminTokenRequestDoc") | ADMIN_AUTH,
    )
    async def create_token(request: Request) -> dict[str, Any]:
        who = await run_in_threadpool(administrator, request)
        body = await read_json(request, MAX_SMALL_BYTES)
        if not isinstance(body, dict) or set(body) - {"name", "expires_days"}:
            raise ApiError(400, "sync_wire_invalid", field="body", reason="name and expires_days only")
        name = body.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > 200 or not _plain_text(name):
            raise ApiError(400, "sync_wire_invalid", field="name", reason="1-200 characters")
        days = body.get("expires_days")
        whole = isinstance(days, int) and not isinstance(days, bool)
        if days is not None and not (whole and 1 <= days <= 3650):
            raise ApiError(400, "sync_wire_invalid", field="expires_days", reason="1 to 3650, or null")
        token = await run_in_threadpool(admin.new_admin_token, sdb, who.cooperative_id, name.strip(), days)
        return {"token": token, "token_id": token.split(".")[2]}

    @app.post(
        "/v1/admin/tokens/{token_id}/revoke",
        tags=["admin"],
        summary="Revoke an admin token of the cooperative at once",
        responses=schemas.errors(404, 503),
        openapi_extra=ADMIN_AUTH,
    )
    async def revoke_token(request: Request, token_id: str) -> dict[str, Any]:
        who = await run_in_threadpool(administrator, request)
        if not is_valid_id(token_id):
            raise ApiError(404, "server_not_found", kind="admin token", value=token_id[:64])
        await run_in_threadpool(admin.revoke_admin_token, sdb, who.cooperative_id, token_id)
        return {"token_id": token_id, "revoked": True}


def _plain_text(text: str) -> bool:
    """No NUL and no lone surrogate: what every database stores as it was sent."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text
