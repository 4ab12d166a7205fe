"""Privacy fixtures: the server fixtures of tests/server (SQLite and PostgreSQL)."""

from tests.server.conftest import database_url, http, live, sdb  # noqa: F401
