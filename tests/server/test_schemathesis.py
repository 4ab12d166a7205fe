"""The sync and admin APIs fuzzed from their own OpenAPI document (schemathesis), on SQLite and
PostgreSQL, with valid and invalid credentials: no answer is a 5xx, and every answer's status, content
type and body are the ones the document declares.

Bounded: a few examples per operation and generation mode, so the whole file stays well under a minute.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.core.failures import FailureGroup  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.server.support import seed  # noqa: E402

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 8  # per operation, generation mode and credential: ~2 x 12 x 2 x 8 requests per backend


@pytest.fixture
def api(live, sdb):
    world = seed(sdb)
    schema = schemathesis.openapi.from_url(f"{live.url}/openapi.json")
    return live.url, schema, world


def _headers(world, credentials, path):
    if credentials == "invalid":
        return {"Authorization": "Bearer not-a-token-of-this-server"}
    token = world["admin_token"] if path.startswith("/v1/admin") else world["tills"]["t1"].token
    return {"Authorization": f"Bearer {token}"}


def _fuzz(operation, base_url, headers, failures):
    """A bounded run of one operation, positive and negative data; failures are collected, not raised,
    so one run reports every operation that breaks."""
    strategy = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)
    )

    @settings(
        max_examples=EXAMPLES * 2,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case):
        response = case.call(base_url=base_url, headers=headers, timeout=30)
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, FailureGroup) as exc:
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:2000])

    run()


@pytest.mark.parametrize("credentials", ["valid", "invalid"])
def test_no_5xx_and_every_answer_as_documented(api, credentials):
    base_url, schema, world = api
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/v1/sync/push", "/v1/sync/pull", "/v1/admin/products"}
    failures: list[str] = []
    for operation in operations:
        _fuzz(operation, base_url, _headers(world, credentials, operation.path), failures)
    assert not failures, "\n\n".join(failures[:10])
