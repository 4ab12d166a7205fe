"""Helpers for server and sync tests: database URLs, a seeded cooperative, events to push."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from kkmp_pos.core.ids import uuid7
from kkmp_pos.server import admin, auth
from kkmp_pos.server.db import ServerDb


def postgres_url() -> str | None:
    return os.environ.get("KKMP_TEST_POSTGRES_URL") or None


def unique_schema_url(base: str) -> str:
    """The PostgreSQL URL with a schema of its own, so test runs never see each other's tables."""
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}schema=kkmp_t_{uuid.uuid4().hex[:12]}"


@dataclass
class Till:
    """What a till knows after enrolment, plus its next seq (tests make events by hand)."""

    cooperative_id: str
    store_id: str
    terminal_id: str
    token: str
    next_seq: int = 1
    sent: list[dict[str, Any]] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def event(self, etype: str, payload: dict[str, Any], business_date: str = "2026-08-23"):
        env = {
            "event_id": uuid7(),
            "cooperative_id": self.cooperative_id,
            "store_id": self.store_id,
            "terminal_id": self.terminal_id,
            "seq": self.next_seq,
            "type": etype,
            "schema_version": 1,
            "occurred_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "business_date": business_date,
            "payload": payload,
        }
        self.next_seq += 1
        self.sent.append(env)
        return env

    def sale(
        self,
        total_rp: int = 15000,
        lines: int = 2,
        business_date: str = "2026-08-23",
        status: str = "completed",
    ):
        sale_id = uuid7()
        line_rows = []
        movements = []
        per_line = total_rp // lines
        for i in range(lines):
            amount = per_line if i < lines - 1 else total_rp - per_line * (lines - 1)
            line_rows.append(
                {
                    "product_id": f"P{i}",
                    "product_code": f"899{i}",
                    "name": f"Barang {i}",
                    "qty_milli": 1000,
                    "base_qty_milli": 1000,
                    "unit_price_rp": amount,
                    "price_type": "regular",
                    "line_total_rp": amount,
                }
            )
            movements.append(
                {"movement_id": uuid7(), "product_id": f"P{i}", "qty_milli": -1000, "kind": "sale"}
            )
        payload = {
            "sale_id": sale_id,
            "receipt_no": f"S1-T1-{self.next_seq:04d}",
            "cashier": "Ani",
            "member": None,
            "status": status,
            "totals": {"total_rp": total_rp},
            "lines": line_rows,
            "payments": [{"method": "cash", "amount_rp": total_rp}],
            "movements": movements,
        }
        return self.event("sale.completed", payload, business_date)


def seed(
    sdb: ServerDb,
    coop: str = "kop1",
    stores: tuple[str, ...] = ("s1",),
    terminals: tuple[tuple[str, str], ...] = (("s1", "t1"),),
) -> dict[str, Any]:
    """A cooperative with stores and enrolled terminals; returns admin token and Tills by id."""
    token = admin.create_cooperative(sdb, coop, f"Koperasi {coop}")
    for store in stores:
        admin.create_store(sdb, coop, store, f"Toko {store}")
    tills = {}
    for store, terminal in terminals:
        code = admin.enrol_terminal(sdb, coop, store, terminal)
        with sdb.database.connection_context():
            ident, term_token = auth.enrol(sdb, code)
        tills[terminal] = Till(ident.cooperative_id, ident.store_id, ident.terminal_id, term_token)
    return {"admin_token": token, "tills": tills}
