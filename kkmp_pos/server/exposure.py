"""Which listener serves which route, and how the OpenAPI document declares who may call it.

The server has three exposures, each meant for its own listener (`serve` runs one per exposure, or
one for all with `--single-listener`):

- `sync`: what the tills reach over the internet (enrol, push, pull, and later the acquirer's
  callbacks and the tills' backup upload). Every route not tagged otherwise is here.
- `web`: the cooperative's board pages (tag `web`), which may be exposed behind TLS.
- `admin`: the cooperative's admin JSON API (tag `admin`), on localhost unless told otherwise.

Routes tagged `server` (health) and FastAPI's own documentation routes are on every listener.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

SYNC, WEB, ADMIN = "sync", "web", "admin"
EXPOSURES = (SYNC, WEB, ADMIN)
EVERYWHERE = "server"

TERMINAL_AUTH = {"security": [{"terminalToken": []}]}
ADMIN_AUTH = {"security": [{"adminToken": []}]}
SECURITY_SCHEMES = {
    "terminalToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A till's token `kkt1.<cooperative>.<terminal>.<secret>`, from POST /v1/enrol.",
    },
    "adminToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "An admin API token `kka1.<cooperative>.<token id>.<secret>`, from "
        "`kkmp-pos-server admin admin-token create` or POST /v1/admin/tokens.",
    },
}
# what every route behind a bearer token may answer, whatever else it declares
AUTH_FAILURES = {
    "401": "No token, or a token the server does not know (the till must enrol)",
    "403": "A known token that may not do this: the terminal or admin token was revoked or expired, "
    "or the data names another cooperative, terminal or store",
    "429": "Too many failed sign-ins or enrolments from this address; see Retry-After",
}


def exposure_of(route: Any) -> str | None:
    """The exposure serving `route`; None for routes every listener serves."""
    if not isinstance(route, APIRoute):
        return None  # /openapi.json, /docs: each listener documents its own routes
    tags = set(route.tags or ())
    if EVERYWHERE in tags:
        return None
    if ADMIN in tags:
        return ADMIN
    if WEB in tags:
        return WEB
    return SYNC


def keep_only(app: FastAPI, exposures: Iterable[str]) -> None:
    """Drop the routes of every other exposure from `app` (before its OpenAPI is built)."""
    wanted = set(exposures)
    unknown = wanted - set(EXPOSURES)
    if unknown:
        raise ValueError(f"unknown exposure {sorted(unknown)}")
    app.router.routes[:] = [
        r for r in app.router.routes if exposure_of(r) is None or exposure_of(r) in wanted
    ]


def declare_security(doc: dict[str, Any]) -> None:
    """Add the bearer schemes, and the auth failures to every operation that needs a token."""
    components = doc.setdefault("components", {})
    components.setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
    error_ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDoc"}}}}
    for operations in doc.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or not operation.get("security"):
                continue
            responses = operation.setdefault("responses", {})
            for status, text in AUTH_FAILURES.items():
                responses.setdefault(status, {"description": text} | error_ref)
