"""Every subcommand of `kkmp-pos`, found by walking the argparse tree, run in a real process with bad
arguments, missing files, existing folders and unwritable paths: none prints a Python traceback, and
each ends with exit status 0, 1 or 2 (2 for a mistake in the command line)."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kkmp_pos.cli import build_parser
from kkmp_pos.cli.help_text import INDONESIAN, help_texts
from kkmp_pos.config import DB_FILENAME

# Commands that would run until stopped (the window, the sync loop) get their bounded form.
SKIPPED = {("gui",)}
# Arguments a walk cannot guess: one of a required pair of flags, a path that is a plain string.
EXTRA = {
    ("sync",): ["--once"],
    ("receipt", "print"): ["--last", "--printer", "network://127.0.0.1:9"],
    ("receipt", "show"): ["--last"],
    ("settings", "qris"): ["--from-image", "{path}"],
    ("db", "restore"): ["--check-only"],
}
# Values that pass their own check, so the command goes on to the path
GOOD = {"date_from": "2025-01-01", "date_to": "2025-01-31", "date": "2025-01-01", "float": "300000"}


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], list]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [(path, [a for a in parser._actions if not isinstance(a, argparse._HelpAction)])]
    found = []
    for sub in subs:
        for name, child in sub.choices.items():
            found.extend(leaves(child, (*path, name)))
    return found


def filled(actions: list, value_for_path: str) -> list[str]:
    """The command's arguments: every path (positional or option) set to `value_for_path`, every other
    value a plausible but wrong one, flags left out (mutually exclusive groups: the first member)."""
    line: list[str] = []
    for action in actions:
        if action.nargs == 0:
            continue
        is_path = action.type is Path
        if not (action.required or is_path or (not action.option_strings and action.nargs != "?")):
            continue
        value = value_for_path if is_path else {int: "12x", float: "-1x"}.get(action.type, "x")
        value = GOOD.get(action.dest, value)
        if action.choices:
            value = "nope"
        if action.option_strings:
            line.extend([action.option_strings[0], value])
        else:
            line.append(value)
    return line


def variants(tmp_path: Path) -> dict[str, str]:
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("x")
    (tmp_path / "a-folder").mkdir()
    return {
        "missing": str(tmp_path / "missing" / "nothing-here.pdf"),
        "folder": str(tmp_path / "a-folder"),
        "unwritable": str(a_file / "inside-a-file.pdf"),  # a file where a folder should be
    }


@pytest.fixture
def shop(till):
    folder = till.db_path.parent
    till.close()
    return folder


def test_the_walk_finds_every_command():
    paths = {path for path, _ in leaves(build_parser())}
    assert {("report", "eod"), ("db", "backup"), ("demo", "sheet"), ("receipt", "print")} <= paths


def test_every_help_text_has_its_indonesian():
    missing = [text for text in help_texts(build_parser()) if text not in INDONESIAN]
    assert missing == []


def test_no_command_prints_a_traceback(shop, tmp_path):
    env = {**os.environ, "HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen", "KKMP_POS_PIN": ""}
    runs: list[list[str]] = []
    paths = variants(tmp_path)
    for path, actions in leaves(build_parser()):
        if path in SKIPPED:
            continue

        def extra(value: str, path: tuple[str, ...] = path) -> list[str]:
            return [value if arg == "{path}" else arg for arg in EXTRA.get(path, [])]

        runs.append(["--data-dir", str(shop), *path, *extra("x"), "--no-such-option"])
        runs.extend(
            ["--data-dir", str(shop), *path, *extra(value), *filled(actions, value)]
            for value in paths.values()
        )
        runs.append(
            ["--data-dir", str(tmp_path / "a-file.txt"), *path, *extra("x.png"), *filled(actions, "x.pdf")]
        )

    def run(args: list[str]) -> tuple[list[str], subprocess.CompletedProcess]:
        out = subprocess.run(
            [sys.executable, "-m", "kkmp_pos", *args],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
            env=env,
            cwd=tmp_path,
        )
        return args, out

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(run, runs))
    problems = []
    for args, out in results:
        text = out.stdout.decode(errors="replace") + out.stderr.decode(errors="replace")
        if "Traceback" in text or out.returncode not in (0, 1, 2):
            problems.append(f"{' '.join(args)} → {out.returncode}\n{text[-2000:]}")
        if "--no-such-option" in args and out.returncode != 2:
            problems.append(f"{' '.join(args)} → {out.returncode} (a bad option is exit 2)")
        if out.returncode == 1 and "Traceback" not in text and "kesalahan tak terduga" in text:
            assert len(out.stderr.decode().strip().splitlines()) == 1, text  # one line, with the log
    if os.environ.get("KKMP_SHOW_CLI_RUNS"):
        for args, out in results:
            print(out.returncode, " ".join(args[2:]), "|", out.stderr.decode(errors="replace").strip()[-300:])
    assert not problems, "\n\n".join(problems)


def _kkmp(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        cwd=cwd,
    )


def test_help_follows_the_shops_language(shop):
    indonesian = _kkmp("--data-dir", str(shop), "report", "eod", "--help").stdout.decode()
    assert (
        "cara pakai:" in indonesian and "tanggal usaha" in indonesian and "show this help" not in indonesian
    )
    con = sqlite3.connect(shop / DB_FILENAME)
    con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('language', '\"en\"')")
    con.commit()
    con.close()
    english = _kkmp("--data-dir", str(shop), "report", "eod", "--help").stdout.decode()
    assert "usage:" in english and "business date" in english and "cara pakai" not in english
    assert "cara pakai:" in _kkmp("--data-dir", str(shop), "--lang", "id", "db", "--help").stdout.decode()


def test_report_eod_defaults_to_todays_business_date_in_the_shops_time_zone(shop):
    from datetime import UTC, datetime

    from kkmp_pos.core.timeutil import business_date

    con = sqlite3.connect(shop / DB_FILENAME)
    zone = con.execute("SELECT timezone FROM store").fetchone()[0]
    con.close()
    before = business_date(datetime.now(UTC), zone).isoformat()
    out = _kkmp("--data-dir", str(shop), "report", "eod", "--json")
    after = business_date(datetime.now(UTC), zone).isoformat()
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)["business_date"] in {before, after}


def test_a_failed_backup_leaves_nothing_behind(shop, tmp_path):
    target = tmp_path / "already-a-folder"
    target.mkdir()
    out = _kkmp("--data-dir", str(shop), "db", "backup", str(target))
    assert out.returncode == 2 and "folder" in out.stderr.decode() and b"Traceback" not in out.stderr
    assert list(tmp_path.rglob("*.part")) == [] and list(target.iterdir()) == []
