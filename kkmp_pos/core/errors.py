"""The one exception hierarchy below the GUI: a code plus parameters, turned into words by messages."""

from __future__ import annotations

from typing import Any


class KkmpError(Exception):
    """A failure the user can act on. `code` picks the message; `params` fill it in."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code if not params else f"{code} {params}")

    def message(self, lang: str = "id") -> str:
        from kkmp_pos.core.messages import render

        return render(self.code, self.params, lang)


class ValidationError(KkmpError):
    """Input that is wrong: nothing was changed."""


class NotFoundError(KkmpError):
    """A barcode, member, receipt or record that does not exist."""


class PermissionDenied(KkmpError):
    """The acting user may not do this (enforced in services, whatever the GUI shows)."""


class StateError(KkmpError):
    """A move that the document's current state does not allow."""


class DeviceError(KkmpError):
    """A printer, drawer or scale that did not do what was asked."""


class StorageError(KkmpError):
    """The database file is damaged, locked, missing or the disk is full."""


class SyncError(KkmpError):
    """The central server could not be reached or refused the request."""


class SettingError(KkmpError):
    """A stored setting whose value does not have its declared type (a damaged or hand-edited row)."""
