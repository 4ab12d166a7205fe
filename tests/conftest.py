"""Shared fixtures: a fresh till database per test, on a real file with production settings."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_TEMPLATE: dict[str, Path] = {}


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("KKMP_TEST_POSTGRES_URL"):  # every server statement on PostgreSQL is recorded
        from tests.server import sql_capture

        sql_capture.install()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # the tenant-key check reads the statements every other test made: it runs last
    items.sort(key=lambda item: item.get_closest_marker("after_everything") is not None)


def open_test_shift(till, user_name: str | None = None) -> str:
    """Cash needs an open shift: open one for a cashier (the first 'kasir' by default) with a
    Rp300.000 float. The demo till of the `till` fixture starts with one; `no_shift` closes it."""
    from kkmp_pos.core.cash import breakdown
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of

    query = UserModel.select().where(UserModel.name == user_name if user_name else UserModel.role == "kasir")
    return till.shifts.open(actor_of(query.first()), breakdown(300_000)).id


def close_test_shift(till) -> None:
    """Close whatever shift is open, counted exactly (tests about a till with no shift open)."""
    from kkmp_pos.core.cash import breakdown
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of

    for info in till.shifts.unclosed():
        manager = actor_of(UserModel.get(UserModel.role == "manajer"))
        expected = till.shifts.figures(info.id).expected_rp
        if info.status == "open":
            till.shifts.submit_count(manager, breakdown(expected), info.id)
        till.shifts.finish_close(manager, info.id, approver=manager)


def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the demo shop once per session, then copy the file: each test gets its own copy."""
    if "demo" not in _TEMPLATE:
        from kkmp_pos.app import open_till

        folder = tmp_path_factory.mktemp("demo-template")
        till = open_till(folder, demo=True, demo_days=1)
        open_test_shift(till)
        till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        till.close()
        _TEMPLATE["demo"] = folder
    return _TEMPLATE["demo"]


@pytest.fixture
def till(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """A demo till (catalog, members, users, one day of past sales) in its own folder."""
    from kkmp_pos.app import open_till
    from kkmp_pos.config import DB_FILENAME

    template = _demo_template(tmp_path_factory)
    shutil.copyfile(template / DB_FILENAME, tmp_path / DB_FILENAME)
    t = open_till(tmp_path, demo=True)
    yield t
    t.close()


@pytest.fixture
def no_shift(till):
    """The demo till with its shift closed: no shift is open."""
    close_test_shift(till)
    return till


@pytest.fixture
def empty_till(tmp_path: Path):
    """A till with a store and terminal but no catalog, members or users."""
    from kkmp_pos.app import open_till

    t = open_till(tmp_path)
    yield t
    t.close()


@pytest.fixture
def cashier(till):
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of

    return actor_of(UserModel.get(UserModel.role == "kasir"))


@pytest.fixture
def manager(till):
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of

    return actor_of(UserModel.get(UserModel.role == "manajer"))


@pytest.fixture
def without_purchase_caps(till):
    """The demo's purchase caps (2 packs of Beras SPHP, 2 L MinyaKita) switched off, for tests
    about something else that sell more than that."""
    from kkmp_pos.db.models import PurchaseLimitModel

    PurchaseLimitModel.update(active=False).execute()


@pytest.fixture(autouse=True)
def _server_key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Servers started by a test keep their personal-data keys in the test's folder, never in the
    working folder (the PostgreSQL default)."""
    monkeypatch.setenv("KKMP_SERVER_KEY_DIR", str(tmp_path / "server-keys"))
