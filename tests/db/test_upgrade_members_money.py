"""Upgrading an existing till to members' money never puts a member into arrears or makes one
inactive or pending on the day of the upgrade (every frozen database)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_v*.db")), ids=lambda p: p.stem)
def test_the_upgrade_day_bills_nobody_and_changes_no_status(tmp_path: Path, fixture: Path) -> None:
    from kkmp_pos.app import open_till
    from kkmp_pos.core.simpanan import month_of
    from kkmp_pos.db.models import MemberModel, MemberStatusChangeModel
    from kkmp_pos.services.members import money_view

    shutil.copyfile(fixture, tmp_path / "kkmp-pos.db")
    with sqlite3.connect(tmp_path / "kkmp-pos.db") as conn:
        before = dict(conn.execute("SELECT number, status FROM member").fetchall())
    assert before, "the frozen database has members"
    till = open_till(tmp_path)
    try:
        month = month_of(till.ctx.business_date())
        assert till.simpanan.generate_bills(month) == 0
        for number in before:
            shown = money_view.member_money(till.ctx, number)
            assert shown["arrears_months"] == 0 and shown["arrears_rp"] == 0, number
            assert shown["status"] == before[number], number
        board = money_view.capital(till.ctx)
        assert board["arrears"] == {"members": 0, "amount_rp": 0}
        assert {m.number: m.status for m in MemberModel.select()} == before
        # every member's status is on record from the upgrade
        assert MemberStatusChangeModel.select().where(
            MemberStatusChangeModel.reason == "upgrade"
        ).count() == len(before)
        # next month they are billed, as any member
        from kkmp_pos.core.simpanan import add_months

        assert till.simpanan.generate_bills(add_months(month, 1)) == len(before)
    finally:
        till.close()
