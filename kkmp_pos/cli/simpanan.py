"""`kkmp-pos simpanan pay|withdraw|bills` and `kkmp-pos members show|capital|import-balances`: members'
money from a terminal, through the same services as the till window. PINs are read from stdin, one a
line (the user's, then the approver's). Every figure is "as known to this till"."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from kkmp_pos.cli.registry import command, data_dir_of
from kkmp_pos.cli.shifts import _read_pins, _say, _user_id

if TYPE_CHECKING:
    from kkmp_pos.services.members.simpanan import SimpananDocument


@command("simpanan", "members' savings: pay in, withdraw, monthly wajib bills (PINs on stdin)")
def _simpanan(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    pay = actions.add_parser("pay", help="take simpanan pokok, wajib or sukarela from a member")
    pay.add_argument("member", help="member number (A-000123), card code or id")
    pay.add_argument("--kind", required=True, choices=("pokok", "wajib", "sukarela"), help="which simpanan")
    pay.add_argument("--amount", help="amount in rupiah, e.g. 20000")
    pay.add_argument("--months", type=int, help="wajib: pay this many of the oldest unpaid months")
    pay.add_argument("--method", default="cash", choices=("cash", "qris", "transfer"), help="how it is paid")
    pay.add_argument("--reference", default="", help="QRIS or transfer reference")
    pay.add_argument("--user", required=True, help="the cashier's name (PIN on stdin)")
    pay.add_argument("--json", action="store_true", help="print the new document as JSON")
    out = actions.add_parser("withdraw", help="pay sukarela out in cash, approved by a manager")
    out.add_argument("member", help="member number (A-000123), card code or id")
    out.add_argument("--amount", required=True, help="amount in rupiah, e.g. 50000")
    out.add_argument("--user", required=True, help="the cashier's name (PIN on the first stdin line)")
    out.add_argument("--approver", required=True, help="another manager (PIN on the second stdin line)")
    out.add_argument("--json", action="store_true", help="print the new document as JSON")
    bills = actions.add_parser("bills", help="make a month's wajib bills (once), then list them")
    bills.add_argument("--month", required=True, help="the month, YYYY-MM")
    bills.add_argument("--json", action="store_true", help="as JSON")


def _amount(text: str | None) -> int | None:
    from kkmp_pos.core.money import parse_rp

    return None if text is None else parse_rp(text)


def _print_doc(args: argparse.Namespace, doc: SimpananDocument) -> None:
    from kkmp_pos.core.money import format_rp

    if args.json:
        print(json.dumps(doc.as_json(), ensure_ascii=False, indent=2))
        return
    print(
        _say(
            args,
            "{number}: simpanan {kind} {amount} (tunai {cash}), saldo {balance}.",
            "{number}: {kind} savings {amount} (cash {cash}), balance {balance}.",
        ).format(
            number=doc.number,
            kind=doc.kind,
            amount=format_rp(doc.amount_rp),
            cash=format_rp(doc.cash_rp),
            balance=format_rp(doc.balance_after_rp),
        )
    )


@_simpanan.handler
def run_simpanan(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        if args.action == "bills":
            made = till.simpanan.generate_bills(args.month)
            rows = till.simpanan.bills(args.month)
            if args.json:
                print(json.dumps({"month": args.month, "generated": made, "bills": rows}, indent=2))
            else:
                for row in rows:
                    print(f"{row['number']}\t{row['amount_rp']}\t{row['status']}")
                print(
                    _say(args, "{n} tagihan baru untuk {month}.", "{n} new bills for {month}.").format(
                        n=made, month=args.month
                    )
                )
            return 0
        if args.action == "pay":
            (pin,) = _read_pins(1)
            cashier = till.auth.login(_user_id(till, args.user), pin)
            doc = till.simpanan.pay(
                args.member, args.kind, cashier=cashier, amount_rp=_amount(args.amount),
                months=args.months, method=args.method, reference=args.reference,
            )  # fmt: skip
        else:
            pins = _read_pins(2)
            cashier = till.auth.login(_user_id(till, args.user), pins[0])
            approver = till.auth.login(_user_id(till, args.approver), pins[1])
            amount = _amount(args.amount)
            assert amount is not None
            doc = till.simpanan.withdraw(args.member, amount, cashier=cashier, approver=approver)
        till.sync.notify()
        _print_doc(args, doc)
        return 0
    finally:
        till.close()


@command("members", "members' money as known to this till: one member, the capital board, opening balances")
def _members(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="a member's status, simpanan, arrears and purchases")
    show.add_argument("member", help="member number (A-000123), card code or id")
    show.add_argument("--json", action="store_true", help="as JSON")
    board = actions.add_parser("capital", help="members, capital, arrears and bon of the cooperative")
    board.add_argument("--json", action="store_true", help="as JSON")
    balances = actions.add_parser(
        "import-balances", help="members' opening balances at the cut-over (CSV/XLSX)"
    )
    balances.add_argument("file", help="a .csv or .xlsx file")
    balances.add_argument("--apply", action="store_true", help="apply it (without: only a preview)")
    balances.add_argument("--user", help="a manager's name, to apply (PIN on stdin)")
    balances.add_argument("--json", action="store_true", help="as JSON")


def _plain(args: argparse.Namespace, data: dict[str, Any]) -> None:
    for key, value in data.items():
        print(f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value}")


@_members.handler
def run_members(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.members import money_view

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        if args.action == "show":
            data = money_view.member_money(till.ctx, args.member)
        elif args.action == "capital":
            data = money_view.capital(till.ctx)
        else:
            data = _import_balances(till, args)
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _plain(args, data)
        return 0
    finally:
        till.close()


def _import_balances(till: Any, args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from kkmp_pos.services.members.balances_import import BalancesImportService

    service = BalancesImportService(till.ctx)
    preview = service.preview(Path(args.file))
    if not args.apply:
        return preview.as_json()
    if not args.user:
        from kkmp_pos.core.errors import ValidationError

        raise ValidationError("cli_user_required")
    (pin,) = _read_pins(1)
    actor = till.auth.login(_user_id(till, args.user), pin)
    result = service.apply(preview, actor)
    till.sync.notify()
    return result
