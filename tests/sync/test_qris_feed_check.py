"""A pulled QRIS notification the till cannot use is set aside with its reason, never applied."""

from kkmp_pos.sync.feed_check import change_problem


def change(**data):
    base = {"reference_no": "SIM1", "sale_id": None, "status": "paid", "rrn": "412000000001"}
    return {"entity": "qris_payment", "op": "upsert", "key": "SIM1:paid", "data": base | data}


def test_a_good_notification_passes():
    assert change_problem(change()) is None
    assert change_problem(change(status="expired", rrn="")) is None


def test_paid_without_an_rrn_or_an_unknown_status_is_set_aside():
    assert change_problem(change(rrn="")) == "rrn is missing"
    assert "status" in change_problem(change(status="refunded"))
    assert "amount_rp" in change_problem(change(amount_rp="10000.00"))
    assert "reference_no" in change_problem(change(reference_no=""))
