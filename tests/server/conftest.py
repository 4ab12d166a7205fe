"""Fixtures: a server database (SQLite file, and PostgreSQL when KKMP_TEST_POSTGRES_URL is set) and
a real uvicorn server on 127.0.0.1 in a thread."""

from __future__ import annotations

import httpx
import pytest

from kkmp_pos.server.app import create_app
from kkmp_pos.server.db import drop_schema
from kkmp_pos.server.live import start_server
from tests.server.support import postgres_url, unique_schema_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    base = postgres_url()
    if not base:
        pytest.skip("KKMP_TEST_POSTGRES_URL is not set")
    url = unique_schema_url(base)
    yield url
    drop_schema(url)


@pytest.fixture
def live(database_url):
    app = create_app(database_url)
    server = start_server(app)
    yield server
    server.stop()
    app.state.sdb.close()


@pytest.fixture
def sdb(live):
    return live.app.state.sdb


@pytest.fixture
def http(live):
    with httpx.Client(base_url=live.url, timeout=30) as client:
        yield client
