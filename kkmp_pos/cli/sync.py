"""`kkmp-pos enrol SERVER_URL CODE` and `kkmp-pos sync --once` (for installers and troubleshooting)."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from kkmp_pos.cli.registry import command, data_dir_of

if TYPE_CHECKING:
    from kkmp_pos.services.sync.catalog_upload import UploadReport


@command("enrol", "enrol this till with the cooperative's central server")
def _enrol(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("server_url", help="e.g. https://pos.koperasi.example")
    parser.add_argument("code", help="the one-time enrolment code from `kkmp-pos-server admin`")
    parser.add_argument(
        "--upload-catalog",
        action="store_true",
        help="send this shop's products and members to the server (a shop that ran stand-alone)",
    )


@_enrol.handler
def run_enrol(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.sync.catalog_upload import enrol

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        answer, upload = enrol(till.ctx, args.server_url, args.code, upload=args.upload_catalog)
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
        choices=["upload-catalog"],
        help="upload-catalog: queue this shop's products and members for the server, then sync once",
    )
    parser.add_argument("--once", action="store_true", help="one push and pull, then exit")
    parser.add_argument("--status", action="store_true", help="only say what is waiting")


@_sync.handler
def run_sync(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till
    from kkmp_pos.sync import outbox
    from kkmp_pos.sync.apply import recorded_problems
    from kkmp_pos.sync.worker import sync_once

    data_dir = data_dir_of(args)
    till = open_till(data_dir, demo=args.demo)
    try:
        if args.action == "upload-catalog":
            from kkmp_pos.services.sync.catalog_upload import queue_upload

            _print_upload(queue_upload(till.ctx))
        if not args.status:
            started = time.monotonic()
            report = sync_once(data_dir)
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
