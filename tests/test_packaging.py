"""Packaging: the PyInstaller spec, the Windows installer script and the Linux .desktop stay consistent.

The fast checks read the files. The build itself (PyInstaller, ~20 s, then the frozen app run headless)
is opt-in: KKMP_TEST_PYINSTALLER=1, with PyInstaller importable here or named by KKMP_PYINSTALLER.
"""

from __future__ import annotations

import ast
import configparser
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kkmp_pos

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kkmp-pos.spec"
ISS = ROOT / "packaging" / "windows" / "kkmp-pos.iss"
BUILD_PS1 = ROOT / "packaging" / "windows" / "build.ps1"
DESKTOP = ROOT / "packaging" / "linux" / "kkmp-pos.desktop"
ICONS = ROOT / "resources" / "icons"


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def spec_constant(name: str) -> object:
    """A top-level `NAME = <literal>` of the spec."""
    for node in spec_tree().body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not assigned in {SPEC}")


def spec_till_filter():
    """The spec's own filter for which kkmp_pos modules go into the till bundle."""
    for node in spec_tree().body:
        if isinstance(node, ast.FunctionDef) and node.name == "_till_module":
            namespace: dict = {}
            exec(compile(ast.Module(body=[node], type_ignores=[]), str(SPEC), "exec"), namespace)
            return namespace["_till_module"]
    raise AssertionError("the spec has no _till_module filter")


def all_kkmp_modules() -> list[str]:
    return ["kkmp_pos"] + [
        m.name for m in pkgutil.walk_packages(kkmp_pos.__path__, prefix="kkmp_pos.", onerror=lambda _n: None)
    ]


def test_spec_parses_and_names_the_entry_script_and_resources():
    text = SPEC.read_text(encoding="utf-8")
    spec_tree()  # parses as Python
    assert '"kkmp_pos" / "__main__.py"' in text
    assert (ROOT / "kkmp_pos" / "__main__.py").is_file()
    assert '(str(RESOURCES_DIR), "resources")' in text, "resources/ must land where resources_dir() looks"
    assert "Analysis(" in text and "COLLECT(" in text, "one-folder build: EXE + COLLECT"
    assert spec_constant("APP_NAME") == "kkmp-pos"


def test_spec_collects_every_till_module_and_leaves_the_server_out():
    text = SPEC.read_text(encoding="utf-8")
    assert 'collect_submodules("kkmp_pos", filter=_till_module)' in text
    keep = spec_till_filter()
    modules = all_kkmp_modules()
    gui = [m for m in modules if m.startswith("kkmp_pos.gui.")]
    assert len(gui) > 30 and all(keep(m) for m in gui)
    for prefix in (
        "kkmp_pos.cli.",
        "kkmp_pos.services.",
        "kkmp_pos.devices.",
        "kkmp_pos.pdf.",
        "kkmp_pos.sync.",
    ):
        found = [m for m in modules if m.startswith(prefix)]
        assert found and all(keep(m) for m in found), prefix
    server = [m for m in modules if m.startswith("kkmp_pos.server")]
    assert server and not any(keep(m) for m in server)
    excludes = spec_constant("SERVER_PACKAGES")
    assert {"kkmp_pos.server", "fastapi", "uvicorn", "psycopg2"} <= set(excludes)


def test_the_till_never_imports_what_the_spec_excludes():
    """An excluded package imported by till code would be missing from the frozen app at run time."""
    excluded = set(spec_constant("SERVER_PACKAGES")) | set(spec_constant("DEV_PACKAGES"))
    excluded |= set(spec_constant("UNUSED_QT"))
    offenders = []
    for path in (ROOT / "kkmp_pos").rglob("*.py"):
        if "server" in path.relative_to(ROOT / "kkmp_pos").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if any(name == e or name.startswith(e + ".") for e in excluded):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offenders, offenders


def test_spec_bundles_the_data_files_libraries_load_at_run_time():
    text = SPEC.read_text(encoding="utf-8")
    for package in ("escpos", "stdnum", "tzdata", "reportlab", "qrcode"):
        assert f'collect_data_files("{package}"' in text, package
    for hidden in ('collect_submodules("escpos.printer")', 'collect_submodules("reportlab.graphics")'):
        assert hidden in text
    # what those calls must find in the build environment
    import escpos
    import stdnum

    assert (Path(escpos.__file__).parent / "capabilities.json").is_file()
    assert list(Path(stdnum.__file__).parent.rglob("*.dat"))


