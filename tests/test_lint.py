"""The code stays as ruff wants it (lint and format), as configured in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module", autouse=True)
def _needs_ruff():
    if ruff("--version").returncode != 0:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")


def test_ruff_lint_is_clean():
    out = ruff("check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout[-3000:]


def test_ruff_format_is_clean():
    out = ruff("format", "--check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout[-3000:]
