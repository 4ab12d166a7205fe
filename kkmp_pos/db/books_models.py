"""The books' tables (schema step 14): chart of accounts, journals and their lines, closed periods.

Journals and their lines are written only by db/journal.py (tests/test_single_writers.py)."""

from __future__ import annotations

import peewee as pw

from kkmp_pos.db.models import BaseModel, UserModel


class AccountModel(BaseModel):
    code = pw.CharField(primary_key=True)  # '111000'
    name = pw.CharField()
    type = pw.CharField()  # asset | liability | equity | revenue | expense
    unit = pw.CharField(default="")  # business unit of a per-unit account
    segment = pw.CharField(default="")  # member | nonmember (revenue)
    active = pw.BooleanField(default=True)
    shipped = pw.BooleanField(default=False)  # part of the chart the till ships with

    class Meta:
        table_name = "account"


class JournalModel(BaseModel):
    """A journal: posted from a document at its commit, or typed (manual, opening) and approved.
    Never edited: a mistake is undone by a reversing journal that points at it."""

    id = pw.CharField(primary_key=True)  # uuid7
    doc_kind = pw.CharField()  # sale | return | cancellation | goods_receipt | ... | manual | opening
    doc_id = pw.CharField(index=True)
    doc_date = pw.CharField()  # the document's own business date, shown
    posting_date = pw.CharField(index=True)  # its date in the books: doc_date unless that period closed
    memo = pw.TextField(default="")
    status = pw.CharField(default="posted")  # posted | draft (waiting for a second approver)
    warnings = pw.TextField(default="")  # ';'-joined: accounts that were missing (posted to suspense)
    reverses = pw.CharField(null=True)  # the journal this one undoes
    created_by = pw.ForeignKeyField(UserModel, null=True, backref="journals")
    approved_by = pw.ForeignKeyField(UserModel, null=True, backref="journals_approved")
    created_at = pw.CharField()

    class Meta:
        table_name = "journal"


class JournalLineModel(BaseModel):
    id = pw.AutoField()
    journal = pw.ForeignKeyField(JournalModel, backref="lines", on_delete="CASCADE")
    line_no = pw.IntegerField()
    account = pw.CharField(index=True)  # account.code (no foreign key: a posting never fails on it)
    debit_rp = pw.IntegerField(default=0)
    credit_rp = pw.IntegerField(default=0)

    class Meta:
        table_name = "journal_line"


class BooksPeriodModel(BaseModel):
    """A closed month: nothing posts into it any more."""

    month = pw.CharField(primary_key=True)  # 'YYYY-MM'
    closed_at = pw.CharField()
    closed_by = pw.ForeignKeyField(UserModel, null=True)

    class Meta:
        table_name = "books_period"


BOOKS_MODELS: list[type[BaseModel]] = [AccountModel, JournalModel, JournalLineModel, BooksPeriodModel]