def test_resources_the_packages_use_exist():
    assert (ROOT / "resources" / "translations" / "kkmp_pos_en.qm").is_file()
    assert (ROOT / "resources" / "demo" / "catalog.csv").is_file()
    for name in ("kkmp-pos.png", "kkmp-pos.ico", "kkmp-pos.svg"):
        assert (ICONS / name).stat().st_size > 200, name


def test_desktop_file_has_name_exec_and_an_icon_that_exists():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "KKMP POS"
    assert main["Exec"].split()[0] == "kkmp-pos"
    assert (ICONS / f"{main['Icon']}.png").is_file()
    assert main["Terminal"] == "false"
    assert "--demo" in entry["Desktop Action demo"]["Exec"].split()


def test_installer_script_installs_the_built_folder_with_a_demo_shortcut():
    iss = ISS.read_text(encoding="utf-8")
    folder = spec_constant("APP_NAME")
    assert f'#define DistDir "..\\..\\dist\\{folder}"' in iss
    assert f'#define AppExe "{folder}.exe"' in iss
    assert 'Source: "{#DistDir}\\*"' in iss and "recursesubdirs" in iss
    assert "DefaultDirName={autopf}" in iss and "PrivilegesRequired=admin" in iss
    assert 'Parameters: "--demo"' in iss and "Toko demo" in iss
    assert "{autodesktop}" in iss and "{group}" in iss
    # the shop's data is never removed by the uninstaller (comments aside)
    code = "\n".join(line for line in iss.splitlines() if not line.lstrip().startswith(";"))
    assert "[UninstallDelete]" not in code and "{localappdata}" not in code.lower()
    ps1 = BUILD_PS1.read_text(encoding="utf-8")
    assert "packaging\\kkmp-pos.spec" in ps1 and "kkmp-pos.iss" in ps1 and "PyInstaller" in ps1


def test_window_icon_is_the_shop_mark(qapp):
    from kkmp_pos.gui.app import make_app

    app = make_app()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()


# -- the real build (opt-in) ------------------------------------------------------------------------
def pyinstaller_command() -> list[str]:
    named = os.environ.get("KKMP_PYINSTALLER")
    if named:
        return [named]
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed here; set KKMP_PYINSTALLER to its executable")
    return [sys.executable, "-m", "PyInstaller"]


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("KKMP_TEST_PYINSTALLER") != "1", reason="set KKMP_TEST_PYINSTALLER=1")
def test_frozen_app_renders_the_demo_screen_and_checks_its_database(tmp_path: Path):
    build = subprocess.run(
        [*pyinstaller_command(), "--noconfirm", "--distpath", str(tmp_path / "dist"), "--workpath",
         str(tmp_path / "work"), str(SPEC)],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "kkmp-pos" / ("kkmp-pos.exe" if sys.platform == "win32" else "kkmp-pos")
    if sys.platform == "win32":
        exe = exe.with_name("kkmp-pos-cli.exe")  # the windowed one has no stdout
    assert exe.is_file()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = tmp_path / "data"
    png = tmp_path / "shot.png"

    def run(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(exe), "--data-dir", str(data), *args],
            env={**env, **extra_env}, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    shot = run("--demo", "screenshot", str(png))
    assert shot.returncode == 0, shot.stderr[-3000:]
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1366, 768)
    receipt = run("--demo", "receipt", "show", "--last")
    assert receipt.returncode == 0 and "TOTAL" in receipt.stdout, receipt.stderr[-3000:]
    check = run("db", "check")
    assert check.returncode == 0 and check.stdout.startswith("OK"), check.stderr[-3000:]
    shown = run(KKMP_POS_EXIT_WHEN_SHOWN="1")
    assert shown.returncode == 0 and shown.stdout.startswith("SHOWN "), shown.stderr[-3000:]
    shutil.rmtree(tmp_path / "work", ignore_errors=True)
