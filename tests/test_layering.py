"""The layers of DESIGN.md hold: nothing below gui/ loads Qt, core stays pure, imports point one way and
no two modules import each other (directly or in a circle)."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import kkmp_pos
from tests.import_graph import ImportGraph, build_graph

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


# -- the module graph: layers and cycles ---------------------------------------------------------------
# (importer, imported): no module of the first package may import one of the second, in any form
# (top level, deferred inside a function, or under TYPE_CHECKING).
FORBIDDEN_IMPORTS = [
    ("gui", "db"),  # views get plain data from services
    ("gui", "sync"),  # the sync worker is built by the composition root and run by services
    ("gui", "app"),  # the composition root sits above the window, not below it
    ("services", "app"),
    ("pdf", "services"),  # PDFs draw plain report data from core
    ("sync", "services"),
]


def broken_layers(graph: ImportGraph) -> list[str]:
    """Every import that breaks FORBIDDEN_IMPORTS, as 'module -> imported'."""
    found = []
    for importer, imported in FORBIDDEN_IMPORTS:
        for module, target in graph.violations(f"{graph.root}.{importer}", f"{graph.root}.{imported}"):
            found.append(f"{module} -> {target}")
    return found


def describe(graph: ImportGraph, cycle: frozenset[str]) -> str:
    return "; ".join(f"{m} -> {', '.join(sorted(graph.imports_of(m) & cycle))}" for m in sorted(cycle))


def test_layers_hold_on_the_module_graph():
    graph = build_graph(PACKAGE)
    assert "kkmp_pos.services.selling.sales" in graph.edges  # the graph covers the package
    assert broken_layers(graph) == []


def test_no_import_cycle_between_modules():
    graph = build_graph(PACKAGE)
    cycles = graph.cycles()
    assert not cycles, "import cycles (move what both sides need into a third module):\n" + "\n".join(
        describe(graph, c) for c in cycles
    )


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _shop(tmp_path: Path, *, gui_imports_db: bool, cycle: bool) -> Path:
    """A small package shaped like ours, with a gui -> db import and a cycle on demand."""
    package = tmp_path / ("shop_bad" if gui_imports_db or cycle else "shop_good")
    screen = "from typing import TYPE_CHECKING\n\nfrom {pkg}.services import sales\n"
    if gui_imports_db:
        # the hidden kinds: deferred, and for type hints only
        screen += "\ndef show():\n    from {pkg}.db.models import SaleModel\n"
        screen += "\nif TYPE_CHECKING:\n    from {pkg}.db import database\n"
    helper = "from . import money\n" if cycle else ""
    money = "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from .rounding import Rule\n"
    _write(
        package,
        {
            "__init__.py": "",
            "gui/__init__.py": "",
            "gui/screen.py": screen.format(pkg=package.name),
            "services/__init__.py": "",
            "services/sales.py": f"from {package.name}.core import money\nfrom ..db import models\n",
            "db/__init__.py": "",
            "db/models.py": "from . import database\n",
            "db/database.py": "",
            "core/__init__.py": "",
            "core/money.py": money,
            "core/rounding.py": helper,
        },
    )
    return package


def test_the_checker_reports_a_gui_to_db_import_and_a_cycle(tmp_path: Path):
    graph = build_graph(_shop(tmp_path, gui_imports_db=True, cycle=True))
    assert broken_layers(graph) == [
        "shop_bad.gui.screen -> shop_bad.db.database",
        "shop_bad.gui.screen -> shop_bad.db.models",
    ]
    assert graph.cycles() == [frozenset({"shop_bad.core.money", "shop_bad.core.rounding"})]


def test_the_checker_passes_the_same_package_without_them(tmp_path: Path):
    graph = build_graph(_shop(tmp_path, gui_imports_db=False, cycle=False))
    assert graph.imports_of("shop_good.services.sales") == {"shop_good.core.money", "shop_good.db.models"}
    assert broken_layers(graph) == []
    assert graph.cycles() == []
