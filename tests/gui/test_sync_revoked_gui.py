"""A till the cooperative revoked says so on its status line, in Indonesian (and in English when the
UI is English), with the server's words in the tooltip; and the sync settings refuse a cashier."""

from __future__ import annotations

from kkmp_pos.core.errors import SyncError
from kkmp_pos.sync.worker import SyncStatus


def test_the_status_line_says_the_till_was_revoked(qtbot):
    from kkmp_pos.gui.sync.sync_status import SyncStatusWidget

    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    words = SyncError("sync_terminal_revoked").message("id")
    color, text, tip = widget.describe(SyncStatus(stopped=True, revoked=True, online=True, last_error=words))
    assert "dicabut" in text and color == "#c62828"
    assert "dicabut" in tip and "Daftarkan ulang" not in tip
    _, text, _ = widget.describe(SyncStatus(stopped=True, online=True))
    assert "dicabut" not in text and "menolak" in text  # a refused token is another story


def test_a_cashier_cannot_enrol_from_the_sync_settings(qtbot, window, till, sync, server):
    from PySide6.QtCore import Qt

    from kkmp_pos.db.models import TerminalModel
    from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog
    from kkmp_pos.server import admin
    from kkmp_pos.services.setup.auth import actor_of
    from tests.gui.conftest import demo_user

    live, sdb = server
    dialog = SyncSettingsDialog(sync, window, actor_of(demo_user("kasir")))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText(live.url)
    dialog.code.setText(admin.enrol_terminal(sdb, "kop1", "s1", "t1"))
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert not TerminalModel.get().enrolled
    assert "manajer" in dialog.state.text()  # says why, in the user's language
