"""The `kkmp-pos` command: the GUI by default, and admin subcommands for installers and scripts.

Global options (`--data-dir`, `--demo`, `--lang`, `-v`) go before the subcommand and are accepted after
it too. Results go to stdout; diagnostics go through logging (stderr and the rotating log file).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kkmp_pos.cli.help_text import shop_language, translate_parser, use_language
from kkmp_pos.cli.registry import COMMANDS, data_dir_of
from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.messages import render
from kkmp_pos.core.reasons import os_error_reason

log = logging.getLogger("kkmp_pos")


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--data-dir", default=default, help="folder of the till's data (database, logs)")
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="use the ready demo shop (created on first use; never touches a real shop)",
    )
    parser.add_argument("--lang", choices=["id", "en"], default=default, help="language of messages")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="more diagnostics on stderr",
    )


def build_parser() -> argparse.ArgumentParser:
    import kkmp_pos.cli.books
    import kkmp_pos.cli.commands
    import kkmp_pos.cli.demo
    import kkmp_pos.cli.members
    import kkmp_pos.cli.reports
    import kkmp_pos.cli.settings
    import kkmp_pos.cli.shifts
    import kkmp_pos.cli.simpanan
    import kkmp_pos.cli.sync  # noqa: F401  (each module registers its subcommands)

    parser = argparse.ArgumentParser(prog="kkmp-pos", description="KKMP POS — kasir koperasi")
    _global_options(parser, suppress=False)
    subs = parser.add_subparsers(dest="command")
    for name, (configure, _handler, help_text) in COMMANDS.items():
        configure(subs.add_parser(name, help=help_text))
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Global options are taken from anywhere on the line, so they work before or after (nested)
    subcommands alike; the rest is parsed by the subcommand parsers. Help and argparse's own messages
    are in `--lang`, else the shop's language, else Indonesian."""
    globals_only = argparse.ArgumentParser(add_help=False)
    _global_options(globals_only, suppress=False)
    found, rest = globals_only.parse_known_args(list(argv))
    found.lang = found.lang or shop_language(data_dir_of(found)) or "id"
    use_language(found.lang)
    parser = build_parser()
    translate_parser(parser, found.lang)
    args = parser.parse_args(rest)
    for key, value in vars(found).items():
        setattr(args, key, value)
    return args


class _NoTraceback(logging.Formatter):
    """stderr gets one line per record: a traceback goes to the log file only."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
        return super().format(record)


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / "kkmp-pos.log"


def setup_logging(args: argparse.Namespace, data_dir: Path | None) -> None:
    handlers: list[logging.Handler] = []
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.DEBUG if args.verbose else logging.ERROR)
    stderr.setFormatter(_NoTraceback("%(levelname)s %(name)s: %(message)s"))
    stderr.addFilter(lambda record: not getattr(record, "file_only", False))
    handlers.append(stderr)
    if data_dir is not None:
        from logging.handlers import RotatingFileHandler

        try:
            (data_dir / "logs").mkdir(parents=True, exist_ok=True)
            file_handler = RotatingFileHandler(
                log_path(data_dir), maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
            file_handler.setLevel(logging.INFO)
            file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            handlers.append(file_handler)
        except OSError:
            pass
    logging.basicConfig(
        level=logging.DEBUG,
        handlers=handlers,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    args.command = args.command or "gui"
    setup_logging(args, data_dir_of(args))
    _configure, handler, _help = COMMANDS[args.command]
    try:
        return handler(args)
    except KkmpError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        log.info("command failed: %s", exc)
        return 2
    except BrokenPipeError:  # stdout closed early (`| head`): nothing more to say to anyone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # a path the user gave: missing, a folder, not writable, a full disk
        reason_id, reason_en = os_error_reason(exc)
        code, path = ("file_unusable", exc.filename) if exc.filename else ("command_failed", "")
        error = KkmpError(code, path=path, reason=reason_id, reason_en=reason_en)
        print(error.message(args.lang), file=sys.stderr)
        log.info("command failed: %s", exc)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback in the log file
        log.error("command %s failed", args.command, exc_info=True, extra={"file_only": True})
        where = log_path(data_dir_of(args))
        message = render("unexpected_error", {"kind": type(exc).__name__, "log": where}, args.lang)
        print(message, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
