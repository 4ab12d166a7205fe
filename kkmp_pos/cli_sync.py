"""`kkmp-pos enrol SERVER_URL CODE` and `kkmp-pos sync --once` (for installers and troubleshooting)."""

from __future__ import annotations

import argparse
import time

from kkmp_pos.cli import command, data_dir_of


@command("enrol", "enrol this till with the cooperative's central server")
def _enrol(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("server_url", help="e.g. https://pos.koperasi.example")
    parser.add_argument("code", help="the one-time enrolment code from `kkmp-pos-server admin`")


@_enrol.handler
def run_enrol(args: argparse.Namespace) -> int:
    from kkmp_pos.services.till import open_till
    from kkmp_pos.sync.worker import enrol_terminal

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        answer = enrol_terminal(args.server_url, args.code)
    finally:
        till.close()
    print(
        f"enrolled: cooperative {answer['cooperative_id']}, store {answer['store_id']}, "
        f"terminal {answer['terminal_id']} at {args.server_url}"
    )
    return 0


@command("sync", "push waiting sales to the server and pull catalog changes")
def _sync(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--once", action="store_true", help="one push and pull, then exit")
    parser.add_argument("--status", action="store_true", help="only say what is waiting")


@_sync.handler
def run_sync(args: argparse.Namespace) -> int:
    from kkmp_pos.services.till import open_till
    from kkmp_pos.sync import outbox
    from kkmp_pos.sync.worker import sync_once

    data_dir = data_dir_of(args)
    till = open_till(data_dir, demo=args.demo)
    try:
        if not args.status:
            started = time.monotonic()
            report = sync_once(data_dir)
            print(
                f"pushed: {report.created} new, {report.duplicates} already on the server, "
                f"{report.rejected} rejected; pulled: {report.pulled} changes "
                f"({report.applied.products} products, {report.applied.prices} prices, "
                f"{report.applied.members} members, {report.applied.movements} stock movements)"
                f"{' from a snapshot' if report.snapshot else ''} "
                f"in {time.monotonic() - started:.1f} s"
            )
        waiting = outbox.pending_count()
        oldest = outbox.oldest_pending_at()
        problems = outbox.rejected_events(20)
        print(f"waiting: {waiting}" + (f" (oldest from {oldest})" if oldest else ""))
        for event in problems:
            print(f"rejected: #{event.seq} {event.type} {event.event_id}: {event.reject_reason}")
        return 0
    finally:
        till.close()
