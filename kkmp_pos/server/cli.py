"""`kkmp-pos-server`: run the central server and administer it (cooperatives, terminals, imports)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from kkmp_pos.core.errors import KkmpError

DEFAULT_DATABASE = "kkmp-server.db"
DEFAULT_PORT = 8700
log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        default=argparse.SUPPRESS,
        help=f"SQLite file or postgresql://… URL (default {DEFAULT_DATABASE})",
    )
    common.add_argument(
        "--key-dir",
        default=argparse.SUPPRESS,
        help="folder of the cooperatives' personal-data keys, kept outside the database and backed "
        "up with it (default: $KKMP_SERVER_KEY_DIR, else kkmp-server-keys beside the SQLite file)",
    )
    parser = argparse.ArgumentParser(
        prog="kkmp-pos-server", description="KKMP POS central server", parents=[common]
    )
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="run the HTTP server (default): the tills' sync API, the web pages and the admin API, "
        "each on its own listener",
    )
    serve.add_argument("--host", default="127.0.0.1", help="the tills' sync listener (0.0.0.0: all)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--web-host", help="the web pages' listener (default: as --host)")
    serve.add_argument("--web-port", type=int, default=DEFAULT_PORT + 1)
    serve.add_argument("--admin-host", default="127.0.0.1", help="the admin API (default: this machine only)")
    serve.add_argument("--admin-port", type=int, default=DEFAULT_PORT + 2)
    serve.add_argument(
        "--single-listener",
        action="store_true",
        help="one listener on --host/--port for sync, web and admin (a one-machine shop)",
    )
    serve.add_argument("--tls-cert", help="PEM certificate (chain): serve https on every listener")
    serve.add_argument("--tls-key", help="PEM private key of --tls-cert")
    serve.add_argument(
        "--forwarded-allow-ips",
        help="behind a reverse proxy: the proxy's address(es), whose X-Forwarded-For names the client",
    )
    serve.add_argument("--log-level", default="info")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes, each serving every listener with its own database connections "
        "(PostgreSQL only; about one per core)",
    )

    adm = sub.add_parser("admin", parents=[common], help="administration commands")
    asub = adm.add_subparsers(dest="action", required=True)
    p = asub.add_parser("create-cooperative", parents=[common], help="prints an admin API token")
    p.add_argument("cooperative")
    p.add_argument("--name", required=True)
    p = asub.add_parser("create-store", parents=[common])
    p.add_argument("cooperative")
    p.add_argument("store")
    p.add_argument("--name", required=True)
    p.add_argument("--timezone", default="Asia/Makassar")
    p = asub.add_parser("enrol-terminal", parents=[common], help="prints a one-time code")
    p.add_argument("cooperative")
    p.add_argument("store")
    p.add_argument("terminal")
    p.add_argument("--name", default="")
    p = asub.add_parser("revoke-terminal", parents=[common])
    p.add_argument("cooperative")
    p.add_argument("terminal")
    p = asub.add_parser("admin-token", parents=[common], help="list, create or revoke admin API tokens")
    tsub = p.add_subparsers(dest="token_action", required=True)
    t = tsub.add_parser("create", parents=[common], help="prints a new admin API token (shown once)")
    t.add_argument("cooperative")
    t.add_argument("--name", required=True, help="who or what uses it, e.g. 'laptop bendahara'")
    t.add_argument("--expires-days", type=int, help="valid this many days (default: until revoked)")
    t = tsub.add_parser("list", parents=[common], help="the cooperative's tokens, without secrets")
    t.add_argument("cooperative")
    t.add_argument("--json", action="store_true")
    t = tsub.add_parser("revoke", parents=[common], help="the token stops working at once")
    t.add_argument("cooperative")
    t.add_argument("token_id")
    p = asub.add_parser("import", parents=[common], help="import rows from .csv or .xlsx")
    p.add_argument("kind", choices=["catalog", "prices", "ceilings", "members"])
    p.add_argument("cooperative", help="cooperative id ('-' with --national for ceilings)")
    p.add_argument("file")
    p.add_argument("--national", action="store_true", help="ceilings for every cooperative")
    p = asub.add_parser(
        "export-members", parents=[common], help="members to CSV; --full-nik decrypts NIK and KK (audited)"
    )
    p.add_argument("cooperative")
    p.add_argument("file")
    p.add_argument("--full-nik", action="store_true", help="full NIK and KK (needs the key folder)")
    p.add_argument("--by", default="server admin", help="who asks (written to the privacy audit)")
    p = asub.add_parser("erase-member", parents=[common], help="erase a member's personal data (audited)")
    p.add_argument("cooperative")
    p.add_argument("member_id")
    p.add_argument("--by", default="server admin", help="who asks (written to the privacy audit)")
    p = asub.add_parser(
        "qris-key", parents=[common], help="the QRIS acquirer's public key for a store's notifications"
    )
    p.add_argument("cooperative")
    p.add_argument("store")
    p.add_argument("--public-key", required=True, metavar="PEM_FILE", help="the acquirer's RSA public key")
    p = asub.add_parser("quarantine", parents=[common], help="list quarantined events")
    p.add_argument("--cooperative")
    p.add_argument("--json", action="store_true")
    p = asub.add_parser("report", parents=[common], help="sales per store and business date")
    p.add_argument("--cooperative")
    p.add_argument("--json", action="store_true")
    p = asub.add_parser("prune-feed", parents=[common], help="drop change-feed entries up to an id")
    p.add_argument("--through", type=int, required=True)
    from kkmp_pos.server.web.cli import add_parsers

    add_parsers(asub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    database = getattr(args, "database", DEFAULT_DATABASE)
    try:
        if args.command is None:
            args = _parser().parse_args([*(argv or sys.argv[1:]), "serve"])
        if args.command == "serve":
            return _serve(database, args)
        return _admin(database, args)
    except KkmpError as exc:
        print(exc.message("en"), file=sys.stderr)
        return 2


def _serve(database: str, args: argparse.Namespace) -> int:
    from kkmp_pos.server import listeners, schema
    from kkmp_pos.server.db import open_server_db

    if bool(args.tls_cert) != bool(args.tls_key):
        print("--tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    plan = listeners.plan(
        args.host,
        args.port,
        args.web_host or args.host,
        args.web_port,
        args.admin_host,
        args.admin_port,
        args.single_listener,
    )
    if args.workers < 1:
        print("--workers must be 1 or more", file=sys.stderr)
        return 2
    tls = listeners.Tls(args.tls_cert, args.tls_key) if args.tls_cert else None
    sdb = open_server_db(database, getattr(args, "key_dir", None))
    if args.workers > 1 and not sdb.is_postgres:
        sdb.close()
        print(
            "--workers above 1 needs a PostgreSQL database: a SQLite file has one writer at a time, "
            "so several workers would only queue behind each other (serve it with --workers 1)",
            file=sys.stderr,
        )
        return 2
    schema.migrate(sdb)
    if args.workers > 1:
        from kkmp_pos.server import workers

        sdb.close()  # the parent serves nothing: each worker opens its own pool
        key_dir = getattr(args, "key_dir", None)
        return workers.run(
            args.workers, database, key_dir, plan, tls, args.forwarded_allow_ips, args.log_level
        )
    try:
        listeners.serve(sdb, plan, tls, args.forwarded_allow_ips, args.log_level)
    finally:
        sdb.close()
    return 0


def _admin(database: str, args: argparse.Namespace) -> int:
    from kkmp_pos.server import admin, schema
    from kkmp_pos.server.db import open_server_db

    sdb = open_server_db(database, getattr(args, "key_dir", None))
    schema.migrate(sdb)
    try:
        action = args.action
        if action == "create-cooperative":
            token = admin.create_cooperative(sdb, args.cooperative, args.name)
            print(f"cooperative {args.cooperative} created; admin API token (shown once):")
            print(token)
        elif action == "create-store":
            admin.create_store(sdb, args.cooperative, args.store, args.name, args.timezone)
            print(f"store {args.store} created in {args.cooperative}")
        elif action == "enrol-terminal":
            code = admin.enrol_terminal(sdb, args.cooperative, args.store, args.terminal, args.name)
            print(f"enrolment code for terminal {args.terminal} (one use, 7 days):")
            print(code)
        elif action == "revoke-terminal":
            admin.revoke_terminal(sdb, args.cooperative, args.terminal)
            print(f"terminal {args.terminal} revoked")
        elif action == "admin-token":
            _admin_token(sdb, args)
        elif action == "qris-key":
            from pathlib import Path

            from kkmp_pos.server.qris_notify import set_acquirer_key

            set_acquirer_key(sdb, args.cooperative, args.store, Path(args.public_key).read_text("ascii"))
            print(
                f"QRIS acquirer key set for {args.cooperative}/{args.store}; notifications go to "
                f"/v1/qris/{args.cooperative}/{args.store}/v1.0/qr/qr-mpm-notify on the sync listener"
            )
        elif action == "import":
            return _import(sdb, args)
        elif action == "quarantine":
            rows = admin.quarantined(sdb, args.cooperative)
            _print_rows(
                rows,
                args.json,
                ["received_at", "cooperative", "terminal", "seq", "type", "event_id", "reason"],
            )
        elif action == "report":
            rows = admin.report(sdb, args.cooperative)
            if args.json:
                several = len({r["cooperative"] for r in rows}) > 1
                rows = [
                    {
                        "store": f"{r['cooperative']}/{r['store']}" if several else r["store"],
                        "business_date": r["business_date"],
                        "sale_count": r["sale_count"],
                        "total_rp": r["total_rp"],
                    }
                    for r in rows
                ]
            else:
                for row in rows:
                    row["total"] = _rp(row["total_rp"])
            _print_rows(rows, args.json, ["cooperative", "store", "business_date", "sale_count", "total"])
        elif action in ("export-members", "erase-member"):
            from kkmp_pos.server.personal_cli import run

            return run(sdb, args)
        elif action in ("web-user", "region"):
            from kkmp_pos.server.web.cli import run as web_run

            return web_run(sdb, args)
        elif action == "prune-feed":
            from kkmp_pos.server.feed import prune

            print(f"{prune(sdb, args.through)} changes pruned")
        return 0
    finally:
        sdb.close()


def _admin_token(sdb: Any, args: argparse.Namespace) -> None:
    from kkmp_pos.server import admin

    if args.token_action == "create":
        token = admin.new_admin_token(sdb, args.cooperative, args.name, args.expires_days)
        print(f"admin API token {token.split('.')[2]} for {args.cooperative} (shown once):")
        print(token)
    elif args.token_action == "list":
        rows = admin.admin_tokens(sdb, args.cooperative)
        columns = ["token_id", "name", "created_at", "expires_at", "revoked_at", "active"]
        _print_rows(rows, args.json, columns)
    else:
        admin.revoke_admin_token(sdb, args.cooperative, args.token_id)
        print(f"admin token {args.token_id} revoked")


def _import(sdb: Any, args: argparse.Namespace) -> int:
    from kkmp_pos.server import catalog
    from kkmp_pos.server.admin_api import apply_rows
    from kkmp_pos.server.importer import read_rows
    from kkmp_pos.server.models import NATIONAL

    fn = {
        "catalog": catalog.upsert_product,
        "prices": catalog.set_price,
        "ceilings": catalog.set_ceiling,
        "members": catalog.upsert_member,
    }[args.kind]
    coop = NATIONAL if args.national and args.kind == "ceilings" else args.cooperative
    if coop != NATIONAL:
        m = sdb.m
        with sdb.database.connection_context():
            if m.CooperativeModel.get_or_none(m.CooperativeModel.cooperative_id == coop) is None:
                from kkmp_pos.core.errors import NotFoundError

                raise NotFoundError("server_not_found", kind="cooperative", value=coop)
    rows = read_rows(args.file)
    try:
        changes = apply_rows(sdb, coop, rows, fn)
    except KkmpError as exc:
        # rows[i] counts data rows from 0; a spreadsheet's row number is i + 2 (header is row 1)
        print(f"{args.file}: {exc.message('en')} (nothing imported)", file=sys.stderr)
        return 2
    print(f"{len(rows)} rows imported from {args.file}; {changes} changes queued for the tills")
    return 0


def _rp(value: int) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{abs(value):,}".replace(",", ".")


def _print_rows(rows: list[dict[str, Any]], as_json: bool, columns: list[str]) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        print("(none)")
        return
    widths = [max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row.get(c, "")).ljust(w) for c, w in zip(columns, widths, strict=True)))


if __name__ == "__main__":
    sys.exit(main())
