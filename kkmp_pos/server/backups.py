"""Off-machine copies of the tills' daily backups: each terminal puts its sealed copy here and can take
its newest one back for a restore drill. The server never sees inside: the till seals each copy with
the shop's passphrase before it leaves the PC (services/setup/offsite_crypto.py).

Copies are files, one folder per cooperative and terminal, beside the server's database (or in
`KKMP_SERVER_BACKUP_DIR`); the newest `KEEP` of each terminal are kept.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse

from kkmp_pos.server import auth, schemas
from kkmp_pos.server.exposure import TERMINAL_AUTH
from kkmp_pos.server.http import ApiError

KEEP = 7
MAX_BYTES = 16 * 1024**3
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.kkmpbak$")


def backup_dir_for(database_url: str) -> Path:
    """Where copies are kept: `KKMP_SERVER_BACKUP_DIR`, else beside a SQLite database, else here."""
    configured = os.environ.get("KKMP_SERVER_BACKUP_DIR")
    if configured:
        return Path(configured)
    if not database_url.startswith(("postgresql://", "postgres://")):
        path = database_url[len("sqlite:///") :] if database_url.startswith("sqlite:///") else database_url
        return Path(path).resolve().parent / "till-backups"
    return Path("till-backups").resolve()


def _folder(root: Path, ident: auth.TerminalIdentity) -> Path:
    return root / ident.cooperative_id / ident.terminal_id


def install_backup_api(
    app: FastAPI, root: Path, terminal: Callable[[Request], auth.TerminalIdentity]
) -> None:
    @app.put(
        "/v1/backups/{name}",
        tags=["sync"],
        summary="Store this terminal's sealed off-machine copy (the body is the file)",
        responses=schemas.errors(400, 401, 403, 413, 503),
        openapi_extra=TERMINAL_AUTH,
    )
    async def put_backup(name: str, request: Request) -> dict[str, Any]:
        ident = await run_in_threadpool(terminal, request)
        if not NAME.match(name):
            raise ApiError(400, "sync_wire_invalid", field="name", reason="NAME.kkmpbak")
        folder = _folder(root, ident)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=folder)
        tmp = Path(tmp_name)
        size = 0
        try:
            with os.fdopen(fd, "wb") as out:
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise ApiError(413, "sync_too_large", limit=f"{MAX_BYTES} bytes")
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, folder / name)  # a reader never sees half a copy
        finally:
            tmp.unlink(missing_ok=True)
        for old in sorted(folder.glob("*.kkmpbak"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
        return {"stored": name, "bytes": size}

    @app.get(
        "/v1/backups/latest",
        tags=["sync"],
        summary="This terminal's newest sealed copy, for a restore drill",
        response_class=FileResponse,
        responses={200: {"content": {"application/octet-stream": {}}, "description": "The sealed copy"}}
        | schemas.errors(401, 403, 404, 503),
        openapi_extra=TERMINAL_AUTH,
    )
    async def latest_backup(request: Request) -> FileResponse:
        ident = await run_in_threadpool(terminal, request)
        copies = sorted(_folder(root, ident).glob("*.kkmpbak"), key=lambda p: p.stat().st_mtime)
        if not copies:
            raise ApiError(404, "offsite_copy_missing")
        newest = copies[-1]
        return FileResponse(
            newest, media_type="application/octet-stream", headers={"X-Backup-Name": newest.name}
        )
