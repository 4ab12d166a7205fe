"""Erasing a member's personal data on request (issue 12): a manager only, the figures stay attached to
an anonymous id, the erasure is queued for the server and audited without the person's data; from the
command line and from the member screen."""

from __future__ import annotations

import io
import json
import random

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.cli import main
from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.db.models import AuditLogModel, MemberModel, MemberPaymentModel, OutboxEventModel, SaleModel
from tests.services.test_limits import cart_of
from tests.services.test_sales import cash

KK = "6471010101230009"


def _register(till, cashier):
    nik = make_demo_nik(random.Random(99))
    reg = till.registration.register(
        name="Wahyuni Lestari", nik=nik, phone="0812 3456 7890", address="RT 05, Gunung Samarinda",
        method="cash", tendered_rp=100_000, cashier=cashier, kk=KK,
    )  # fmt: skip
    return reg.member, nik


def test_a_manager_erases_a_member_and_the_figures_stay(till, cashier, manager):
    ref, nik = _register(till, cashier)
    member = MemberModel.get_by_id(ref.id)
    assert member.kk == KK and member.kk_last4 == "0009" and member.kk_hmac
    sale = till.sales.checkout(cart_of(till, ("MK2", 1000), member=member.number), cash(50_000), cashier)
    with pytest.raises(PermissionDenied):
        till.erase_member(cashier, member.number)

    name = till.erase_member(manager, member.number)

    member = MemberModel.get_by_id(ref.id)
    assert name.startswith("Anggota terhapus #") and member.name == name
    assert (member.nik, member.kk, member.phone, member.address) == (None, None, "", "")
    assert member.nik_hmac is None and member.erased_at and member.status == "inactive"
    assert SaleModel.get_by_id(sale.sale_id).member_id == ref.id  # sales, simpanan stay attached
    assert MemberPaymentModel.select().where(MemberPaymentModel.member == ref.id).count() == 1
    assert "Wahyuni" not in (SaleModel.get_by_id(sale.sale_id).receipt_document or "")
    erased = OutboxEventModel.get(OutboxEventModel.type == "member.erased")
    assert json.loads(erased.payload)["member_id"] == ref.id
    for event in OutboxEventModel.select().where(OutboxEventModel.type == "member.registered"):
        assert nik not in event.payload and KK not in event.payload and "Wahyuni" not in event.payload
    audit = AuditLogModel.get(AuditLogModel.action == "member.erased")
    assert audit.doc_id == ref.id and "Wahyuni" not in audit.detail and nik not in audit.detail
    with pytest.raises(ValidationError) as again:
        till.erase_member(manager, member.number)
    assert again.value.code == "member_already_erased"
    till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    data = b"".join(p.read_bytes() for p in till.ctx.data_dir.glob("kkmp-pos.db*"))
    assert nik.encode() not in data and KK.encode() not in data


def test_the_command_line_erases_with_a_manager_s_pin(till, cashier, monkeypatch, capsys):
    ref, _nik = _register(till, cashier)
    folder = till.ctx.data_dir
    till.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("9999\n"))
    code = main(["--data-dir", str(folder), "member", "erase", ref.number, "--user", "Budi Santoso"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Anggota terhapus #" in out.out
    from kkmp_pos.app import open_till

    again = open_till(folder)
    try:
        assert MemberModel.get_by_id(ref.id).nik is None
    finally:
        again.close()


def test_the_member_screen_erases_the_chosen_member_after_a_manager_approves(till, cashier, qtbot):
    from kkmp_pos.gui.members.member_dialog import MemberDialog

    ref, _nik = _register(till, cashier)
    dialog = MemberDialog(till.members.find, till.members.search, till=till)
    qtbot.addWidget(dialog)
    assert dialog.erase_button.isVisibleTo(dialog)
    dialog.query_field.setText(ref.number)
    dialog.erase()
    approval = dialog.erase_dialog
    assert "Wahyuni Lestari" in approval.action_label.text()
    manager_id = next(u.id for u in till.auth.users() if u.role == "manajer")
    approval.select_user(manager_id)
    approval.pin_field.setText("9999")
    qtbot.keyClick(approval.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Anggota terhapus #" in dialog.error_label.text())
    assert MemberModel.get_by_id(ref.id).erased_at is not None
