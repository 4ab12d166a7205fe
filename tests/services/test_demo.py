"""The demo shop: realistic, consistent, and the same on every run (for docs, screenshots and tests)."""

from datetime import UTC, datetime

from kkmp_pos.app import open_till
from kkmp_pos.core.barcodes import is_valid_ean13
from kkmp_pos.core.nik import validate_nik

CLOCK = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def snapshot(folder):
    till = open_till(folder, demo=True, demo_days=2, clock=lambda: CLOCK)
    rows = till.ctx.db.execute_sql(
        "SELECT receipt_no, total_rp, member_id IS NULL FROM sale ORDER BY receipt_no"
    ).fetchall()
    lines = till.ctx.db.execute_sql(
        "SELECT s.receipt_no, l.name, l.qty_milli FROM sale_line l "
        "JOIN sale s ON s.id = l.sale_id ORDER BY 1, 2"
    ).fetchall()
    till.close()
    return rows, lines


def test_the_demo_shop_is_the_same_on_every_run(tmp_path):
    first = snapshot(tmp_path / "a")
    second = snapshot(tmp_path / "b")
    assert first[0] and first == second


def test_demo_catalog_members_and_users_are_realistic(till):
    db = till.ctx.db
    products = db.execute_sql("SELECT count(*) FROM product").fetchone()[0]
    assert products >= 60
    units = {row[0] for row in db.execute_sql("SELECT DISTINCT business_unit FROM product")}
    assert units == {"sembako", "lpg", "obat"}
    codes = [row[0] for row in db.execute_sql("SELECT code FROM barcode")]
    assert codes and all(code.startswith("899") and is_valid_ean13(code) for code in codes)
    niks = [row[0] for row in db.execute_sql("SELECT nik FROM member")]
    assert len(niks) == 20 and all(validate_nik(nik) == nik for nik in niks)
    roles = {row[0] for row in db.execute_sql("SELECT role FROM user")}
    assert roles == {"kasir", "manajer", "admin"}
    lpg = db.execute_sql("SELECT requires_nik, ceiling_rp FROM product WHERE code = 'LPG3'").fetchone()
    assert lpg == (1, 19000)
