"""Schema step 6 (purchase caps): an upgraded till gets sale.buyer_nik and the default purchase caps
for the regulated products it sells, as data rows; an empty till gets none."""

import json
import shutil
import sqlite3
from pathlib import Path

from kkmp_pos.db.database import open_database
from kkmp_pos.services.selling.limits import DEFAULT_RULES

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_an_upgraded_demo_till_gets_the_default_caps(tmp_path):
    live = tmp_path / "kkmp-pos.db"
    shutil.copyfile(FIXTURES / "schema_v2.db", live)
    open_database(live).close()
    conn = sqlite3.connect(live)
    rows = conn.execute(
        "SELECT id, name, product_codes, max_milli, unit_label, period, per, mode, active "
        "FROM purchase_limit ORDER BY id"
    ).fetchall()
    assert [(*r[:2], json.loads(r[2]), *r[3:]) for r in rows] == [
        (r.id, r.name, dict(r.product_codes), r.max_milli, r.unit_label, r.period, r.per, r.mode, 1)
        for r in DEFAULT_RULES
    ]  # the frozen copy in step 6 and the demo's defaults agree
    assert conn.execute("SELECT count(*) FROM sale WHERE buyer_nik IS NOT NULL").fetchone() == (0,)
    conn.close()


def test_a_new_empty_till_has_no_caps(tmp_path):
    open_database(tmp_path / "kkmp-pos.db").close()
    conn = sqlite3.connect(tmp_path / "kkmp-pos.db")
    assert conn.execute("SELECT count(*) FROM purchase_limit").fetchone() == (0,)
    conn.close()
