"""Schema steps: a fresh database matches the models, and every frozen old version upgrades cleanly."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from kkmp_pos.core.errors import StorageError
from kkmp_pos.db.books_models import BOOKS_MODELS
from kkmp_pos.db.database import database, make_database, open_database
from kkmp_pos.db.migrations import LATEST, STEPS
from kkmp_pos.db.models import ALL_MODELS

FIXTURES = Path(__file__).parent.parent / "fixtures"


def columns(path: Path) -> dict[str, list[tuple]]:
    """Every table's columns (name, type, notnull, pk) and every index's columns: the schema's shape."""
    conn = sqlite3.connect(path)
    shape: dict[str, list[tuple]] = {}
    for (table,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ):
        shape[table] = sorted(
            (r[1], r[2].upper(), r[3], r[5]) for r in conn.execute(f'PRAGMA table_info("{table}")')
        )
        shape[f"{table}:fks"] = sorted(
            (r[2], r[3], r[4]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')
        )
    for name, table in conn.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
    ):
        shape[f"index:{name}"] = [table] + [r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')]
    conn.close()
    return shape


def test_migrated_schema_equals_the_models(tmp_path):
    migrated = tmp_path / "migrated.db"
    open_database(migrated).close()
    from_models = tmp_path / "models.db"
    db = make_database(from_models)
    database.initialize(db)
    db.create_tables(ALL_MODELS + BOOKS_MODELS)
    db.close()
    assert columns(migrated) == columns(from_models)


def test_steps_are_numbered_in_order():
    numbers = [n for n, _ in STEPS]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert numbers[-1] == LATEST


def frozen_versions() -> list[Path]:
    return sorted(FIXTURES.glob("schema_v*.db"))


def test_there_is_a_frozen_database_for_every_released_version():
    versions = {int(p.stem.removeprefix("schema_v")) for p in frozen_versions()}
    assert {1, 2, 7} <= versions  # 7: the schema of the first release


@pytest.mark.parametrize("fixture", frozen_versions(), ids=lambda p: p.stem)
def test_every_frozen_version_upgrades_to_the_latest(tmp_path, fixture):
    live = tmp_path / "kkmp-pos.db"
    shutil.copyfile(fixture, live)
    conn = sqlite3.connect(live)
    old_version = conn.execute("PRAGMA user_version").fetchone()[0]
    sales_before = conn.execute("SELECT count(*), sum(total_rp) FROM sale").fetchone()
    conn.close()

    db = open_database(live)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST
    assert db.execute_sql("SELECT count(*), sum(total_rp) FROM sale").fetchone() == sales_before
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    db.close()

    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    assert columns(live) == columns(fresh)
    if old_version < LATEST:
        backups = list(tmp_path.glob(f"kkmp-pos.before-v{LATEST}.bak.db"))
        assert backups, "a backup is taken before migrating"
        conn = sqlite3.connect(backups[0])
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
        conn.close()


def test_upgraded_v1_till_can_search_its_old_products(tmp_path):
    live = tmp_path / "kkmp-pos.db"
    shutil.copyfile(FIXTURES / "schema_v1.db", live)
    from kkmp_pos.app import open_till

    till = open_till(tmp_path)
    names = [item.name for item in till.catalog.search("minya")]
    assert "MinyaKita 1 L" in names
    till.close()


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.code == "db_too_new"
