"""The till's personal-data hash key: a file in the data folder, never in the database it protects.

`keys/personal-hash.json` (mode 0600): {"key": base64 of 32 bytes, "source": "local" | "server"}.
A till that was never enrolled makes its own key the first time it needs one. At enrolment (and on
any sync round while the key is still the till's own) it offers that key to the server
(POST /v1/sync/keys): a cooperative without a key adopts it; a cooperative that has one answers with
it, and the till re-hashes every number it still holds in full (`retention.rehash`). Hashes of numbers
already reduced cannot be redone: those older purchases stop counting toward caps, which look back
at most a month while full numbers are kept for the logbook's 90 days.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import threading
from pathlib import Path

from kkmp_pos.core.personal import KEY_BYTES, keyed_hash
from kkmp_pos.services.context import ServiceContext

KEY_FILE = Path("keys") / "personal-hash.json"
_cache: dict[Path, tuple[bytes, str]] = {}
_lock = threading.Lock()


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_FILE


def _write(path: Path, key: bytes, source: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"key": base64.b64encode(key).decode("ascii"), "source": source}, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def hash_key(data_dir: Path) -> tuple[bytes, str]:
    """(key, source); made now (source 'local') when the till has none yet."""
    path = key_path(data_dir).resolve()
    with _lock:
        found = _cache.get(path)
        if found is not None:
            return found
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            found = (base64.b64decode(doc["key"]), str(doc.get("source", "local")))
        except FileNotFoundError:
            found = (secrets.token_bytes(KEY_BYTES), "local")
            _write(path, *found)
        _cache[path] = found
        return found


def set_hash_key(data_dir: Path, key: bytes, source: str) -> None:
    path = key_path(data_dir).resolve()
    with _lock:
        _write(path, key, source)
        _cache[path] = (key, source)


def number_hash(ctx: ServiceContext, number: str) -> str:
    """The keyed hash of a NIK or KK with this till's key (the cooperative's once enrolled)."""
    return keyed_hash(hash_key(ctx.data_dir)[0], number)


def key_text(ctx: ServiceContext) -> str:
    return base64.b64encode(hash_key(ctx.data_dir)[0]).decode("ascii")
