"""Finding the receipt printer on a form: the printers this PC knows (Windows/CUPS, COM ports, USB),
listed in the background, and a network scan for port 9100 that runs only when pressed, stops itself
(time and address count) and can be cancelled. A picked line puts its address in `picked`."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.devices.printer_uri import DEFAULT_NETWORK_PORT
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import TOUCH_PX
from kkmp_pos.services.setup import printer_discovery as discovery


class _Progress(QObject):
    """The scan's progress from its thread to the GUI thread (a queued signal)."""

    changed = Signal(int, int)


class PrinterFinder(QWidget):
    picked = Signal(str)  # a printer URI

    def __init__(self, parent: QWidget | None = None, *, loopback_only: bool = False) -> None:
        super().__init__(parent)
        self.loopback_only = loopback_only or discovery.loopback_only()
        self.scan_port = DEFAULT_NETWORK_PORT  # tests scan a listener's port
        self._cancel: threading.Event | None = None
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.found = QListWidget()
        self.found.setMinimumHeight(90)
        layout.addWidget(self.found, 1)
        scan_row = QHBoxLayout()
        self.range_field = QLineEdit("127.0.0.1/32" if self.loopback_only else discovery.own_subnet())
        self.range_field.setToolTip(self.tr("mis. 192.168.1.0/24 atau 192.168.1.10-60"))
        self.scan_button = QPushButton(self.tr("Cari di jaringan"))
        self.cancel_button = QPushButton(self.tr("Hentikan"))
        self.cancel_button.setEnabled(False)
        for button in (self.scan_button, self.cancel_button):
            button.setMinimumHeight(TOUCH_PX)
        scan_row.addWidget(QLabel(self.tr("Alamat")))
        scan_row.addWidget(self.range_field, 1)
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.cancel_button)
        layout.addLayout(scan_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.found.itemActivated.connect(self._pick)
        self.found.itemClicked.connect(self._pick)
        self.scan_button.clicked.connect(self.scan)
        self.cancel_button.clicked.connect(self.cancel)

    def list_attached(self) -> None:
        """List what the PC knows, in the background (asking CUPS or the spooler takes a moment)."""
        from kkmp_pos.gui.ops import run_op

        self.status.setText(self.tr("Mencari printer yang terpasang…"))
        run_op(self, discovery.attached_printers, on_success=self._attached, on_failure=self._failed)

    def _attached(self, printers: list[discovery.FoundPrinter]) -> None:
        self._add(printers)
        self.status.setText(
            self.tr("{0} printer/port ditemukan di komputer ini.").format(len(printers))
            if printers
            else self.tr("Tidak ada printer terpasang. Cari di jaringan atau tulis alamatnya.")
        )

    def scan(self) -> None:
        """Scan the range for port 9100 in the background; cancellable with `cancel`."""
        from kkmp_pos.gui.ops import run_op

        try:
            hosts = discovery.hosts_in_range(self.range_field.text(), loopback=self.loopback_only)
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        cancel = threading.Event()
        self._cancel = cancel
        port = self.scan_port
        self.scan_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Mencari di {0} alamat…").format(len(hosts)))

        def run() -> discovery.ScanResult:
            return discovery.scan_network(
                hosts, port, cancel=cancel, progress=lambda r: self._progress.changed.emit(r.tried, r.total)
            )

        run_op(self, run, on_success=self._scanned, on_failure=self._failed)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def scanning(self) -> bool:
        return not self.scan_button.isEnabled()

    def _show_progress(self, tried: int, total: int) -> None:
        if self.scanning():
            self.status.setText(self.tr("Mencari… {0} dari {1} alamat").format(tried, total))

    def _scanned(self, result: discovery.ScanResult) -> None:
        self._done_scanning()
        self._add(result.found)
        if result.cancelled:
            text = self.tr("Dihentikan setelah {0} dari {1} alamat.").format(result.tried, result.total)
        elif result.timed_out:
            text = self.tr("Waktu habis setelah {0} dari {1} alamat.").format(result.tried, result.total)
        else:
            text = self.tr("Selesai: {0} alamat diperiksa.").format(result.tried)
        found = self.tr("{0} printer jaringan ditemukan.").format(len(result.found))
        self.status.setText(f"{text} {found}")

    def _failed(self, exc: BaseException) -> None:
        self._done_scanning()
        self.status.setText(error_text(exc))

    def _done_scanning(self) -> None:
        self._cancel = None
        self.scan_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _add(self, printers: list[discovery.FoundPrinter]) -> None:
        known = {self.found.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.found.count())}
        for printer in printers:
            if printer.uri not in known:
                item = QListWidgetItem(f"{printer.label}   ({printer.uri})")
                item.setData(Qt.ItemDataRole.UserRole, printer.uri)
                self.found.addItem(item)

    def uris(self) -> list[str]:
        return [str(self.found.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.found.count())]

    def _pick(self, item: QListWidgetItem) -> None:
        self.picked.emit(str(item.data(Qt.ItemDataRole.UserRole)))
