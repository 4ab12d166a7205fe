"""Open the central server's database (SQLite file or PostgreSQL URL) and bind the models to it."""

from __future__ import annotations

import io
import logging
import re
import zlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import peewee
from playhouse.pool import PooledPostgresqlDatabase

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.server import models as base_models
from kkmp_pos.server.keys import KeyStore, key_dir_for

log = logging.getLogger(__name__)

_COPY_FROM = 10  # more rows than this go through COPY (fewer: one INSERT costs less than the COPY set-up)
_SCHEMA_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class ServerDb:
    """A database plus the server models bound to it (attributes named like the model classes).

    The models are subclassed per database instead of bound globally, so two servers (SQLite and
    PostgreSQL) can run in one process, as the tests and benchmarks do.
    """

    def __init__(
        self, database: peewee.Database, url: str, schema: str | None = None, key_dir: Path | None = None
    ) -> None:
        self.database = database
        self.url = url
        self.schema = schema
        # the cooperatives' personal-data keys: a folder beside, never inside, the database
        self.keys = KeyStore(key_dir or key_dir_for(url))
        self.is_postgres = isinstance(database, peewee.PostgresqlDatabase)
        self.m = SimpleNamespace()
        for model in base_models.ALL_MODELS:
            meta = type("Meta", (), {"database": database, "table_name": model._meta.table_name})
            bound = type(model.__name__, (model,), {"Meta": meta, "__module__": model.__module__})
            setattr(self.m, model.__name__, bound)

    @property
    def models(self) -> list[type[peewee.Model]]:
        return [getattr(self.m, model.__name__) for model in base_models.ALL_MODELS]

    def atomic(self) -> Any:
        """A write transaction; on SQLite it starts IMMEDIATE so writers queue instead of failing."""
        return self.database.atomic()

    def lock(self, *names: str) -> None:
        """Take transaction-scoped advisory locks (PostgreSQL) in a fixed order to avoid deadlocks.

        SQLite needs none: its write lock already serialises every writer.
        """
        if not self.is_postgres:
            return
        for name in sorted(set(names)):
            key = zlib.crc32(name.encode()) - 2**31
            self.database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (key,))

    def insert_rows(
        self,
        model: type[peewee.Model],
        rows: list[dict[str, Any]],
        ignore_conflicts: bool = False,
        returning: str | None = None,
    ) -> list[Any]:
        """Multi-row INSERT straight through the driver: peewee's per-value SQL building costs more
        than the database itself at ingest rates. All rows must have the same keys. Returns the
        `returning` column of the inserted rows (PostgreSQL only; [] on SQLite).

        On PostgreSQL, plain inserts of more than a few rows go through COPY: psycopg2's per-value
        quoting (mogrify) was the largest single cost of a push batch."""
        if not rows:
            return []
        columns = list(rows[0])
        table = model._meta.table_name
        names = ", ".join(f'"{c}"' for c in columns)
        values = [tuple(row[c] for c in columns) for row in rows]
        # raw cursor errors become peewee's (IntegrityError...), so callers can fall back
        with peewee.__exception_wrapper__:
            cursor = self.database.cursor()
            if self.is_postgres:
                if not ignore_conflicts and not returning and len(values) > _COPY_FROM:
                    cursor.copy_expert(f'COPY "{table}" ({names}) FROM STDIN', _copy_text(values))
                    return []
                if ignore_conflicts and returning and len(values) > _COPY_FROM:
                    # COPY into a session-private table, then one INSERT ... ON CONFLICT from it
                    staging = f"{table}_in"
                    cursor.execute(
                        f'CREATE TEMP TABLE IF NOT EXISTS "{staging}" (LIKE "{table}") ON COMMIT DELETE ROWS'
                    )
                    cursor.execute(f'DELETE FROM "{staging}"')
                    cursor.copy_expert(f'COPY "{staging}" ({names}) FROM STDIN', _copy_text(values))
                    cursor.execute(
                        f'INSERT INTO "{table}" ({names}) SELECT {names} FROM "{staging}" '
                        f'ON CONFLICT DO NOTHING RETURNING "{returning}"'
                    )
                    return [r[0] for r in cursor.fetchall()]
                from psycopg2.extras import execute_values

                sql = f'INSERT INTO "{table}" ({names}) VALUES %s'
                if ignore_conflicts:
                    sql += " ON CONFLICT DO NOTHING"
                if returning:
                    sql += f' RETURNING "{returning}"'
                    found = execute_values(cursor, sql, values, page_size=1000, fetch=True)
                    return [r[0] for r in found]
                execute_values(cursor, sql, values, page_size=1000)
                return []
            verb = "INSERT OR IGNORE" if ignore_conflicts else "INSERT"
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f'{verb} INTO "{table}" ({names}) VALUES ({marks})', values)
        return []

    def close(self) -> None:
        if not self.database.is_closed():
            self.database.close()
        close_all = getattr(self.database, "close_all", None)
        if close_all is not None:
            close_all()


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(values: list[tuple[Any, ...]]) -> io.StringIO:
    """Rows in COPY's text format: tab-separated, \\N for NULL, backslash escapes."""
    out = []
    for row in values:
        fields = []
        for value in row:
            if value is None:
                fields.append("\\N")
            elif isinstance(value, bool):
                fields.append("t" if value else "f")
            elif isinstance(value, int):
                fields.append(str(value))
            else:
                text = str(value)
                if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
                    text = text.translate(_COPY_ESCAPES)
                fields.append(text)
        out.append("\t".join(fields))
    out.append("")
    return io.StringIO("\n".join(out))


