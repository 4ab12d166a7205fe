"""A varied week of two cooperatives for the board's tests: units, members, QRIS paid later,
cancellations, returns and LPG bought with a NIK, pushed through the real push endpoint."""

from __future__ import annotations

from typing import Any

from kkmp_pos.core.ids import uuid7
from tests.server.support import Till, seed

DAYS = ("2026-08-21", "2026-08-22", "2026-08-23")


def _sale(till: Till, day: str, total: int, i: int, member: bool, qris: bool, nik: bool) -> dict[str, Any]:
    env = till.sale(total, lines=2, business_date=day, status="pending" if qris else "completed")
    payload = env["payload"]
    payload["lines"][0]["business_unit"] = "sembako"
    payload["lines"][1]["business_unit"] = "lpg" if nik else ("apotek" if i % 3 == 0 else "")
    if member:
        payload["member"] = {"id": f"M{i}", "number": f"A-{i:04d}"}
    if qris:
        payload["payments"] = [{"method": "qris", "amount_rp": total}]
    elif i % 4 == 1:
        payload["payments"] = [
            {"method": "cash", "amount_rp": total - 2000},
            {"method": "qris", "amount_rp": 2000},
        ]
    if nik:
        payload["buyer_nik_hmac"] = f"{i % 3:064x}"
        payload["buyer_nik_last4"] = f"{1000 + i % 3}"
    return env


def push(http, till: Till, events: list[dict[str, Any]]) -> None:
    answer = http.post("/v1/sync/push", json={"events": events}, headers=till.headers)
    assert answer.status_code == 200, answer.text
    bad = [r for r in answer.json()["results"] if r["status"] != "created"]
    assert not bad, bad


def build(http, sdb, coop: str = "kop1", region: str = "7371") -> dict[str, Any]:
    """Seed `coop` with stores s1, s2 and tills t1 (s1), t2 (s2), then push a few days of trade."""
    world = seed(sdb, coop, ("s1", "s2"), (("s1", f"{coop}-t1"), ("s2", f"{coop}-t2")))
    Coop = sdb.m.CooperativeModel
    with sdb.database.connection_context():
        Coop.update(region_code=region).where(Coop.cooperative_id == coop).execute()
    for n, till in enumerate(world["tills"].values()):
        batch, later = [], []
        for d, day in enumerate(DAYS):
            for i in range(6 + n + d):
                qris = i % 5 == 2
                sale = _sale(till, day, 10_000 + 2_500 * i + 700 * d, i, i % 2 == 0, qris, i % 4 == 3)
                batch.append(sale)
                sale_id = sale["payload"]["sale_id"]
                if qris and i % 2:
                    later.append(till.event("sale.cancelled", {"sale_id": sale_id, "reason": "batal"}, day))
                elif qris:
                    later.append(
                        till.event(
                            "sale.payment_confirmed",
                            {"sale_id": sale_id, "amount_rp": sale["payload"]["totals"]["total_rp"]},
                            day,
                        )
                    )
                elif i == 4:
                    later.append(till.event("sale.cancelled", {"sale_id": sale_id, "reason": "salah"}, day))
                elif i == 1:
                    ret = {"return_id": uuid7(), "sale_id": sale_id, "refund_rp": 3_000, "lines": []}
                    later.append(till.event("return.completed", ret, day))
        push(http, till, batch)
        push(http, till, later)
    return world
