"""GUI fixtures: the real main window on a real demo till database (printer: dummy:// or a closed port)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.db.models import BarcodeModel, MemberModel, ProductModel, UserModel


@pytest.fixture
def window(qtbot, till):
    from kkmp_pos.gui.app import MainWindow, make_app
    from kkmp_pos.gui.i18n import install_language

    install_language(make_app(), "id")
    win = MainWindow(till)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    from kkmp_pos.gui.ops import running_ops

    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)


def demo_user(role: str = "kasir") -> UserModel:
    return UserModel.select().where(UserModel.role == role).order_by(UserModel.id).first()


def log_in(qtbot, win, user: UserModel, pin: str) -> None:
    """Pick the name, type the PIN on the keyboard, press Enter."""
    qtbot.mouseClick(win.login.user_buttons[user.id], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(win.login.pin_field, pin)
    qtbot.keyClick(win.login.pin_field, Qt.Key.Key_Return)


def scan(qtbot, screen, code: str) -> None:
    """What a keyboard-wedge scanner does: a burst of characters, then Enter, into the focused field."""
    qtbot.keyClicks(screen.scan_field, code)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)


def member_priced_barcodes(n: int = 3) -> list[tuple[str, ProductModel]]:
    """Barcodes of base-unit products whose member price is lower than the regular one."""
    rows = (
        BarcodeModel.select(BarcodeModel, ProductModel)
        .join(ProductModel)
        .where(
            BarcodeModel.unit.is_null()
            & ProductModel.member_price_rp.is_null(False)
            & (ProductModel.member_price_rp < ProductModel.regular_price_rp)
            & (ProductModel.is_weighed == False)  # noqa: E712
            & (ProductModel.track_batches == False)  # noqa: E712
            & (ProductModel.active == True)  # noqa: E712
        )
        .order_by(BarcodeModel.code)
    )
    picked: list[tuple[str, ProductModel]] = []
    seen: set[int] = set()
    for row in rows:
        if row.product.id not in seen and row.product.on_hand_milli >= 10_000:
            picked.append((row.code, row.product))
            seen.add(row.product.id)
        if len(picked) == n:
            break
    return picked


def active_member() -> MemberModel:
    return MemberModel.select().where(MemberModel.status == "active").order_by(MemberModel.number).first()


@pytest.fixture
def server(tmp_path):
    """A central server on 127.0.0.1 with cooperative kop1 and store s1 (sync GUI tests)."""
    from kkmp_pos.server import admin
    from kkmp_pos.server.app import create_app
    from kkmp_pos.server.live import start_server

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
    """The main window's sync wiring (status widget, controller), stopped after the test."""
    from kkmp_pos.gui.sync.sync_status import install_sync

    controller = install_sync(window, till)
    yield controller
    controller.stop()
