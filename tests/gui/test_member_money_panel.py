"""Scanning a member card shows the member's status, unpaid wajib months and sukarela balance."""

from __future__ import annotations

from kkmp_pos.db.models import MemberModel, MemberPaymentModel
from kkmp_pos.services.setup.auth import actor_of
from tests.gui.conftest import active_member, demo_user, log_in, scan


def test_a_scanned_card_shows_arrears_and_sukarela(qtbot, window, till):
    member = active_member()
    # the member joined long before this year and has no cut-over: wajib is due every month since
    MemberModel.update(joined_on="2020-01-15", cutover_month=None).where(
        MemberModel.id == member.id
    ).execute()
    this_month = till.ctx.business_date()[:7]
    till.ctx.set_setting("member.wajib_schedule", {"2020-01": 10_000})
    till.ctx.set_setting("member.inactive_after_months", 0)
    cashier = demo_user("kasir")
    till.simpanan.pay(member.number, "sukarela", cashier=actor_of(cashier), amount_rp=42_000, method="qris",
                      reference="QR42")  # fmt: skip
    log_in(qtbot, window, cashier, "1111")
    screen = window.cashier
    scan(qtbot, screen, member.card_code)
    text = screen.member_panel.money_label.text()
    assert "Rp42.000" in text
    months = (int(this_month[:4]) - 2020) * 12 + int(this_month[5:]) - 1
    assert f"{months} bln" in text and f"Rp{months * 10_000:,}".replace(",", ".") in text
    assert screen.member_panel.money_label.isVisible()
    assert MemberPaymentModel.select().where(MemberPaymentModel.member == member.id).count() == 1
    screen.remove_member()
    assert not screen.member_panel.money_label.isVisible()
