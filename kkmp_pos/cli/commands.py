"""The subcommands of `kkmp-pos` (registered into kkmp_pos.cli.registry.COMMANDS)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kkmp_pos.cli.registry import command, data_dir_of, db_path_of


def open_till_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kkmp_pos.app import open_till

    return open_till(data_dir_of(args), demo=args.demo)


# -- GUI --------------------------------------------------------------------------------------------
@command("gui", "open the cashier window (the default)")
def _gui(parser: argparse.ArgumentParser) -> None:
    pass


@_gui.handler
def run_gui(args: argparse.Namespace) -> int:
    from kkmp_pos.app import run

    return run(data_dir_of(args), demo=args.demo, lang=args.lang)


@command("screenshot", "render the demo cashier screen (1366×768, three-line cart) to a PNG")
def _screenshot(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument("--screen", default="cashier", help="which screen to render")
    parser.add_argument(
        "--all", type=Path, metavar="DIR", help="every screen and dialog, with DIR/manifest.json"
    )
    parser.add_argument("--size", default="1366x768", help="the screen --all judges against (WxH)")


@_screenshot.handler
def run_screenshot(args: argparse.Namespace) -> int:
    from kkmp_pos.gui.screenshot import render_screenshot

    args.demo = True if not args.data_dir else args.demo
    if args.all is not None:
        return run_screenshot_all(args)
    if args.file is None:
        print("screenshot: give FILE or --all DIR", file=sys.stderr)
        return 2
    till = open_till_for(args)
    render_screenshot(till, args.file, screen=args.screen, lang=args.lang or "id")
    print(args.file)
    return 0


def run_screenshot_all(args: argparse.Namespace) -> int:
    from kkmp_pos.gui.screenshot.fit import parse_size
    from kkmp_pos.gui.screenshot.render_all import render_all, use_screen_of

    try:
        area = parse_size(args.size)
    except ValueError as exc:
        print(f"screenshot: {exc}", file=sys.stderr)
        return 2
    use_screen_of(area)
    with tempfile.TemporaryDirectory(prefix="kkmp-shots-") as scratch:
        till = _scratch_copy(open_till_for(args), Path(scratch))  # the shots open a shift, type, pick
        try:
            records = render_all(till, args.all, area, lang=args.lang or "id")
        finally:
            till.close()
    for record in records:
        print(f"{record.name}: {'fits' if record.fits else '; '.join(record.problems)}")
    print(args.all / "manifest.json")
    return 0


def _scratch_copy(source, folder: Path):  # type: ignore[no-untyped-def]
    """A consistent copy of `source`'s database in `folder`, opened as a till; `source` is closed."""
    from kkmp_pos.app import open_till
    from kkmp_pos.config import DB_FILENAME
    from kkmp_pos.db.backup import backup_to

    try:
        backup_to(source.ctx.db, folder / DB_FILENAME)
    finally:
        source.close()
    return open_till(folder)


# -- receipts ---------------------------------------------------------------------------------------
@command("receipt", "print or show receipts")
def _receipt(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="receipt_command", required=True)
    p = sub.add_parser("print", help="print a receipt (a copy) to a printer")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--last", action="store_true", help="the last sale")
    which.add_argument("--number", help="receipt number or 12-digit receipt code")
    p.add_argument("--printer", help="printer URI (default: the shop's printer setting)")
    s = sub.add_parser("show", help="show a receipt as text")
    which = s.add_mutually_exclusive_group(required=True)
    which.add_argument("--last", action="store_true")
    which.add_argument("--number")


@_receipt.handler
def run_receipt(args: argparse.Namespace) -> int:
    from kkmp_pos.core.receipt import render_text

    till = open_till_for(args)
    sale = till.receipts.last() if args.last else till.receipts.find(args.number)
    if args.receipt_command == "show":
        doc = till.receipts.document(sale.id)
        print(render_text(doc, doc_width(till)))
        return 0
    uri = args.printer or till.ctx.settings.printer_uri
    from kkmp_pos.devices.printer_uri import parse_printer_uri

    parse_printer_uri(uri)  # a malformed URI is refused before anything is queued
    job_id = till.printing.reprint(sale.id)
    outcome = till.printing.print_job(job_id, uri=uri)
    if not outcome.ok:
        assert outcome.error is not None
        print(outcome.error.message(args.lang or "id"), file=sys.stderr)
        return 1
    if not uri.startswith("dummy:"):
        print(f"{sale.receipt_no} → {uri}")
    return 0


def doc_width(till) -> int:  # type: ignore[no-untyped-def]
    from kkmp_pos.core.receipt import width_for_paper

    return width_for_paper(till.ctx.settings.printer_paper_mm)


