"""The benchmark harness: the registry, the figures, and what each benchmark is handed (see run.py)."""

from __future__ import annotations

import math
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkmp_pos.config import DB_FILENAME


@dataclass
class Figure:
    """One measured number, optionally beside a baseline, optionally judged against a bar.

    `bar_max` judges the value (value < bar_max); `ratio_max` judges value / baseline. `bar` is the
    text shown for whichever applies; `passed` is None when there is no bar.
    """

    name: str
    value: float
    unit: str
    baseline: float | None = None
    bar_max: float | None = None
    ratio_max: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    @property
    def bar(self) -> str | None:
        if self.bar_max is not None:
            return f"< {self.bar_max:g} {self.unit}"
        if self.ratio_max is not None:
            return f"ratio < {self.ratio_max:g}×"
        return None

    @property
    def passed(self) -> bool | None:
        if self.bar_max is not None:
            return self.value < self.bar_max
        if self.ratio_max is not None:
            return self.ratio is not None and self.ratio < self.ratio_max
        return None

    def as_json(self) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "name": self.name,
            "value": None if math.isnan(self.value) else round(self.value, 4),
            "unit": self.unit,
            "baseline": None if self.baseline is None else round(self.baseline, 4),
            "ratio": None if ratio is None else round(ratio, 3),
            "bar": self.bar,
            "pass": self.passed,
        }


@dataclass
class Bench:
    """What a benchmark function is handed."""

    shop_dir: Path  # this run's working copy of the benchmark shop (benchmarks may write to it)
    pristine_dir: Path  # the cached shop: never open it, copy it with `scratch_copy`
    workdir: Path
    quick: bool
    _till: Any = field(default=None, repr=False)

    @property
    def db_path(self) -> Path:
        return self.shop_dir / DB_FILENAME

    def reps(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def till(self) -> Any:
        """A Till on the working copy (real clock, production settings), closed after the benchmark."""
        if self._till is None:
            from kkmp_pos.app import open_till

            self._till = open_till(self.shop_dir)
            ensure_shift(self._till)
        return self._till

    def scratch_copy(self, name: str) -> Path:
        """A fresh copy of the pristine shop in its own folder, for benchmarks that change a lot."""
        target = self.shop_dir / "scratch" / name  # inside this run's folder: removed with it
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        copy_shop(self.pristine_dir, target)
        return target

    def close(self) -> None:
        if self._till is not None:
            self._till.close()
            self._till = None


def copy_shop(source: Path, target: Path) -> None:
    """The shop's database file and its personal-data key folder (without the key the till would hash
    every member again at start, as after a restore without its key), from `source` into `target`."""
    shutil.copyfile(source / DB_FILENAME, target / DB_FILENAME)
    keys = source / "keys"
    if keys.is_dir():
        shutil.copytree(keys, target / "keys", dirs_exist_ok=True)


def ensure_shift(till: Any) -> None:
    """Cash needs an open shift: open one for the first cashier (a Rp300.000 float) unless a shift is
    already open or waiting to be closed. Every benchmark that rings up cash calls this after open_till."""
    from kkmp_pos.core.cash import breakdown
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of

    if till.shifts.unclosed():
        return
    cashier = UserModel.select().where(UserModel.role == "kasir").order_by(UserModel.id).first()
    till.shifts.open(actor_of(cashier), breakdown(300_000))


BenchFn = Callable[[Bench], list[Figure]]


@dataclass(frozen=True)
class Registered:
    name: str
    fn: BenchFn
    issue: int | None
    module: str
    default: bool = True  # in the run without --only


REGISTRY: list[Registered] = []


def benchmark(name: str, *, issue: int | None = None, default: bool = True) -> Callable[[BenchFn], BenchFn]:
    """Register a benchmark: `@benchmark("scan_to_cart", issue=2)` over `def f(b: Bench) -> [Figure]`.

    `default=False`: run only when named with --only (benchmarks that build a shop of their own)."""

    def register(fn: BenchFn) -> BenchFn:
        if any(r.name == name for r in REGISTRY):
            raise ValueError(f"benchmark {name!r} registered twice")
        REGISTRY.append(Registered(name, fn, issue, fn.__module__, default))
        return fn

    return register


# -- measuring --------------------------------------------------------------------------------------
def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def p95(samples: list[float]) -> float:
    return percentile(samples, 95)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


@contextmanager
def stopwatch(samples: list[float], scale: float = 1000.0) -> Iterator[None]:
    """Append the block's wall time (milliseconds by default) to `samples`."""
    start = time.perf_counter()
    yield
    samples.append((time.perf_counter() - start) * scale)
