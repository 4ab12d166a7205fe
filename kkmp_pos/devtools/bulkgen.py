"""Large shops for benchmarks: the demo shop plus N generated products and M past sales, bulk-inserted.

The rows obey the same rules as the services' own writes (receipt numbers per terminal and day, one
outbox event per sale carrying its lines, payments and movements, on-hand caches equal to the ledger),
but go in through `executemany` in a few big transactions so 100,000 products and 200,000 sales build
in about a minute. Only for a fresh folder: it never touches an existing shop.
"""

from __future__ import annotations

import logging
import math
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.barcodes import make_ean13
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.events import MemberRef, Person, SaleCompleted, SaleLine, SalePayment, StockMovement
from kkmp_pos.core.money import round_cash
from kkmp_pos.core.text import fold, index_words
from kkmp_pos.core.timeutil import to_iso, utc_now
from kkmp_pos.db.ledger import MovementRow, record_movements
from kkmp_pos.db.models import (
    BarcodeModel,
    MemberModel,
    PaymentModel,
    PrintJobModel,
    ProductModel,
    ProductWordModel,
    SaleLineModel,
    SaleModel,
    UserModel,
)
from kkmp_pos.db.outbox import NewEvent, append_events
from kkmp_pos.devtools.bulkgen_rows import (
    JOB_COLUMNS,
    LINE_COLUMNS,
    PAYMENT_COLUMNS,
    PRODUCT_COLUMNS,
    SALE_COLUMNS,
    event_json,
    insert_sql,
    sale_rows,
    uuid7_at,
)
from kkmp_pos.devtools.bulkgen_words import BRANDS, KINDS, VARIANTS

log = logging.getLogger(__name__)

BARCODE_BASE = 500_000_000  # generated barcodes are 899 500000000+i: far from the demo's 899000001xxx
NOTES = (10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)
PENDING_TAIL = 5  # the newest events stay unacknowledged, as on a till that synced a moment ago
MAX_PER_DAY = 9_999  # receipt numbers have four digits per terminal and day


@dataclass(frozen=True)
class BulkStats:
    products: int
    sales: int
    lines: int
    days: int
    seconds: float


@dataclass(frozen=True)
class _Product:
    id: int
    code: str
    name: str
    unit: str
    regular_rp: int
    member_rp: int | None
    cost_rp: int  # per base unit: what each sale movement records as the cost at commit


def generate_large_shop(
    data_dir: Path | str,
    products: int = 100_000,
    past_sales: int = 200_000,
    *,
    seed: int = 20250817,
    days: int = 100,
    clock: Callable[[], datetime] = utc_now,
) -> BulkStats:
    """Create the demo shop in an empty `data_dir`, then add `products` products and `past_sales` sales."""
    import time as _time

    started = _time.perf_counter()
    data_dir = Path(data_dir)
    path = data_dir / DB_FILENAME
    if path.exists():
        raise ValidationError("bulk_shop_exists", path=str(path))
    if past_sales and not products:
        raise ValidationError("bulk_needs_products")
    days = max(days, math.ceil(past_sales / MAX_PER_DAY)) if past_sales else days
    rng = random.Random(seed)
    shop = _demo_shop_facts(data_dir, clock)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        # A fresh file that nobody else has open: no rollback journal on disk, no fsync, big cache.
        con.execute("PRAGMA journal_mode=memory")
        con.execute("PRAGMA synchronous=off")
        con.execute("PRAGMA foreign_keys=on")
        con.execute("PRAGMA cache_size=-400000")
        con.execute("BEGIN")
        catalog = _insert_products(con, shop, products, rng)
        con.execute("COMMIT")
        sold: dict[int, int] = {}
        line_count = _insert_sales(con, shop, catalog, past_sales, days, rng, sold)
        con.execute("BEGIN")
        _insert_opening_stock(con, shop, catalog, sold, days, rng)
        con.execute("COMMIT")
        con.execute("PRAGMA journal_mode=wal")
    finally:
        con.close()
    _refresh_derived(data_dir, clock)
    stats = BulkStats(products, past_sales, line_count, days, _time.perf_counter() - started)
    log.info("large shop in %s: %s", data_dir, stats)
    return stats


