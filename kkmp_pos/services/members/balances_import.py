"""Members' opening balances at the cut-over, from CSV or XLSX: previewed first, then all or nothing,
like the product import (and read by its reader).

Columns: `number`, `cutover_month` (YYYY-MM), `pokok_rp`, `wajib_rp`, `wajib_paid_to` (YYYY-MM, the
last month of wajib paid; may be empty), `sukarela_rp`, `bon_rp`. Each balance becomes an opening
document (no money moves today); wajib is billed from the later of the cut-over month and the month
after `wajib_paid_to`, never before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkmp_pos.core.errors import KkmpError, ValidationError
from kkmp_pos.core.money import parse_rp
from kkmp_pos.core.simpanan import DocType, add_months, check_month
from kkmp_pos.db.models import MemberModel, MemberPaymentModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.members import simpanan_ledger as ledger
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.stock.product_import import RowProblem, read_rows

REQUIRED = ("number", "cutover_month")
MONEY = ("pokok_rp", "wajib_rp", "sukarela_rp", "bon_rp")


@dataclass(frozen=True)
class OpeningRow:
    row: int
    member_id: str
    number: str
    cutover_month: str
    amounts: dict[str, int]  # pokok, wajib, sukarela


@dataclass
class BalancesPreview:
    path: str
    rows: list[OpeningRow]
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self, lang: str = "id") -> dict[str, Any]:
        return {
            "file": self.path,
            "ok": self.ok,
            "rows": len(self.rows),
            "problems": [
                {"row": p.row, "column": p.column, "message": p.message(lang)} for p in self.problems
            ],
            "members": [
                {
                    "number": r.number,
                    "cutover_month": r.cutover_month,
                    **{f"{k}_rp": v for k, v in r.amounts.items()},
                }
                for r in self.rows
            ],
        }


class BalancesImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(self, path: Path | str) -> BalancesPreview:
        """Read and check the whole file; nothing is written."""
        path = Path(path)
        preview = BalancesPreview(str(path), [])
        members = {n: (i, has) for n, i, has in self._members()}
        seen: dict[str, int] = {}
        header_checked = False
        for row_no, values in enumerate(read_rows(path), start=2):
            if not header_checked:
                missing = [c for c in REQUIRED if c not in values]
                if missing:
                    raise ValidationError("import_missing_columns", columns=", ".join(missing))
                header_checked = True
            if not any(values.values()):
                continue
            problems: list[RowProblem] = []

            def problem(
                column: str, code: str, _row: int = row_no, _p: list = problems, **params: Any
            ) -> None:
                _p.append(RowProblem(_row, column, code, params))

            number = values.get("number", "").strip().upper()
            found = members.get(number)
            if found is None:
                problem("number", "member_not_found", query=number)
            elif found[1]:
                problem("number", "balances_import_applied_already", number=number)
            if number in seen:
                problem("number", "import_duplicate_in_file", value=number, other=seen[number])
            seen.setdefault(number, row_no)
            months: dict[str, str] = {}
            for column in ("cutover_month", "wajib_paid_to"):
                text = values.get(column, "").strip()
                if text or column == "cutover_month":
                    try:
                        months[column] = check_month(text)
                    except KkmpError as exc:
                        problem(column, exc.code, **exc.params)
            amounts: dict[str, int] = {}
            for column in MONEY:
                try:
                    amounts[column[:-3]] = parse_rp(values.get(column, "") or "0")
                except KkmpError as exc:
                    problem(column, exc.code, **exc.params)
            if amounts.get("bon"):
                problem("bon_rp", "import_bon_not_offered")
            if not problems and found is not None and "cutover_month" in months:
                start = months["cutover_month"]
                if "wajib_paid_to" in months:
                    start = max(start, add_months(months["wajib_paid_to"], 1))
                kinds = {k: amounts.get(k, 0) for k in ("pokok", "wajib", "sukarela")}
                preview.rows.append(OpeningRow(row_no, found[0], number, start, kinds))
            preview.problems.extend(problems)
        if not header_checked:
            raise ValidationError("import_missing_columns", columns=", ".join(REQUIRED))
        return preview

    def _members(self) -> list[tuple[str, str, bool]]:
        opened = {
            m for (m,) in MemberPaymentModel.select(MemberPaymentModel.member).where(
                MemberPaymentModel.doc_type == DocType.OPENING
            ).tuples()
        }  # fmt: skip
        return [
            (n, i, i in opened) for n, i in MemberModel.select(MemberModel.number, MemberModel.id).tuples()
        ]

    def apply(self, preview: BalancesPreview, actor: Actor) -> dict[str, Any]:
        """Write every row of a clean preview in one transaction (all or nothing)."""
        require(actor, "import_balances")
        if not preview.ok:
            raise ValidationError(
                "import_has_problems", count=len(preview.problems), rows=len(preview.problems)
            )
        with self.ctx.db.atomic():
            for row in preview.rows:
                member = MemberModel.get_by_id(row.member_id)
                if any(d == DocType.OPENING for (d,) in self._doc_types(member.id)):
                    raise ValidationError("balances_import_applied_already", number=row.number)
                MemberModel.update(cutover_month=row.cutover_month).where(
                    MemberModel.id == member.id
                ).execute()
                member.cutover_month = row.cutover_month
                for kind, amount in row.amounts.items():
                    if amount:
                        ledger.record_document(
                            self.ctx, member, kind=kind, doc_type=DocType.OPENING, amount_rp=amount,
                            method="", cashier=actor, shift_id=None,
                            reference=f"saldo awal {row.cutover_month}",
                        )  # fmt: skip
                ledger.refresh_status(self.ctx, member, actor)
            audit(self.ctx, "members.balances_imported", actor, path=preview.path, count=len(preview.rows))
        return {"file": preview.path, "applied": len(preview.rows)}

    def _doc_types(self, member_id: str) -> list[tuple[str]]:
        return list(
            MemberPaymentModel.select(MemberPaymentModel.doc_type)
            .where(MemberPaymentModel.member == member_id)
            .tuples()
        )
