"""`kkmp-pos-server admin web-user …` and `admin region`: the board's users and regions from the CLI."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kkmp_pos.server.web import users


def add_parsers(asub: Any, common: argparse.ArgumentParser) -> None:
    p = asub.add_parser("web-user", parents=[common], help="the board's web users: create or list")
    wsub = p.add_subparsers(dest="web_action", required=True)
    w = wsub.add_parser("create", parents=[common], help="a web user (asks for the password)")
    w.add_argument("cooperative", help="the cooperative's id; '-' for a regional operator (dinas)")
    w.add_argument("username")
    w.add_argument("--role", required=True, choices=users.ROLES)
    w.add_argument("--stores", default="", help="manajer: the stores, separated by commas")
    w.add_argument("--region", default="", help="dinas: the kode wilayah prefix it sees, e.g. 73 or 7371")
    w.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    w = wsub.add_parser("list", parents=[common])
    w.add_argument("cooperative", help="'-' for the regional operators")
    p = asub.add_parser("region", parents=[common], help="set a cooperative's kode wilayah (Kemendagri)")
    p.add_argument("cooperative")
    p.add_argument("code")


def run(sdb: Any, args: argparse.Namespace) -> int:
    if args.action == "region":
        if not args.code.isdigit():
            print("the region code is digits only, e.g. 7371", file=sys.stderr)
            return 2
        Coop = sdb.m.CooperativeModel
        with sdb.database.connection_context():
            changed = (
                Coop.update(region_code=args.code[:16])
                .where(Coop.cooperative_id == args.cooperative)
                .execute()
            )
        if not changed:
            print(f"no cooperative {args.cooperative}", file=sys.stderr)
            return 1
        print(f"{args.cooperative}: region {args.code}")
        return 0
    coop = "" if args.cooperative == "-" else args.cooperative
    if args.web_action == "list":
        with sdb.database.connection_context():
            for user in users.list_users(sdb, coop):
                print(f"{user.username}\t{user.role}\t{','.join(user.stores) or user.region}")
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("password: ")
        if getpass.getpass("again: ") != password:
            print("the passwords differ", file=sys.stderr)
            return 2
    stores = tuple(s for s in args.stores.split(",") if s)
    users.create_user(sdb, coop, args.username, password, args.role, stores, args.region, created_by="cli")
    print(f"web user {args.username} ({args.role}) created" + (f" in {coop}" if coop else ""))
    return 0
