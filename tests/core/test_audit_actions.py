"""Every audit action code the package writes has Indonesian and English words (found by reading the AST)."""

from __future__ import annotations

import ast
from pathlib import Path

from kkmp_pos.core.audit_actions import ACTION_LABELS, FSTRING_EXPANSIONS, label

PACKAGE = Path(__file__).resolve().parents[2] / "kkmp_pos"


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.rglob("*.py"))]


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    """Calls to `name(...)` or `x.name(...)`."""
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and (
            (isinstance(n.func, ast.Name) and n.func.id == name)
            or (isinstance(n.func, ast.Attribute) and n.func.attr == name)
        )
    ]


def _is_code_expr(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.IfExp):
        return _is_code_expr(node.body) and _is_code_expr(node.orelse)
    return isinstance(node, ast.JoinedStr)


def _codes(node: ast.expr) -> tuple[set[str], set[str]]:
    """(literal codes, f-string templates such as 'sale.{kind}') an action argument can produce."""
    if isinstance(node, ast.Constant):
        return {node.value}, set()
    if isinstance(node, ast.IfExp):
        a, b = _codes(node.body), _codes(node.orelse)
        return a[0] | b[0], a[1] | b[1]
    assert isinstance(node, ast.JoinedStr)
    template = "".join(
        part.value if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}"
        for part in node.values
    )
    return set(), {template}


def _written() -> tuple[set[str], set[str], list[str]]:
    """Scan every audit(...) call: literal codes, f-string templates, and calls whose code is unreadable."""
    literals: set[str] = set()
    templates: set[str] = set()
    unreadable: list[str] = []
    for path, tree in _trees():
        for call in _calls(tree, "audit"):
            code = next((a for a in call.args if _is_code_expr(a)), None)
            where = f"{path.relative_to(PACKAGE.parent)}:{call.lineno}"
            if code is None:
                unreadable.append(where)
                continue
            lit, tpl = _codes(code)
            literals |= lit
            templates |= tpl
    return literals, templates, unreadable


def test_every_literal_audit_code_in_the_package_has_a_label():
    literals, _, unreadable = _written()
    assert not unreadable, f"audit() calls whose action code is not a string/f-string: {unreadable}"
    # The scan really sees the calls (a broken walker would make the next assert pass vacuously).
    assert {"login.failed", "user.created", "price.override", "purchase_limit.override"} <= literals
    assert len(literals) >= 40
    missing = sorted(literals - ACTION_LABELS.keys())
    assert not missing, f"audit codes without words in core/audit_actions.ACTION_LABELS: {missing}"


def test_every_fstring_audit_code_is_listed_with_its_expansions_and_each_expansion_has_a_label():
    _, templates, _ = _written()
    assert templates == set(FSTRING_EXPANSIONS), "a new f-string audit code: list its expansions"
    for template, codes in FSTRING_EXPANSIONS.items():
        assert codes, template
        missing = [c for c in codes if c not in ACTION_LABELS]
        assert not missing, f"{template} expands to codes without words: {missing}"


def test_sale_kind_expansions_match_the_kinds_reversals_pass_to_cancel():
    kinds = set()
    for module in ("reversals.py", "qris_payments.py"):  # a cancellation, and an abandoned QRIS payment
        tree = ast.parse((PACKAGE / "services" / "selling" / module).read_text(encoding="utf-8"))
        for call in _calls(tree, "_cancel"):
            kind = call.args[1]
            assert isinstance(kind, ast.Constant) and isinstance(kind.value, str), ast.unparse(call)
            kinds.add(kind.value)
    assert {f"sale.{k}" for k in kinds} == set(FSTRING_EXPANSIONS["sale.{kind}"])


def test_cash_kind_expansions_match_the_cash_kinds_shifts_accept():
    # Read CASH_KINDS from the source (cash_move refuses any other kind), keeping this test free of services.
    tree = ast.parse((PACKAGE / "services" / "shifts" / "drawer.py").read_text(encoding="utf-8"))
    kinds = next(
        ast.literal_eval(n.value)
        for n in tree.body
        if isinstance(n, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "CASH_KINDS" for t in n.targets)
    )
    assert {f"cash.{k}" for k in kinds} == set(FSTRING_EXPANSIONS["cash.{kind}"])


def test_every_label_has_indonesian_and_english_words_not_the_code():
    for code, (id_text, en_text) in ACTION_LABELS.items():
        assert id_text.strip() and en_text.strip(), code
        assert code not in (id_text, en_text), code


def test_label_picks_the_language_and_falls_back_to_the_code():
    assert label("login.failed", "id") == "Login gagal"
    assert label("login.failed", "en") == "Failed login"
    assert label("sale.cancelled") == "Penjualan dibatalkan"
    assert label("cash.out", "fr") == "Kas keluar"  # unknown language: Bahasa Indonesia
    assert label("something.new", "en") == "something.new"