@dataclass
class _Shop:
    now: datetime
    tz: ZoneInfo
    store_code: str
    terminal_id: str
    terminal_code: str
    terminal_number: int
    cashiers: list[tuple[int, str]]
    members: list[tuple[str, str]]
    categories: dict[str, int]
    first_product_id: int
    vat_registered: bool
    ppn_percent: int


def _demo_shop_facts(data_dir: Path, clock: Callable[[], datetime]) -> _Shop:
    """Make the ordinary demo shop (no past sales) through the services, and note what we build on."""
    from kkmp_pos.app import open_till
    from kkmp_pos.services.stock.products import ProductService

    till = open_till(data_dir, demo=True, demo_days=0, clock=clock)
    try:
        ctx = till.ctx
        categories = {}
        with ctx.db.atomic():
            for kind in KINDS:
                categories[kind[1]] = ProductService(ctx).category(kind[1])
        terminal = ctx.terminal
        cashiers = [(u.id, u.name) for u in UserModel.select().where(UserModel.role == "kasir")]
        members = [
            (m.id, m.number)
            for m in MemberModel.select().where(MemberModel.status == "active").order_by(MemberModel.number)
        ]
        last = ProductModel.select(ProductModel.id).order_by(ProductModel.id.desc()).first()
        ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return _Shop(
            now=ctx.now(),
            tz=ZoneInfo(ctx.store.timezone),
            store_code=ctx.store.code,
            terminal_id=terminal.id,
            terminal_code=terminal.code,
            terminal_number=terminal.number,
            cashiers=cashiers,
            members=members,
            categories=categories,
            first_product_id=(last.id if last else 0) + 1,
            vat_registered=bool(ctx.store.vat_registered),
            ppn_percent=ctx.settings.tax_ppn_percent,
        )
    finally:
        till.close()
        # Hand the file over in rollback-journal mode so our connection may change it freely.
        con = sqlite3.connect(data_dir / DB_FILENAME)
        con.execute("PRAGMA journal_mode=delete")
        con.close()