def open_server_db(url: str, key_dir: Path | str | None = None) -> ServerDb:
    """`postgresql://user@host:port/db[?schema=name]`, `sqlite:///path` or a plain file path;
    `key_dir`: the personal-data key folder (default `keys.key_dir_for(url)`)."""
    keys = Path(key_dir) if key_dir else None
    if url.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        schema = query.pop("schema", [None])[0]
        if schema is not None and not _SCHEMA_RE.match(schema):
            raise ValidationError("server_database_invalid", url=url, reason="bad schema name")
        rest = "&".join(f"{k}={v[0]}" for k, v in query.items())
        dsn = urlunsplit(("postgresql", parts.netloc, parts.path, rest, ""))
        kwargs: dict[str, Any] = {}
        if schema:
            kwargs["options"] = f"-c search_path={schema}"
        # a pool: every request opens and closes its connection (peewee.connection_context)
        database: peewee.Database = PooledPostgresqlDatabase(
            dsn, max_connections=64, stale_timeout=300, timeout=30, **kwargs
        )
        if schema:
            # the schema must exist before any connection uses it as its search path
            bootstrap = peewee.PostgresqlDatabase(dsn)
            with bootstrap.connection_context():
                bootstrap.execute_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        return ServerDb(database, url, schema, keys)
    path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else url
    if url.startswith("sqlite://") and not url.startswith("sqlite:///"):
        raise ValidationError("server_database_invalid", url=url, reason="use sqlite:///path")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    database = peewee.SqliteDatabase(
        path,
        lock_type="IMMEDIATE",
        timeout=30,
        pragmas={
            "journal_mode": "wal",
            "synchronous": "full",
            "foreign_keys": 1,
            "busy_timeout": 30000,
            "secure_delete": 1,  # an erased or converted NIK leaves no copy in free pages
        },
    )
    return ServerDb(database, url, key_dir=keys)


def drop_schema(url: str) -> None:
    """Drop the PostgreSQL schema named in `url` (tests use one schema per run)."""
    parts = urlsplit(url)
    schema = parse_qs(parts.query).get("schema", [None])[0]
    if not schema or not _SCHEMA_RE.match(schema):
        return
    dsn = urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))
    database = peewee.PostgresqlDatabase(dsn)
    with database.connection_context():
        database.execute_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
