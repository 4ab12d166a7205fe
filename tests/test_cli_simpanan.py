"""`kkmp-pos simpanan …` and `kkmp-pos members …` run as real processes on a real data folder: the
documents they print, their refusals (exit 2 with the message), and the figures they show."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(folder: Path, *args: str, pins: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(folder), *args],
        input=pins,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def folder(till) -> Path:
    """The demo shop (its shift open) with a member who joined long ago, billed from the cut-over."""
    till.ctx.set_setting("cash.rounding_rp", 500)
    till.ctx.set_setting("member.wajib_schedule", {"2020-01": 10_000})
    path = Path(till.ctx.db.database).parent
    till.close()
    return path


def test_pay_wajib_ahead_sukarela_then_withdraw_with_another_manager(folder: Path) -> None:
    done = run(folder, "simpanan", "pay", "A-000001", "--kind", "wajib", "--months", "2", "--user",
               "Siti Rahmawati", "--json", pins="1111\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == {
        "id",
        "number",
        "kind",
        "amount_rp",
        "cash_rp",
        "rounding_rp",
        "months",
        "balance_after_rp",
    }
    assert doc["amount_rp"] == 20_000 and len(doc["months"]) == 2 and doc["balance_after_rp"] == 20_000

    done = run(folder, "simpanan", "pay", "A-000001", "--kind", "sukarela", "--amount", "60200", "--user",
               "Siti Rahmawati", "--json", pins="1111\n")  # fmt: skip
    doc = json.loads(done.stdout)
    assert doc["rounding_rp"] == -200 and doc["cash_rp"] == 60_000 and doc["balance_after_rp"] == 60_200

    same = run(folder, "simpanan", "withdraw", "A-000001", "--amount", "10000", "--user", "Budi Santoso",
               "--approver", "Budi Santoso", pins="9999\n9999\n")  # fmt: skip
    assert same.returncode == 2 and "manajer lain" in same.stderr
    over = run(folder, "simpanan", "withdraw", "A-000001", "--amount", "70000", "--user", "Siti Rahmawati",
               "--approver", "Budi Santoso", pins="1111\n9999\n")  # fmt: skip
    assert over.returncode == 2 and "melebihi saldo" in over.stderr
    done = run(folder, "simpanan", "withdraw", "A-000001", "--amount", "50000", "--user", "Siti Rahmawati",
               "--approver", "Budi Santoso", "--json", pins="1111\n9999\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["balance_after_rp"] == 10_200

    shown = run(folder, "members", "show", "A-000001", "--json")
    member = json.loads(shown.stdout)
    assert member["number"] == "A-000001" and member["status"] == "active"
    assert (member["wajib_rp"], member["sukarela_rp"], member["arrears_months"]) == (20_000, 10_200, 0)
    assert {"bon_outstanding_rp", "purchases_ytd_rp", "pokok_rp", "arrears_rp", "as_of"} <= set(member)


def test_wajib_by_an_amount_that_is_not_whole_months_is_refused(folder: Path) -> None:
    done = run(folder, "simpanan", "pay", "A-000002", "--kind", "wajib", "--amount", "15000", "--user",
               "Siti Rahmawati", pins="1111\n")  # fmt: skip
    assert done.returncode == 2 and "15.000" in done.stderr


def test_bills_are_made_once_and_the_capital_board_counts_them(folder: Path) -> None:
    shown = json.loads(run(folder, "members", "show", "A-000001", "--json").stdout)
    month = shown["as_of"]["till"][:7]
    # the cut-over is next month: this month bills nobody, the next bills everyone once
    assert json.loads(run(folder, "simpanan", "bills", "--month", month, "--json").stdout)["generated"] == 0
    nxt = f"{int(month[:4]) + int(month[5:]) // 12:04d}-{int(month[5:]) % 12 + 1:02d}"
    first = json.loads(run(folder, "simpanan", "bills", "--month", nxt, "--json").stdout)
    again = json.loads(run(folder, "simpanan", "bills", "--month", nxt, "--json").stdout)
    assert first["generated"] > 0 and again["generated"] == 0 and len(again["bills"]) == first["generated"]
    assert {b["status"] for b in again["bills"]} == {"UNPAID"}
    board = json.loads(run(folder, "members", "capital", "--json").stdout)
    assert set(board) == {"as_of", "members", "capital", "arrears", "bon_outstanding_rp"}
    assert board["arrears"] == {"members": 0, "amount_rp": 0}  # next month's bills are not yet due
    assert set(board["members"]) == {"active", "inactive", "pending", "joined_month", "joined_year"}


def test_opening_balances_preview_then_all_or_nothing(folder: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "saldo.csv"
    sheet.write_text(
        "number,cutover_month,pokok_rp,wajib_rp,wajib_paid_to,sukarela_rp,bon_rp\n"
        "A-000003,2030-01,100000,240000,2030-03,15000,0\n"
        "A-999999,2030-01,100000,0,,0,0\n"
    )
    preview = run(folder, "members", "import-balances", str(sheet), "--json")
    assert preview.returncode == 0, preview.stderr
    assert json.loads(preview.stdout)["ok"] is False
    refused = run(folder, "members", "import-balances", str(sheet), "--apply", "--user", "Budi Santoso",
                  pins="9999\n")  # fmt: skip
    assert refused.returncode == 2
    assert json.loads(run(folder, "members", "show", "A-000003", "--json").stdout)["sukarela_rp"] == 0
    sheet.write_text(sheet.read_text().splitlines()[0] + "\nA-000003,2030-01,100000,240000,2030-03,15000,0\n")
    done = run(folder, "members", "import-balances", str(sheet), "--apply", "--user", "Budi Santoso",
               "--json", pins="9999\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["applied"] == 1
    member = json.loads(run(folder, "members", "show", "A-000003", "--json").stdout)
    assert (member["pokok_rp"], member["wajib_rp"], member["sukarela_rp"]) == (100_000, 240_000, 15_000)
    assert member["arrears_months"] == 0
