"""The QRIS settings screen (Menu → Pengaturan → QRIS toko): scanned, pasted or read from a photo,
shown for confirmation, saved only when confirmed; and the demo's QRIS as the counter draws it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.core.qris import parse_qris
from kkmp_pos.db.models import AuditLogModel
from kkmp_pos.gui.ops import running_ops
from kkmp_pos.gui.selling.qris_dialog import QrisDialog, qr_image
from kkmp_pos.gui.setup.qris_screen import QrisSettingsScreen
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.demo import DEMO_QRIS
from kkmp_pos.services.setup.qris_image import read_qr_texts
from tests.gui.conftest import demo_user, log_in
from tests.gui.dialog_support import STATIC_QRIS, sell, show_active
from tests.gui.test_main_menu import menu_actions
from tests.services.test_qris_setup import qr_png


def _screen(qtbot, till, actor) -> QrisSettingsScreen:
    screen = QrisSettingsScreen(till, actor)
    screen.resize(1366, 768)
    return show_active(qtbot, screen)


def test_the_menu_has_the_qris_screen_for_managers_only(qtbot, window, till):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    window.show_menu()
    assert not menu_actions(window._menu)["QRIS toko"].isEnabled()
    window._menu.close()


def test_the_manager_opens_it_from_the_menu(qtbot, window, till):
    log_in(qtbot, window, demo_user("manajer"), "9999")
    window.show_menu()
    menu_actions(window._menu)["QRIS toko"].trigger()
    screen = window._open_windows[-1]
    assert isinstance(screen, QrisSettingsScreen) and screen.isVisible()
    assert "GERAI KKMP GN SAMARINDA" in screen.current_label.text()
    screen.close()


def test_a_scanned_code_is_shown_then_saved_when_confirmed(qtbot, till, manager):
    screen = _screen(qtbot, till, manager)
    assert screen.payload_field.hasFocus() and not screen.confirm_box.isVisible()
    qtbot.keyClicks(screen.payload_field, STATIC_QRIS)  # the 2D scanner types the code, then Enter
    qtbot.keyClick(screen.payload_field, Qt.Key.Key_Return)
    assert screen.confirm_box.isVisible()
    assert (screen.name_value.text(), screen.city_value.text(), screen.nmid_value.text()) == (
        "Baznas",
        "Jakarta Pusat 10340",
        "ID2019002291555",
    )
    assert screen.acquirer_value.text() == "ID.CO.SHOPEE.WWW"
    assert till.ctx.settings.qris_static_payload == DEMO_QRIS  # nothing saved before confirming
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert till.ctx.settings.qris_static_payload == STATIC_QRIS
    assert "Baznas" in screen.status.text() and "Baznas" in screen.current_label.text()
    assert AuditLogModel.select().where(AuditLogModel.action == "settings.qris").count() == 1


def test_a_bad_code_is_explained_and_an_edit_withdraws_the_confirmation(qtbot, till, manager):
    screen = _screen(qtbot, till, manager)
    screen.payload_field.setText(STATIC_QRIS[:-4] + "0000")
    screen.check()
    assert "CRC" in screen.error_label.text() and not screen.confirm_box.isVisible()
    screen.payload_field.setText(STATIC_QRIS)
    screen.check()
    assert screen.save_button.isEnabled()
    qtbot.keyClicks(screen.payload_field, "X")  # changed after checking: must be checked again
    assert not screen.confirm_box.isVisible() and not screen.save_button.isEnabled()
    screen.save()
    assert till.ctx.settings.qris_static_payload == DEMO_QRIS


def test_a_photo_of_the_sticker_fills_the_code(qtbot, till, manager, tmp_path):
    screen = _screen(qtbot, till, manager)
    screen.load_image(str(qr_png(tmp_path / "stiker.jpg", STATIC_QRIS, rotate=90, fmt="JPEG")))
    qtbot.waitUntil(lambda: running_ops() == 0 and screen.confirm_box.isVisible(), timeout=10_000)
    assert screen.payload_field.text() == STATIC_QRIS and screen.nmid_value.text() == "ID2019002291555"
    screen.load_image(str(tmp_path / "tidak-ada.png"))
    qtbot.waitUntil(
        lambda: running_ops() == 0 and "tidak bisa dibuka" in screen.error_label.text(), timeout=10_000
    )
    assert not screen.confirm_box.isVisible()


def test_the_demo_qris_at_the_counter_is_drawn_so_a_reader_gets_it_back(qtbot, till, cashier, tmp_path):
    result = sell(till, cashier, [("MK1", 2000)], [PaymentInput(PaymentMethod.QRIS, 31_400)])
    dialog = QrisDialog(till, cashier, result.sale_id, None)
    dialog.resize(1366, 768)
    show_active(qtbot, dialog)
    payload = dialog.qris.payload
    code = parse_qris(payload)
    assert code.is_dynamic and code.amount_rp == 31_400 and code.nmid == "ID1025000000017"
    assert dialog.qris.merchant_label.text() == "GERAI KKMP GN SAMARINDA"
    assert dialog.qris.code_view.width() >= 500  # large on a 1366×768 screen
    assert dialog.qris.code_view.grab().save(str(tmp_path / "dialog.png"))
    assert read_qr_texts(tmp_path / "dialog.png") == [payload]  # what the customer's phone reads
    assert qr_image(payload, module_px=4).save(str(tmp_path / "image.png"))
    assert read_qr_texts(tmp_path / "image.png") == [payload]


def test_the_reference_must_be_an_rrn(qtbot, till, cashier):
    result = sell(till, cashier, [("MK1", 1000)], [PaymentInput(PaymentMethod.QRIS, 15_700)])
    dialog = show_active(qtbot, QrisDialog(till, cashier, result.sale_id, None))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.reference_field, "41234567890")  # 11 digits
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert "12" in dialog.error_label.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.reference_field, "1")
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.outcome == "completed"
