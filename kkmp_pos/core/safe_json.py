"""What any JSON value must be before it is stored: text a database can hold, numbers that fit, bounded
nesting. One walk, shared by every way data enters the server (pushed events, admin API bodies,
imported rows), so each refuses the same things in the same words.

The checks are the ones a database or a driver would otherwise trip on, with a 5xx: PostgreSQL refuses
a NUL character in text, no UTF-8 encoder takes a lone surrogate (which JSON's `\\ud800` escape can
produce), a 64-bit column refuses a larger integer, and deeply nested data exhausts the recursion of
every JSON encoder on the way. Pure: no I/O.
"""

from __future__ import annotations

import math
from typing import Any

MAX_INT64 = 2**63 - 1
MAX_DEPTH = 16  # objects and lists within one pushed event or one posted row
MAX_STRING = 10_000  # characters in any one string (the contract bounds each known field tighter)


def text_problem(value: str, max_len: int = MAX_STRING) -> str | None:
    """Why `value` cannot be stored as text, or None: a NUL, a lone surrogate, or too long."""
    if len(value) > max_len:
        return f"is longer than {max_len} characters"
    if "\x00" in value:
        return "contains a NUL character"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "is not valid UTF-8 text (a lone surrogate)"
    return None


def problem(value: Any, max_depth: int = MAX_DEPTH, at: str = "") -> tuple[str, str] | None:
    """The first place in `value` that cannot be stored, as (path, reason), or None.

    The path reads like the contract's field names: `lines[2].name`, `payload.units[0]`. A walk with
    its own stack, so a value nested too deep is refused rather than exhausting Python's recursion.
    Almost every value is clean: a quick walk that builds no paths says so, and only a value it
    doubts is walked again to name the place.
    """
    if _clean(value, max_depth):
        return None
    return _first_problem(value, max_depth, at)


def _clean(value: Any, max_depth: int) -> bool:
    """True when nothing in `value` needs a closer look (the same rules as `_first_problem`)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        item, depth = pop()
        kind = type(item)
        if kind is dict:
            if depth >= max_depth:
                return False
            for key, child in item.items():
                # the keys and text leaves are most of a value: the common case inline, no call
                if type(key) is not str:
                    return False
                if not (len(key) <= 200 and "\x00" not in key and key.isascii()) and text_problem(key, 200):
                    return False
                ckind = type(child)
                if ckind is str:
                    quick = len(child) <= MAX_STRING and "\x00" not in child and child.isascii()
                    if not quick and text_problem(child) is not None:
                        return False
                elif ckind in _SCALARS:
                    if not _scalar_ok(child):
                        return False
                else:
                    push((child, depth + 1))
        elif kind is list:
            if depth >= max_depth:
                return False
            for child in item:
                push((child, depth + 1))
        elif kind not in _SCALARS or not _scalar_ok(item):
            return False
    return True


def _plain(text: str, max_len: int = MAX_STRING) -> bool:
    quick = len(text) <= max_len and "\x00" not in text and text.isascii()
    return quick or text_problem(text, max_len) is None


def _scalar_ok(item: Any) -> bool:
    kind = type(item)
    if kind is str:
        return _plain(item)
    if kind is int:
        return -MAX_INT64 - 1 <= item <= MAX_INT64
    if kind is float:
        return math.isfinite(item)
    return True  # None or a bool


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _first_problem(value: Any, max_depth: int, at: str) -> tuple[str, str] | None:
    stack: list[tuple[Any, str, int]] = [(value, at, 0)]
    while stack:
        item, path, depth = stack.pop()
        kind = type(item)
        if kind is str:
            reason = text_problem(item)
            if reason:
                return path or "value", reason
        elif kind is int:
            if not -MAX_INT64 - 1 <= item <= MAX_INT64:
                return path or "value", "is an integer beyond 64 bits"
        elif kind is float:
            if not math.isfinite(item):
                return path or "value", "is not a finite number"
        elif kind is dict or kind is list:
            if depth >= max_depth:
                return path or "value", f"is nested deeper than {max_depth} levels"
            if kind is dict:
                for key, child in item.items():
                    if type(key) is not str:
                        return path or "value", "has a key that is not text"
                    reason = text_problem(key, 200)
                    if reason:
                        return _join(path, printable(key)[:80]), f"(a key) {reason}"
                    stack.append((child, _join(path, key), depth + 1))
            else:
                for index, child in enumerate(item):
                    stack.append((child, f"{path}[{index}]", depth + 1))
        elif item is not None and kind is not bool:
            return path or "value", f"must be JSON, not {kind.__name__}"
    return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def printable(text: str) -> str:
    """`text` made safe to echo back in an answer or a log: NULs and lone surrogates escaped."""
    if text.isascii() and "\x00" not in text:
        return text
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return safe.replace("\x00", "\\x00")
