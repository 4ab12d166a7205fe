"""Every statement the server sent to PostgreSQL in this test run names its cooperative (issue 13:
ready for Citus with `cooperative_id` as the distribution column; see docs/SCALING.md)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.server import sql_capture
from tests.server.support import postgres_url


def test_the_rule_catches_what_it_must():
    bad = [
        'SELECT "t1"."event_id" FROM "sync_event" AS "t1" WHERE ("t1"."event_id" = %s)',
        'UPDATE "terminal" SET "last_seq" = %s WHERE ("terminal"."terminal_id" = %s)',
        'DELETE FROM "change_log" WHERE ("change_log"."change_id" < %s)',
        'INSERT INTO "sale" ("sale_id", "business_date") VALUES',
        'COPY "sale_line" ("sale_id", "line_no") FROM STDIN',
        'SELECT s."total_rp" FROM "sale" s JOIN "sale_line" l ON l."sale_id" = s."sale_id" '
        'WHERE s."cooperative_id" = %s',
    ]
    good = [
        'SELECT "t1"."event_id" FROM "sync_event" AS "t1" '
        'WHERE (("t1"."cooperative_id" = %s) AND ("t1"."event_id" IN (%s, %s)))',
        'INSERT INTO "sale" ("cooperative_id", "sale_id") VALUES',
        'INSERT INTO "sync_event" ("cooperative_id", "event_id") SELECT "cooperative_id", "event_id" '
        'FROM "sync_event_in" ON CONFLICT DO NOTHING RETURNING "event_id"',
        'SELECT * FROM "price_ceiling" WHERE "cooperative_id" IN (\'\', %s)',
        'CREATE TABLE IF NOT EXISTS "sale" ("cooperative_id" VARCHAR(64))',
        "SELECT pg_advisory_xact_lock(%s)",
    ]
    assert all(sql_capture.problem(s) for s in bad), [s for s in bad if not sql_capture.problem(s)]
    assert not any(sql_capture.problem(s) for s in good), sql_capture.problems(Counter(good))


@pytest.mark.after_everything
@pytest.mark.postgres
def test_every_server_statement_names_its_cooperative():
    if not postgres_url():
        pytest.skip("KKMP_TEST_POSTGRES_URL is not set")
    touching = [
        s for s in sql_capture.STATEMENTS if sql_capture.TENANT_TABLES & set(s.replace('"', " ").split())
    ]
    if len(touching) < 20:
        pytest.skip("run with the server tests: too few server statements were recorded to judge")
    found = sql_capture.problems()
    assert not found, "\n".join(f"{reason}: {sql[:300]}" for sql, reason in sorted(found.items()))


def test_every_key_of_a_tenant_table_starts_with_the_cooperative():
    # Citus enforces a primary or unique key only when it holds the distribution column
    from kkmp_pos.server import models

    for model in models.ALL_MODELS:
        if model._meta.table_name not in sql_capture.TENANT_TABLES:
            continue
        pk = model._meta.primary_key
        names = list(pk.field_names) if hasattr(pk, "field_names") else [pk.name]
        assert names[0] == "cooperative_id", (model._meta.table_name, names)
        for columns, unique in model._meta.indexes:
            if unique:
                assert columns[0] == "cooperative_id", (model._meta.table_name, columns)


def test_every_table_is_a_tenant_table_or_declared_server_wide():
    from kkmp_pos.server import models

    tables = {model._meta.table_name for model in models.ALL_MODELS}
    undeclared = tables - sql_capture.TENANT_TABLES - set(sql_capture.SERVER_WIDE)
    assert not undeclared, f"tables without cooperative_id, not declared in SERVER_WIDE: {undeclared}"
    assert not sql_capture.TENANT_TABLES & set(sql_capture.SERVER_WIDE)


def test_scaling_plan_distributes_every_tenant_table():
    import re
    from pathlib import Path

    plan = (Path(__file__).resolve().parents[2] / "docs" / "SCALING.md").read_text(encoding="utf-8")
    distributed = set(re.findall(r"create_distributed_table\('(\w+)',\s*'cooperative_id'", plan))
    referenced = set(re.findall(r"create_reference_table\('(\w+)'\)", plan))  # e.g. national ceilings
    missing = sql_capture.TENANT_TABLES - distributed - referenced
    assert not missing, f"docs/SCALING.md neither distributes nor replicates: {sorted(missing)}"
    assert not distributed - sql_capture.TENANT_TABLES, "SCALING.md names a table that is not a tenant table"
