"""`kkmp-pos member erase`: erase a member's personal data on request (a manager; PIN on stdin).

The member keeps the id, number and figures (sales, simpanan, SHU) under an anonymous name; the
erasure goes to the server and from there to every till of the cooperative (docs/PRIVACY.md).
"""

from __future__ import annotations

import argparse

from kkmp_pos.cli.registry import command, data_dir_of
from kkmp_pos.cli.shifts import _read_pins, _say, _user_id


@command("member", "erase a member's personal data on request (a manager's PIN on stdin)")
def _member(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    erase = actions.add_parser("erase", help="name, NIK, KK, phone and address erased; figures stay")
    erase.add_argument("member", help="member number (A-000123), card code or id")
    erase.add_argument("--user", required=True, help="the manager's name (PIN on stdin)")


@_member.handler
def run_member(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.privacy.erasure import erase_member

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        (pin,) = _read_pins(1)
        actor = till.auth.login(_user_id(till, args.user), pin)
        name = erase_member(till.ctx, actor, args.member)
        till.sync.notify()
    finally:
        till.close()
    print(
        _say(
            args,
            "Data pribadi anggota {member} dihapus; transaksi, simpanan dan SHU tetap sebagai {name}.",
            "Member {member}'s personal data erased; sales, savings and SHU stay as {name}.",
        ).format(member=args.member, name=name)
    )
    return 0
