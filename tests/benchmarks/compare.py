"""Side-by-side benchmarks of two versions: `python tests/benchmarks/compare.py --base REV [--quick]`.

A refactoring must not cost speed, and figures taken on different days or under different load do not
compare. This runs the same benchmarks of the base revision (checked out into a git worktree) and of
this working tree in one session, alternating module by module (base, head, then head, base in the
next round) so that drift in the machine's load falls on both sides alike. For each figure it prints
both values, the change, and whether it stays within --tolerance (10 % by default) of the base; the
exit code is 1 when any shared figure is worse by more than that.

Each side builds (once) and caches its own benchmark shop under --workdir, since the generator may
differ between the versions.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["bench_foundation", "bench_till", "bench_stock", "bench_reports", "bench_sync_selling"]
# Figures where more is better; every other figure is a time (less is better).
HIGHER_IS_BETTER_UNITS = ("/s",)


def checkout(rev: str, workdir: Path) -> Path:
    """A worktree of `rev` (made once, reused while the revision is the same)."""
    sha = subprocess.run(
        ["git", "rev-parse", rev], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    tree = workdir / f"base-{sha[:12]}"
    if not (tree / "tests" / "benchmarks" / "run.py").exists():
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=False)
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), sha], cwd=ROOT, check=True)
    return tree


def run_side(tree: Path, module: str, args: argparse.Namespace, side: str, round_no: int) -> list[dict]:
    out = args.workdir / f"{side}-{module}-{round_no}.json"
    out.unlink(missing_ok=True)
    command = [
        sys.executable,
        str(tree / "tests" / "benchmarks" / "run.py"),
        "--only",
        module,
        "--json",
        str(out),
    ]
    command += ["--workdir", str(args.workdir / f"shop-{side}")]
    if args.quick:
        command.append("--quick")
    env = dict(os.environ, PYTHONPATH=str(tree))
    print(f"== {side} {module} (round {round_no})", flush=True)
    subprocess.run(command, cwd=tree, env=env, check=False)
    return json.loads(out.read_text()) if out.exists() else []


def better_or_worse(value: float, base: float, unit: str) -> float:
    """The change as a fraction, positive when head is worse than base."""
    if unit.endswith(HIGHER_IS_BETTER_UNITS):
        return (base - value) / base
    return (value - base) / base


def comparable(name: str) -> bool:
    # The shop build happens once per side and is no figure of the code under test.
    return not name.startswith("shop build")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="benchmarks of two versions, side by side")
    parser.add_argument("--base", required=True, help="git revision to compare against")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds (median is compared)")
    parser.add_argument("--only", nargs="+", default=MODULES, metavar="MODULE")
    parser.add_argument("--tolerance", type=float, default=0.10)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kkmp-bench-compare"))
    parser.add_argument("--json", type=Path, help="write the comparison rows to this file")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    base_tree = checkout(args.base, args.workdir)

    values: dict[str, dict[str, list[float]]] = {"base": {}, "head": {}}
    units: dict[str, str] = {}
    order: list[str] = []
    for round_no in range(1, args.rounds + 1):
        for module in args.only:
            sides = [("base", base_tree), ("head", ROOT)]
            if round_no % 2 == 0:
                sides.reverse()
            for side, tree in sides:
                for figure in run_side(tree, module, args, side, round_no):
                    name, value = figure["name"], figure["value"]
                    if not comparable(name) or value is None or math.isnan(value):
                        continue
                    if name not in units:
                        units[name] = figure["unit"]
                        order.append(name)
                    values[side].setdefault(name, []).append(value)

    rows = []
    for name in order:
        base_values, head_values = values["base"].get(name), values["head"].get(name)
        row = {"name": name, "unit": units[name], "base": None, "head": None, "change": None, "ok": None}
        if base_values:
            row["base"] = statistics.median(base_values)
        if head_values:
            row["head"] = statistics.median(head_values)
        if row["base"] and row["head"] is not None:
            row["change"] = better_or_worse(row["head"], row["base"], units[name])
            row["ok"] = row["change"] <= args.tolerance
        rows.append(row)

    print()
    header = f"{'figure':<62} {'base':>12} {'head':>12} {'change':>9}  within {args.tolerance:.0%}"
    print(header)
    print("-" * len(header))
    for row in rows:
        base = "—" if row["base"] is None else f"{row['base']:.4g}"
        head = "—" if row["head"] is None else f"{row['head']:.4g}"
        change = "—" if row["change"] is None else f"{row['change']:+.1%}"
        verdict = {True: "yes", False: "NO", None: "(one side only)"}[row["ok"]]
        print(f"{row['name'][:62]:<62} {base:>12} {head:>12} {change:>9}  {verdict}  {row['unit']}")
    print("\nchange: positive means head is slower (or, for throughput, lower) than base")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    return 1 if any(row["ok"] is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
