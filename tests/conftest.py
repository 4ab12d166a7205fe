"""Shared fixtures: a fresh till database per test, on a real file with production settings."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_TEMPLATE: dict[str, Path] = {}


def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the demo shop once per session, then copy the file: each test gets its own copy."""
    if "demo" not in _TEMPLATE:
        from kkmp_pos.app import open_till

        folder = tmp_path_factory.mktemp("demo-template")
        till = open_till(folder, demo=True, demo_days=1)
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
