"""The first run end to end: an empty data folder opens the setup wizard; each step is checked, the
printer is found by a network scan of 127.0.0.0/8 (a real TCP listener), test-printed before it is
saved, the QRIS pasted, the server skipped; then the admin logs in and the till sells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.db.models import AuditLogModel, StoreModel, UserModel
from tests.gui.conftest import log_in
from tests.gui.dialog_support import STATIC_QRIS
from tests.printer_listener import PrinterListener


@pytest.fixture
def fresh_window(qtbot, tmp_path, monkeypatch):
    from kkmp_pos.app import open_till
    from kkmp_pos.gui.app import MainWindow, make_app
    from kkmp_pos.gui.i18n import install_language

    monkeypatch.setenv("KKMP_POS_SCAN_LOOPBACK_ONLY", "1")
    install_language(make_app(), "id")
    till = open_till(tmp_path / "new-shop")
    win = MainWindow(till)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    from kkmp_pos.gui.ops import running_ops

    qtbot.waitUntil(lambda: running_ops() == 0, timeout=30_000)
    till.close()


@pytest.fixture
def printer():
    listener = PrinterListener(answering=True, host="127.0.0.7")
    yield listener
    listener.close()


def _fill_shop(qtbot, form, kode: str) -> None:
    for field, text in (
        (form.cooperative_name, "Koperasi Desa Merah Putih Sukamaju"),
        (form.name, "Gerai KDMP Sukamaju"),
        (form.code, "KMPSKM"),
        (form.address, "Jl. Poros No. 1, Samarinda"),
        (form.legal_number, "AHU-0001234.AH.01.29.TAHUN 2025"),
        (form.kode_wilayah, kode),
        (form.npwp, "013121660091000"),
    ):
        field.clear()
        qtbot.keyClicks(field, text)


def test_empty_folder_wizard_to_a_usable_till(qtbot, fresh_window, printer):
    from kkmp_pos.core.cart import Cart
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
    from kkmp_pos.services.stock.product_spec import ProductSpec

    win = fresh_window
    wizard = win.wizard
    assert wizard is not None and win.stack.currentWidget() is wizard
    assert wizard.step == "shop"

    shop = wizard.pages["shop"].form
    _fill_shop(qtbot, shop, "64.71.5.1001")  # a district of one digit: not a Kemendagri code
    shop.vat_registered.setChecked(True)
    shop.time_zone.setCurrentIndex(shop.time_zone.findData("WITA"))
    wizard.next_button.click()
    assert wizard.step == "shop"
    assert "64.71.05.1001" in shop.error_label.text()
    shop.kode_wilayah.clear()
    qtbot.keyClicks(shop.kode_wilayah, "64.71.05.1001")
    qtbot.keyClick(shop.kode_wilayah, Qt.Key.Key_Return)  # Enter goes on
    assert wizard.step == "admin"
    assert not wizard.skip_button.isEnabled()  # no user yet: nobody could log in

    admin = wizard.pages["admin"]
    qtbot.keyClicks(admin.name, "Ibu Ketua")
    qtbot.keyClicks(admin.pin, "482916")
    qtbot.keyClicks(admin.pin2, "482917")
    wizard.next_button.click()
    assert wizard.step == "admin" and "PIN" in admin.error_label.text()
    admin.pin2.clear()
    qtbot.keyClicks(admin.pin2, "482916")
    wizard.next_button.click()
    assert wizard.step == "printer"

    page = wizard.pages["printer"]
    page.finder.scan_port = printer.port
    page.finder.range_field.setText("127.0.0.1-127.0.0.12")
    win.activateWindow()
    page.finder.range_field.setFocus()
    qtbot.waitUntil(page.finder.range_field.hasFocus, timeout=5_000)
    qtbot.keyClick(page.finder.range_field, Qt.Key.Key_Return)  # Enter in the range scans it
    qtbot.waitUntil(lambda: not page.finder.scanning(), timeout=20_000)
    assert printer.uri in page.finder.uris()
    row = page.finder.uris().index(printer.uri)
    page.finder.found.itemClicked.emit(page.finder.found.item(row))
    assert page.uri.text() == printer.uri
    wizard.next_button.click()  # not saved before a test print
    assert wizard.step == "printer" and "tes cetak" in page.status.text().lower()
    assert StoreModel.get().name == "Gerai KDMP Sukamaju"
    assert win.till.ctx.settings.printer_uri == ""
    page.test_button.click()
    assert "TES PRINTER" in page.preview.toPlainText()  # shown before it prints
    qtbot.waitUntil(lambda: "berhasil" in page.status.text(), timeout=8_000)
    assert win.till.ctx.settings.printer_uri == ""  # the test print saved nothing
    wizard.next_button.click()
    assert wizard.step == "qris"
    assert win.till.ctx.settings.printer_uri == printer.uri

    qris = wizard.pages["qris"].screen
    qris.payload_field.setText(STATIC_QRIS)
    qris.check()
    assert qris.name_value.text() == "Baznas"
    qris.save_button.click()
    assert win.till.ctx.settings.qris_static_payload == STATIC_QRIS
    wizard.next_button.click()
    assert wizard.step == "server"
    wizard.skip_button.click()

    assert win.wizard is None and win.stack.currentWidget() is win.login
    assert win.till.setup_wizard.pending() is False
    store = StoreModel.get()
    assert (store.code, store.timezone, store.npwp) == ("KMPSKM", "Asia/Makassar", "01.312.166.0-091.000")
    assert store.vat_registered
    assert win.till.ctx.settings.shop_kode_wilayah == "64.71.05.1001"
    finished = AuditLogModel.get(AuditLogModel.action == "setup.finished")
    assert '"server"' in finished.detail and '"printer"' not in finished.detail

    user = UserModel.get(UserModel.name == "Ibu Ketua")
    log_in(qtbot, win, user, "482916")
    assert win.stack.currentWidget() is win.cashier
    # usable: the admin adds a product and sells it, and the receipt goes to the printer found
    actor = win.cashier.actor
    till = win.till
    till.products.create(ProductSpec("GULA1", "Gula Pasir 1 kg", 18_000, barcodes=["8990000000017"]), actor)
    till.shifts.open(actor, {50_000: 2})
    cart = Cart()
    cart.add(till.catalog.lookup_barcode("8990000000017"), 1000)
    sale = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 20_000)], actor)
    assert sale.receipt_no.startswith("KMPSKM")
    assert till.printing.print_job(sale.print_job_id).ok


def test_the_wizard_does_not_open_again_once_finished(qtbot, tmp_path, monkeypatch):
    from kkmp_pos.app import open_till
    from kkmp_pos.gui.app import MainWindow

    folder = tmp_path / "shop"
    till = open_till(folder)
    assert till.setup_wizard.pending()
    till.auth.create_user("Admin", "admin", "123456")
    till.setup_wizard.finish(None, ["printer"])
    till.close()
    till = open_till(folder)
    win = MainWindow(till)
    qtbot.addWidget(win)
    assert win.wizard is None and win.stack.currentWidget() is win.login
    till.close()


def test_the_demo_shop_never_opens_the_wizard(qtbot, window):
    assert window.wizard is None
    assert window.stack.currentWidget() is window.login


def test_the_network_scan_runs_only_when_pressed_and_can_be_stopped(qtbot, fresh_window):
    page = fresh_window.wizard.pages["printer"]
    finder = page.finder
    assert finder.range_field.text() == "127.0.0.1/32"  # loopback only here: the shop's LAN is never tried
    assert not finder.scanning()
    finder.range_field.setText("127.0.0.0/22")
    finder.scan_button.click()
    assert finder.scanning() and finder.cancel_button.isEnabled()
    finder.cancel_button.click()
    qtbot.waitUntil(lambda: not finder.scanning(), timeout=10_000)
    assert "Dihentikan" in finder.status.text()
    finder.range_field.setText("192.168.1.0/24")
    finder.scan_button.click()
    assert not finder.scanning() and "127.0.0.0/8" in finder.status.text()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_every_wizard_page_fits_the_screen(qtbot, fresh_window, size):
    """Each step's content needs no more than the window at a cheap POS screen's size."""
    from PySide6.QtCore import QRect

    win = fresh_window
    win.resize(*size)
    wizard = win.wizard
    from kkmp_pos.services.setup.auth import actor_of

    wizard.actor = actor_of(win.till.auth.create_user("Ibu Ketua", "admin", "482916"))  # QRIS page filled
    for index in range(len(wizard.pages)):
        wizard.go_to(index)
        qtbot.wait(10)
        hint = win.minimumSizeHint()
        assert hint.width() <= size[0] and hint.height() <= size[1], (wizard.step, hint)
        window_rect = QRect(0, 0, win.width(), win.height())
        for button in (wizard.back_button, wizard.skip_button, wizard.next_button):
            top_left = button.mapTo(win, button.rect().topLeft())
            assert window_rect.contains(QRect(top_left, button.size())), (wizard.step, button.text())


def test_the_shop_step_wants_real_names_not_the_placeholders(qtbot, fresh_window):
    wizard = fresh_window.wizard
    form = wizard.pages["shop"].form
    assert form.name.text() == "" and form.cooperative_name.text() == "" and form.code.text() == ""
    wizard.next_button.click()
    assert wizard.step == "shop" and form.error_label.text()
    wizard.skip_button.click()  # may be finished later in Settings
    assert wizard.step == "admin"
    assert wizard.skipped == ["shop"]


def test_the_server_step_enrols_through_the_sync_dialog(qtbot, fresh_window, tmp_path):
    """A new shop enrols from the wizard's last step with the cooperative's enrolment code."""
    from kkmp_pos.gui.sync.sync_status import install_sync
    from kkmp_pos.server import admin
    from kkmp_pos.server.app import create_app
    from kkmp_pos.server.live import start_server
    from kkmp_pos.services.setup.auth import actor_of

    app = create_app(f"sqlite:///{tmp_path / 'server.db'}")
    live = start_server(app)
    sdb = app.state.sdb
    controller = install_sync(fresh_window, fresh_window.till)
    try:
        admin.create_cooperative(sdb, "kop1", "Koperasi 1")
        admin.create_store(sdb, "kop1", "s1", "Toko 1")
        wizard = fresh_window.wizard
        wizard.actor = actor_of(fresh_window.till.auth.create_user("Ibu Ketua", "admin", "482916"))
        wizard.go_to(len(wizard.pages) - 1)
        page = wizard.pages["server"]
        assert page.enrol_button.isEnabled()
        page.enrol_button.click()
        dialog = page.dialog
        qtbot.waitUntil(dialog.isVisible, timeout=3_000)
        dialog.server.setText(live.url)
        dialog.code.setText(admin.enrol_terminal(sdb, "kop1", "s1", "t1"))
        dialog.enrol_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
        assert "terdaftar di" in dialog.state.text()
        assert fresh_window.till.ctx.terminal.enrolled
        dialog.accept()
        wizard.next_button.click()  # Selesai
        assert fresh_window.wizard is None and not fresh_window.till.setup_wizard.pending()
    finally:
        controller.stop()
        live.stop()
        sdb.close()
