"""Sending a sealed backup copy to the central server and taking the newest one back (stdlib HTTP).

The same terminal token as the sync protocol authenticates; the server keeps the copies per terminal
(kkmp_pos/server/backups.py). Failures are StorageError('offsite_failed') with the reason.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import BinaryIO

from kkmp_pos.core.errors import StorageError
from kkmp_pos.core.reasons import foreign_reason, os_error_reason

TIMEOUT_S = 120.0


def _failed(where: str, exc: BaseException) -> StorageError:
    if isinstance(exc, urllib.error.HTTPError):
        reason = (f"server menjawab {exc.code}", f"the server answered {exc.code}")
    else:
        cause = getattr(exc, "reason", exc)
        reason = os_error_reason(cause) if isinstance(cause, OSError) else foreign_reason(str(cause))
    return StorageError("offsite_failed", where=where, reason=reason[0], reason_en=reason[1])


def upload(base_url: str, token: str, name: str, path: Path) -> None:
    """PUT the sealed copy at `path` as `name` for this terminal."""
    url = f"{base_url.rstrip('/')}/v1/backups/{urllib.parse.quote(name)}"
    with path.open("rb") as body:
        request = urllib.request.Request(
            url,
            data=body,
            method="PUT",
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/octet-stream",
                "Content-Length": str(path.stat().st_size),
                "User-Agent": "kkmp-pos-backup/1",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                response.read()
        except (urllib.error.URLError, OSError) as exc:
            raise _failed(base_url, exc) from None


def download_latest(base_url: str, token: str, target: BinaryIO) -> str:
    """Write this terminal's newest copy into `target`; returns its name."""
    request = urllib.request.Request(
        f"{base_url.rstrip('/')}/v1/backups/latest",
        headers={"Authorization": f"Bearer {token}", "User-Agent": "kkmp-pos-backup/1"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            shutil.copyfileobj(response, target, 1 << 20)
            return str(response.headers.get("X-Backup-Name") or "latest")
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise StorageError("offsite_copy_missing") from None
        raise _failed(base_url, exc) from None
    except (urllib.error.URLError, OSError) as exc:
        raise _failed(base_url, exc) from None
