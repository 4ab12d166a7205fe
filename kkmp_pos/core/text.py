"""Folding text for search: lower case without accents, and the words a name is found by.

The word index (`product_word`) holds, for each name, code, barcode and alias of a product:
- each word, with runs of one letter squeezed ("apple" → "aple"), so "minyak kita" and "MinyaKita"
  meet at "minyakita";
- marked with JOINED ("~"), each run of following words joined ("gula pasir" → "~gulapasir"), so a
  name typed as one word finds one written as two;
- marked with SKELETON ("#"), each word's consonant skeleton ("pasir" → "#psr"), so the shop's
  shorthand "gula psr" finds it.
A typed word matches when it is a prefix of an index word (`search_key` folds it the same way). The
marks keep the extra rows out of a plain word's range scan: a 2-letter prefix reads no more rows than
before, and the marked rows are read only for a query that looks joined or abbreviated.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[0-9a-z]+")
_RUN = re.compile(r"([a-z])\1+")
_VOWELS = re.compile(r"[aeiou]")
MAX_SEARCH_TEXT = 100  # longer typed text is cut: no name is that long, and LIKE patterns have a limit
_MAX_JOINED = 40  # index words longer than this help no one and bloat the index
JOINED = "~"
SKELETON = "#"


def fold(text: str) -> str:
    """Lower-case and strip accents so 'Gula Pasir' matches 'gula pa'."""
    normal = unicodedata.normalize("NFKD", text)
    return "".join(c for c in normal if not unicodedata.combining(c)).lower()


def words_of(*texts: str) -> set[str]:
    """The plain words of some texts, folded."""
    found: set[str] = set()
    for text in texts:
        found.update(_WORD.findall(fold(text)))
    return found


def search_key(word: str) -> str:
    """A folded word as the index stores it: runs of one letter squeezed ("kk" → "k")."""
    return _RUN.sub(r"\1", word)


def joined_key(text: str) -> str:
    """All the words of a text joined and squeezed: "minyak kita" → "minyakita"."""
    return search_key("".join(_WORD.findall(fold(text))))[:_MAX_JOINED]


def _skeleton(word: str) -> str:
    return word[0] + _VOWELS.sub("", word[1:])


def looks_abbreviated(word: str) -> bool:
    """A typed word with no vowel after its first letter ("psr", "grng"): maybe a skeleton."""
    return word.isalpha() and len(word) >= 2 and _skeleton(word) == word


def index_words(*texts: str) -> set[str]:
    """What the word-prefix index stores for a product's name, code, barcodes and aliases."""
    found: set[str] = set()
    for text in texts:
        words = [search_key(w) for w in _WORD.findall(fold(text))]
        found.update(words)
        for start in range(len(words) - 1):
            found.add(JOINED + search_key("".join(words[start:]))[:_MAX_JOINED])
        found.update(SKELETON + _skeleton(w) for w in words if w.isalpha() and len(w) > 2)
    return found


def alias_list(aliases: str) -> list[str]:
    """A product's aliases as the manager typed them, comma or line separated."""
    return [a.strip() for a in re.split(r"[,;\n]", aliases) if a.strip()]
