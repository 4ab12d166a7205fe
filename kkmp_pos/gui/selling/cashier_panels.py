"""The right-hand panels of the cashier screen: member, totals, and the last sale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from kkmp_pos.core.cart import CartTotals, MemberRef
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.widgets import key_button


def _label(text: str = "", role: str = "", *, right: bool = False) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    if right:
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


class Panel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setProperty("panel", True)


class MemberPanel(Panel):
    """Who the member is (masked NIK only) and what they save; or the way to attach one."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.title = _label(self.tr("Anggota"), "muted")
        self.name_label = _label("", "title")
        self.name_label.setWordWrap(True)
        self.detail_label = _label("", "status")
        self.money_label = _label("", "status")  # simpanan: sukarela balance, unpaid wajib months
        self.money_label.setWordWrap(True)
        self.saving_label = _label("", "saving")
        for w in (self.title, self.name_label, self.detail_label, self.money_label, self.saving_label):
            layout.addWidget(w)
        row = QHBoxLayout()
        self.attach_button = key_button(self.tr("Anggota"), "F6")
        self.remove_button = key_button(self.tr("Lepas"), "F7")
        self.register_button = key_button(self.tr("Daftar anggota"), "Ctrl+N")
        row.addWidget(self.attach_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.register_button)
        layout.addLayout(row)
        self.show_member(None, 0)

    def show_member(self, member: MemberRef | None, savings_rp: int) -> None:
        if member is None:
            self.name_label.setText(self.tr("Bukan anggota"))
            self.detail_label.setText(self.tr("Pindai kartu anggota atau tekan F6"))
            self.saving_label.setText("")
            self.money_label.setText("")
            self.money_label.setVisible(False)
            self.remove_button.setVisible(False)
            self.register_button.setVisible(True)
            return
        self.name_label.setText(member.name)
        detail = self.tr("No. {number} · NIK {nik}").format(
            number=member.number, nik=member.masked_nik or "–"
        )
        if member.status == "pending":
            detail += " · " + self.tr("POKOK BELUM LUNAS")
        elif not member.active:
            detail += " · " + self.tr("TIDAK AKTIF")
        self.detail_label.setText(detail)
        money = self.tr("Sukarela {amount}").format(amount=format_rp(member.sukarela_rp))
        if member.arrears_months:
            money += " · " + self.tr("Wajib belum dibayar {months} bln ({amount})").format(
                months=member.arrears_months, amount=format_rp(member.arrears_rp)
            )
        self.money_label.setText(money)
        self.money_label.setVisible(bool(member.status))
        self.saving_label.setText(self.tr("Hemat anggota: {amount}").format(amount=format_rp(savings_rp)))
        self.remove_button.setVisible(True)
        self.register_button.setVisible(False)


class TotalsPanel(Panel):
    def __init__(self) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setVerticalSpacing(2)
        self.count_label = _label("", "muted")
        self.subtotal_label = _label("", "", right=True)
        self.savings_caption = _label(self.tr("Hemat anggota"), "saving")
        self.savings_label = _label("", "saving", right=True)
        self.discount_caption = _label(self.tr("Diskon"), "saving")
        self.discount_label = _label("", "saving", right=True)
        self.total_label = _label("", "total", right=True)
        self.invite_label = _label("", "invite")
        self.invite_label.setWordWrap(True)
        grid.addWidget(self.count_label, 0, 0)
        grid.addWidget(self.subtotal_label, 0, 1)
        grid.addWidget(self.savings_caption, 1, 0)
        grid.addWidget(self.savings_label, 1, 1)
        grid.addWidget(self.discount_caption, 2, 0)
        grid.addWidget(self.discount_label, 2, 1)
        grid.addWidget(_label(self.tr("TOTAL"), "big"), 3, 0)
        grid.addWidget(self.total_label, 3, 1)
        grid.addWidget(self.invite_label, 4, 0, 1, 2)
        self.show_totals(CartTotals(0, 0, 0, 0, 0, 0), member=False)

    def show_totals(self, totals: CartTotals, *, member: bool) -> None:
        self.count_label.setText(self.tr("Subtotal ({n} baris)").format(n=totals.line_count))
        self.subtotal_label.setText(format_rp(totals.subtotal_rp))
        self.savings_caption.setVisible(member)
        self.savings_label.setVisible(member)
        self.savings_label.setText(format_rp(totals.member_savings_rp))
        self.discount_caption.setVisible(totals.discount_rp > 0)
        self.discount_label.setVisible(totals.discount_rp > 0)
        self.discount_label.setText("−" + format_rp(totals.discount_rp))
        self.total_label.setText(format_rp(totals.total_rp))
        potential = totals.potential_member_savings_rp
        self.invite_label.setVisible(not member and potential > 0)
        self.invite_label.setText(
            self.tr("Jadi anggota koperasi, hemat {amount} untuk belanja ini (daftar: Ctrl+N)").format(
                amount=format_rp(potential)
            )
        )


class LastSalePanel(Panel):
    """The change to hand back stays on screen while the next customer starts."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.title = _label(self.tr("Transaksi terakhir"), "muted")
        self.change_label = _label("", "big")
        self.receipt_label = _label("", "status")
        self.print_label = _label("", "status")
        self.print_label.setWordWrap(True)
        for w in (self.title, self.change_label, self.receipt_label, self.print_label):
            layout.addWidget(w)
        row = QHBoxLayout()
        self.preview_button = key_button(self.tr("Struk terakhir"), "F10")
        self.reprint_button = key_button(self.tr("Cetak ulang"), "F11")
        row.addWidget(self.preview_button)
        row.addWidget(self.reprint_button)
        layout.addLayout(row)
        self.reprint_button.setEnabled(False)
        self.change_label.setText(self.tr("Belum ada transaksi"))

    def clear(self) -> None:
        """A new cashier starts with no last transaction (never the previous cashier's)."""
        self.change_label.setText(self.tr("Belum ada transaksi"))
        self.receipt_label.clear()
        self.print_label.clear()
        self.reprint_button.setEnabled(False)

    def show_sale(self, receipt_no: str, change_rp: int) -> None:
        self.change_label.setText(self.tr("Kembali {amount}").format(amount=format_rp(change_rp)))
        self.receipt_label.setText(receipt_no)
        self.print_label.setText(self.tr("Mencetak struk…"))

    def show_print(self, ok: bool, text: str) -> None:
        self.print_label.setText(text)
        self.print_label.setProperty("role", "status" if ok else "error")
        self.print_label.style().unpolish(self.print_label)
        self.print_label.style().polish(self.print_label)
        self.reprint_button.setEnabled(True)
