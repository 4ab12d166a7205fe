"""The board in a real browser (Debian's chromium driven by Playwright, docs/WEB.md says why).

For each role, on a phone (360×740) and a desktop (1366×768): log in through the form, open every
page, check the figures against the admin JSON API, export a table and read the file back, log out.
No horizontal scroll on the phone, no console error, no failed request. Screenshots are saved in
build/web-screenshots/ to be looked at. Skips cleanly when chromium or Playwright is missing.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from kkmp_pos.server.app import create_app
from kkmp_pos.server.live import start_server
from tests.server.web import board

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

SHOTS = Path(__file__).resolve().parents[3] / "build" / "web-screenshots"
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}
PAGES = {
    "pengurus": ("", "kasir", "stok", "kepatuhan", "pengguna"),
    "pengawas": ("", "kasir", "stok", "kepatuhan"),
    "manajer": ("", "kasir", "stok", "kepatuhan"),
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("board")
    app = create_app(f"sqlite:///{folder / 'server.db'}")
    server = start_server(app)
    with httpx.Client(base_url=server.url, timeout=60) as http:
        worlds = board.build(http, app.state.sdb)
    yield server, worlds
    server.stop()
    app.state.sdb.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Watch:
    """Console errors, page errors, failed requests and error responses of one browser context."""

    def __init__(self, page: Any) -> None:
        self.found: list[str] = []
        self.downloads: set[str] = set()
        page.on("console", lambda m: m.type == "error" and self.found.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.found.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.found.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.found.append(f"{r.status}: {r.url}"))
        page.on("download", lambda d: self.downloads.add(d.url))

    @property
    def problems(self) -> list[str]:
        """What went wrong; a download's navigation, which Chromium ends as "aborted" once the file is
        handed to the download manager, is not a failure."""
        return [
            p for p in self.found if not (p.endswith("net::ERR_ABORTED") and p.split()[1] in self.downloads)
        ]


def _report(server: Any, worlds: dict[str, Any], coop: str, stores: tuple[str, ...] | None) -> list[dict]:
    token = worlds[coop]["admin_token"]
    rows = httpx.get(server.url + "/v1/admin/report", headers={"Authorization": f"Bearer {token}"}).json()
    return [r for r in rows if stores is None or r["store"] in stores]


def _cells(page: Any, table: str, column: str) -> list[str]:
    return page.eval_on_selector_all(
        f'table[data-table="{table}"] td[data-col="{column}"]', "cells => cells.map(c => c.dataset.v)"
    )


def _log_in(page: Any, base: str, coop: str, name: str) -> None:
    page.goto(base + "/")
    page.fill("#koperasi", coop)
    page.fill("#pengguna", name)
    page.fill("#sandi", board.PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_load_state()


def _look(page: Any, name: str, phone: bool) -> None:
    """Save the page's screenshot; on the phone, the page must not scroll sideways."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if phone:
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{name}: the phone scrolls sideways by {wide} px"


def _check_figures(page: Any, report: list[dict], day: str) -> None:
    """The Today page's per-day table equals the admin JSON API's report for the same stores."""
    per_day: dict[str, list[int]] = {}
    for row in report:
        figures = per_day.setdefault(row["business_date"], [0, 0])
        figures[0] += row["sale_count"]
        figures[1] += row["total_rp"]
    shown = zip(
        _cells(page, "hari", "date"),
        _cells(page, "hari", "sale_count"),
        _cells(page, "hari", "net_rp"),
        strict=True,
    )
    assert {d: [int(c), int(n)] for d, c, n in shown} == per_day
    assert len(per_day) == 3
    today = sum(r["total_rp"] for r in report if r["business_date"] == day)
    assert sum(int(v) for v in _cells(page, "toko", "today_net")) == today
    assert int(page.get_attribute("#month-net", "data-v")) == sum(r["total_rp"] for r in report)


