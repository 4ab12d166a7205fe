"""Create or migrate the central server's schema: numbered steps, each atomic with its version bump."""

from __future__ import annotations

import logging
from collections.abc import Callable

from kkmp_pos.core.errors import StorageError
from kkmp_pos.server.db import ServerDb

log = logging.getLogger(__name__)


def _step_1_initial(sdb: ServerDb) -> None:
    tables = [m for m in sdb.models if m.__name__ != "SchemaVersionModel"]
    sdb.database.create_tables(tables, safe=True)
    if sdb.is_postgres:
        # change ids come from one sequence; per-scope advisory locks keep commit order = id order
        sdb.database.execute_sql("CREATE SEQUENCE IF NOT EXISTS change_log_seq")


def _step_2_movement_product(sdb: ServerDb) -> None:
    """Stock movements name the product by uid and code (step 1 of a new database already has them)."""
    have = {c.name for c in sdb.database.get_columns("stock_movement")}
    for column in ("product_uid", "product_code"):
        if column not in have:
            sdb.database.execute_sql(
                f"ALTER TABLE stock_movement ADD COLUMN {column} VARCHAR(64) NOT NULL DEFAULT ''"
            )


def _step_3_enrol_claim_and_token_expiry(sdb: ServerDb) -> None:
    """An enrolment code is claimed by one till until it confirms; admin tokens may expire."""
    for table, column, size in (("terminal", "enrol_device_hash", 64), ("admin_token", "expires_at", 40)):
        if column not in {c.name for c in sdb.database.get_columns(table)}:
            sdb.database.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR({size})")


def _step_4_document_keys(sdb: ServerDb) -> None:
    """`sync_document`: each sale and return once per cooperative, whatever its business date. Filled
    from the stored documents; of a sale already stored under two dates, the earlier date's row
    claims the key (the later one stays, as it was, for the administrator to look at)."""
    sdb.database.create_tables([sdb.m.DocumentModel], safe=True)
    verb = "INSERT" if sdb.is_postgres else "INSERT OR IGNORE"
    tail = " ON CONFLICT DO NOTHING" if sdb.is_postgres else ""
    for doc_type, table, column in (("sale", "sale", "sale_id"), ("return", "sale_return", "return_id")):
        sdb.database.execute_sql(
            f'{verb} INTO sync_document ("cooperative_id", "doc_type", "doc_id", "business_date", '
            f'"event_id") SELECT "cooperative_id", \'{doc_type}\', "{column}", "business_date", "event_id" '
            f'FROM "{table}" ORDER BY "business_date"{tail}'
        )


def _step_5_personal_data(sdb: ServerDb) -> None:
    """NIK and KK at rest (issue 12): member columns for the encrypted numbers and their keyed hash,
    the privacy audit table, a key per cooperative in the key folder, and every clear number already
    stored converted (server.personal.convert_clear_numbers)."""
    from kkmp_pos.server.personal import convert_clear_numbers

    have = {c.name for c in sdb.database.get_columns("member")}
    for column, kind in (
        ("nik_enc", "TEXT"),
        ("nik_hmac", "VARCHAR(64)"),
        ("kk_enc", "TEXT"),
        ("kk_hmac", "VARCHAR(64)"),
    ):
        if column not in have:
            sdb.database.execute_sql(f"ALTER TABLE member ADD COLUMN {column} {kind}")
    sdb.database.execute_sql(
        'CREATE INDEX IF NOT EXISTS "member_cooperative_id_nik_hmac" '
        'ON "member" ("cooperative_id", "nik_hmac")'
    )
    sdb.database.create_tables([sdb.m.PrivacyAuditModel], safe=True)
    convert_clear_numbers(sdb)


def _step_6_rate_limit_failures(sdb: ServerDb) -> None:
    """Failed enrolments and sign-ins in a table, so several worker processes share one count."""
    sdb.database.create_tables([sdb.m.RateLimitFailureModel], safe=True)


def _step_7_qris_notifications(sdb: ServerDb) -> None:
    """QRIS by the acquirer: each store's acquirer public key, and the notifications received."""
    sdb.database.create_tables([sdb.m.QrisAcquirerKeyModel, sdb.m.QrisNotificationModel], safe=True)


def _step_8_board(sdb: ServerDb) -> None:
    """The board's web pages (issue 18): daily rollups, the regulated-goods logbook, web users and
    sessions, each cooperative's region code; the rollups and logbook filled from what is stored."""
    from kkmp_pos.server.rollups import rebuild_all

    for table, column in (("cooperative", "region_code"), ("sale_line", "business_unit")):
        if column not in {c.name for c in sdb.database.get_columns(table)}:
            sdb.database.execute_sql(
                f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR(16) NOT NULL DEFAULT ''"
            )
    m = sdb.m
    sdb.database.create_tables(
        [m.DailyRollupModel, m.RegulatedSaleModel, m.WebUserModel, m.WebSessionModel], safe=True
    )
    rebuild_all(sdb)


STEPS: list[Callable[[ServerDb], None]] = [
    _step_1_initial,
    _step_2_movement_product,
    _step_3_enrol_claim_and_token_expiry,
    _step_4_document_keys,
    _step_5_personal_data,
    _step_6_rate_limit_failures,
    _step_7_qris_notifications,
    _step_8_board,
]
SCHEMA_VERSION = len(STEPS)


def current_version(sdb: ServerDb) -> int:
    Version = sdb.m.SchemaVersionModel
    if not sdb.database.table_exists(Version._meta.table_name):
        return 0
    row = Version.get_or_none(Version.id == 1)
    return row.version if row else 0


def migrate(sdb: ServerDb) -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found before. Safe to call on every
    start, also from several processes at once (PostgreSQL: an advisory lock serialises them)."""
    Version = sdb.m.SchemaVersionModel
    with sdb.database.connection_context(), sdb.atomic():
        sdb.lock("kkmp:schema")
        sdb.database.create_tables([Version], safe=True)
        found = current_version(sdb)
        if found > SCHEMA_VERSION:
            raise StorageError("db_too_new", path=sdb.url, found=found, known=SCHEMA_VERSION)
        for number in range(found + 1, SCHEMA_VERSION + 1):
            log.info("server schema: applying step %d", number)
            STEPS[number - 1](sdb)
            Version.insert(id=1, version=number).on_conflict(
                conflict_target=[Version.id], update={Version.version: number}
            ).execute()
    return found
