"""`kkmp-pos shift open|close|status`: the drawer's shift from a terminal, through the same ShiftService
the till window uses, on the same database (so they work while the window runs; neither takes the
window's instance lock). PINs are read from stdin, one a line: the user's, then the approver's.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from kkmp_pos.cli.registry import command, data_dir_of
from kkmp_pos.core.errors import NotFoundError, StateError, ValidationError

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till


@command("shift", "open, close or show the drawer's shift (PINs on stdin, one a line)")
def _shift(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    opening = actions.add_parser("open", help="open a shift with the counted opening float")
    opening.add_argument("--float", dest="float_rp", required=True, help="opening float, e.g. 300000")
    opening.add_argument("--user", required=True, help="the cashier's name (PIN on stdin)")
    closing = actions.add_parser("close", help="count the drawer and close the open shift")
    closing.add_argument("--counted", required=True, help="the cash counted in the drawer, e.g. 845500")
    closing.add_argument("--user", required=True, help="who counts (PIN on the first stdin line)")
    closing.add_argument(
        "--approver", help="a manager, when the difference is over the limit (PIN on the second line)"
    )
    status = actions.add_parser("status", help="say whether a shift is open, and whose")
    status.add_argument("--json", action="store_true", help="as JSON")


def _say(args: argparse.Namespace, indonesian: str, english: str) -> str:
    return english if args.lang == "en" else indonesian


def _read_pins(count: int) -> list[str]:
    """The first `count` lines of stdin, stripped; a PIN that is not there is refused by name."""
    pins = []
    for _ in range(count):
        line = sys.stdin.readline()
        if not line.strip():
            raise ValidationError("cli_pin_missing")
        pins.append(line.strip())
    return pins


def _user_id(till: Till, name: str) -> int:
    """An active user by name (case and spacing do not matter)."""
    wanted = " ".join(name.split()).casefold()
    for user in till.auth.users():
        if user.name.casefold() == wanted:
            return user.id
    raise NotFoundError("cli_user_unknown", name=name)


def _counts(text: str):  # type: ignore[no-untyped-def]
    """An amount of cash as pieces (largest first); it must be made of notes and coins (Rp100 steps)."""
    from kkmp_pos.core.cash import breakdown
    from kkmp_pos.core.money import format_rp, parse_rp

    amount = parse_rp(text)
    if amount % 100:
        raise ValidationError("cli_amount_not_in_pieces", amount=format_rp(amount))
    return breakdown(amount)


@_shift.handler
def run_shift(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        if args.action == "status":
            return _status(till, args)
        if args.action == "open":
            return _open(till, args)
        return _close(till, args)
    finally:
        till.close()


def _status(till: Till, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    unclosed = till.shifts.unclosed()
    current = next((s for s in unclosed if s.status == "open"), None)
    settings = till.ctx.settings
    if args.json:
        state = {
            "open": current is not None,
            "shift": asdict(current) if current else None,
            "unclosed": [asdict(s) for s in unclosed],
            "terminal": till.ctx.terminal.code,
            "cash_needs_shift": True,
            "noncash_needs_shift": settings.shift_required_for_noncash,
        }
        print(json.dumps(state, ensure_ascii=False, indent=2))
        return 0
    from kkmp_pos.core.money import format_rp
    from kkmp_pos.core.timeutil import from_iso, local

    if current is not None:
        print(
            _say(
                args,
                "Shift terbuka: {name}, sejak {at}, modal awal {float}.",
                "Shift open: {name}, since {at}, float {float}.",
            ).format(
                name=current.user_name,
                at=local(from_iso(current.opened_at), till.ctx.store.timezone).strftime("%d-%m-%Y %H:%M"),
                float=format_rp(current.opening_float_rp),
            )
        )
    for shift in unclosed:
        if shift.status != "open":
            print(
                _say(
                    args,
                    "Shift {name} sudah dihitung, menunggu ditutup.",
                    "{name}'s shift is counted and waits to be closed.",
                ).format(name=shift.user_name)
            )
    if not unclosed:
        print(_say(args, "Tidak ada shift yang terbuka.", "No shift is open."))
    return 0


def _open(till: Till, args: argparse.Namespace) -> int:
    from kkmp_pos.core.money import format_rp

    counts = _counts(args.float_rp)
    (pin,) = _read_pins(1)
    actor = till.auth.login(_user_id(till, args.user), pin)
    shift = till.shifts.open(actor, counts)
    print(
        _say(
            args,
            "Shift dibuka: {name}, modal awal {float} ({id}).",
            "Shift opened: {name}, float {float} ({id}).",
        ).format(name=shift.user_name, float=format_rp(shift.opening_float_rp), id=shift.id)
    )
    return 0


def _close(till: Till, args: argparse.Namespace) -> int:
    """Count (blind: the expected cash is said only after the count is stored), then close. Over the
    limit without an approver the count stays stored and the shift waits, as in the window."""
    from kkmp_pos.core.money import format_rp

    counts = _counts(args.counted)
    pins = _read_pins(2 if args.approver else 1)
    actor = till.auth.login(_user_id(till, args.user), pins[0])
    approver = till.auth.approve(_user_id(till, args.approver), pins[1]) if args.approver else None
    unclosed = till.shifts.unclosed()
    if not unclosed:
        raise StateError("shift_not_open")
    shift = unclosed[0]
    if shift.status == "open":
        counted = till.shifts.submit_count(actor, counts, shift.id)
        print(
            _say(
                args,
                "Dihitung {counted}, seharusnya {expected}, selisih {diff}.",
                "Counted {counted}, expected {expected}, difference {diff}.",
            ).format(
                counted=format_rp(counted.counted_rp),
                expected=format_rp(counted.expected_rp),
                diff=format_rp(counted.difference_rp),
            )
        )
    else:
        print(
            _say(
                args,
                "Hitungan shift ini sudah tersimpan dan tidak bisa diubah; --counted diabaikan.",
                "This shift's count is already stored and cannot change; --counted is ignored.",
            )
        )
    closed = till.shifts.finish_close(actor, shift.id, approver=approver)
    print(
        _say(
            args,
            "Shift ditutup ({id}). Laporan Z di antrean cetak #{job}.",
            "Shift closed ({id}). Z report queued as print job #{job}.",
        ).format(id=closed.shift_id, job=closed.z_job_id)
    )
    return 0
