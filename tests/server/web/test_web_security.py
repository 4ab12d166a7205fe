"""The board's web pages over real HTTP: who sees what, CSRF, lockout, cookies, exports, the CLI."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest
from openpyxl import load_workbook
from peewee import fn

from kkmp_pos.server import admin
from kkmp_pos.server.cli import main as server_main
from kkmp_pos.server.ratelimit import WEB_ACCOUNT_LIMIT
from kkmp_pos.server.web import users
from tests.server.web import board

PAGES = ("", "kasir", "stok", "kepatuhan", "pengguna")
EXPORTS = (
    "toko",
    "unit",
    "hari",
    "campuran",
    "kasir",
    "stok",
    "lpg",
    "lpg_nik",
    "lpg_hari",
    "het",
    "batal",
    "retur",
)


@pytest.fixture
def world(http, sdb):
    return board.build(http, sdb)


def _client(live) -> httpx.Client:
    return httpx.Client(base_url=live.url, timeout=30)


def test_a_cooperative_sees_its_own_pages_and_another_cooperative_is_a_404(live, sdb, world):
    with _client(live) as web:
        answer = board.log_in(web, "kop1", "ketua")
        assert answer.status_code == 303 and answer.headers["location"] == "/web/k/kop1/"
        cookie = answer.headers["set-cookie"]
        assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
        assert "secure" not in cookie.lower()  # plain http here; see the TLS test below
        for page in PAGES:
            own = web.get(f"/web/k/kop1/{page}", params={"day": board.DAY})
            assert own.status_code == 200, page
            assert "Content-Security-Policy" in own.headers and "<script" not in own.text
            assert web.get(f"/web/k/kop2/{page}").status_code == 404, page
        for key in EXPORTS:
            for fmt in ("csv", "xlsx"):
                assert (
                    web.get(f"/web/k/kop1/ekspor/{key}.{fmt}", params={"day": board.DAY}).status_code == 200
                )
                assert (
                    web.get(f"/web/k/kop2/ekspor/{key}.{fmt}", params={"day": board.DAY}).status_code == 404
                )
        assert web.get("/web/wilayah").status_code == 404
        # the per-day export equals the admin JSON report, summed over the stores
        rows = list(csv.reader(io.StringIO(web.get("/web/k/kop1/ekspor/hari.csv?day=" + board.DAY).text[1:])))
        report: dict[str, list[int]] = {}
        for r in admin.report(sdb, "kop1"):
            day = report.setdefault(r["business_date"], [0, 0])
            day[0] += r["sale_count"]
            day[1] += r["total_rp"]
        assert {r[0]: [int(r[1]), int(r[4])] for r in rows[1:]} == report
        assert len(report) == 3


def test_a_regional_operator_sees_aggregates_of_the_region_only_never_a_name_or_nik(live, world):
    with _client(live) as web:
        assert board.log_in(web, "", "dinas73").headers["location"] == "/web/wilayah"
        page = web.get("/web/wilayah", params={"day": board.DAY})
        assert page.status_code == 200
        assert "kop1" in page.text and "kop2" in page.text and "kop3" not in page.text  # 6401 is elsewhere
        exported = web.get("/web/wilayah/ekspor/koperasi.xlsx", params={"day": board.DAY})
        sheet = load_workbook(io.BytesIO(exported.content)).active
        texts = [str(c) for row in sheet.iter_rows(values_only=True) for c in row] + [page.text]
        for text in texts:
            assert "Ani" not in text  # the cashiers' names
            assert "****" not in text and not re.search(r"\b\d{16}\b", text)  # no NIK, not even masked
            assert "A-0" not in text  # member card numbers
        for coop in ("kop1", "kop2"):
            for page_name in PAGES:
                assert web.get(f"/web/k/{coop}/{page_name}").status_code == 404


def test_a_form_without_its_csrf_token_is_refused(live, sdb, world):
    with _client(live) as web:
        # log-in without the token of its form
        refused = web.post(
            "/web/login", data={"koperasi": "kop1", "pengguna": "ketua", "sandi": board.PASSWORD}
        )
        assert refused.status_code == 403 and "kkw_session" not in refused.headers.get("set-cookie", "")
        board.log_in(web, "kop1", "ketua")
        page = web.get("/web/k/kop1/pengguna")
        new = {"pengguna": "baru1", "sandi": "sandi-panjang-1", "peran": "pengawas", "toko": ""}
        assert web.post("/web/k/kop1/pengguna", data=new).status_code == 403
        assert web.post("/web/k/kop1/pengguna", data=new | {"csrf": "wrong"}).status_code == 403
        assert web.post("/web/logout", data={}).status_code == 403
        assert "baru1" not in [u.username for u in users.list_users(sdb, "kop1")]
        assert web.get("/web/k/kop1/").status_code == 200  # still signed in
        # with the token, a pengurus adds a user, who can log in
        added = web.post("/web/k/kop1/pengguna", data=new | {"csrf": board.csrf_of(page)})
        assert added.status_code == 303
        assert "baru1" in [u.username for u in users.list_users(sdb, "kop1")]
        assert web.post("/web/logout", data={"csrf": board.csrf_of(page)}).status_code == 303
        assert web.get("/web/k/kop1/").status_code == 303  # signed out: back to the log-in
    with _client(live) as other:
        assert board.log_in(other, "kop1", "baru1", "sandi-panjang-1").status_code == 303
        assert other.get("/web/k/kop1/pengguna").status_code == 404  # a pengawas manages no users
        assert other.get("/web/k/kop1/kepatuhan").status_code == 200


def test_the_lockout_holds_even_for_the_right_password(live, world):
    with _client(live) as web:
        for _ in range(WEB_ACCOUNT_LIMIT.failures):
            assert board.log_in(web, "kop1", "ketua", "salah-sandinya").status_code == 401
        locked = board.log_in(web, "kop1", "ketua")
        assert locked.status_code == 429 and "kkw_session" not in locked.headers.get("set-cookie", "")
        # another account from the same address is not locked out by it
        assert board.log_in(web, "kop1", "awas").status_code == 303


def test_a_till_offline_for_three_days_stands_out(live, world):
    with _client(live) as web:
        board.log_in(web, "kop1", "awas")
        page = web.get("/web/k/kop1/kasir").text
        first = page.split("<tbody>", 1)[1].split("</tr>", 1)[0]
        assert 'class="warn"' in first and "kop1-t3" in first  # listed first, marked
        hours = int(first.split('data-col="hours" data-v="', 1)[1].split('"', 1)[0])
        assert 72 <= hours < 80
        rows = list(csv.reader(io.StringIO(web.get("/web/k/kop1/ekspor/kasir.csv").text[1:])))
        assert rows[1][0] == "kop1-t3"
        quarantined = {r[0]: int(r[6]) for r in rows[1:]}
        assert quarantined == {"kop1-t3": 0, "kop1-t1": 0, "kop1-t2": 1}  # the refused sale


def test_stock_levels_add_up_the_tills_movements(live, sdb, world):
    Mv = sdb.m.StockMovementModel
    with sdb.database.connection_context():
        moved = {
            (store, code): qty
            for store, code, qty in Mv.select(Mv.store_id, Mv.product_code, fn.SUM(Mv.qty_milli))
            .where(Mv.cooperative_id == "kop1")
            .group_by(Mv.store_id, Mv.product_code)
            .tuples()
        }
    assert moved and all(qty < 0 for qty in moved.values())  # sales only in this world
    with _client(live) as web:
        board.log_in(web, "kop1", "manajer1")
        rows = list(csv.reader(io.StringIO(web.get("/web/k/kop1/ekspor/stok.csv").text[1:])))
    shown = {(r[0], r[1]): float(r[3]) for r in rows[1:]}
    assert shown == {("Toko s1", code): qty / 1000 for (store, code), qty in moved.items() if store == "s1"}
    assert all(r[5] == "habis" for r in rows[1:])


def test_a_manager_sees_only_their_stores(live, world):
    with _client(live) as web:
        board.log_in(web, "kop1", "manajer1")
        tills = web.get("/web/k/kop1/kasir").text
        assert "kop1-t1" in tills and "kop1-t2" not in tills
        stores = web.get("/web/k/kop1/ekspor/toko.csv", params={"day": board.DAY}).text
        assert "Toko s1" in stores and "Toko s2" not in stores
        assert web.get("/web/k/kop1/pengguna").status_code == 404
        assert "batal" not in web.get("/web/k/kop1/kepatuhan").text.split("<main>")[1]  # no audit view


def test_exports_are_formula_safe(live, sdb, world):
    Store = sdb.m.StoreModel
    with sdb.database.connection_context():
        Store.update(name='=HYPERLINK("http://x","klik")').where(
            (Store.cooperative_id == "kop1") & (Store.store_id == "s1")
        ).execute()
    with _client(live) as web:
        board.log_in(web, "kop1", "ketua")
        text = web.get("/web/k/kop1/ekspor/toko.csv", params={"day": board.DAY}).text
        assert "'=HYPERLINK" in text
        book = load_workbook(io.BytesIO(web.get("/web/k/kop1/ekspor/toko.xlsx?day=" + board.DAY).content))
        names = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)]
        assert '\'=HYPERLINK("http://x","klik")' in names
        assert all(
            isinstance(v, int) for row in book.active.iter_rows(min_row=2, values_only=True) for v in row[1:]
        )


def test_web_users_come_from_the_cli_too(live, sdb, monkeypatch):
    admin.create_cooperative(sdb, "kop9", "Koperasi Sembilan")
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-dari-cli-1\n"))
    url = sdb.url
    assert server_main(["admin", "web-user", "create", "kop9", "bendahara", "--role", "pengurus",
                        "--password-stdin", "--database", url]) == 0  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-dari-cli-2\n"))
    assert server_main(["admin", "web-user", "create", "-", "dinas64", "--role", "dinas", "--region", "64",
                        "--password-stdin", "--database", url]) == 0  # fmt: skip
    assert server_main(["admin", "region", "kop9", "6401", "--database", url]) == 0
    with _client(live) as web:
        assert (
            board.log_in(web, "kop9", "bendahara", "sandi-dari-cli-1").headers["location"] == "/web/k/kop9/"
        )
    with _client(live) as web:
        board.log_in(web, "", "dinas64", "sandi-dari-cli-2")
        assert "kop9" in web.get("/web/wilayah").text
    stored = sdb.m.WebUserModel
    with sdb.database.connection_context():
        hashes = [u.password_hash for u in stored.select()]
    assert all(h.startswith("scrypt$") and "sandi" not in h for h in hashes)


def test_an_expired_session_signs_nobody_in(live, sdb, world):
    with _client(live) as web:
        board.log_in(web, "kop1", "awas")
        assert web.get("/web/k/kop1/kasir").status_code == 200
        Sess = sdb.m.WebSessionModel
        with sdb.database.connection_context():
            Sess.update(expires_at="2000-01-01T00:00:00.000+00:00").where(
                Sess.cooperative_id == "kop1"
            ).execute()
        assert web.get("/web/k/kop1/kasir").headers["location"] == "/web/login"


def test_business_units_are_named_in_words_not_codes(live, world):
    with _client(live) as web:
        board.log_in(web, "kop1", "ketua")
        rows = list(csv.reader(io.StringIO(web.get("/web/k/kop1/ekspor/unit.csv?day=" + board.DAY).text[1:])))
        units = {r[0] for r in rows[1:]}
        assert {"Sembako", "LPG 3 kg", "Lainnya"} <= units
        assert not units & {"sembako", "lpg", "lainnya"}
