"""Readers for event payload fields: each checks one field's type and names it when it is wrong.

The event contract (`core/events.py`) reads every payload through these, on the till and on the
server, so both refuse the same things with the same words. Money is an `int` of rupiah: a float or a
bool is refused, never rounded. Quantities are `int` milli-units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kkmp_pos.core.errors import ValidationError

# Every number an event carries (rupiah, milli-units, counts): a trillion, far above any village
# shop's sale and below 2**53, where JSON numbers lose precision on the way. Bounded this low so the
# server's sums (a store's day in the report) cannot overflow a 64-bit integer either.
MAX_SAFE_INT = 10**12
MAX_ID = 64  # ids, codes, methods: what the server's key columns hold
MAX_TEXT = 2000  # names, reasons, notes

_MISSING: Any = object()
REQUIRED: Any = _MISSING  # as a reader's default: the field must be there


class EventError(ValidationError):
    """A payload that breaks the event contract; `field` says where (`lines[2].qty_milli`), `reason` what.

    `reason` is English: the server sends it back to the till as the quarantine reason.
    """

    def __init__(self, field: str, reason: str) -> None:
        super().__init__("event_invalid", field=field, reason=reason)
        self.field = field
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.field} {self.reason}"


def where(prefix: str, name: str) -> str:
    return f"{prefix}{name}"


def pick(obj: dict[str, Any], *names: str) -> str | None:
    """The first of `names` present in `obj` (older payloads used other names for some fields)."""
    for name in names:
        if name in obj:
            return name
    return None


# Each reader returns at once when the value is right (the common case, on every line of every sale the
# server ingests) and works out what is wrong only when it is not.


def integer(
    obj: dict[str, Any], name: str, at: str = "", *, signed: bool = True, default: Any = _MISSING
) -> int:
    """A whole number (milli-units, counts, ids). Floats and bools are refused."""
    value = obj.get(name, _MISSING)
    if type(value) is int and -MAX_SAFE_INT <= value <= MAX_SAFE_INT and (signed or value >= 0):
        return value
    return _not_an_int(value, at + name, default, "must be an integer")


def rp(obj: dict[str, Any], name: str, at: str = "", *, signed: bool = True, default: Any = _MISSING) -> int:
    """An amount of rupiah: an integer, never a float (IDR has no minor unit)."""
    value = obj.get(name, _MISSING)
    if type(value) is int and -MAX_SAFE_INT <= value <= MAX_SAFE_INT and (signed or value >= 0):
        return value
    return _not_an_int(value, at + name, default, "must be an integer number of rupiah")


def _not_an_int(value: Any, field: str, default: Any, message: str) -> Any:
    if value is _MISSING:
        if default is _MISSING:
            raise EventError(field, "is missing")
        return default
    if type(value) is not int:
        raise EventError(field, message)
    if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
        raise EventError(field, f"must be between {-MAX_SAFE_INT} and {MAX_SAFE_INT}")
    raise EventError(field, "must not be negative")


def optional_int(obj: dict[str, Any], name: str, at: str = "") -> int | None:
    if obj.get(name) is None:
        return None
    return integer(obj, name, at)


def text(
    obj: dict[str, Any], name: str, at: str = "", *, default: Any = _MISSING, max_len: int = MAX_TEXT
) -> str:
    """A string; a number is taken as its digits (older tills and imports sent ids as numbers)."""
    value = obj.get(name)
    if type(value) is str and len(value) <= max_len:
        return value
    if value is None:
        if default is _MISSING:
            raise EventError(at + name, "is missing")
        return default  # type: ignore[no-any-return]
    if type(value) is int:
        return str(value)
    if not isinstance(value, str):
        raise EventError(at + name, "must be a string")
    raise EventError(at + name, "is too long")


def required_text(obj: dict[str, Any], name: str, at: str = "", max_len: int = MAX_ID) -> str:
    """A non-empty string (an id, a code, a name)."""
    value = text(obj, name, at, default="", max_len=max_len)
    if not value:
        raise EventError(at + name, "is missing")
    return value


def optional_text(obj: dict[str, Any], name: str, at: str = "", max_len: int = MAX_TEXT) -> str | None:
    value = obj.get(name)
    if value is None or (type(value) is str and len(value) <= max_len):
        return value
    return text(obj, name, at, max_len=max_len)


def flag(obj: dict[str, Any], name: str, at: str = "", *, default: Any = _MISSING) -> bool:
    value = obj.get(name, _MISSING)
    if type(value) is bool:
        return value
    if value is _MISSING:
        if default is _MISSING:
            raise EventError(at + name, "is missing")
        return default  # type: ignore[no-any-return]
    raise EventError(at + name, "must be true or false")


def product_ref(obj: dict[str, Any], name: str, at: str = "") -> int | str:
    """A product as the till names it: its local integer id (or a server id string)."""
    value = obj.get(name)
    if type(value) is int:
        return value
    if isinstance(value, str) and value:
        if len(value) > MAX_ID:
            raise EventError(at + name, "is too long")
        return value
    raise EventError(at + name, "is missing")


def objects(obj: dict[str, Any], name: str, at: str = "") -> list[dict[str, Any]]:
    """A list of JSON objects; missing means empty."""
    value = obj.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise EventError(at + name, "must be a list of objects")
    return value


def mapping(obj: dict[str, Any], name: str, at: str = "") -> dict[str, Any]:
    """A free-form JSON object (denomination counts, details); missing means empty."""
    value = obj.get(name) or {}
    if not isinstance(value, dict):
        raise EventError(at + name, "must be an object")
    return value


def counts(obj: dict[str, Any], name: str, at: str = "") -> dict[str, int]:
    """Notes and coins counted: denomination (as text) -> how many."""
    value = mapping(obj, name, at)
    for key, number in value.items():
        if type(number) is not int:
            raise EventError(f"{at}{name}.{key}", "must be an integer")
    return value


# Plain loops rather than all(...): these run for every line of every sale the server ingests.
def all_ints(*values: Any) -> bool:
    """All whole numbers within the JSON-safe range (bools and floats are not)."""
    for value in values:  # noqa: SIM110
        if type(value) is not int or not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            return False
    return True


def all_texts(*values: Any) -> bool:
    """All strings of at most MAX_TEXT characters."""
    for value in values:  # noqa: SIM110
        if type(value) is not str or len(value) > MAX_TEXT:
            return False
    return True


def texts_or_none(*values: Any) -> bool:
    """Each None or a string of at most MAX_TEXT characters."""
    for value in values:
        if value is not None and (type(value) is not str or len(value) > MAX_TEXT):
            return False
    return True


def is_product_ref(value: Any) -> bool:
    """What product_ref() accepts."""
    return type(value) is int or (type(value) is str and 0 < len(value) <= MAX_ID)


@dataclass(frozen=True, slots=True)
class Person:
    """A user named in an event: id and, where the event carries it, the name."""

    id: int | str | None
    name: str | None = None

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.name is not None:
            out["name"] = self.name
        return out

    @property
    def label(self) -> str:
        """The name, else the id (what a report shows)."""
        return self.name or ("" if self.id is None else str(self.id))

    @classmethod
    def read(cls, obj: dict[str, Any], name: str, at: str = "") -> Person | None:
        """A person object; a bare string (older hand-made payloads) is a name; an id alone is an id."""
        value = obj.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            return cls(None, value[:MAX_TEXT])
        if type(value) is int:
            return cls(value)
        if not isinstance(value, dict):
            raise EventError(at + name, "must be an object")
        pid = value.get("id")
        if pid is not None and type(pid) is not int and not isinstance(pid, str):
            raise EventError(f"{at}{name}.id", "must be an integer or a string")
        return cls(pid, optional_text(value, "name", f"{at}{name}."))
