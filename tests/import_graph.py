"""The import graph of a package, read from its source with `ast`, and the cycles in it.

Every import counts, wherever it is written: at the top, inside a function (deferred imports still tie
two modules together) and under `if TYPE_CHECKING:` (a cycle kept only for type hints means a type
lives in the wrong module). Relative imports are resolved, and `from pkg import name` counts as an
import of `pkg.name` when that is a module of the package.

Run it directly to print the cycles of kkmp_pos: `python tests/import_graph.py`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ImportGraph:
    """`edges[a]` are the package's modules that module `a` imports (directly)."""

    root: str
    edges: dict[str, frozenset[str]]

    def imports_of(self, module: str) -> frozenset[str]:
        return self.edges.get(module, frozenset())

    def violations(self, importer: str, forbidden: str) -> list[tuple[str, str]]:
        """(module, imported) pairs where a module in `importer` imports one in `forbidden`."""
        found = []
        for module, targets in sorted(self.edges.items()):
            if not _within(module, importer):
                continue
            found.extend((module, target) for target in sorted(targets) if _within(target, forbidden))
        return found

    def cycles(self) -> list[frozenset[str]]:
        """The strongly connected components with more than one module (or a module importing itself)."""
        return [
            component
            for component in strongly_connected(self.edges)
            if len(component) > 1 or next(iter(component)) in self.imports_of(next(iter(component)))
        ]


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def module_names(package_dir: Path, root: str) -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package is named by its `__init__`)."""
    names: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join([root, *parts])] = path
    return names


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    """`from ..x import y` inside `module` -> the absolute name of `..x`."""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def _imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, list[str]]]:
    """(imported module, names taken from it) for each import statement anywhere in the tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                source = _resolve_relative(module, is_package, node.level, node.module)
            else:
                source = node.module or ""
            yield source, [alias.name for alias in node.names]


def _nearest_module(name: str, known: Iterable[str]) -> str | None:
    """`a.b.c` -> the longest prefix that is a module of the package (an attribute path names its module)."""
    known = set(known)
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        parts.pop()
    return None


def build_graph(package_dir: Path, root: str | None = None) -> ImportGraph:
    """The import graph of the package in `package_dir` (its modules only; outside imports are dropped)."""
    root = root or package_dir.name
    modules = module_names(package_dir, root)
    edges: dict[str, frozenset[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for source, names in _imported_names(tree, module, is_package):
            if not _within(source, root):
                continue
            for name in names:
                if f"{source}.{name}" in modules:  # `from pkg import submodule`
                    targets.add(f"{source}.{name}")
            owner = _nearest_module(source, modules)
            if owner is not None and (not names or not all(f"{source}.{n}" in modules for n in names)):
                targets.add(owner)
        targets.discard(module)
        edges[module] = frozenset(targets)
    return ImportGraph(root, edges)


def strongly_connected(edges: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """Tarjan's algorithm, iterative (a deep package must not hit the recursion limit)."""
    index: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[frozenset[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = lowlink[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = lowlink[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    lowlink[node] = min(lowlink[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                lowlink[parent] = min(lowlink[parent], lowlink[node])
            if lowlink[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(frozenset(component))
    return components


def main() -> int:
    package_dir = Path(__file__).resolve().parent.parent / "kkmp_pos"
    graph = build_graph(package_dir)
    cycles = graph.cycles()
    for component in sorted(cycles, key=sorted):
        print(" ".join(sorted(component)))
        for module in sorted(component):
            inside = sorted(graph.imports_of(module) & component)
            print(f"    {module} -> {', '.join(inside)}")
    print(f"{len(cycles)} cycle(s)")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
