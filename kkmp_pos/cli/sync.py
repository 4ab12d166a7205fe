"""`kkmp-pos enrol SERVER_URL CODE` and `kkmp-pos sync --once` (for installers and troubleshooting)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kkmp_pos.cli.registry import command, data_dir_of

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.sync.catalog_upload import UploadReport
    from kkmp_pos.services.till import Till


@command("enrol", "enrol this till with the cooperative's central server")
def _enrol(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("server_url", help="e.g. https://pos.koperasi.example")
    parser.add_argument("code", help="the one-time enrolment code from `kkmp-pos-server admin`")
    parser.add_argument(
        "--upload-catalog",
        action="store_true",
        help="send this shop's products and members to the server (a shop that ran stand-alone)",
    )
    parser.add_argument(
        "--allow-plain-http",
        action="store_true",
        help="allow http:// to a server outside this machine and the private network (unsafe: sales "
        "and the token cross the internet unencrypted)",
    )
    parser.add_argument(
        "--tls-pin",
        metavar="CERT.pem",
        help="trust only this certificate (a server with a self-signed certificate)",
    )
    _manager_argument(parser)


def _manager_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        required=True,
        help="a manager's name; the PIN is asked for (or read from KKMP_POS_PIN)",
    )


def _manager(till: Till, name: str) -> Actor:
    """Log the named user in with a PIN (typed, or from KKMP_POS_PIN): enrolment and the catalog
    upload are a manager's decisions, at the command line as in the window."""
    import getpass
    import os

    from kkmp_pos.core.errors import NotFoundError, ValidationError
    from kkmp_pos.db.models import UserModel

    user = UserModel.get_or_none(UserModel.name == name)
    if user is None:
        raise NotFoundError("user_not_found")
    pin = os.environ.get("KKMP_POS_PIN")
    if not pin:
        try:  # typed at a terminal, or the first stdin line (as the shift commands read it)
            pin = getpass.getpass(f"PIN {name}: ") if sys.stdin.isatty() else sys.stdin.readline()
        except EOFError:
            pin = ""
    if not pin.strip():
        raise ValidationError("cli_pin_missing")
    return till.auth.login(user.id, pin.strip())


@_enrol.handler
def run_enrol(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.sync.catalog_upload import enrol

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        actor = _manager(till, args.user)
        answer, upload = enrol(
            till.ctx,
            actor,
            args.server_url,
            args.code,
            upload=args.upload_catalog,
            allow_plain_http=True if args.allow_plain_http else None,
            tls_pin=str(Path(args.tls_pin).resolve()) if args.tls_pin else None,
        )
    finally:
        till.close()
    print(
        f"enrolled: cooperative {answer['cooperative_id']}, store {answer['store_id']}, "
        f"terminal {answer['terminal_id']} at {args.server_url}"
    )
    if upload is not None:
        _print_upload(upload, "run `kkmp-pos sync --once` or start the app to send them")
    return 0


def _print_upload(upload: UploadReport, hint: str = "") -> None:
    print(
        f"queued for the server: {upload.products} products, {upload.members} members"
        f"{' (ahead of the waiting sales)' if upload.first else ''}" + (f"; {hint}" if hint else "")
    )


@command("sync", "push waiting sales to the server and pull catalog changes")
def _sync(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        nargs="?",
        choices=["upload-catalog", "worker"],
        help="upload-catalog: queue this shop's products and members for the server, then sync once; "
        "worker: the app's background sync process (it talks to the app over stdin/stdout)",
    )
    # the worker's timing, passed down by the app (sync/worker_process.py)
    parser.add_argument("--period", type=float, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--debounce", type=float, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--backoff-cap", type=float, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--once", action="store_true", help="one push and pull, then exit")
    parser.add_argument("--status", action="store_true", help="only say what is waiting")
    parser.add_argument("--user", help="upload-catalog: a manager's name (the PIN is asked for)")


@_sync.handler
def run_sync(args: argparse.Namespace) -> int:
    if args.action == "worker":
        return _run_worker(args)
    from kkmp_pos.app import open_till
    from kkmp_pos.sync import outbox
    from kkmp_pos.sync.apply import recorded_problems
    from kkmp_pos.sync.worker import sync_once

    data_dir = data_dir_of(args)
    till = open_till(data_dir, demo=args.demo)
    try:
        if args.action == "upload-catalog":
            from kkmp_pos.services.sync.catalog_upload import queue_upload

            if not args.user:
                print("upload-catalog needs --user (a manager)", file=sys.stderr)
                return 2
            _print_upload(queue_upload(till.ctx, _manager(till, args.user)))
        if not args.status:
            started = time.monotonic()
            report = sync_once(data_dir)
            confirmed = till.qris_online.apply_notifications()  # the acquirer's notifications pulled
            if confirmed:
                print(f"QRIS payments confirmed by the acquirer: {confirmed}")
            print(
                f"pushed: {report.created} new, {report.duplicates} already on the server, "
                f"{report.rejected} rejected; pulled: {report.pulled} changes "
                f"({report.applied.products} products, {report.applied.prices} prices, "
                f"{report.applied.members} members, {report.applied.movements} stock movements"
                f"{f', {report.problems} set aside' if report.problems else ''})"
                f"{' from a snapshot' if report.snapshot else ''} "
                f"in {time.monotonic() - started:.1f} s"
            )
        waiting = outbox.pending_count()
        oldest = outbox.oldest_pending_at()
        problems = outbox.rejected_events(20)
        print(f"waiting: {waiting}" + (f" (oldest from {oldest})" if oldest else ""))
        for event in problems:
            print(f"rejected: #{event.seq} {event.type} {event.event_id}: {event.reject_reason}")
        for change in recorded_problems(20):
            print(f"set aside: {change.entity} {change.entity_key}: {change.reason}")
        return 0
    finally:
        till.close()


def _run_worker(args: argparse.Namespace) -> int:
    """The background sync process the app starts (sync/child.py); not opened as a till: no
    migrations, no housekeeping, nothing but the sync loop."""
    from kkmp_pos.sync import child
    from kkmp_pos.sync.status import BACKOFF_CAP_S, DEBOUNCE_S, PERIOD_S

    def given(value: float | None, default: float) -> float:
        return default if value is None else value

    return child.main(
        data_dir_of(args),
        period_s=given(args.period, PERIOD_S),
        debounce_s=given(args.debounce, DEBOUNCE_S),
        backoff_cap_s=given(args.backoff_cap, BACKOFF_CAP_S),
    )
