"""The large-shop generator makes a shop the services can work on and whose books add up."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.barcodes import is_valid_ean13
from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.text import words_of
from kkmp_pos.devtools.bulkgen import generate_large_shop
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bulk")
    stats = generate_large_shop(folder, products=1_500, past_sales=3_000, seed=7, days=20)
    assert (stats.products, stats.sales) == (1_500, 3_000)
    return folder


def q(folder: Path, sql: str, *args: object) -> list[tuple]:
    con = sqlite3.connect(folder / DB_FILENAME)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def test_file_is_whole_and_in_production_journal_mode(shop: Path) -> None:
    assert q(shop, "PRAGMA integrity_check") == [("ok",)]
    assert q(shop, "PRAGMA journal_mode") == [("wal",)]
    assert q(shop, "PRAGMA foreign_key_check") == []


def test_on_hand_caches_equal_the_ledger(shop: Path) -> None:
    wrong = q(
        shop,
        "SELECT p.id, p.on_hand_milli, COALESCE(SUM(m.qty_milli), 0) FROM product p "
        "LEFT JOIN stock_movement m ON m.product_id = p.id GROUP BY p.id "
        "HAVING p.on_hand_milli != COALESCE(SUM(m.qty_milli), 0)",
    )
    assert wrong == []
    assert q(shop, "SELECT COUNT(*) FROM product WHERE on_hand_milli < 0") == [(0,)]


def test_receipt_numbers_are_unique_and_consecutive_per_day(shop: Path) -> None:
    rows = q(
        shop, "SELECT business_date, COUNT(*), MAX(CAST(substr(receipt_code, 9) AS INT)) FROM sale GROUP BY 1"
    )
    assert len(rows) == 20
    assert all(count == last for _date, count, last in rows)
    assert sum(count for _d, count, _l in rows) == 3_000
    assert q(shop, "SELECT COUNT(DISTINCT receipt_no), COUNT(DISTINCT receipt_code) FROM sale") == [
        (3_000, 3_000)
    ]


def test_every_sale_adds_up_and_has_its_rows(shop: Path) -> None:
    bad_totals = q(
        shop,
        "SELECT s.id FROM sale s JOIN sale_line l ON l.sale_id = s.id GROUP BY s.id "
        "HAVING SUM(l.line_total_rp) != s.total_rp",
    )
    assert bad_totals == []
    assert q(shop, "SELECT COUNT(*) FROM sale WHERE id NOT IN (SELECT sale_id FROM payment)") == [(0,)]
    unpaid = q(
        shop,
        "SELECT COUNT(*) FROM sale s JOIN payment p ON p.sale_id = s.id "
        "WHERE p.amount_rp != s.total_rp + s.rounding_rp OR p.tendered_rp - p.amount_rp != s.change_rp",
    )
    assert unpaid == [(0,)]
    unmatched = q(
        shop,
        "SELECT COUNT(*) FROM sale_line l WHERE NOT EXISTS (SELECT 1 FROM stock_movement m "
        "WHERE m.doc_id = l.sale_id AND m.product_id = l.product_id AND m.qty_milli = -l.base_qty_milli)",
    )
    assert unmatched == [(0,)]


def test_one_outbox_event_per_sale_with_its_lines_and_only_the_newest_pending(shop: Path) -> None:
    rows = q(shop, "SELECT seq, status, payload FROM outbox_event WHERE type = 'sale.completed' ORDER BY seq")
    assert len(rows) == 3_000
    assert [s for _seq, s, _p in rows[-5:]] == ["pending"] * 5
    assert {s for _seq, s, _p in rows[:-5]} == {"acked"}
    seqs = [seq for seq, _s, _p in rows]
    assert seqs == list(range(seqs[0], seqs[0] + 3_000))
    assert q(shop, "SELECT next_seq FROM terminal") == [(seqs[-1] + 1,)]
    payload = json.loads(rows[100][2])
    lines = q(shop, "SELECT COUNT(*) FROM sale_line WHERE sale_id = ?", payload["sale_id"])
    assert lines == [(len(payload["lines"]),)]
    assert len(payload["movements"]) == len(payload["lines"])


def test_generated_barcodes_are_valid_899_ean13_and_unique(shop: Path) -> None:
    codes = [c for (c,) in q(shop, "SELECT code FROM barcode")]
    assert len(codes) == len(set(codes)) >= 1_500
    assert all(c.startswith("899") and is_valid_ean13(c) for c in codes)


def test_the_services_find_scan_and_sell_generated_products(shop: Path, tmp_path: Path) -> None:
    import shutil

    from kkmp_pos.app import open_till
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of
    from tests.conftest import open_test_shift

    shutil.copyfile(shop / DB_FILENAME, tmp_path / DB_FILENAME)
    till = open_till(tmp_path)
    try:
        open_test_shift(till)
        (code, name) = q(shop, "SELECT b.code, p.name FROM barcode b JOIN product p ON p.id = b.product_id "
                               "WHERE p.code = 'G000042'")[0]  # fmt: skip
        item = till.catalog.lookup_barcode(code)
        assert item.name == name
        words = sorted(words_of(name))
        prefixes = [w[:3] for w in words]
        found = till.catalog.search(" ".join(prefixes))
        assert found, name
        for hit in found:  # every typed prefix starts some word of every hit
            assert all(any(w.startswith(pre) for w in words_of(hit.name, hit.code)) for pre in prefixes)
        assert item.product_id in {p.product_id for p in till.catalog.search(name)}
        cart = Cart()
        cart.add(item, 2000)
        result = till.sales.checkout(
            cart,
            [PaymentInput(PaymentMethod.CASH, 0, 1_000_000)],
            actor_of(UserModel.get(UserModel.role == "kasir")),
        )
        assert result.receipt_no.endswith("-0001")  # today had no past sales
    finally:
        till.close()


def test_refuses_a_folder_that_already_holds_a_shop(shop: Path) -> None:
    with pytest.raises(ValidationError) as err:
        generate_large_shop(shop, products=10, past_sales=10)
    assert err.value.code == "bulk_shop_exists"


def test_best_sellers_of_the_last_30_days_are_filled_in(shop: Path) -> None:
    rows = q(shop, "SELECT COUNT(*), SUM(sold_30d_milli) FROM product_popularity")
    recent = q(
        shop,
        "SELECT SUM(l.base_qty_milli) FROM sale_line l JOIN sale s ON s.id = l.sale_id "
        "WHERE s.business_date > date((SELECT MAX(business_date) FROM sale), '-29 days')",
    )
    assert rows[0][0] > 0 and rows[0][1] == recent[0][0]


def test_demo_create_with_days_spreads_548_sales_a_day_over_that_many_days(tmp_path: Path) -> None:
    """`demo create --products N --days D` (the three-year benchmark shop is `--days 1095`)."""
    from kkmp_pos.cli import main

    folder = tmp_path / "shop"
    assert main(["--data-dir", str(folder), "demo", "create", "--products", "300", "--days", "3"]) == 0
    assert q(folder, "SELECT COUNT(*) FROM sale") == [(548 * 3,)]
    assert q(folder, "SELECT COUNT(DISTINCT business_date) FROM sale") == [(3,)]
