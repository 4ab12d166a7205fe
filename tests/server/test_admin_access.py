"""Admin tokens are named, may expire, can be listed and revoked (API and CLI); the OpenAPI document
declares its security schemes and the auth failures of every protected operation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kkmp_pos.server import admin

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(sdb):
    tokens = {coop: admin.create_cooperative(sdb, coop, f"Koperasi {coop}") for coop in ("kop1", "kop2")}
    return tokens


def _h(token):
    return {"Authorization": f"Bearer {token}"}


def test_admin_tokens_are_created_with_a_name_and_expiry_listed_and_revoked(http, world):
    root = world["kop1"]
    made = http.post(
        "/v1/admin/tokens", json={"name": "laptop bendahara", "expires_days": 30}, headers=_h(root)
    )
    assert made.status_code == 200, made.text
    token, token_id = made.json()["token"], made.json()["token_id"]
    assert http.get("/v1/admin/products", headers=_h(token)).status_code == 200

    listed = http.get("/v1/admin/tokens", headers=_h(token)).json()
    mine = next(t for t in listed if t["token_id"] == token_id)
    assert mine["name"] == "laptop bendahara" and mine["active"] and mine["expires_at"] > mine["created_at"]
    assert token.split(".")[3] not in json.dumps(listed)  # no secret, no hash
    assert all("hash" not in key for t in listed for key in t)

    revoked = http.post(f"/v1/admin/tokens/{token_id}/revoke", headers=_h(root))
    assert revoked.status_code == 200
    refused = http.get("/v1/admin/products", headers=_h(token))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "admin_token_revoked"
    assert not next(
        t for t in http.get("/v1/admin/tokens", headers=_h(root)).json() if t["token_id"] == token_id
    )["active"]


def test_an_expired_admin_token_is_refused(http, sdb, world):
    token = admin.new_admin_token(sdb, "kop1", "short", expires_days=1)
    with sdb.database.connection_context():
        sdb.m.AdminTokenModel.update(expires_at="2000-01-01T00:00:00.000+00:00").where(
            sdb.m.AdminTokenModel.token_id == token.split(".")[2]
        ).execute()
    refused = http.get("/v1/admin/report", headers=_h(token))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "admin_token_expired"


def test_a_cooperative_cannot_see_or_revoke_another_ones_tokens(http, world):
    kop2_ids = [t["token_id"] for t in http.get("/v1/admin/tokens", headers=_h(world["kop2"])).json()]
    assert kop2_ids and not set(kop2_ids) & {
        t["token_id"] for t in http.get("/v1/admin/tokens", headers=_h(world["kop1"])).json()
    }
    answer = http.post(f"/v1/admin/tokens/{kop2_ids[0]}/revoke", headers=_h(world["kop1"]))
    assert answer.status_code == 404
    assert http.get("/v1/admin/report", headers=_h(world["kop2"])).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"name": ""},
        {"name": "x" * 201},
        {"name": "a\u0000b"},
        {"name": "ok", "expires_days": 0},
        {"name": "ok", "expires_days": True},
        {"name": "ok", "extra": 1},
        ["name"],
    ],
)
def test_bad_token_requests_get_400(http, world, body):
    assert http.post("/v1/admin/tokens", json=body, headers=_h(world["kop1"])).status_code == 400


def _cli(database_url, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos.server.cli", "--database", database_url, "admin", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def test_admin_tokens_from_the_cli(http, database_url, world):
    made = _cli(
        database_url, "admin-token", "create", "kop1", "--name", "kasir kepala", "--expires-days", "7"
    )
    assert made.returncode == 0, made.stderr
    token = made.stdout.split()[-1]
    assert http.get("/v1/admin/members", headers=_h(token)).status_code == 200
    listed = _cli(database_url, "admin-token", "list", "kop1", "--json")
    rows = json.loads(listed.stdout)
    token_id = token.split(".")[2]
    assert {r["name"] for r in rows} >= {"kasir kepala", "created with the cooperative"}
    assert token.split(".")[3] not in listed.stdout
    revoked = _cli(database_url, "admin-token", "revoke", "kop1", token_id)
    assert revoked.returncode == 0, revoked.stderr
    assert http.get("/v1/admin/members", headers=_h(token)).status_code == 403
    missing = _cli(database_url, "admin-token", "revoke", "kop1", "nosuchtoken")
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_openapi_declares_security_schemes_and_auth_failures(http):
    doc = http.get("/openapi.json").json()
    schemes = doc["components"]["securitySchemes"]
    assert schemes["terminalToken"]["scheme"] == schemes["adminToken"]["scheme"] == "bearer"
    protected = 0
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            security = operation.get("security")
            if path.startswith("/v1/admin/"):
                assert security == [{"adminToken": []}], (method, path)
            elif path.startswith("/v1/sync/") or path == "/v1/enrol/confirm":
                assert security == [{"terminalToken": []}], (method, path)
            if security:
                protected += 1
                assert {"401", "403", "429"} <= set(operation["responses"]), (method, path)
    assert protected >= 10
    enrol = doc["paths"]["/v1/enrol"]["post"]
    assert "security" not in enrol and {"401", "409", "429"} <= set(enrol["responses"])
