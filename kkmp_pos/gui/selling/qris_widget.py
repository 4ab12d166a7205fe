"""The QRIS code drawn large with the amount and the merchant's name: the payment dialog, the customer
display and the member's payment show the same widget."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from kkmp_pos.core.money import format_rp

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
# A phone reads a code this size from across the counter (and from the customer display's distance).
MIN_SIDE_PX = 320


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules for a payload (medium error correction, as payment apps expect), no border."""
    import qrcode  # lazily: only a QRIS payment needs it

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_image(payload: str, module_px: int = 8) -> QImage:
    """The code as a black-on-white image with its quiet zone (no PIL involved)."""
    matrix = qr_matrix(payload)
    modules = len(matrix) + 2 * QUIET_ZONE
    image = QImage(modules * module_px, modules * module_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (x + QUIET_ZONE) * module_px,
                    (y + QUIET_ZONE) * module_px,
                    module_px,
                    module_px,
                    Qt.GlobalColor.black,
                )
    painter.end()
    return image


class QrCodeView(QWidget):
    """Paints the QR modules to fill its square, whole pixels per module so phones read it well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setMinimumSize(MIN_SIDE_PX, MIN_SIDE_PX)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_payload(self, payload: str) -> None:
        self.matrix = qr_matrix(payload) if payload else []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        box = QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        painter.fillRect(box, Qt.GlobalColor.white)
        if self.matrix:
            modules = len(self.matrix) + 2 * QUIET_ZONE
            px = max(1, side // modules)
            left = box.x() + (side - px * modules) // 2 + QUIET_ZONE * px
            top = box.y() + (side - px * modules) // 2 + QUIET_ZONE * px
            for y, row in enumerate(self.matrix):
                for x, dark in enumerate(row):
                    if dark:
                        painter.fillRect(left + x * px, top + y * px, px, px, Qt.GlobalColor.black)
        painter.end()


class QrisWidget(QWidget):
    """The QRIS code large, with the amount and the merchant name under it (cashier and customer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("Pindai dengan aplikasi pembayaran (QRIS)"))
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setProperty("role", "muted")
        self.code_view = QrCodeView()
        self.amount_label = QLabel()
        self.amount_label.setProperty("role", "total")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.merchant_label = QLabel()
        self.merchant_label.setProperty("role", "big")
        self.merchant_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.merchant_label.setWordWrap(True)  # a 25-letter merchant name in big type, on a narrow panel
        layout.addWidget(self.caption)
        layout.addWidget(self.code_view, 1)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.merchant_label)
        self.payload = ""

    def set_payment(self, payload: str, amount_rp: int, merchant_name: str = "") -> None:
        self.payload = payload
        self.code_view.set_payload(payload)
        self.amount_label.setText(format_rp(amount_rp))
        self.merchant_label.setText(merchant_name)

    def clear(self) -> None:
        self.set_payment("", 0)
        self.amount_label.clear()
