"""The manager's settings screen (Menu → Pengaturan → Pengaturan toko): every setting a shop may change,
in tabs — the shop's identity, the receipt's text, cash and VAT, QRIS, the printer, limits, the shift
policy, data and server, and the language. Each tab saves its own settings through a service that checks
them and audits each change (old → new); the QRIS, printer and backup tabs are those screens themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.setup.setting_editors import SettingEditor, setting_label
from kkmp_pos.gui.widgets import TOUCH_PX
from kkmp_pos.services.setup.settings_editor import OWN_SCREEN, TABS

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class SettingsScreen(QWidget):
    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor = till, actor
        self.setWindowTitle(self.tr("Pengaturan toko"))
        self.editors: dict[str, SettingEditor] = {}
        self.tab_status: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        titles = {
            "shop": self.tr("Toko"),
            "receipt": self.tr("Struk"),
            "cash": self.tr("Kas && PPN"),
            "qris": self.tr("QRIS"),
            "printer": self.tr("Printer"),
            "limits": self.tr("Batas"),
            "shift": self.tr("Shift"),
            "data": self.tr("Data && server"),
            "backup": self.tr("Jam && cadangan"),
            "language": self.tr("Bahasa"),
        }
        builders = {
            "shop": self._shop_tab,
            "qris": self._qris_tab,
            "printer": self._printer_tab,
            "backup": self._backup_tab,
        }
        for tab, keys in TABS.items():
            page = builders[tab]() if tab in builders else self._generic_tab(tab, keys)
            page.setObjectName(f"tab:{tab}")
            self.tabs.addTab(page, titles[tab])
        self.load()

    # -- building --------------------------------------------------------------------------------
    def _save_row(self, tab: str, on_save: Any) -> QHBoxLayout:
        row = QHBoxLayout()
        status = QLabel()
        status.setWordWrap(True)
        self.tab_status[tab] = status
        button = QPushButton(self.tr("Simpan"))
        button.setProperty("role", "primary")
        button.setMinimumHeight(TOUCH_PX)
        button.setObjectName(f"save:{tab}")
        button.clicked.connect(on_save)
        row.addWidget(status, 1)
        row.addWidget(button)
        return row

    def _scrolled(self, inner: QWidget) -> QWidget:
        # every tab's form fits a 1024×768 screen whole (the fit test renders each): no scrolling form
        return inner

    def _generic_tab(self, tab: str, keys: tuple[str, ...]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form_box = QWidget()
        column = QVBoxLayout(form_box)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # the rows keep to the top; the space left stays below them
        for key in keys:
            if key in OWN_SCREEN:
                continue
            editor = SettingEditor(key)
            self.editors[key] = editor
            if isinstance(editor.widget, QCheckBox):
                form.addRow("", editor.widget)
            else:
                # one line each: a wrapped label in a scrolled form is squeezed to half its height
                form.addRow(QLabel(setting_label(key)), editor.widget)
        if tab == "language":
            note = QLabel(self.tr("Bahasa baru dipakai setelah aplikasi dibuka ulang."))
            note.setProperty("role", "muted")
            form.addRow("", note)
        layout.addWidget(self._scrolled(form_box), 1)
        layout.addLayout(self._save_row(tab, lambda: self.save_tab(tab)))
        return page

    def _shop_tab(self) -> QWidget:
        from kkmp_pos.gui.setup.shop_form import ShopForm

        page = QWidget()
        layout = QVBoxLayout(page)
        self.shop_form = ShopForm()
        layout.addWidget(self._scrolled(self.shop_form), 1)
        layout.addLayout(self._save_row("shop", self.save_shop))
        return page

    def _backup_tab(self) -> QWidget:
        from kkmp_pos.gui.setup.safety_screen import SafetyScreen

        self.safety = SafetyScreen(self.till, self.actor)
        self.safety.target.setObjectName("offsite.target")
        self.safety.drive_path.setObjectName("offsite.drive_path")
        return self.safety

    def _qris_tab(self) -> QWidget:
        from kkmp_pos.gui.setup.qris_screen import QrisSettingsScreen

        self.qris = QrisSettingsScreen(self.till, self.actor)
        self.qris.payload_field.setObjectName("qris.static_payload")
        return self.qris

    def _printer_tab(self) -> QWidget:
        from kkmp_pos.gui.printing.printer_screen import PrinterScreen

        self.printer = PrinterScreen(self.till, self.actor)
        for key, widget in self.printer.setting_widgets().items():
            widget.setObjectName(key)
        return self.printer

    # -- values ----------------------------------------------------------------------------------
    def load(self) -> None:
        values = self.till.settings_editor.values()
        for key, editor in self.editors.items():
            editor.set_value(values[key])
        self.shop_form.set_profile(self.till.shop_profile.load())

    def save_tab(self, tab: str) -> bool:
        status = self.tab_status[tab]
        changes: dict[str, Any] = {}
        for key in TABS[tab]:
            editor = self.editors.get(key)
            if editor is None:
                continue
            try:
                changes[key] = editor.value()
            except ValueError:
                status.setText(error_text(ValidationError("setting_text_invalid", label=setting_label(key))))
                editor.widget.setFocus()
                return False
        try:
            done = self.till.settings_editor.save(self.actor, changes)
        except Exception as exc:
            status.setText(error_text(exc))
            return False
        if tab == "receipt":  # the printer tab shows the same lines
            self.printer.header.setPlainText("\n".join(self.till.ctx.settings.receipt_header))
            self.printer.footer.setPlainText("\n".join(self.till.ctx.settings.receipt_footer))
        status.setText(
            self.tr("{0} pengaturan disimpan.").format(len(done))
            if done
            else self.tr("Tidak ada yang berubah.")
        )
        return True

    def save_shop(self) -> bool:
        status = self.tab_status["shop"]
        try:
            saved = self.till.shop_profile.save(self.actor, self.shop_form.profile())
        except Exception as exc:
            status.setText(error_text(exc))
            return False
        self.shop_form.set_profile(saved)
        status.setText(self.tr("Identitas toko disimpan."))
        return True

    def reachable_keys(self) -> set[str]:
        """The settings an editor on this screen holds (by the editors' object names)."""
        from kkmp_pos.config import SETTINGS

        return {w.objectName() for w in self.findChildren(QWidget)} & SETTINGS.keys()
