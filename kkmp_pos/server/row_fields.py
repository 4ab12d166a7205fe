"""Readers for the fields of a row the server owns (a product, price, ceiling or member), however it
came: the admin API, a CSV/XLSX import, or a till's event. Each names the field it refuses and why.

Numbers are bounded like the event contract's (`core/event_fields.MAX_SAFE_INT`), so whatever the
server stores, a till can apply and a report can add up; text is checked like every stored string
(`core/safe_json.text_problem`: no NUL, no lone surrogate, a length limit).
"""

from __future__ import annotations

from typing import Any

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.event_fields import MAX_SAFE_INT
from kkmp_pos.core.safe_json import text_problem

MAX_AMOUNT = MAX_SAFE_INT  # rupiah and milli-units


class RowError(ValidationError):
    """One imported or posted row is wrong: `field` and `reason` say why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__("server_row_invalid", field=field, reason=reason)
        self.field = field
        self.reason = reason


def text(row: dict[str, Any], name: str, required: bool = True, max_len: int = 200) -> str:
    """A string (a spreadsheet's number is taken as its digits), stripped; '' when optional and absent."""
    value = row.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(name, "is required")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RowError(name, "must be text")
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # spreadsheets turn codes like 8991 into 8991.0
    value = str(value).strip()
    if len(value) > max_len:
        raise RowError(name, f"longer than {max_len} characters")
    problem = text_problem(value)
    if problem:
        raise RowError(name, problem)
    return value


def whole(row: dict[str, Any], name: str, minimum: int = 0, maximum: int = MAX_AMOUNT, at: str = "") -> int:
    """A whole number within [minimum, maximum]; '12' and 12.0 (a spreadsheet's) count as 12."""
    value = row.get(name)
    if isinstance(value, bool):
        raise RowError(at + name, "must be a whole number")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value.strip()) <= 20:
        value = int(value.strip())
    if not isinstance(value, int):
        raise RowError(at + name, "must be a whole number")
    if value < minimum:
        raise RowError(at + name, f"must be at least {minimum}")
    if value > maximum:
        raise RowError(at + name, f"must be at most {maximum}")
    return value


def flag(row: dict[str, Any], name: str, default: bool = True) -> bool:
    value = row.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    text_value = str(value).strip().lower()
    if text_value in ("1", "true", "yes", "ya", "y", "aktif", "active"):
        return True
    if text_value in ("0", "false", "no", "tidak", "n", "nonaktif", "inactive"):
        return False
    raise RowError(name, "must be yes or no")
