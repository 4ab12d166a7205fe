"""The layers of DESIGN.md hold: nothing below gui/ loads Qt, and core stays pure."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import kkmp_pos

PACKAGE = Path(kkmp_pos.__file__).parent


def non_gui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="kkmp_pos."):
        if info.name.startswith("kkmp_pos.gui") or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def test_no_package_below_the_gui_loads_pyside6():
    modules = non_gui_modules()
    assert "kkmp_pos.services.selling.sales" in modules and "kkmp_pos.core.cart" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as exc:\n"
        "        if 'fastapi' in str(exc) or 'uvicorn' in str(exc):\n"
        "            continue\n"
        "        raise\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", f"Qt loaded by a non-GUI package: {out.stdout}"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_imports_no_io_layers():
    forbidden = (
        "peewee",
        "PySide6",
        "kkmp_pos.db",
        "kkmp_pos.services",
        "kkmp_pos.gui",
        "escpos",
        "reportlab",
    )
    for path in (PACKAGE / "core").glob("*.py"):
        bad = [m for m in imports_of(path) if m.startswith(forbidden)]
        assert not bad, f"{path.name} imports {bad}"


def test_imports_point_one_way():
    rules = {
        "db": ("kkmp_pos.services", "kkmp_pos.gui", "kkmp_pos.devices", "kkmp_pos.server"),
        "services": ("kkmp_pos.gui", "kkmp_pos.server"),
        "devices": ("kkmp_pos.services", "kkmp_pos.gui", "kkmp_pos.db"),
        "pdf": ("kkmp_pos.gui",),
        "sync": ("kkmp_pos.gui",),
        "server": ("kkmp_pos.gui", "kkmp_pos.services", "kkmp_pos.db"),
    }
    for package, forbidden in rules.items():
        for path in (PACKAGE / package).rglob("*.py"):
            bad = [m for m in imports_of(path) if m.startswith(forbidden)]
            assert not bad, f"{package}/{path.name} imports {bad}"