# -- database ---------------------------------------------------------------------------------------
@command("db", "check, back up and restore the database file")
def _db(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="db_command", required=True)
    sub.add_parser("check", help="full integrity check of the database file")
    b = sub.add_parser("backup", help="online backup to PATH (safe while the till runs)")
    b.add_argument("path", type=Path)
    r = sub.add_parser("restore", help="put a checked backup in place (the replaced file is kept)")
    r.add_argument(
        "path",
        type=Path,
        nargs="?",
        help="the backup (with --check-only: a sealed copy; with --from-offsite: a sealed copy or the "
        "removable drive's folder)",
    )
    r.add_argument(
        "--from-offsite",
        action="store_true",
        help="restore from an off-machine copy: the newest on the drive (or PATH, or --server), opened "
        "with the passphrase read from stdin, checked, then put in place",
    )
    r.add_argument("--server", metavar="URL", help="with --from-offsite: this terminal's newest copy there")
    r.add_argument(
        "--check-only",
        action="store_true",
        help="restore drill: open the newest off-machine copy into a temporary file and check it "
        "(the live file is not touched; safe while the till runs)",
    )


@_db.handler
def run_db(args: argparse.Namespace) -> int:
    from kkmp_pos.db import backup

    path = db_path_of(args)
    if args.db_command == "check":
        result = backup.check_file(path)
        lang = args.lang or "id"
        if result.ok:
            print(f"OK: {path} (skema v{result.schema_version})" if lang == "id" else f"OK: {path}")
            return 0
        from kkmp_pos.db.sqlite_errors import damaged

        print(damaged(path, result.detail).message(lang))
        return 1
    if args.db_command == "backup":
        from kkmp_pos.db.database import open_database

        db = open_database(path)
        target = backup.backup_to(db, args.path)
        db.close()
        print(target)
        return 0
    if args.check_only:
        return _restore_drill(args)
    if args.from_offsite:
        return _restore_offsite(args)
    from kkmp_pos.core.errors import StorageError

    if args.path is None:
        raise StorageError("file_not_found", path="-")
    kept = restore_checked(args, args.path)
    print(f"{path} ← {args.path}" + (f" ({kept})" if kept.exists() else ""))
    return 0


def _refuse_beside_a_till(args: argparse.Namespace) -> None:
    from kkmp_pos.core.errors import StorageError
    from kkmp_pos.db.instance_lock import till_running

    if till_running(data_dir_of(args)):
        raise StorageError("restore_while_running", path=str(data_dir_of(args)))


def restore_checked(args: argparse.Namespace, source: Path) -> Path:
    """The one way a file is put in place of the till's database: never while a till has it open;
    the backup is checked again and the replaced file kept. Returns where that was kept."""
    from kkmp_pos.db import backup

    _refuse_beside_a_till(args)
    path = db_path_of(args)
    path.parent.mkdir(parents=True, exist_ok=True)  # a new PC: no data folder yet
    return backup.restore_from(source, path)


def _read_passphrase() -> str:
    """The shop's passphrase: typed at a terminal (not echoed), or the first line of stdin."""
    import getpass

    try:
        line = getpass.getpass("Kata sandi salinan: ") if sys.stdin.isatty() else sys.stdin.readline()
    except EOFError:
        line = ""
    return line.rstrip("\r\n")


def _restore_offsite(args: argparse.Namespace) -> int:
    import tempfile

    from kkmp_pos.services.setup import offsite_restore as restore

    _refuse_beside_a_till(args)  # said before the passphrase is asked; said again before the swap
    passphrase = restore.require_passphrase_given(_read_passphrase())
    path, data_dir = db_path_of(args), data_dir_of(args)
    data_dir.mkdir(parents=True, exist_ok=True)
    lang = args.lang or "id"
    with tempfile.TemporaryDirectory(prefix=".offsite-restore-", dir=data_dir) as work:
        opened = restore.open_offsite_copy(
            passphrase,
            Path(work),
            source=args.path,
            drive=None if args.path or args.server else restore.chosen_drive(path),
            server=args.server,
            token=restore.terminal_token(path) if args.server else None,
        )
        if not opened.check.ok:
            from kkmp_pos.db.sqlite_errors import damaged

            print(damaged(opened.source, opened.check.detail).message(lang), file=sys.stderr)
            return 1
        kept = restore_checked(args, opened.path)
    restore.keep_key(data_dir, opened)
    schema = "skema" if lang == "id" else "schema"
    kept_note = f"; {kept}" if kept.exists() else ""
    print(f"{path} ← {opened.source} ({schema} v{opened.check.schema_version}{kept_note})")
    return 0


def _restore_drill(args: argparse.Namespace) -> int:
    till = open_till_for(args)
    try:
        result = till.offsite.drill(args.path)
    finally:
        till.close()
    lang = args.lang or "id"
    if result.ok:
        if lang == "id":
            print(
                f"OK: salinan {result.source} terbuka, lolos pemeriksaan (skema v{result.schema_version}, "
                f"{result.sales} penjualan); database aktif tidak disentuh"
            )
        else:
            print(
                f"OK: copy {result.source} opens and passes the integrity check "
                f"(schema v{result.schema_version}, {result.sales} sales); the live file was not touched"
            )
        return 0
    from kkmp_pos.db.sqlite_errors import damaged

    print(damaged(result.source, result.detail).message(lang))
    return 1
