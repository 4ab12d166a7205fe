"""`kkmp-pos books ...`: the JSON shapes the issue fixes, their totals, the PDFs, and adding an account."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from kkmp_pos.cli import main
from kkmp_pos.core.money import format_rp


def run(till, capsys, *args: str) -> dict:
    data_dir = str(Path(till.ctx.db.database).parent)
    assert main(["--data-dir", data_dir, "books", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_trial_balance_json_is_balanced_rows_of_account_name_type_debit_credit(till, capsys):
    day = till.ctx.business_date()
    data = run(till, capsys, "trial-balance", "--to", day, "--json")
    assert set(data) >= {"rows", "total_debit_rp", "total_credit_rp"}
    assert data["rows"] and data["total_debit_rp"] == data["total_credit_rp"] > 0
    for row in data["rows"]:
        assert set(row) == {"account", "name", "type", "debit_rp", "credit_rp"}
        assert row["type"] in {"asset", "liability", "equity", "revenue", "expense"}
        assert not (row["debit_rp"] and row["credit_rp"])  # a closing balance sits on one side
    period = run(till, capsys, "trial-balance", "--from", day[:4] + "-01-01", "--to", day, "--json")
    assert period["total_debit_rp"] == period["total_credit_rp"]
    assert sum(r["debit_rp"] for r in period["rows"]) == period["total_debit_rp"]


def test_phu_json_is_per_unit_member_and_non_member_and_neraca_balances(till, capsys):
    day = till.ctx.business_date()
    phu = run(till, capsys, "phu", "--year", day[:4], "--json")
    units = {u["unit"]: u for u in phu["units"]}
    assert {"sembako", "lpg", "obat"} <= set(units)
    assert units["sembako"]["member"]["revenue_rp"] > 0 and units["sembako"]["nonmember"]["revenue_rp"] > 0
    assert phu["shu_rp"] == phu["total_revenue_rp"] - phu["total_expense_rp"]
    neraca = run(till, capsys, "neraca", "--date", day, "--json")
    assert neraca["balanced"]
    assert neraca["total_aset_rp"] == neraca["total_kewajiban_rp"] + neraca["total_ekuitas_rp"]
    assert neraca["shu_tahun_berjalan_rp"] == phu["shu_rp"]


def test_the_pdfs_show_the_figures_of_the_json(till, capsys, tmp_path):
    day = till.ctx.business_date()
    neraca = run(till, capsys, "neraca", "--date", day, "--json", "--pdf", str(tmp_path / "n.pdf"))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "n.pdf").pages)
    assert format_rp(neraca["total_aset_rp"]) in text and "Neraca" in text
    tb = run(till, capsys, "trial-balance", "--to", day, "--json", "--pdf", str(tmp_path / "t.pdf"))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages)
    assert format_rp(tb["total_debit_rp"]) in text


def test_accounts_add_extends_the_chart(till, capsys):
    data_dir = str(Path(till.ctx.db.database).parent)
    assert main(["--data-dir", data_dir, "books", "accounts", "add", "611100", "Sewa gudang"]) == 0
    capsys.readouterr()
    accounts = {a["account"]: a for a in run(till, capsys, "accounts", "--json")}
    assert accounts["611100"]["type"] == "expense" and accounts["111000"]["name"].startswith("Kas")