def _export_csv(page: Any, key: str) -> list[list[str]]:
    with page.expect_download() as got:
        page.click(f'a[data-export="{key}-csv"]')
    text = Path(got.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.slow
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("role", ["pengurus", "pengawas", "manajer", "dinas"])
def test_every_role_in_a_real_browser(served, browser, role, viewport):
    server, worlds = served
    coop, name, extra = board.ROLES[role]
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport], accept_downloads=True, locale="id-ID")
    page = context.new_page()
    watch = Watch(page)
    try:
        _log_in(page, server.url, coop, name)
        if role == "dinas":
            _dinas(page, server, worlds, viewport, phone)
        else:
            _cooperative(page, server, worlds, role, coop, extra.get("stores"), viewport, phone)
        page.click("header form button[type=submit]")  # log out
        page.wait_for_load_state()
        assert page.url.endswith("/web/login")
        page.goto(server.url + ("/web/wilayah" if role == "dinas" else f"/web/k/{coop}/kasir"))
        assert page.url.endswith("/web/login")  # the session is gone
        assert not watch.problems, watch.problems
    finally:
        context.close()


def _cooperative(page, server, worlds, role, coop, stores, viewport, phone) -> None:
    base = f"{server.url}/web/k/{coop}/"
    report = _report(server, worlds, coop, stores)
    for sub in PAGES[role]:
        page.goto(f"{base}{sub}?day={board.DAY}")
        assert page.locator("h1").count() == 1
        assert page.get_attribute("footer .synced", "data-synced")  # when the data was last synced
        _look(page, f"{role}-{viewport}-{sub or 'hari-ini'}", phone)
        if sub == "":
            _check_figures(page, report, board.DAY)
            rows = _export_csv(page, "hari")
            assert [[int(r[1]), int(r[4])] for r in rows[1:]] == [
                [int(c), int(n)]
                for c, n in zip(
                    _cells(page, "hari", "sale_count"), _cells(page, "hari", "net_rp"), strict=True
                )
            ]
            with page.expect_download() as got:
                page.click('a[data-export="toko-xlsx"]')
            assert got.value.suggested_filename.endswith(".xlsx")
            sheet = load_workbook(io.BytesIO(Path(got.value.path()).read_bytes())).active
            nets = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
            assert nets == [int(v) for v in _cells(page, "toko", "month_net")]
        if sub == "kepatuhan":
            masked = _cells(page, "lpg", "nik")
            assert masked and all(v.startswith("************") and len(v) == 16 for v in masked)
            assert _cells(page, "het", "price_rp") == []  # no sale above the ceiling
    if role == "pengurus" and viewport == "desktop":
        page.click('a[lang="en"]')  # the language switch
        page.wait_for_load_state()
        assert page.locator("header button").inner_text() == "Log out"
        _look(page, f"{role}-{viewport}-english", phone)
        page.click('a[lang="id"]')
        page.wait_for_load_state()
        assert page.locator("header button").inner_text() == "Keluar"


def _dinas(page, server, worlds, viewport, phone) -> None:
    page.goto(f"{server.url}/web/wilayah?day={board.DAY}")
    _look(page, f"dinas-{viewport}-wilayah", phone)
    coops = _cells(page, "koperasi", "coop")
    assert coops == ["kop1", "kop2"]
    for coop, net in zip(coops, _cells(page, "koperasi", "net_rp"), strict=True):
        assert int(net) == sum(r["total_rp"] for r in _report(server, worlds, coop, None))
    rows = _export_csv(page, "koperasi")
    assert [r[0] for r in rows[1:]] == coops
    body = page.content()
    assert "Ani" not in body and "****" not in body  # test_web_security: its 404 for the cooperatives' pages


def test_the_pages_work_with_javascript_off(served, browser):
    server, _ = served
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    try:
        _log_in(page, server.url, "kop1", "ketua")
        page.goto(f"{server.url}/web/k/kop1/?day={board.DAY}")
        assert page.locator('table[data-table="hari"] tbody tr').count() == 3
        assert page.locator("svg.chart rect").count() == 3
        page.fill("#day", "2026-08-22")
        page.click("form.day button")
        page.wait_for_load_state()
        assert page.url.endswith("day=2026-08-22")
    finally:
        context.close()
