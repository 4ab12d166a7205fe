"""Reasons from the OS and SQLite reach the cashier in Bahasa Indonesia, with the English kept."""

from __future__ import annotations

import errno

from kkmp_pos.core.errors import DeviceError, StorageError
from kkmp_pos.core.reasons import foreign_reason, os_error_reason, sqlite_reason


def test_common_os_errors_have_indonesian_reasons() -> None:
    assert os_error_reason(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")) == (
        "sambungan ditolak",
        "connection refused",
    )
    assert os_error_reason(TimeoutError())[0] == "tidak ada jawaban (waktu habis)"
    assert os_error_reason(PermissionError(errno.EACCES, "Permission denied"))[0] == "akses ditolak"
    assert (
        os_error_reason(FileNotFoundError(errno.ENOENT, "No such file"))[0]
        == "berkas atau perangkat tidak ada"
    )
    assert os_error_reason(OSError(errno.EBUSY, "Device or resource busy"))[0].startswith("perangkat sedang")


def test_an_untranslatable_text_is_kept_after_an_indonesian_lead_in() -> None:
    indonesian, english = os_error_reason(OSError(9999, "Weird driver failure"))
    assert indonesian == "kesalahan teknis (Weird driver failure)"
    assert english == "Weird driver failure"
    assert foreign_reason("  ") == ("kesalahan teknis (?)", "?")


def test_sqlite_complaints_are_explained() -> None:
    assert sqlite_reason("file is not a database")[0] == "bukan berkas database"
    assert sqlite_reason("database disk image is malformed")[0].startswith("isi berkas rusak")
    assert sqlite_reason("UNIQUE constraint failed: barcode.code")[0].startswith("data ganda")
    assert sqlite_reason("newer schema") == ("dibuat oleh versi aplikasi yang lebih baru", "newer schema")


def test_messages_show_one_language_each() -> None:
    reason_id, reason_en = os_error_reason(ConnectionRefusedError(errno.ECONNREFUSED, "refused"))
    err = DeviceError("printer_unreachable", reason=reason_id, reason_en=reason_en)
    assert "sambungan ditolak" in err.message("id") and "refused" not in err.message("id")
    assert "connection refused" in err.message("en") and "ditolak" not in err.message("en")
    detail_id, detail_en = sqlite_reason("file is not a database")
    damaged = StorageError("db_damaged", path="kkmp.db", detail=detail_id, detail_en=detail_en)
    assert "bukan berkas database" in damaged.message("id")
    assert "file is not a database" in damaged.message("en")
