"""The shop's passphrase on a backup that leaves the PC: AES-256-GCM in 1 MiB chunks, key from scrypt.

The passphrase itself is never stored: `derive_key` turns it into a key with scrypt (a random salt),
and only that key, its salt and the scrypt parameters are kept, in a file beside the database
(`offsite_key.py`). Each copy is sealed with its own key, drawn from the shop's key and a random salt
of the copy's (HKDF), and its header carries the scrypt salt and parameters: on a new PC, the
passphrase alone opens it.

A backup can be gigabytes, so it is sealed chunk by chunk (never all in memory). Each chunk's nonce is
a random prefix plus the chunk's number and a last-chunk flag, so chunks cannot be reordered, dropped or
the copy cut short without the check failing. Layout (the whole header is authenticated with each chunk):

    KKMPBAK2 (8) | scrypt salt (16) | log2 N (1) | r (1) | p (1) | copy salt (16) | nonce prefix (7)
        | { length (4, big-endian) | sealed chunk }*

Copies made before (KKMPBAK1: MAGIC | scrypt salt (16) | nonce prefix (7), the chunks keyed with the
scrypt key directly) still open, with the passphrase.
"""

from __future__ import annotations

import hmac
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kkmp_pos.core.errors import StorageError

MAGIC_V1, MAGIC = b"KKMPBAK1", b"KKMPBAK2"
CHUNK = 1 << 20
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1  # ~32 MiB and a fraction of a second on a till PC
_V1_HEADER = 8 + 16 + 7
_V2_HEADER = 8 + 16 + 3 + 16 + 7


@dataclass(frozen=True)
class ShopKey:
    """What is kept of the shop's passphrase: the scrypt key and how to derive it again."""

    salt: bytes
    log2_n: int
    r: int
    p: int
    key: bytes

    @property
    def params(self) -> bytes:
        return self.salt + bytes((self.log2_n, self.r, self.p))


def _scrypt(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode())


def require_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise StorageError("offsite_passphrase_short")


def derive_key(passphrase: str, salt: bytes | None = None) -> ShopKey:
    """The shop's key from its passphrase (a fresh random salt unless one is given)."""
    require_passphrase(passphrase)
    salt = salt if salt is not None else os.urandom(16)
    key = _scrypt(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    return ShopKey(salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, key)


def _copy_key(shop_key: bytes, copy_salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, copy_salt, b"kkmp-pos offsite copy").derive(shop_key)


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


def _unreadable(reason: str, reason_en: str) -> StorageError:
    return StorageError("offsite_copy_unreadable", reason=reason, reason_en=reason_en)


def encrypt_file(source: Path, target: BinaryIO, key: ShopKey) -> None:
    """Seal `source` into the open binary `target` with the shop's key."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    copy_salt, prefix = os.urandom(16), os.urandom(7)
    aead = AESGCM(_copy_key(key.key, copy_salt))
    header = MAGIC + key.params + copy_salt + prefix
    target.write(header)
    with source.open("rb") as fh:
        index = 0
        chunk = fh.read(CHUNK)
        while True:
            following = fh.read(CHUNK)
            last = not following
            sealed = aead.encrypt(_nonce(prefix, index, last), chunk, header)
            target.write(struct.pack(">I", len(sealed)) + sealed)
            if last:
                break
            chunk, index = following, index + 1


def _v2_key(header: bytes, key: ShopKey | None, passphrase: str | None) -> ShopKey:
    salt = header[8:24]
    log2_n, r, p = header[24], header[25], header[26]
    if passphrase is not None:  # a restore on any PC: the passphrase and the header are enough
        if not (10 <= log2_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
            raise _unreadable("parameter kunci tidak dikenal", "unknown key parameters")
        return ShopKey(salt, log2_n, r, p, _scrypt(passphrase, salt, log2_n, r, p))
    if key is None:
        raise StorageError("offsite_key_missing")
    if not hmac.compare_digest(key.params, header[8:27]):
        raise _unreadable(
            "kata sandi salah: salinan ini disegel dengan kata sandi lain (buka dengan kata sandinya: "
            "kkmp-pos db restore --from-offsite)",
            "wrong passphrase: this copy was sealed with another passphrase (open it with that "
            "passphrase: kkmp-pos db restore --from-offsite)",
        )
    return key


def decrypt_file(
    source: BinaryIO, target: Path, *, key: ShopKey | None = None, passphrase: str | None = None
) -> ShopKey | None:
    """Open a sealed copy into `target` with the shop's kept key or, on any PC, its passphrase;
    StorageError('offsite_copy_unreadable') if the passphrase is wrong or the copy was changed, cut
    short or is not ours. Returns the shop's key the copy was sealed with (None for a KKMPBAK1 copy):
    a restore on a new PC keeps it, so the next copies are sealed as before."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    shop_key: ShopKey | None = None
    magic = source.read(8)
    if magic == MAGIC:
        header = magic + source.read(_V2_HEADER - 8)
        if len(header) != _V2_HEADER:
            raise _unreadable("salinan terpotong", "cut short")
        found = _v2_key(header, key, passphrase)
        aead = AESGCM(_copy_key(found.key, header[27:43]))
        prefix, shop_key = header[43:], found
    elif magic == MAGIC_V1:
        header = magic + source.read(_V1_HEADER - 8)
        if len(header) != _V1_HEADER:
            raise _unreadable("salinan terpotong", "cut short")
        if passphrase is None:
            raise _unreadable(
                "salinan versi lama: buka dengan kata sandinya (kkmp-pos db restore --from-offsite)",
                "an older copy: open it with its passphrase (kkmp-pos db restore --from-offsite)",
            )
        aead = AESGCM(_scrypt(passphrase, header[8:24], SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
        prefix = header[24:]
    else:
        raise _unreadable("bukan salinan KKMP POS", "not ours")
    with target.open("wb") as out:
        index, finished = 0, False
        while not finished:
            size_bytes = source.read(4)
            if len(size_bytes) != 4:
                raise _unreadable("salinan terpotong", "cut short")
            (size,) = struct.unpack(">I", size_bytes)
            sealed = source.read(size)
            try:
                try:
                    plain = aead.decrypt(_nonce(prefix, index, False), sealed, header)
                except InvalidTag:
                    plain = aead.decrypt(_nonce(prefix, index, True), sealed, header)
                    finished = True
            except InvalidTag:
                raise _unreadable(
                    "kata sandi salah atau salinan rusak", "wrong passphrase or a damaged copy"
                ) from None
            out.write(plain)
            index += 1
        if source.read(1):
            raise _unreadable("data asing setelah akhir", "trailing data")
    return shop_key
