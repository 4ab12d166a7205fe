"""Users admin and permissions enforced in the services themselves (no GUI involved)."""

from __future__ import annotations

import pytest

from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.db.models import AuditLogModel, UserModel
from kkmp_pos.services.setup.auth import actor_of


@pytest.fixture
def admin(till):
    return actor_of(UserModel.get(UserModel.role == "admin"))


def test_a_cashier_calling_protected_services_directly_is_refused(till, cashier, tmp_path) -> None:
    from kkmp_pos.services.printing.settings import PrinterConfig

    calls = {
        "x_report": lambda: till.shifts.x_report(cashier),
        "eod": lambda: till.reports.end_of_day(cashier, "2026-01-01"),
        "range": lambda: till.reports.date_range(cashier, "2026-01-01", "2026-01-31"),
        "members": lambda: till.reports.member_purchases(cashier, "2026-01-01", "2026-01-31"),
        "create_user": lambda: till.users.create(cashier, "Eve", "kasir", "4321"),
        "list_users": lambda: till.users.list(cashier),
        "reset_pin": lambda: till.users.reset_pin(cashier, cashier.user_id + 1, "4321"),
        "deactivate": lambda: till.users.set_active(cashier, cashier.user_id + 1, False),
        "audit": lambda: till.audit_log.browse(cashier),
        "audit_pdf": lambda: till.audit_log.save_pdf(cashier, tmp_path / "a.pdf"),
        "printer": lambda: till.printer_settings.save(cashier, PrinterConfig()),
        "test_print": lambda: till.printer_settings.queue_test_print(cashier),
        "drawer": lambda: till.shifts.open_drawer(cashier, "tukar uang"),
    }
    for name, call in calls.items():
        with pytest.raises(PermissionDenied):
            call()
            pytest.fail(name)
    assert UserModel.select().where(UserModel.name == "Eve").count() == 0


def test_manager_creates_edits_resets_and_deactivates_a_user_and_each_act_is_audited(till, manager) -> None:
    user = till.users.create(manager, "  Rina   Lestari ", "kasir", "5555")
    assert user.name == "Rina Lestari"
    assert till.auth.login(user.id, "5555").role == "kasir"
    till.users.edit(manager, user.id, name="Rina L.")
    for _ in range(5):
        with pytest.raises((ValidationError, PermissionDenied)):
            till.auth.login(user.id, "0000")
    with pytest.raises(PermissionDenied):  # locked now
        till.auth.login(user.id, "5555")
    till.users.reset_pin(manager, user.id, "7777")
    assert till.auth.login(user.id, "7777").name == "Rina L."
    till.users.set_active(manager, user.id, False)
    with pytest.raises(PermissionDenied):
        till.auth.login(user.id, "7777")
    actions = {a.action for a in AuditLogModel.select().where(AuditLogModel.doc_id == str(user.id))}
    assert {"user.created", "user.edited", "user.pin_reset", "user.deactivated"} <= actions


def test_only_an_admin_may_make_or_change_admins_and_the_last_admin_stays(till, manager, admin) -> None:
    with pytest.raises(PermissionDenied):
        till.users.create(manager, "Boss", "admin", "1234")
    with pytest.raises(PermissionDenied):
        till.users.set_active(manager, admin.user_id, False)
    with pytest.raises(ValidationError) as err:
        till.users.set_active(admin, admin.user_id, False)
    assert err.value.code == "cannot_deactivate_self"
    with pytest.raises(ValidationError) as err:
        till.users.edit(admin, admin.user_id, role="manajer")
    assert err.value.code == "last_admin"
    with pytest.raises(ValidationError):
        till.users.create(admin, "budi santoso", "kasir", "1234")  # name taken (any case)


def test_audit_log_browser_filters_and_prints(till, manager, cashier, tmp_path) -> None:
    from pypdf import PdfReader

    till.shifts.cash_move(cashier, "out", 12_000, "bayar tukang angkut")
    entries = till.audit_log.browse(manager, action="cash.out")
    assert [e.user for e in entries] == [cashier.name]
    assert "bayar tukang angkut" in entries[0].detail
    assert "cash.out" in till.audit_log.actions(manager)
    today = till.ctx.business_date()
    pdf = till.audit_log.save_pdf(manager, tmp_path / "audit.pdf", date_from=today, date_to=today)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Kas keluar" in text and "cash.out" not in text and "bayar tukang angkut" in text
    assert till.audit_log.browse(manager, date_from="2000-01-01", date_to="2000-01-02") == []
