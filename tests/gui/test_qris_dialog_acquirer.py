"""The QRIS dialog with an acquirer (the SNAP simulator over real HTTP): the acquirer's code, shown
large; "Menunggu pembayaran…" while it asks; once the customer pays, "Lunas" with the RRN, the sale
confirmed without typing, and the dialog closes by itself. Offline: the static code, manual RRN."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.core.qris import parse_qris
from kkmp_pos.db.models import PaymentConfirmationModel, SaleModel
from kkmp_pos.gui.selling.qris_dialog import QrisDialog
from kkmp_pos.integrations.snap_simulator import SIM_STATIC_QRIS, SnapSimulator
from tests.gui.dialog_support import show_active
from tests.gui.test_qris_dialog import _qris_sale


def _shot(dialog, name: str) -> None:
    """KKMP_SHOT_DIR keeps a picture of the dialog to look at."""
    folder = os.environ.get("KKMP_SHOT_DIR")
    if folder:
        dialog.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def sim():
    simulator = SnapSimulator().start()
    yield simulator
    if simulator.httpd.socket.fileno() != -1:
        simulator.stop()


@pytest.fixture
def online(till, manager, sim, monkeypatch):
    monkeypatch.setattr(QrisDialog, "poll_scale", 0.1)  # checks every 0.2-1 s instead of 2-10 s
    till.acquirer_setup.save(manager, sim.new_client("KKMP01"))
    return till


def test_waiting_then_paid_with_the_rrn_and_the_dialog_closes_itself(qtbot, online, cashier, sim):
    result, total = _qris_sale(online, cashier)
    online.ctx.set_setting("qris.static_payload", SIM_STATIC_QRIS)
    dialog = show_active(qtbot, QrisDialog(online, cashier, result.sale_id, None))
    outcomes, shown = [], []
    dialog.finished_payment.connect(outcomes.append)
    dialog.code_shown.connect(lambda *args: shown.append(args))
    qtbot.waitUntil(lambda: dialog.qris.payload != "", timeout=10_000)
    assert parse_qris(dialog.qris.payload).amount_rp == total
    assert shown and shown[0][0] == dialog.qris.payload  # the customer display gets the same code
    assert dialog.qris.code_view.width() >= 320 and dialog.qris.code_view.height() >= 320
    assert dialog.qris.merchant_label.text() == "GERAI KKMP GN SAMARINDA"
    qtbot.waitUntil(lambda: dialog._attempt >= 2, timeout=10_000)  # asked at least once: still unpaid
    assert dialog.status_label.text() == "Menunggu pembayaran…" and dialog.isVisible()
    _shot(dialog, "qris_dialog_waiting")
    assert SaleModel.get_by_id(result.sale_id).status == "awaiting_payment"

    paid = sim.settle(sim.find(result.sale_id.replace("-", "")).reference_no, "pay")  # the customer pays
    qtbot.waitUntil(lambda: outcomes == ["completed"], timeout=10_000)
    assert dialog.status_label.text() == f"Lunas · RRN {paid.rrn}"
    _shot(dialog, "qris_dialog_paid")
    assert SaleModel.get_by_id(result.sale_id).status == "completed"
    assert PaymentConfirmationModel.get(PaymentConfirmationModel.sale == result.sale_id).reference == paid.rrn
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert outcomes == ["completed"]


def test_acquirer_down_shows_the_static_code_and_the_cashier_confirms_by_hand(qtbot, online, cashier, sim):
    result, total = _qris_sale(online, cashier)
    sim.stop()
    dialog = show_active(qtbot, QrisDialog(online, cashier, result.sale_id, None))
    qtbot.waitUntil(lambda: dialog.qris.payload != "", timeout=15_000)
    assert parse_qris(dialog.qris.payload).amount_rp == total and not dialog.automatic
    assert "merchant" in dialog.status_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.reference_field, "12345")  # not an RRN: refused
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert "12" in dialog.error_label.text() and dialog.isVisible()
    dialog.reference_field.clear()
    qtbot.keyClicks(dialog.reference_field, "412345678901")
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert SaleModel.get_by_id(result.sale_id).status == "completed"
