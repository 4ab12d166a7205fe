"""The acquirer's QRIS payment notifications from the server's feed, kept at the till once each.

The sync layer only records them; the selling services confirm the sale they name
(`QrisOnlineService.apply_notifications`), from the payment dialog's next check or after the pull.
"""

from __future__ import annotations

from typing import Any

from kkmp_pos.db.models import QrisNotificationModel


def record_qris_payments(datas: list[dict[str, Any]], now_iso: str) -> int:
    """Insert the notifications not seen before (key: the acquirer's reference and the status)."""
    rows = [
        {
            "change_key": f"{d['reference_no']}:{d['status']}",
            "sale_id": d.get("sale_id") or None,
            "reference_no": str(d["reference_no"]),
            "status": str(d["status"]),
            "rrn": str(d.get("rrn") or ""),
            "amount_rp": d.get("amount_rp"),
            "received_at": now_iso,
            "outcome": "",
        }
        for d in datas
    ]
    if not rows:
        return 0
    before = QrisNotificationModel.select().count()
    QrisNotificationModel.insert_many(rows).on_conflict_ignore().execute()
    return QrisNotificationModel.select().count() - before
