"""`kkmp-pos screenshot --all`: every screen and dialog is rendered, and each fits 1366×768 and 1024×768."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import _demo_template

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "kkmp_pos" / "gui"
RUNS = [("1366x768", "id"), ("1024x768", "id"), ("1024x768", "en")]


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def screen_and_dialog_classes() -> dict[str, str]:
    """Every `*Screen` / `*Dialog` class in a `*_screen.py` / `*_dialog.py` module (or anywhere under
    gui/), as {snake name: "module:Class"}."""
    found: dict[str, str] = {}
    for path in sorted(GUI.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name.endswith(("Screen", "Dialog")):
                found[snake(node.name)] = f"{module}:{node.name}"
    return found


def screen_and_dialog_modules() -> list[str]:
    return sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in GUI.rglob("*.py")
        if p.stem.endswith(("_screen", "_dialog"))
    )


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> dict[str, list[dict]]:
    """The manifests of `screenshot --all` at both sizes (and in English, whose words run longer, on the
    smaller screen), each run as the command line runs it."""
    template = _demo_template(tmp_path_factory)
    manifests: dict[str, list[dict]] = {}
    for size, lang in RUNS:
        data = tmp_path_factory.mktemp(f"data-{size}")
        shutil.copytree(template, data, dirs_exist_ok=True)
        out = tmp_path_factory.mktemp(f"shots-{size}-{lang}")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        where = ["--data-dir", str(data), "--lang", lang]
        done = subprocess.run(
            [sys.executable, "-m", "kkmp_pos", *where, "screenshot", "--all", str(out), "--size", size],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        for entry in manifest:
            png = (out / entry["file"]).read_bytes()
            assert png[:8] == b"\x89PNG\r\n\x1a\n", entry["name"]
            assert struct.unpack(">II", png[16:24]) == (entry["width"], entry["height"])
        manifests[f"{size} {lang}"] = manifest
    return manifests


def test_every_screen_and_dialog_class_is_in_the_manifest(shots):
    classes = screen_and_dialog_classes()
    assert len(classes) >= 30  # the scan itself works
    for manifest in shots.values():
        names = {entry["name"] for entry in manifest}
        widgets = {entry["widget"] for entry in manifest}
        missing = {
            name: where for name, where in classes.items() if name not in names or where not in widgets
        }
        assert not missing, f"not rendered by screenshot --all: {missing}"
        shown_modules = {w.split(":")[0] for w in widgets}
        assert not set(screen_and_dialog_modules()) - shown_modules


@pytest.mark.parametrize(("size", "lang"), RUNS)
def test_every_screen_fits(shots, size, lang):
    width, height = (int(n) for n in size.split("x"))
    manifest = shots[f"{size} {lang}"]
    bad = {e["name"]: e["problems"] for e in manifest if not e["fits"]}
    assert not bad, f"do not fit {size} ({lang}): {json.dumps(bad, ensure_ascii=False, indent=1)}"
    for entry in manifest:
        assert entry["width"] <= width and entry["height"] <= height, entry["name"]


def test_a_bad_size_or_no_target_is_refused_in_words(tmp_path, capsys):
    from kkmp_pos.cli import main

    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "screenshot", "--all", str(tmp_path / "shots"), "--size", "big"]) == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err
    assert main([*data, "screenshot"]) == 2
    assert "--all DIR" in capsys.readouterr().err
    assert not (tmp_path / "shots").exists()
