"""Every detail key the package audits has words, and a stored detail reads as words with units."""

from __future__ import annotations

import ast
import json
from dataclasses import fields
from pathlib import Path

from kkmp_pos.core.audit_details import DETAIL_LABELS, detail_text

PACKAGE = Path(__file__).resolve().parents[2] / "kkmp_pos"


def literal_detail_keys() -> set[str]:
    keys: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            if isinstance(node, ast.Call) and getattr(name, "id", getattr(name, "attr", None)) == "audit":
                keys |= {kw.arg for kw in node.keywords if kw.arg not in (None, "doc_id", "approved_by")}
    return keys


def spread_detail_keys() -> set[str]:
    """Keys passed as **mapping: the printer settings changed, a limit rule's fields, a limit's
    message parameters, a user's changes."""
    from kkmp_pos.services.printing.settings import PrinterConfig

    rule_fields = {"name", "product_codes", "category", "max_milli", "unit_label", "period", "per", "mode"}
    rule_fields |= {"effective_from", "active", "note", "updated_at"}
    violation = {"rule", "product", "limit", "bought", "cart", "period", "nik"}
    return {f.name for f in fields(PrinterConfig)} | rule_fields | violation | {"name", "role"}


def test_every_audited_key_has_words_in_both_languages():
    keys = literal_detail_keys()
    assert len(keys) > 50  # the scan itself works
    missing = (keys | spread_detail_keys()) - set(DETAIL_LABELS)
    assert not missing, f"audit detail keys without words in core/audit_details.py: {sorted(missing)}"
    assert all(id_ and en for id_, en in DETAIL_LABELS.values())


def test_a_stored_detail_reads_as_words_with_rupiah_and_quantities():
    raw = json.dumps({"float_rp": 300_000, "qty_milli": 1_250, "active": True, "reason": "salah input"})
    assert detail_text(raw) == "Modal awal: Rp300.000, Jumlah: 1,25, Aktif: ya, Alasan: salah input"
    assert detail_text(raw, "en").startswith("Float: Rp300.000, Quantity: 1,25, Active: yes")
    assert "_" not in detail_text(json.dumps({"some_new_key": 1}))  # a newer till's key: no code shown
