"""Per-cooperative keys for personal data, kept OUTSIDE the database (docs/PRIVACY.md).

One file per cooperative in the key folder (`--key-dir`, `KKMP_SERVER_KEY_DIR`, default
`kkmp-server-keys` beside the SQLite file or in the working folder for PostgreSQL), mode 0600:

    {"cooperative_id": …, "aes_key": base64, "hmac_key": base64 | absent, "created_at": …}

- `aes_key` (AES-256-GCM) encrypts each NIK and KK the server stores; the cooperative id is the
  associated data, so a value copied to another cooperative does not decrypt.
- `hmac_key` gives the keyed hash stored beside it (look-ups, purchase caps). It is the one key the
  cooperative's tills receive (POST /v1/sync/keys); the first till to enrol may bring its own
  (a till that ran stand-alone already hashed with it), which the server then adopts.

A database restored without its key folder stays usable; only the encrypted numbers cannot be read
(StorageError 'server_key_missing').
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kkmp_pos.core.errors import StorageError

try:
    import fcntl
except ImportError:  # Windows: one server process there (no --workers), the thread lock is enough
    fcntl = None  # type: ignore[assignment]
from kkmp_pos.core.personal import KEY_BYTES, compact, keyed_hash

ENV_KEY_DIR = "KKMP_SERVER_KEY_DIR"
KEY_DIR_NAME = "kkmp-server-keys"
_PREFIX = "g1:"  # AES-GCM, 12-byte nonce, base64(nonce + ciphertext + tag)


def key_dir_for(database_url: str) -> Path:
    """The key folder: the environment's, else beside the SQLite file (the working folder for
    PostgreSQL). Never inside the database itself."""
    if os.environ.get(ENV_KEY_DIR):
        return Path(os.environ[ENV_KEY_DIR])
    if database_url.startswith(("postgresql://", "postgres://")):
        return Path.cwd() / KEY_DIR_NAME
    path = database_url[len("sqlite:///") :] if database_url.startswith("sqlite:///") else database_url
    return Path(path).resolve().parent / KEY_DIR_NAME


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_key(text: object) -> bytes | None:
    """A key as sent over the wire (base64 of 32 bytes), or None when it is not one."""
    if not isinstance(text, str) or len(text) > 100:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return raw if len(raw) == KEY_BYTES else None


class KeyStore:
    """The key folder of one server."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self._cache: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()

    def path(self, coop: str) -> Path:
        return self.directory / f"{coop}.json"

    def _read(self, coop: str) -> dict[str, str] | None:
        cached = self._cache.get(coop)
        if cached is not None:
            return cached
        try:
            doc = json.loads(self.path(coop).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise StorageError("server_key_missing", cooperative=coop, path=str(self.path(coop))) from exc
        self._cache[coop] = doc
        return doc

    def _write(self, coop: str, doc: dict[str, str]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, 0o700)
        tmp = self.path(coop).with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(doc, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path(coop))
        os.chmod(self.path(coop), 0o600)
        self._cache[coop] = doc

    def has(self, coop: str) -> bool:
        return self._read(coop) is not None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One writer at a time, in this process and across the server's worker processes (a lock file
        in the key folder); a key another worker may have written since is read again from its file."""
        with self._lock:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.directory / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                self._cache.clear()
                yield
            finally:
                os.close(fd)  # closing releases the flock

    def create(self, coop: str) -> None:
        """The cooperative's encryption key (created with the cooperative; kept if it exists)."""
        with self._writing():
            if self._read(coop) is None:
                self._write(coop, {"cooperative_id": coop, "aes_key": _b64(secrets.token_bytes(KEY_BYTES))})

    def hmac_key(self, coop: str, offer: bytes | None = None) -> bytes:
        """The cooperative's hash key; made now (or adopted from `offer`, a till's) if it has none.
        A cooperative without its key file (a restore without the key folder) raises: a new key would
        silently split the hashes the tills hold."""
        doc = self._read(coop)
        if doc is not None and doc.get("hmac_key"):
            return base64.b64decode(doc["hmac_key"])
        with self._writing():  # another worker may have made or adopted it meanwhile: read the file again
            doc = self._read(coop)
            if doc is None:
                raise StorageError("server_key_missing", cooperative=coop, path=str(self.path(coop)))
            if not doc.get("hmac_key"):
                doc = dict(doc, hmac_key=_b64(offer or secrets.token_bytes(KEY_BYTES)))
                self._write(coop, doc)
            return base64.b64decode(doc["hmac_key"])

    def _aes(self, coop: str) -> AESGCM:
        doc = self._read(coop)
        if doc is None or not doc.get("aes_key"):
            raise StorageError("server_key_missing", cooperative=coop, path=str(self.path(coop)))
        return AESGCM(base64.b64decode(doc["aes_key"]))

    def hash(self, coop: str, number: str) -> str:
        return keyed_hash(self.hmac_key(coop), number)

    def encrypt(self, coop: str, number: str) -> str:
        nonce = secrets.token_bytes(12)
        sealed = self._aes(coop).encrypt(nonce, compact(number).encode("ascii"), coop.encode())
        return _PREFIX + _b64(nonce + sealed)

    def decrypt(self, coop: str, token: str | None) -> str | None:
        if not token:
            return None
        raw = base64.b64decode(token[len(_PREFIX) :])
        try:
            return self._aes(coop).decrypt(raw[:12], raw[12:], coop.encode()).decode("ascii")
        except InvalidTag:
            raise StorageError("server_key_wrong", cooperative=coop) from None

    def hmac_key_text(self, coop: str, offer: bytes | None = None) -> str:
        return _b64(self.hmac_key(coop, offer))
