"""Search-as-you-type over the product catalog through the word-prefix index.

Order: exact code or barcode; names that start with the text; then the other products with every typed
word a prefix of one of their words — within each group the most sold in 30 days first, then by name.

A 2-letter prefix matches a quarter of a 100,000-product catalog, so the ranking is not left to one SQL
ORDER BY over every match (tens of ms per keystroke): the matching ids come from index range scans, and
the best-selling order comes from a ranking of the products sold in 30 days that is cached for five minutes
(a sale moves a product a little; the search need not see it at once).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.core.text import (
    JOINED,
    MAX_SEARCH_TEXT,
    SKELETON,
    fold,
    joined_key,
    looks_abbreviated,
    search_key,
    words_of,
)
from kkmp_pos.db.models import BarcodeModel, ProductModel, ProductPopularityModel
from kkmp_pos.services.selling.priced_items import item_from

RANK_TTL_S = 300.0
_ranks: dict[str, tuple[float, dict[int, int]]] = {}


def _upper_bound(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def popularity_rank() -> dict[int, int]:
    """product id → place in the 30-day best sellers (0 = most sold; ties by name), cached briefly."""
    key = str(ProductModel._meta.database.database)
    cached = _ranks.get(key)
    now = time.monotonic()
    if cached is not None and now - cached[0] < RANK_TTL_S:
        return cached[1]
    rows = (
        ProductPopularityModel.select(ProductPopularityModel.product)
        .join(ProductModel)
        .where(ProductPopularityModel.sold_30d_milli > 0)
        .order_by(ProductPopularityModel.sold_30d_milli.desc(), ProductModel.search_text)
        .tuples()
    )
    rank = {product_id: place for place, (product_id,) in enumerate(rows)}
    _ranks[key] = (now, rank)
    return rank


def forget_popularity_rank() -> None:
    """Drop the cached ranking (after a popularity refresh, or in tests that change sales)."""
    _ranks.clear()


def _ids(sql: str, params: tuple[object, ...]) -> list[int]:
    # Plain cursor rows: a 2-letter prefix yields ~25,000 ids, too many for per-row model objects.
    return [row[0] for row in ProductModel._meta.database.execute_sql(sql, params).fetchall()]


def _prefixed(word: str) -> set[int]:
    """Products with an index word starting with `word` (one index range scan)."""
    sql = "SELECT product_id FROM product_word WHERE word >= ? AND word < ?"
    return set(_ids(sql, (word, _upper_bound(word))))


def _word_matches(words: list[str]) -> set[int]:
    """Products with every typed word a prefix of one of their words, or of a word's consonant
    skeleton when the typed word has no vowels ("psr" for "pasir")."""
    matched: set[int] | None = None
    for word in words:  # longest first: the smallest set first
        ids = _prefixed(word)
        if looks_abbreviated(word):
            ids |= _prefixed(SKELETON + word)
        matched = ids if matched is None else matched & ids
        if not matched:
            return set()
    return matched or set()


def _ranked(ids: Iterable[int], rank: dict[int, int]) -> list[int]:
    return sorted((i for i in ids if i in rank), key=rank.__getitem__)


def _fetch_active(
    ids: list[int], found: list[ProductModel], seen: set[int], limit: int, inactive: bool = False
) -> None:
    """Append the active products of `ids` (all of them with `inactive`), in order, until `limit`."""
    for start in range(0, len(ids), 100):
        if len(found) >= limit:
            return
        chunk = [i for i in ids[start : start + 100] if i not in seen]
        if not chunk:
            continue
        rows = {p.id: p for p in ProductModel.select().where(ProductModel.id.in_(chunk))}
        for product_id in chunk:
            product = rows.get(product_id)
            if product is not None and (product.active or inactive) and len(found) < limit:
                seen.add(product_id)
                found.append(product)


def search_products(text: str, limit: int = 50, include_inactive: bool = False) -> list[PricedItem]:
    """The search list; `include_inactive` searches the whole catalog (after an empty result)."""
    text = text[:MAX_SEARCH_TEXT]
    query = fold(text).strip()
    typed = sorted(words_of(query), key=len, reverse=True)
    words = sorted({search_key(w) for w in typed}, key=len, reverse=True)
    if not words:
        return []
    found: list[ProductModel] = []
    seen: set[int] = set()
    compact = query.replace(" ", "")
    # 1. exact product code or barcode
    exact = [p.id for p in ProductModel.select(ProductModel.id).where(ProductModel.code == text.strip())]
    barcode = BarcodeModel.get_or_none(BarcodeModel.code == compact)
    if barcode is not None:
        exact.append(barcode.product_id)
    _fetch_active(exact, found, seen, limit, include_inactive)
    # 2. names that start with the text (all of them match every word), then the other word-prefix
    # matches — computed only when the first group leaves room; best sellers first in each group.
    rank = popularity_rank()
    starts = _ids(
        "SELECT id FROM product WHERE search_text >= ? AND search_text < ? ORDER BY search_text",
        (query, _upper_bound(query)),
    )
    _fetch_active(_ranked(starts, rank), found, seen, limit, include_inactive)
    _fetch_active([pid for pid in starts if pid not in rank], found, seen, limit, include_inactive)
    if len(found) < limit:
        others = _word_matches(words)
        joined = joined_key(query)
        if len(typed) > 1:  # "minyak kita" typed for MinyaKita: the words joined
            others |= _prefixed(joined)
        if len(joined) >= 4:  # "minyakita" typed for "Minyak Kita": a run of words joined
            others |= _prefixed(JOINED + joined)
        others -= set(starts)
        _fetch_active(_ranked(others, rank), found, seen, limit, include_inactive)
        if len(found) < limit:
            rest = [pid for pid in others if pid not in rank and pid not in seen]
            _fetch_active(
                _by_name(rest, limit - len(found), include_inactive), found, seen, limit, include_inactive
            )
    # 3. barcode prefixes for digits typed by hand
    if compact.isdigit() and len(found) < limit and len(compact) >= 3:
        by_barcode = (
            ProductModel.select(ProductModel.id)
            .join(BarcodeModel)
            .where((BarcodeModel.code >= compact) & (BarcodeModel.code < _upper_bound(compact)))
            .limit(limit)
            .tuples()
        )
        _fetch_active([pid for (pid,) in by_barcode], found, seen, limit, include_inactive)
    return [item_from(p) for p in found]


def _by_name(ids: list[int], count: int, inactive: bool = False) -> list[int]:
    """The first `count` active products of `ids` by name (the least sold tail of a match)."""
    if not ids:
        return []
    out: list[int] = []
    for start in range(0, len(ids), 5000):  # SQLite's bound-parameter limit, with room
        chunk = ids[start : start + 5000]
        out.extend(
            pid
            for (pid,) in ProductModel.select(ProductModel.id)
            .where(ProductModel.id.in_(chunk) & ((ProductModel.active == True) | inactive))  # noqa: E712
            .order_by(ProductModel.search_text)
            .limit(count)
            .tuples()
        )
    if len(ids) <= 5000:
        return out
    names = dict(
        ProductModel.select(ProductModel.id, ProductModel.search_text)
        .where(ProductModel.id.in_(out))
        .tuples()
    )
    return sorted(out, key=lambda pid: names.get(pid, ""))[:count]
