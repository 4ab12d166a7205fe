"""Enrolling from the sync settings dialog brings the shop's catalog and members to a new cooperative's
empty server (the checkbox is ticked for a till with products), and unticked it sends none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.server import admin
from kkmp_pos.server.app import create_app
from kkmp_pos.server.live import start_server


@pytest.fixture
def server(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'server.db'}")
    live = start_server(app)
    sdb = app.state.sdb
    admin.create_cooperative(sdb, "kop1", "Koperasi 1")
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    yield live, sdb
    live.stop()
    sdb.close()


@pytest.fixture
def sync(window, till):
    from kkmp_pos.gui.sync_status import install_sync

    controller = install_sync(window, till)
    yield controller
    controller.stop()


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
    from kkmp_pos.gui.sync_settings_dialog import SyncSettingsDialog

    live, sdb = server
    products = ProductModel.select().where(ProductModel.active == True).count()  # noqa: E712
    members = MemberModel.select().count()
    dialog = SyncSettingsDialog(sync, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.upload.isChecked()  # the demo shop has products
    _enrol(qtbot, dialog, live, sdb)
    assert f"{products} produk dan {members} anggota" in dialog.state.text()
    qtbot.waitUntil(lambda: _server_counts(sdb) == (products, members), timeout=20_000)


def test_enrol_with_the_upload_box_unticked_sends_no_catalog(qtbot, window, till, sync, server):
    from kkmp_pos.gui.sync_settings_dialog import SyncSettingsDialog

    live, sdb = server
    dialog = SyncSettingsDialog(sync, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.upload.setChecked(False)
    _enrol(qtbot, dialog, live, sdb)
    assert "terdaftar di" in dialog.state.text() and "produk" not in dialog.state.text()
    # the demo day's sales arrive, the catalog does not
    with sdb.database.connection_context():
        qtbot.waitUntil(lambda: sdb.m.SaleModel.select().count() > 0, timeout=20_000)
    assert _server_counts(sdb) == (0, 0)
