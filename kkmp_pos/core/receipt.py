"""The sale receipt: plain values in, a receipt document out (Bahasa Indonesia, 58 and 80 mm).

The document model itself lives in `receipt_document`; its names are re-exported here so callers
import everything receipt-related from `kkmp_pos.core.receipt`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from kkmp_pos.core.money import format_number, format_qty, format_rp, line_total_rp
from kkmp_pos.core.receipt_document import (
    MIN_WIDTH,
    WIDTH_58MM,
    WIDTH_80MM,
    Align,
    Barcode,
    Block,
    Columns,
    Cut,
    DocumentBuilder,
    Feed,
    LayoutItem,
    PrintLine,
    QrCode,
    ReceiptDocument,
    Separator,
    Text,
    build_text_document,
    layout,
    render_text,
    wrap,
)

__all__ = [
    "MIN_WIDTH",
    "PAYMENT_LABELS",
    "WIDTH_58MM",
    "WIDTH_80MM",
    "Align",
    "Barcode",
    "Block",
    "Columns",
    "Cut",
    "Feed",
    "LayoutItem",
    "PrintLine",
    "QrCode",
    "ReceiptDocument",
    "ReceiptLine",
    "ReceiptPayment",
    "SaleReceiptData",
    "Separator",
    "Text",
    "build_sale_receipt",
    "build_text_document",
    "copy_of",
    "layout",
    "render_text",
    "sample_sale_receipt",
    "width_for_paper",
    "wrap",
]

PAYMENT_LABELS = {
    "cash": "Tunai",
    "qris": "QRIS",
    "transfer": "Transfer",
    "debit": "Kartu debit",
    "credit": "Kartu kredit",
    "voucher": "Voucher",
    "member_credit": "Kredit anggota",
}


def width_for_paper(paper_width_mm: int) -> int:
    """Characters per line in font A: 58 mm → 32, 80 mm → 48."""
    if paper_width_mm == 58:
        return WIDTH_58MM
    if paper_width_mm == 80:
        return WIDTH_80MM
    raise ValueError(f"paper width {paper_width_mm} mm is not 58 or 80")


@dataclass(frozen=True)
class ReceiptLine:
    """One sold line as charged. `line_total_rp` is qty × unit price before `discount_rp`."""

    name: str
    qty_milli: int
    unit_label: str
    unit_price_rp: int
    line_total_rp: int
    regular_price_rp: int | None = None
    price_type: Literal["regular", "member"] = "regular"
    discount_rp: int = 0


@dataclass(frozen=True)
class ReceiptPayment:
    """A payment; `method` is a code ('cash', 'qris', ...), `reference` e.g. the QRIS RRN."""

    method: str
    amount_rp: int
    reference: str | None = None


@dataclass(frozen=True)
class SaleReceiptData:
    """Everything a sale receipt shows, as plain values (no database rows).

    Money: `total_rp` = subtotal − discount; the cash due is `total_rp + rounding_rp` (cash rounding
    applies to cash only). `tendered_rp` is the cash handed over (0 without cash); it is printed as
    the cash payment, followed by `change_rp`. `member_savings_rp` is what a member saved against
    regular prices; `non_member_potential_savings_rp` what a non-member would have saved (an
    invitation to join). `status_note` e.g. 'MENUNGGU PEMBAYARAN QRIS'. `ppn_rp` None: no PPN lines
    (a store not registered for VAT); with `ppn_dpp_rp` the receipt shows DPP + PPN of the taxable
    lines (prices include PPN) and the exempt amount.
    """

    store_name: str
    store_address: str
    legal_entity_number: str
    npwp: str | None
    receipt_no: str
    receipt_code: str
    created_at_local: datetime
    cashier_name: str
    terminal_code: str
    lines: tuple[ReceiptLine, ...]
    subtotal_rp: int
    discount_rp: int
    total_rp: int
    payments: tuple[ReceiptPayment, ...] = ()
    rounding_rp: int = 0
    tendered_rp: int = 0
    change_rp: int = 0
    member_number: str | None = None
    member_name: str | None = None
    member_nik_masked: str | None = None
    buyer_nik_masked: str | None = None  # the NIK recorded for LPG 3 kg (non-member)
    member_savings_rp: int = 0
    non_member_potential_savings_rp: int = 0
    ppn_rp: int | None = None
    # A VAT-registered (PKP) store: DPP and PPN of the taxable lines, and what was exempt from PPN.
    ppn_dpp_rp: int | None = None
    ppn_percent: int = 11
    ppn_exempt_rp: int = 0
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple[str, ...] = ()
    is_copy: bool = False
    status_note: str | None = None
    kick_drawer: bool = False

    def __post_init__(self) -> None:
        if len(self.receipt_code) != 12 or not self.receipt_code.isdigit():
            raise ValueError(f"receipt_code must be 12 digits, got {self.receipt_code!r}")


def _header(b: DocumentBuilder, d: SaleReceiptData) -> None:
    b.text(d.store_name, "center", bold=True, double_height=True)
    if d.store_address:
        b.text(d.store_address, "center")
    if d.legal_entity_number:
        b.text(f"BH: {d.legal_entity_number}", "center")
    if d.npwp:
        b.text(f"NPWP: {d.npwp}", "center")
    for line in d.header_lines:
        b.text(line, "center")
    if d.is_copy:
        b.separator("=")
        b.text("SALINAN", "center", bold=True, double_height=True, double_width=True)
        b.separator("=")
    else:
        b.separator()
    b.columns("No.", d.receipt_no)
    b.columns("Tanggal", d.created_at_local.strftime("%d-%m-%Y %H:%M"))
    b.columns("Kasir", f"{d.cashier_name} / {d.terminal_code}")
    if d.member_number:
        b.columns("Anggota", d.member_number)
        if d.member_name:
            b.text(d.member_name, "right")
        if d.member_nik_masked:
            b.columns("NIK", d.member_nik_masked)
    if d.buyer_nik_masked and d.buyer_nik_masked != d.member_nik_masked:
        b.columns("NIK pembeli", d.buyer_nik_masked)  # LPG 3 kg: Pertamina asks for the buyer
    b.separator()


def _lines(b: DocumentBuilder, d: SaleReceiptData) -> None:
    for line in d.lines:
        b.text(line.name)
        qty = format_qty(line.qty_milli, line.unit_label)
        price = format_number(line.unit_price_rp)
        b.columns(f"  {qty} x {price}", format_number(line.line_total_rp))
        regular = line.regular_price_rp
        if line.price_type == "member" and regular and regular > line.unit_price_rp:
            b.text(f"  Harga anggota (normal {format_number(regular)})")
        if line.discount_rp:
            b.columns("  Diskon", format_number(-abs(line.discount_rp)))
    b.separator()


def _totals(b: DocumentBuilder, d: SaleReceiptData) -> None:
    count = len(d.lines)
    b.columns(f"Subtotal ({count} barang)", format_number(d.subtotal_rp))
    if d.discount_rp:
        b.columns("Diskon", format_number(-abs(d.discount_rp)))
    b.columns("TOTAL", format_rp(d.total_rp), bold=True, double_height=True)
    if d.rounding_rp:
        b.columns("Pembulatan", format_number(d.rounding_rp))
        b.columns("Total dibayar", format_rp(d.total_rp + d.rounding_rp), bold=True)
    if d.ppn_rp is not None and d.ppn_dpp_rp is not None:
        b.columns("DPP", format_number(d.ppn_dpp_rp))
        b.columns(f"PPN {d.ppn_percent}%", format_number(d.ppn_rp))
        if d.ppn_exempt_rp:
            b.columns("Bebas PPN", format_number(d.ppn_exempt_rp))
    elif d.ppn_rp is not None:
        b.columns("Termasuk PPN", format_number(d.ppn_rp))
    for payment in d.payments:
        label = PAYMENT_LABELS.get(payment.method, payment.method.replace("_", " ").capitalize())
        amount = payment.amount_rp
        if payment.method == "cash" and d.tendered_rp:
            amount = d.tendered_rp
        b.columns(label, format_number(amount))
        if payment.reference:
            b.text(f"  Ref: {payment.reference}")
    if d.change_rp or (d.tendered_rp and any(p.method == "cash" for p in d.payments)):
        b.columns("Kembali", format_number(d.change_rp), bold=True)


def _savings(b: DocumentBuilder, d: SaleReceiptData) -> None:
    if d.member_number and d.member_savings_rp > 0:
        b.separator()
        b.text(f"Hemat anggota: {format_rp(d.member_savings_rp)}", "center", bold=True)
    elif not d.member_number and d.non_member_potential_savings_rp > 0:
        b.separator()
        saving = format_rp(d.non_member_potential_savings_rp)
        b.text(f"Jadi anggota koperasi, hemat {saving} untuk belanja ini!", "center", bold=True)
        b.text("Daftar di kasir dengan KTP.", "center")


def build_sale_receipt(data: SaleReceiptData, width_chars: int) -> ReceiptDocument:
    """The sale receipt laid out for `width_chars` columns (32 on 58 mm, 48 on 80 mm)."""
    if width_chars < MIN_WIDTH:
        raise ValueError(f"receipt width {width_chars} is below {MIN_WIDTH} columns")
    b = DocumentBuilder()
    _header(b, data)
    _lines(b, data)
    _totals(b, data)
    _savings(b, data)
    b.separator()
    if data.status_note:
        b.text(data.status_note, "center", bold=True)
        b.add(Feed(1))
    b.add(Barcode(data.receipt_code))
    b.text(data.receipt_code, "center")
    if data.footer_lines:
        b.add(Feed(1))
        for footer in data.footer_lines:
            b.text(footer, "center")
    if data.is_copy:
        b.text("SALINAN", "center", bold=True)
    b.add(Feed(1))
    b.add(Cut())
    return b.build(kick_drawer=data.kick_drawer and not data.is_copy)


def copy_of(original: ReceiptDocument, status_lines: Sequence[str] = ()) -> ReceiptDocument:
    """A reprint: the original document unchanged between two SALINAN marks, never kicking the drawer.

    `status_lines` say what became of the sale since it was printed (cancelled; a QRIS payment confirmed
    with its reference). They sit after the original's last line and before the closing mark, so while
    the status has not changed the copy is the original's bytes plus the marks.
    """
    blocks = list(original.blocks)
    while blocks and isinstance(blocks[-1], Feed | Cut):
        blocks.pop()  # the original's end of slip: the copy ends with its own
    b = DocumentBuilder()
    b.separator("=")
    b.text("SALINAN", "center", bold=True, double_height=True, double_width=True)
    b.separator("=")
    for block in blocks:
        b.add(block)
    if status_lines:
        b.separator("=")
        for line in status_lines:
            b.text(line, "center", bold=True)
    b.text("SALINAN", "center", bold=True)
    b.add(Feed(1))
    b.add(Cut())
    return b.build(kick_drawer=False)


def sample_sale_receipt(
    *, is_copy: bool = False, member: bool = True, lines: Sequence[ReceiptLine] | None = None
) -> SaleReceiptData:
    """A realistic receipt for test prints, previews and tests."""
    if lines is None:
        price = "member" if member else "regular"
        beras = 62500 if member else 65000
        gula = 17500 if member else 18000
        lines = (
            ReceiptLine("Beras Premium SPHP 5 kg", 2000, "sak", beras, 2 * beras, 65000, price),
            ReceiptLine("Minyak Goreng Minyakita 1 L", 3000, "btl", 15700, 47100, 15700),
            ReceiptLine("Gula Curah", 1250, "kg", gula, line_total_rp(gula, 1250), 18000, price),
        )
    lines = tuple(lines)
    subtotal = sum(line.line_total_rp for line in lines)
    return SaleReceiptData(
        store_name="KOPERASI MERAH PUTIH KEL. DAMAI",
        store_address="Jl. Jend. Sudirman No. 12, Balikpapan",
        legal_entity_number="AHU-0012345.AH.01.29.2025",
        npwp=None,
        receipt_no="DAMAI-T1-260823-0042",
        receipt_code="260823000042",
        created_at_local=datetime(2026, 8, 23, 14, 5),
        cashier_name="Siti",
        terminal_code="T1",
        lines=lines,
        subtotal_rp=subtotal,
        discount_rp=0,
        total_rp=subtotal,
        payments=(ReceiptPayment("cash", subtotal),),
        tendered_rp=250000,
        change_rp=250000 - subtotal,
        member_number="KMP-000123" if member else None,
        member_name="Budi Santoso" if member else None,
        member_nik_masked="6471********0001" if member else None,
        member_savings_rp=5000 + 625 if member else 0,
        non_member_potential_savings_rp=0 if member else 5625,
        footer_lines=("Terima kasih", "Simpan struk ini sebagai bukti belanja"),
        is_copy=is_copy,
        kick_drawer=True,
    )
