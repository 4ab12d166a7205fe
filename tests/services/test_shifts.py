"""Shifts: counted float, cash in/out, blind close with approval, hand-over, events and audit rows."""

from __future__ import annotations

import dataclasses
import json

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied, StateError, ValidationError
from kkmp_pos.db.models import AuditLogModel, CashMovementModel, OutboxEventModel, SaleModel, ShiftModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

FLOAT = {50_000: 2, 10_000: 5, 1_000: 10}  # Rp160.000


@pytest.fixture(autouse=True)
def _no_shift_open(no_shift) -> None:
    """These tests open their own shifts."""


def notes_for(amount_rp: int) -> dict[int, int]:
    """The fewest notes and coins that make `amount_rp` (a multiple of Rp100)."""
    counts = {}
    for value in (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100):
        counts[value], amount_rp = divmod(amount_rp, value)
    assert amount_rp == 0
    return {k: v for k, v in counts.items() if v}


def sell_cash(till, actor, shift_id, qty_milli=2000):
    cart = Cart()
    cart.add(till.catalog.search("beras")[0], qty_milli)
    due = till.sales.cash_due(cart)
    till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due + 50_000)], actor, shift_id=shift_id)
    return due


def test_open_stores_the_float_by_denomination_and_queues_shift_opened(till, cashier) -> None:
    shift = till.shifts.open(cashier, FLOAT)
    row = ShiftModel.get_by_id(shift.id)
    assert row.opening_float_rp == 160_000
    assert json.loads(row.opening_detail) == {"50000": 2, "10000": 5, "1000": 10}
    event = OutboxEventModel.get(
        (OutboxEventModel.type == "shift.opened") & OutboxEventModel.payload.contains(shift.id)
    )
    assert json.loads(event.payload)["opening_float_rp"] == 160_000
    assert till.shifts.current(cashier) == shift


def test_shift_info_never_carries_the_expected_cash() -> None:
    from kkmp_pos.services.shifts.drawer import ShiftInfo

    names = {f.name for f in dataclasses.fields(ShiftInfo)}
    assert not any("expected" in n or "difference" in n for n in names)


def test_a_second_shift_cannot_open_while_one_is_open(till, cashier, manager) -> None:
    till.shifts.open(cashier, FLOAT)
    with pytest.raises(StateError) as err:
        till.shifts.open(manager, {})
    assert err.value.code == "shift_already_open"


def test_another_cashier_cannot_sell_in_an_open_shift_but_a_manager_may(till, cashier, manager) -> None:
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.setup.auth import actor_of

    other = actor_of(UserModel.get((UserModel.role == "kasir") & (UserModel.id != cashier.user_id)))
    shift = till.shifts.open(cashier, FLOAT)
    with pytest.raises(StateError) as err:
        till.shifts.current(other)
    assert err.value.code == "shift_held_by_other"
    assert till.shifts.current(manager).id == shift.id


def test_cash_in_and_out_need_a_reason_and_land_in_expected_cash_and_outbox(till, cashier) -> None:
    shift = till.shifts.open(cashier, FLOAT)
    with pytest.raises(ValidationError):
        till.shifts.cash_move(cashier, "out", 15_000, "  ")
    with pytest.raises(ValidationError):
        till.shifts.cash_move(cashier, "out", 0, "plastik")
    till.shifts.cash_move(cashier, "out", 15_000, "beli kantong plastik")
    till.shifts.cash_move(cashier, "in", 50_000, "tambah uang kecil")
    assert till.shifts.figures(shift.id).expected_rp == 160_000 - 15_000 + 50_000
    assert CashMovementModel.select().where(CashMovementModel.shift == shift.id).count() == 2
    moved = OutboxEventModel.select().where(OutboxEventModel.type == "cash.moved")
    assert moved.where(OutboxEventModel.payload.contains(shift.id)).count() == 2
    assert AuditLogModel.get(AuditLogModel.action == "cash.out").doc_id is not None


def test_cash_move_without_an_open_shift_is_refused(till, cashier) -> None:
    with pytest.raises(StateError) as err:
        till.shifts.cash_move(cashier, "in", 1000, "x")
    assert err.value.code == "shift_not_open"