def _insert_products(con: sqlite3.Connection, shop: _Shop, count: int, rng: random.Random) -> list[_Product]:
    """Products with one 899 EAN-13 each, a third with a member price, and their word-index rows."""
    now_iso = to_iso(shop.now)
    now_ms = int(shop.now.timestamp() * 1000)
    rows, barcodes, words = [], [], []
    catalog: list[_Product] = []
    for i in range(count):
        kind, category, unit, low, high, sizes = rng.choice(KINDS)
        parts = [kind, rng.choice(BRANDS), rng.choice(VARIANTS), rng.choice(sizes)]
        name = " ".join(p for p in parts if p)
        pid = shop.first_product_id + i
        code = f"G{i + 1:06d}"
        barcode = make_ean13(f"899{BARCODE_BASE + i:09d}")
        regular = rng.randint(low // 100, high // 100) * 100
        member = None
        if rng.random() < 0.35 and regular > 1_000:
            member = regular - max(100, regular * rng.randint(2, 6) // 100 // 100 * 100)
        active = rng.random() >= 0.01
        cost = regular * 85 // 100
        rows.append(
            (pid, uuid7_at(now_ms, rng), code, name, fold(name), unit, 0, shop.categories[category],
             "sembako", None, cost, regular, member, None, 5_000, 0, None, 0, int(active), 0, now_iso)
        )  # fmt: skip
        barcodes.append((barcode, pid, None))
        # The same words CatalogService.index_product writes: name, code and the product's barcodes.
        words.extend((w, pid) for w in index_words(name, code, barcode))
        if active:
            catalog.append(_Product(pid, code, name, unit, regular, member, cost))
    con.executemany(insert_sql(ProductModel, PRODUCT_COLUMNS), rows)
    con.executemany(insert_sql(BarcodeModel, ("code", "product_id", "unit_id")), barcodes)
    words.sort()  # in key order: the WITHOUT ROWID table appends instead of splitting pages
    con.executemany(insert_sql(ProductWordModel, ("word", "product_id")), words)
    return catalog


def _day_counts(total: int, days: int, rng: random.Random) -> list[int]:
    """Split `total` sales over `days` with some day-to-day variation, none above MAX_PER_DAY."""
    weights = [rng.uniform(0.75, 1.25) for _ in range(days)]
    scale = total / sum(weights)
    counts = [min(MAX_PER_DAY, int(w * scale)) for w in weights]
    day = 0
    while sum(counts) < total:
        if counts[day % days] < MAX_PER_DAY:
            counts[day % days] += 1
        day += 1
    return counts


def _pick_products(catalog: list[_Product], rng: random.Random) -> list[_Product]:
    """1–5 different products; most baskets come from the best-selling 5% of the catalog."""
    popular = max(1, len(catalog) // 20)
    chosen: dict[int, _Product] = {}
    for _ in range(rng.randint(1, 5)):
        index = rng.randrange(popular) if rng.random() < 0.8 else rng.randrange(len(catalog))
        chosen[catalog[index].id] = catalog[index]
    return list(chosen.values())


def _insert_sales(
    con: sqlite3.Connection,
    shop: _Shop,
    catalog: list[_Product],
    total: int,
    days: int,
    rng: random.Random,
    sold: dict[int, int],
) -> int:
    """Past cash sales, one transaction per day, with everything checkout writes for each."""
    if not total:
        return 0
    sql = {
        "sale": insert_sql(SaleModel, SALE_COLUMNS),
        "line": insert_sql(SaleLineModel, LINE_COLUMNS),
        "payment": insert_sql(PaymentModel, PAYMENT_COLUMNS),
        "job": insert_sql(PrintJobModel, JOB_COLUMNS),
    }
    today = shop.now.astimezone(shop.tz).date()
    made = 0
    line_total = 0
    for day_back, count in zip(range(days, 0, -1), _day_counts(total, days, rng), strict=True):
        date = today - timedelta(days=day_back)
        stamps = sorted(rng.randint(7 * 3600, 20 * 3600 - 1) for _ in range(count))
        batch: dict[str, list[Any]] = {k: [] for k in (*sql, "movement", "event")}
        for number, seconds in enumerate(stamps, start=1):
            moment = datetime.combine(date, time(), shop.tz) + timedelta(
                seconds=seconds, milliseconds=rng.randrange(1000)
            )
            line_total += _one_sale(
                batch, shop, catalog, rng, sold, moment, number, made >= total - PENDING_TAIL
            )
            made += 1
        con.execute("BEGIN")
        for key, statement in sql.items():
            con.executemany(statement, batch[key])
        record_movements(batch["movement"], con)
        append_events(batch["event"], con)
        con.execute("COMMIT")
    return line_total


def _one_sale(
    batch: dict[str, list[Any]],
    shop: _Shop,
    catalog: list[_Product],
    rng: random.Random,
    sold: dict[int, int],
    moment: datetime,
    number: int,
    pending: bool,
) -> int:
    """Append the rows of one completed cash sale, priced as core.pricing prices it."""
    ms = int(moment.timestamp() * 1000)
    now_iso = to_iso(moment)
    bdate = moment.date().isoformat()
    ymd = f"{moment:%y%m%d}"
    sale_id = uuid7_at(ms, rng)
    receipt_no = f"{shop.store_code}-{shop.terminal_code}-{ymd}-{number:04d}"
    receipt_code = f"{shop.terminal_number:02d}{ymd}{number:04d}"
    member = rng.choice(shop.members) if shop.members and rng.random() < 0.35 else None
    cashier = rng.choice(shop.cashiers)
    lines: list[SaleLine] = []
    movements: list[StockMovement] = []
    subtotal = savings = 0
    for line_no, product in enumerate(_pick_products(catalog, rng), start=1):
        qty = rng.choice((1000, 1000, 1000, 2000, 3000))
        is_member = (
            member is not None and product.member_rp is not None and product.member_rp < product.regular_rp
        )
        price = product.member_rp if is_member else product.regular_rp
        assert price is not None
        total = price * qty // 1000  # whole pieces: exact, as core.money.line_total_rp
        subtotal += total
        if is_member:
            savings += product.regular_rp * qty // 1000 - total
        lines.append(
            SaleLine(line_no=line_no, product_id=product.id, product_code=product.code, name=product.name,
                     unit_label=product.unit, qty_milli=qty, base_qty_milli=qty, unit_price_rp=price,
                     regular_price_rp=product.regular_rp, price_type="member" if is_member else "regular",
                     line_total_rp=total, ppn_exempt=False)  # generated products are taxable (column default)
        )  # fmt: skip
        movements.append(
            StockMovement(uuid7_at(ms, rng), product.id, -qty, "sale", unit_cost_rp=product.cost_rp)
        )
        sold[product.id] = sold.get(product.id, 0) + qty
    due = round_cash(subtotal, 100)
    tendered = next((n for n in NOTES if n >= due), due)
    change = tendered - due
    payment = SalePayment("cash", due, uuid7_at(ms, rng), tendered, change, "", "confirmed")
    event = SaleCompleted(
        sale_id=sale_id, total_rp=subtotal, lines=tuple(lines), payments=(payment,),
        movements=tuple(movements), receipt_no=receipt_no, cashier=Person(*cashier),
        member=MemberRef(*member) if member else None, created_at=now_iso, subtotal_rp=subtotal,
        rounding_rp=due - subtotal, change_rp=change, member_savings_rp=savings,
        vat_registered=shop.vat_registered, ppn_percent=shop.ppn_percent,
    )  # fmt: skip
    for table, rows in sale_rows(event, receipt_code, shop.terminal_id, tendered, bdate).items():
        batch[table].extend(rows)
    acked_at = None if pending else to_iso(moment + timedelta(seconds=rng.randint(2, 90)))
    batch["event"].append(
        NewEvent(uuid7_at(ms, rng), event.TYPE, now_iso, bdate, event_json(event),
                 schema_version=event.schema_version, acked_at=acked_at)
    )  # fmt: skip
    batch["job"].append(("receipt", sale_id, "{}", 0, "sent", 1, None, "dummy://", now_iso, now_iso))
    return len(lines)


def _insert_opening_stock(
    con: sqlite3.Connection,
    shop: _Shop,
    catalog: list[_Product],
    sold: dict[int, int],
    days: int,
    rng: random.Random,
) -> None:
    """One opening movement per generated product, before the first sale: what was sold plus what is left.

    Inactive products get their opening stock too (they were stocked before being switched off).
    """
    moment = shop.now - timedelta(days=days + 1)
    ms = int(moment.timestamp() * 1000)
    now_iso = to_iso(moment)
    bdate = moment.astimezone(shop.tz).date().isoformat()
    costs = dict(
        con.execute('SELECT "id", "cost_rp" FROM "product" WHERE "id" >= ?', (shop.first_product_id,))
    )
    movements: list[MovementRow] = []
    for pid in sorted(costs):
        left = rng.randint(5, 150) * 1000
        opening = sold.get(pid, 0) + left
        movements.append(
            MovementRow(uuid7_at(ms, rng), pid, None, opening, "opening", "opening-stock", costs[pid],
                        shop.terminal_id, now_iso, bdate)
        )  # fmt: skip
    record_movements(movements, con)


def _refresh_derived(data_dir: Path, clock: Callable[[], datetime]) -> None:
    """Figures the till derives from its sales in the background (best sellers), as a running till has."""
    from kkmp_pos.app import open_till
    from kkmp_pos.services.selling import popularity

    till = open_till(data_dir, clock=clock)
    try:
        popularity.refresh(till.ctx)
        till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        till.close()
