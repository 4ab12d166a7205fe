"""The shop's passphrase on a backup that leaves the PC: AES-256-GCM in 1 MiB chunks, key from scrypt.

A backup can be gigabytes, so it is sealed chunk by chunk (never all in memory). Each chunk's nonce is
a random prefix plus the chunk's number and a last-chunk flag, so chunks cannot be reordered, dropped or
the copy cut short without the check failing. Layout:

    MAGIC (8) | salt (16) | nonce prefix (7) | { length (4, big-endian) | sealed chunk }*
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import BinaryIO

from kkmp_pos.core.errors import StorageError

MAGIC = b"KKMPBAK1"
CHUNK = 1 << 20
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1  # ~32 MiB and a fraction of a second on a till PC
_HEADER = len(MAGIC) + 16 + 7


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode())


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


def require_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise StorageError("offsite_passphrase_short")


def encrypt_file(source: Path, target: BinaryIO, passphrase: str) -> None:
    """Seal `source` into the open binary `target` with the shop's passphrase."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    require_passphrase(passphrase)
    salt, prefix = os.urandom(16), os.urandom(7)
    aead = AESGCM(_key(passphrase, salt))
    header = MAGIC + salt + prefix
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


def decrypt_file(source: BinaryIO, target: Path, passphrase: str) -> None:
    """Open a sealed copy into `target`; StorageError('offsite_copy_unreadable') if the passphrase is
    wrong or the copy was changed, cut short or is not ours."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = source.read(_HEADER)
    if len(header) != _HEADER or not header.startswith(MAGIC):
        raise StorageError("offsite_copy_unreadable", reason="bukan salinan KKMP POS", reason_en="not ours")
    salt, prefix = header[len(MAGIC) : len(MAGIC) + 16], header[len(MAGIC) + 16 :]
    aead = AESGCM(_key(passphrase, salt))
    with target.open("wb") as out:
        index, finished = 0, False
        while not finished:
            size_bytes = source.read(4)
            if len(size_bytes) != 4:
                raise StorageError(
                    "offsite_copy_unreadable", reason="salinan terpotong", reason_en="cut short"
                )
            (size,) = struct.unpack(">I", size_bytes)
            sealed = source.read(size)
            try:
                try:
                    plain = aead.decrypt(_nonce(prefix, index, False), sealed, header)
                except InvalidTag:
                    plain = aead.decrypt(_nonce(prefix, index, True), sealed, header)
                    finished = True
            except InvalidTag:
                raise StorageError(
                    "offsite_copy_unreadable",
                    reason="kata sandi salah atau salinan rusak",
                    reason_en="wrong passphrase or a damaged copy",
                ) from None
            out.write(plain)
            index += 1
        if source.read(1):
            raise StorageError(
                "offsite_copy_unreadable", reason="data asing setelah akhir", reason_en="trailing data"
            )
