"""The one benchmark runner: `python tests/benchmarks/run.py [--quick] [--json FILE] [--only NAME...]`.

It builds the benchmark shop once (the demo shop plus 100,000 products and 200,000 past sales, made by
kkmp_pos.devtools.bulkgen) and caches it under --workdir (default /tmp/kkmp-bench) by a key of the
generator's sources, the schema version and the sizes; each run works on a fresh copy of it. Every
figure is printed as a table; --json writes a list of {name, value, unit, baseline, ratio, bar, pass}.
The exit code is 1 when any bar fails. --quick keeps the data sizes and cuts repetitions.

Adding benchmarks: create `tests/benchmarks/bench_<topic>.py` with functions like

    from tests.benchmarks.harness import Bench, Figure, benchmark, p95, stopwatch

    @benchmark("search_as_you_type", issue=3)
    def search_as_you_type(b: Bench) -> list[Figure]:
        till = b.till()                      # a Till on this run's copy of the shop
        samples: list[float] = []
        for _ in range(b.reps(full=500, quick=100)):
            with stopwatch(samples):         # milliseconds
                till.catalog.search("gul")
        return [Figure("search p95", p95(samples), "ms", bar_max=30)]

The runner imports every bench_*.py in this folder; the decorator registers the function. A Figure
may carry `baseline` (its ratio is computed) and a bar: `bar_max` (value < bar_max) or `ratio_max`
(value / baseline < ratio_max). `b.scratch_copy(name)` gives a private copy of the shop for
benchmarks that change a lot; `b.shop_dir` may take small writes (a few hundred sales). `--only`
takes benchmark names or module names (`bench_foundation`). Out-of-process benchmarks (start-up) run
`sys.executable -m kkmp_pos --data-dir b.shop_dir`.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import importlib
import json
import logging
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kkmp_pos.config import DB_FILENAME, resources_dir  # noqa: E402
from tests.benchmarks.harness import REGISTRY, Bench, Figure, Registered, copy_shop  # noqa: E402

PRODUCTS = 100_000
SALES = 200_000
SEED = 20250817


def shop_key(products: int, sales: int) -> str:
    """Changes whenever the generator, the demo data or the schema does: then the shop is rebuilt."""
    from kkmp_pos.db.migrations import LATEST

    digest = hashlib.sha256(f"{products}:{sales}:{SEED}:v{LATEST}".encode())
    package = ROOT / "kkmp_pos"
    for path in (
        package / "devtools" / "bulkgen.py",
        package / "devtools" / "bulkgen_words.py",
        package / "devtools" / "bulkgen_rows.py",
        package / "services" / "setup" / "demo.py",
        resources_dir() / "demo" / "catalog.csv",
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def ensure_shop(workdir: Path, products: int, sales: int, rebuild: bool) -> tuple[Path, float | None]:
    """The cached shop folder, built when missing; returns (folder, build seconds or None if cached)."""
    from kkmp_pos.devtools.bulkgen import generate_large_shop

    key = shop_key(products, sales)
    folder = workdir / f"shop-{products}p-{sales}s-{key}"
    if rebuild:
        shutil.rmtree(folder, ignore_errors=True)
    if (folder / DB_FILENAME).exists():
        return folder, None
    for old in workdir.glob(f"shop-{products}p-{sales}s-*"):  # outdated builds of the same size
        shutil.rmtree(old, ignore_errors=True)
    building = workdir / f"building-{key}-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    print(f"building the benchmark shop ({products:,} products, {sales:,} sales) …", flush=True)
    started = time.perf_counter()
    generate_large_shop(building, products=products, past_sales=sales, seed=SEED)
    building.rename(folder)
    return folder, time.perf_counter() - started


def load_benchmarks() -> None:
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        importlib.import_module(f"tests.benchmarks.{path.stem}")


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def print_table(figures: list[Figure]) -> None:
    headers = ("benchmark", "value", "baseline", "ratio", "bar", "pass")
    rows = [
        (
            f.name,
            fmt(f.value, f.unit),
            fmt(f.baseline, f.unit),
            "—" if f.ratio is None else f"{f.ratio:.2f}×",
            f.bar or "—",
            {True: "PASS", False: "FAIL", None: ""}[f.passed],
        )
        for f in figures
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    for f in figures:
        if f.note:
            print(f"  {f.name}: {f.note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="KKMP POS benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, same data sizes")
    parser.add_argument("--json", type=Path, help="write the figures as a JSON list to this file")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="benchmark or module names to run")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kkmp-bench"))
    parser.add_argument("--rebuild", action="store_true", help="build the benchmark shop again")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--products", type=int, default=PRODUCTS, help=argparse.SUPPRESS)
    parser.add_argument("--sales", type=int, default=SALES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    load_benchmarks()
    chosen = [
        r
        for r in REGISTRY
        if (r.name in args.only or r.module.rsplit(".", 1)[-1] in args.only if args.only else r.default)
    ]
    if args.list or not chosen:
        for r in REGISTRY:
            extra = "" if r.default else ", only with --only"
            print(f"{r.name}  ({r.module.rsplit('.', 1)[-1]}, issue {r.issue}{extra})")
        return 0 if args.list else 2

    started = time.perf_counter()
    args.workdir.mkdir(parents=True, exist_ok=True)
    remove_stale_runs(args.workdir)
    run_dir = args.workdir / f"run-{os.getpid()}"
    run_dir.mkdir()
    # Several engineers run benchmarks at once: one builds, the others wait, nobody deletes a shop in use.
    with (args.workdir / "shop.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        pristine, build_seconds = ensure_shop(args.workdir, args.products, args.sales, args.rebuild)
        copy_shop(pristine, run_dir)
    figures: list[Figure] = []
    if build_seconds is not None:
        figures.append(Figure("shop build (cached afterwards)", build_seconds, "s"))
    try:
        run_benchmarks(chosen, run_dir, pristine, args, figures)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)

    print()
    print_table(figures)
    print(f"\n{len(figures)} figures in {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps([f.as_json() for f in figures], indent=2, ensure_ascii=False) + "\n")
    return 1 if any(f.passed is False for f in figures) else 0


def remove_stale_runs(workdir: Path) -> None:
    """Working copies left by runners that died (their process is gone)."""
    for folder in workdir.glob("run-*"):
        try:
            os.kill(int(folder.name.split("-", 1)[1]), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (ValueError, PermissionError):
            pass


def run_benchmarks(
    chosen: list[Registered], run_dir: Path, pristine: Path, args: argparse.Namespace, figures: list[Figure]
) -> None:
    for registered in chosen:
        bench = Bench(shop_dir=run_dir, pristine_dir=pristine, workdir=args.workdir, quick=args.quick)
        print(f"… {registered.name}", flush=True)
        t0 = time.perf_counter()
        try:
            figures.extend(registered.fn(bench))
        except Exception:
            traceback.print_exc()
            figures.append(Figure(f"{registered.name}: crashed", float("nan"), "", bar_max=0))
        finally:
            bench.close()
        print(f"  done in {time.perf_counter() - t0:.1f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
