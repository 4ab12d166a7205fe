"""The journal writer: the only code that writes journals and their lines.

A journal goes in whole, in the caller's transaction (the document's own), through prepared inserts
(db/rows.py): a sale's posting must not slow its checkout. It refuses an unbalanced draft. Its posting
date is the document's date unless that month is closed; then the first day after the last closed
month, with the document's own date kept beside it.
"""

from __future__ import annotations

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.journal_rules import Draft
from kkmp_pos.db.books_models import JournalLineModel, JournalModel
from kkmp_pos.db.database import database
from kkmp_pos.db.rows import insert_row, insert_rows


def closed_through() -> str | None:
    """The last closed month ('YYYY-MM'), if any."""
    row = database.execute_sql('SELECT MAX("month") FROM "books_period"').fetchone()
    return row[0] if row and row[0] else None


def first_open_date(doc_date: str, closed: str | None) -> str:
    """`doc_date` if its month is open, else the first day of the month after the last closed one."""
    if closed is None or doc_date[:7] > closed:
        return doc_date
    year, month = int(closed[:4]), int(closed[5:7])
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{year:04d}-{month:02d}-01"


def write_journal(
    draft: Draft,
    *,
    doc_kind: str,
    doc_id: str,
    doc_date: str,
    created_at: str,
    memo: str = "",
    status: str = "posted",
    created_by: int | None = None,
    approved_by: int | None = None,
    reverses: str | None = None,
    journal_id: str | None = None,
) -> str:
    """Write `draft` as one journal; returns its id."""
    if draft.total_debit_rp != draft.total_credit_rp or not draft.lines:
        raise ValidationError("journal_unbalanced", debit=draft.total_debit_rp, credit=draft.total_credit_rp)
    jid = journal_id or uuid7()
    insert_row(
        JournalModel,
        {
            "id": jid,
            "doc_kind": doc_kind,
            "doc_id": doc_id,
            "doc_date": doc_date,
            "posting_date": first_open_date(doc_date, closed_through()),
            "memo": memo,
            "status": status,
            "warnings": ";".join(draft.warnings),
            "reverses": reverses,
            "created_by": created_by,
            "approved_by": approved_by,
            "created_at": created_at,
        },
    )
    insert_rows(
        JournalLineModel,
        [
            {
                "journal": jid,
                "line_no": no,
                "account": p.account,
                "debit_rp": p.debit_rp,
                "credit_rp": p.credit_rp,
            }
            for no, p in enumerate(draft.lines, start=1)
        ],
    )
    return jid


def approve_journal(journal_id: str, approver_id: int, doc_date: str) -> None:
    """A draft (manual or opening) journal becomes posted, dated into the first open period."""
    JournalModel.update(
        status="posted", approved_by=approver_id, posting_date=first_open_date(doc_date, closed_through())
    ).where((JournalModel.id == journal_id) & (JournalModel.status == "draft")).execute()
