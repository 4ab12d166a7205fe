"""The subcommand registry of `kkmp-pos`: each command module registers its parser and handler here."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from kkmp_pos.config import DB_FILENAME, resolve_data_dir

Handler = Callable[[argparse.Namespace], int]
# Subcommand modules register here: name -> (configure parser, handler). Keeps the entry point small.
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Handler, str]] = {}


def command(name: str, help_text: str) -> Callable[[Callable[[argparse.ArgumentParser], None]], Callable]:
    """Decorator for a parser-configuring function; the handler is set with `.handler`."""

    def register(configure: Callable[[argparse.ArgumentParser], None]) -> Callable:
        def set_handler(handler: Handler) -> Handler:
            COMMANDS[name] = (configure, handler, help_text)
            return handler

        configure.handler = set_handler  # type: ignore[attr-defined]
        return configure

    return register


def data_dir_of(args: argparse.Namespace) -> Path:
    return resolve_data_dir(args.data_dir, args.demo)


def db_path_of(args: argparse.Namespace) -> Path:
    return data_dir_of(args) / DB_FILENAME