def test_blind_close_within_the_limit_closes_without_approval(till, cashier) -> None:
    shift = till.shifts.open(cashier, FLOAT)
    due = sell_cash(till, cashier, shift.id)
    expected = 160_000 + due
    counts = {100_000: expected // 100_000}
    rest = expected % 100_000 - 5_000  # Rp5.000 short: within the Rp10.000 limit
    counts[1_000] = rest // 1_000
    counts[100] = (rest % 1_000) // 100
    result = till.shifts.submit_count(cashier, counts)
    assert result.difference_rp == -5_000 and not result.needs_approval
    closed = till.shifts.finish_close(cashier, shift.id)
    row = ShiftModel.get_by_id(shift.id)
    assert (row.status, row.expected_cash_rp, row.difference_rp, row.approved_by_id) == (
        "closed",
        expected,
        -5_000,
        None,
    )
    assert closed.left_rp == result.counted_rp and closed.deposit_rp == 0


def test_difference_over_the_limit_needs_a_manager_and_records_who_approved(till, cashier) -> None:
    shift = till.shifts.open(cashier, FLOAT)
    sell_cash(till, cashier, shift.id)
    result = till.shifts.submit_count(cashier, {50_000: 2})
    assert result.needs_approval and result.difference_rp < -10_000
    with pytest.raises(PermissionDenied) as err:
        till.shifts.finish_close(cashier, shift.id)
    assert err.value.code == "shift_approval_required"
    assert ShiftModel.get_by_id(shift.id).status == "counted"
    with pytest.raises(PermissionDenied):  # a cashier cannot approve
        till.shifts.finish_close(cashier, shift.id, approver=cashier)
    manager = till.auth.approve(3, "9999")
    closed = till.shifts.finish_close(cashier, shift.id, approver=manager)
    assert closed.approved_by == "Budi Santoso"
    assert ShiftModel.get_by_id(shift.id).approved_by_id == manager.user_id
    row = AuditLogModel.get((AuditLogModel.action == "shift.closed") & (AuditLogModel.doc_id == shift.id))
    assert row.approved_by_id == manager.user_id


def test_a_submitted_count_cannot_be_changed(till, cashier) -> None:
    shift = till.shifts.open(cashier, FLOAT)
    till.shifts.submit_count(cashier, {50_000: 1})
    with pytest.raises(StateError):
        till.shifts.submit_count(cashier, {100_000: 5}, shift.id)
    with pytest.raises(StateError):  # no more sales or cash moves once counted
        till.shifts.cash_move(cashier, "in", 1000, "x")


def test_hand_over_next_float_defaults_to_what_was_left(till, cashier, manager) -> None:
    shift = till.shifts.open(cashier, FLOAT)
    till.shifts.submit_count(cashier, FLOAT)
    closed = till.shifts.finish_close(cashier, shift.id, left_counts={10_000: 5, 1_000: 10})
    assert (closed.left_rp, closed.deposit_rp) == (60_000, 100_000)
    suggested = till.shifts.suggested_float()
    assert suggested[10_000] == 5 and suggested[1_000] == 10 and suggested[50_000] == 0
    deposit = CashMovementModel.get(
        (CashMovementModel.kind == "deposit") & (CashMovementModel.shift == shift.id)
    )
    assert json.loads(deposit.detail) == {"50000": 2}
    with pytest.raises(ValidationError):  # cannot leave more than was counted
        nxt = till.shifts.open(manager, suggested)
        till.shifts.submit_count(manager, suggested)
        till.shifts.finish_close(manager, nxt.id, left_counts={100_000: 1})


def test_sales_link_to_the_shift_and_z_report_is_queued_at_close(till, cashier) -> None:
    from kkmp_pos.core.receipt_document import ReceiptDocument, render_text
    from kkmp_pos.db.models import PrintJobModel

    shift = till.shifts.open(cashier, FLOAT)
    due = sell_cash(till, cashier, shift.id)
    assert SaleModel.get(SaleModel.shift == shift.id).total_rp > 0
    closed = till.shifts.close(cashier, notes_for(160_000 + due))  # counted exactly what is expected
    job = PrintJobModel.get_by_id(closed.z_job_id)
    text = render_text(ReceiptDocument.from_json(job.document), 32)
    assert "LAPORAN Z" in text
    assert f"Rp{160_000 + due:,}".replace(",", ".") in text
    closed_events = OutboxEventModel.select().where(OutboxEventModel.type == "shift.closed")
    assert closed_events.where(OutboxEventModel.payload.contains(shift.id)).count() == 1


def test_x_report_is_for_managers_only(till, cashier, manager) -> None:
    till.shifts.open(cashier, FLOAT)
    with pytest.raises(PermissionDenied):
        till.shifts.x_report(cashier)
    report = till.shifts.x_report(manager)
    assert report.expected_rp == 160_000 and not report.final
