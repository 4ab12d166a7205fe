"""Enrolling from the sync settings dialog brings the shop's catalog and members to a new cooperative's
empty server (the checkbox is ticked for a till with products), and unticked it sends none."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.server import admin
from kkmp_pos.services.setup.auth import actor_of
from tests.gui.conftest import demo_user


def _server_counts(sdb) -> tuple[int, int]:
    with sdb.database.connection_context():
        return sdb.m.ProductModel.select().count(), sdb.m.MemberModel.select().count()


def _enrol(qtbot, dialog, live, sdb) -> None:
    dialog.server.setText(live.url)
    dialog.code.setText(admin.enrol_terminal(sdb, "kop1", "s1", "t1"))
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def test_enrol_with_the_upload_box_ticked_fills_the_empty_server(qtbot, window, till, sync, server):
    from kkmp_pos.db.models import MemberModel, ProductModel
    from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

    live, sdb = server
    products = ProductModel.select().where(ProductModel.active == True).count()  # noqa: E712
    members = MemberModel.select().count()
    dialog = SyncSettingsDialog(sync, window, _manager())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.upload.isChecked()  # the demo shop has products
    _enrol(qtbot, dialog, live, sdb)
    assert f"{products} produk dan {members} anggota" in dialog.state.text()
    qtbot.waitUntil(lambda: _server_counts(sdb) == (products, members), timeout=20_000)


def test_enrol_with_the_upload_box_unticked_sends_no_catalog(qtbot, window, till, sync, server):
    from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

    live, sdb = server
    dialog = SyncSettingsDialog(sync, window, _manager())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.upload.setChecked(False)
    _enrol(qtbot, dialog, live, sdb)
    assert "terdaftar di" in dialog.state.text() and "produk" not in dialog.state.text()
    # the demo day's sales arrive, the catalog does not
    with sdb.database.connection_context():
        qtbot.waitUntil(lambda: sdb.m.SaleModel.select().count() > 0, timeout=20_000)
    assert _server_counts(sdb) == (0, 0)


def _manager():
    """Enrolment is a manager's decision (the service refuses a cashier)."""
    return actor_of(demo_user("manajer"))
