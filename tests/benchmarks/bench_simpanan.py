"""Members' money at scale: 10,000 members with three years of simpanan history (a pokok, 36 wajib bills
each paid by its document, sukarela in and out). Generating a month's wajib bills for all of them
(< 2 s), and a member lookup with balances and arrears at the counter (p95 < 10 ms)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.simpanan import add_months
from kkmp_pos.db.database import PRAGMAS
from tests.benchmarks.harness import Bench, Figure, benchmark, p95, stopwatch

MEMBERS = 10_000
MONTHS = 36


def _add_members(path: Path, this_month: str) -> list[str]:
    """10,000 members who joined three years ago, with their documents and bills up to last month."""
    con = sqlite3.connect(path)
    for key, value in PRAGMAS.items():
        con.execute(f"PRAGMA {key} = {value}")
    (user_id,) = con.execute("SELECT MIN(id) FROM user").fetchone()
    first = add_months(this_month, -MONTHS)
    joined = add_months(first, -1) + "-15"
    rng = random.Random(16)
    members, docs, bills, numbers = [], [], [], []
    for i in range(MEMBERS):
        mid, number = uuid7(), f"B-{i:06d}"
        numbers.append(number)
        members.append(
            (
                mid,
                number,
                f"88{i:08d}",
                f"Anggota {i}",
                "081200000000",
                "",
                "active",
                joined,
                joined,
                f"anggota {i} {number.lower()}",
            )
        )
        docs.append(
            (
                uuid7(),
                mid,
                "pokok",
                100_000,
                "cash",
                "",
                "confirmed",
                f"H-{i}-P",
                user_id,
                None,
                joined + "T02:00:00Z",
                joined,
                "deposit",
                "",
                100_000,
            )
        )
        wajib = 0
        for m in range(MONTHS):
            month = add_months(first, m)
            doc_id = uuid7()
            wajib += 10_000
            day = f"{month}-10"
            docs.append(
                (
                    doc_id,
                    mid,
                    "wajib",
                    10_000,
                    "cash",
                    "",
                    "confirmed",
                    f"H-{i}-W{m}",
                    user_id,
                    None,
                    day + "T02:00:00Z",
                    day,
                    "deposit",
                    month,
                    wajib,
                )
            )
            bills.append((uuid7(), mid, month, 10_000, doc_id, day + "T01:00:00Z", day))
        sukarela = 0
        for s in range(rng.randint(0, 6)):
            amount = rng.choice((20_000, 50_000, -10_000)) if sukarela >= 10_000 else 20_000
            sukarela += amount
            day = f"{add_months(first, s * 6)}-20"
            docs.append(
                (
                    uuid7(),
                    mid,
                    "sukarela",
                    amount,
                    "cash",
                    "",
                    "confirmed",
                    f"H-{i}-S{s}",
                    user_id,
                    None,
                    day + "T02:00:00Z",
                    day,
                    "deposit" if amount > 0 else "withdrawal",
                    "",
                    sukarela,
                )
            )
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        'INSERT INTO "member" ("id", "number", "card_code", "name", "phone", "address", "status", '
        '"joined_on", "created_at", "search_text") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        members,
    )
    con.executemany(
        'INSERT INTO "member_payment" ("id", "member_id", "kind", "amount_rp", "method", "reference", '
        '"status", "receipt_no", "cashier_id", "shift_id", "created_at", "business_date", "doc_type", '
        '"months", "balance_after_rp") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        docs,
    )
    con.executemany(
        'INSERT INTO "simpanan_bill" ("id", "member_id", "month", "amount_rp", "paid_by_id", "created_at", '
        '"business_date") VALUES (?, ?, ?, ?, ?, ?, ?)',
        bills,
    )
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()
    return numbers


@benchmark("simpanan_bills_and_lookup", issue=16)
def simpanan_bills_and_lookup(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.core.simpanan import month_of
    from kkmp_pos.services.members.money_view import member_money

    folder = b.scratch_copy("simpanan")
    probe = open_till(folder)
    this_month = month_of(probe.ctx.business_date())
    probe.close()
    numbers = _add_members(folder / DB_FILENAME, this_month)
    till = open_till(folder)
    try:
        till.ctx.set_setting("member.wajib_schedule", {"2000-01": 10_000})
        generate: list[float] = []
        with stopwatch(generate, scale=1.0):
            made = till.simpanan.generate_bills(this_month)
        assert made >= MEMBERS, made
        again: list[float] = []
        with stopwatch(again, scale=1.0):
            assert till.simpanan.generate_bills(this_month) == 0
        rng = random.Random(7)
        lookups: list[float] = []
        shown = member_money(till.ctx, numbers[0])  # warm the page cache once, as a till that has run
        for _ in range(b.reps(full=500, quick=100)):
            number = rng.choice(numbers)
            with stopwatch(lookups):
                shown = member_money(till.ctx, number)
        assert shown["wajib_rp"] == MONTHS * 10_000 and shown["arrears_months"] == 1, shown
    finally:
        till.close()
    return [
        Figure(f"wajib bills for {MEMBERS:,} members (one month)", generate[0], "s", bar_max=2.0),
        Figure("the same month again (nothing to bill)", again[0], "s"),
        Figure(
            f"member lookup with balances p95 ({MEMBERS:,} members, 3 years)", p95(lookups), "ms", bar_max=10
        ),
    ]
