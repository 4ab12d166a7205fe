"""Folding text for search: lower case without accents, and the words a name is found by."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case and strip accents so 'Gula Pasir' matches 'gula pa'."""
    normal = unicodedata.normalize("NFKD", text)
    return "".join(c for c in normal if not unicodedata.combining(c)).lower()


def words_of(*texts: str) -> set[str]:
    """The words of a product's name, code and barcodes, as the word-prefix index stores them."""
    found: set[str] = set()
    for text in texts:
        found.update(_WORD.findall(fold(text)))
    return found
