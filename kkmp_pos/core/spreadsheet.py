"""Cells that are safe to open: every CSV or XLSX the project writes passes its values through here.

A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`,
`=cmd|...`), and a leading tab or carriage return can hide one. Following OWASP's advice on CSV
injection, such a text cell gets a single quote in front, so it shows as the text it is. Numbers stay
numbers: an `int` is returned as is (a number cell in XLSX), and a text that is just a number (`-5`,
`+62`, `-1,25`) cannot be a formula and is left alone, so it stays an unquoted number in CSV.
Importing reverses it (`unquote_cell`), so an export imports back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def safe_cell(value: Any) -> Any:
    """`value` as a cell a spreadsheet shows and never runs."""
    if isinstance(value, bool | int | float | Decimal) or value is None:
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def unquote_cell(text: str) -> str:
    """An imported cell as it was before `safe_cell` quoted it."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
