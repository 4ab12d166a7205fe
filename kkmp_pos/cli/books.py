"""`kkmp-pos books ...`: the cooperative's books from the command line (trial balance, PHU, neraca, the
ledger and cash book, and extending the chart of accounts), for the board's checks and scheduled jobs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kkmp_pos.cli.commands import open_till_for
from kkmp_pos.cli.registry import command


@command("books", "the cooperative's books: trial balance, PHU, neraca, ledger, chart of accounts")
def _books(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="books_command", required=True)
    tb = sub.add_parser("trial-balance", help="trial balance: balances at --to, or a period's movements")
    tb.add_argument("--from", dest="date_from", help="first date YYYY-MM-DD (then the period's movements)")
    tb.add_argument("--to", dest="date_to", required=True, help="last date YYYY-MM-DD")
    phu = sub.add_parser("phu", help="the year's income statement per business unit, member and non-member")
    phu.add_argument("--year", type=int, required=True, help="book year, e.g. 2026")
    neraca = sub.add_parser("neraca", help="the balance sheet at a date")
    neraca.add_argument("--date", required=True, help="date YYYY-MM-DD")
    ledger = sub.add_parser("ledger", help="one account's postings in a period (general ledger)")
    ledger.add_argument("--account", required=True, help="account code, e.g. 111000")
    cash = sub.add_parser("cash-book", help="the drawer cash account's postings in a period")
    for p in (ledger, cash):
        p.add_argument("--from", dest="date_from", required=True, help="first date YYYY-MM-DD")
        p.add_argument("--to", dest="date_to", required=True, help="last date YYYY-MM-DD")
    for p in (tb, phu, neraca, ledger, cash):
        p.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    for p in (tb, phu, neraca):
        p.add_argument("--pdf", type=Path, help="also write the report as a PDF file")
    sub.add_parser(
        "backfill", help="post the journals of documents made before the books (once, after an upgrade)"
    )
    accounts = sub.add_parser("accounts", help="list the chart of accounts, or add an account")
    acts = accounts.add_subparsers(dest="accounts_command")
    add = acts.add_parser("add", help="add an account (its type follows the code's first digit)")
    add.add_argument("code", help="six digits, e.g. 611100")
    add.add_argument("name", help="the account's name")
    add.add_argument("--unit", default="", help="business unit the account belongs to, if any")
    accounts.add_argument("--json", action="store_true", help="print a JSON list instead of text")


@_books.handler
def run_books(args: argparse.Namespace) -> int:
    till = open_till_for(args)
    try:
        reports = till.books_reports
        command = args.books_command
        if command == "accounts":
            return _accounts(till, args)
        if command == "backfill":
            print(json.dumps(till.books.backfill(None), ensure_ascii=False))
            return 0
        if command == "trial-balance":
            data = reports.trial_balance(None, args.date_to, args.date_from)
        elif command == "phu":
            data = reports.phu(None, args.year)
        elif command == "neraca":
            data = reports.neraca(None, args.date)
        elif command == "ledger":
            data = reports.ledger(None, args.account, args.date_from, args.date_to)
        else:
            data = reports.cash_book(None, args.date_from, args.date_to)
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            print("\n".join(_text(command, data)))
        if getattr(args, "pdf", None):
            _pdf(command, data, till.ctx.store.name, args.pdf)
            print(f"PDF: {args.pdf}", file=sys.stderr)
    finally:
        till.close()
    return 0


def _pdf(command: str, data: dict[str, Any], shop: str, path: Path) -> None:
    from kkmp_pos.pdf import books_pdf

    draw = {
        "trial-balance": books_pdf.trial_balance_pdf,
        "phu": books_pdf.phu_pdf,
        "neraca": books_pdf.neraca_pdf,
    }
    draw[command](data, shop, path)


def _text(command: str, data: dict[str, Any]) -> list[str]:
    from kkmp_pos.core.money import format_rp

    if command == "trial-balance":
        out = [
            f"{r['account']}  {r['name'][:40]:<40} {r['debit_rp']:>15,} {r['credit_rp']:>15,}"
            for r in data["rows"]
        ]
        return [*out, f"{'':<48} {data['total_debit_rp']:>15,} {data['total_credit_rp']:>15,}"]
    if command == "phu":
        out = []
        for unit in data["units"]:
            for seg in ("member", "nonmember"):
                f = unit[seg]
                revenue, gross = format_rp(f["revenue_rp"]), format_rp(f["gross_profit_rp"])
                out.append(f"{unit['unit']:<12}{seg:<10} {revenue:>16} {gross:>16}")
        out += [f"{e['account']} {e['name']}: {format_rp(e['amount_rp'])}" for e in data["expenses"]]
        return [*out, f"SHU: {format_rp(data['shu_rp'])}"]
    if command == "neraca":
        out = []
        for key in ("aset", "kewajiban", "ekuitas"):
            out += [
                f"{r['account']:<7} {r['name'][:40]:<40} {format_rp(r['amount_rp']):>16}" for r in data[key]
            ]
            out.append(f"{'':<7} {'Jumlah ' + key:<40} {format_rp(data['total_' + key + '_rp']):>16}")
        return out
    out = [f"{data['account']} {data['name']}  saldo awal {format_rp(data['opening_rp'])}"]
    out += [
        f"{ln['date']} {ln['kind']:<14} {ln['memo'][:30]:<30} {ln['debit_rp']:>12,} {ln['credit_rp']:>12,} "
        f"{ln['balance_rp']:>14,}"
        for ln in data["lines"]
    ]
    return [*out, f"saldo akhir {format_rp(data['closing_rp'])}"]


def _accounts(till: Any, args: argparse.Namespace) -> int:
    if args.accounts_command == "add":
        info = till.books.add_account(None, args.code, args.name, args.unit)
        print(f"{info.code}\t{info.name}\t{info.type}")
        return 0
    accounts = till.books.accounts()
    if args.json:
        rows = [
            {"account": a.code, "name": a.name, "type": a.type, "unit": a.unit, "segment": a.segment}
            for a in accounts
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for a in accounts:
            print(f"{a.code}\t{a.type:<10}\t{a.name}")
    return 0
