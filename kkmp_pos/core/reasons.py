"""Reasons in both languages for failures whose own text is English (the OS, SQLite, libraries).

A message takes `reason` in Bahasa Indonesia and `reason_en` in English (see core.messages.render),
so each helper returns a pair `(Bahasa Indonesia, English)`. Texts we cannot translate (an unknown
library error) are kept verbatim after an Indonesian lead-in: a technician still needs them.
"""

from __future__ import annotations

import errno

Reason = tuple[str, str]  # (Bahasa Indonesia, English)

# errno -> (Bahasa Indonesia, English); the common ones a shop meets with printers, files and networks.
_ERRNO: dict[int, Reason] = {
    errno.ENOENT: ("berkas atau perangkat tidak ada", "no such file or device"),
    errno.ENODEV: ("perangkat tidak ada", "no such device"),
    errno.ENXIO: ("perangkat tidak ada atau tidak terpasang", "no such device or address"),
    errno.EBUSY: ("perangkat sedang dipakai program lain", "the device is busy (used by another program)"),
    errno.EIO: ("gangguan baca/tulis pada perangkat", "input/output error"),
    errno.ENOSPC: ("disk penuh", "no space left on the disk"),
    errno.EROFS: ("disk hanya bisa dibaca", "the disk is read-only"),
    errno.EISDIR: ("itu folder, bukan berkas", "it is a folder, not a file"),
    errno.ENOTDIR: ("sebagian jalurnya bukan folder", "a part of the path is not a folder"),
    errno.EEXIST: (
        "sudah ada berkas bernama itu, bukan folder",
        "a file of that name is in the way of a folder",
    ),
    errno.ENAMETOOLONG: ("nama berkas terlalu panjang", "the file name is too long"),
    errno.EHOSTUNREACH: ("alamat tidak terjangkau dari jaringan ini", "no route to the host"),
    errno.ENETUNREACH: ("jaringan tidak terjangkau (kabel/Wi-Fi putus?)", "the network is unreachable"),
    errno.ECONNRESET: ("sambungan diputus oleh perangkat", "the connection was reset"),
    errno.EPIPE: ("sambungan terputus saat mengirim", "the connection broke while sending"),
}


def foreign_reason(text: str) -> Reason:
    """A text we cannot translate, kept for the technician after an Indonesian lead-in."""
    text = text.strip() or "?"
    return f"kesalahan teknis ({text})", text


def os_error_reason(exc: BaseException) -> Reason:
    """Why an OS-level call failed, for a cashier: refused, timed out, no access, no such device ..."""
    if isinstance(exc, TimeoutError):
        return "tidak ada jawaban (waktu habis)", "no response (timed out)"
    if isinstance(exc, ConnectionRefusedError):
        return "sambungan ditolak", "connection refused"
    if isinstance(exc, PermissionError):
        return "akses ditolak", "permission denied"
    code = getattr(exc, "errno", None)
    if isinstance(code, int) and code in _ERRNO:
        return _ERRNO[code]
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return foreign_reason(text)


def sqlite_reason(text: str) -> Reason:
    """What SQLite's (English) complaint about a database file means."""
    lowered = text.lower()
    if "not a database" in lowered or "not an sqlite database" in lowered:
        return "bukan berkas database", text
    if "malformed" in lowered or "corrupt" in lowered:
        return f"isi berkas rusak ({text})", text
    if "newer schema" in lowered:
        return "dibuat oleh versi aplikasi yang lebih baru", text
    if "unique constraint" in lowered:
        return f"data ganda: sudah dipakai data lain ({text})", text
    if "disk i/o" in lowered:
        return "gangguan baca/tulis disk", text
    return foreign_reason(text)
