"""The slip of a simpanan document: a deposit receipt, or a withdrawal slip the member signs."""

from __future__ import annotations

from kkmp_pos.core.money import format_rp
from kkmp_pos.core.personal import mask
from kkmp_pos.core.receipt_document import ReceiptDocument, build_text_document
from kkmp_pos.core.simpanan import month_words
from kkmp_pos.db.models import MemberModel, MemberPaymentModel
from kkmp_pos.services.context import Actor

_TITLES = {
    "deposit": "BUKTI SETORAN SIMPANAN",
    "withdrawal": "BUKTI PENARIKAN SIMPANAN",
    "reversal": "KOREKSI SIMPANAN",
    "opening": "SALDO AWAL SIMPANAN",
}
_METHODS = {"cash": "Tunai", "qris": "QRIS", "transfer": "Transfer", "": "-"}


def simpanan_slip(
    member: MemberModel,
    doc: MemberPaymentModel,
    cooperative_name: str,
    cashier: str,
    width: int,
    approver: Actor | None = None,
) -> ReceiptDocument:
    rows: list[str | tuple[str, str]] = [
        ("No.", doc.receipt_no),
        ("Anggota", member.number),
        ("Nama", member.name),
        ("NIK", mask(member.nik, member.nik_last4) or "-"),
        "---",
        (f"Simpanan {doc.kind}", format_rp(doc.amount_rp)),
    ]
    months = [m for m in doc.months.split(",") if m]
    if months:
        rows.append(("Bulan", ", ".join(month_words(m) for m in months)))
    if doc.rounding_rp:
        rows.append(("Pembulatan", format_rp(doc.rounding_rp)))
    if doc.method == "cash":
        rows.append(("Tunai", format_rp(doc.amount_rp + doc.rounding_rp)))
    rows += [
        ("Dibayar", _METHODS.get(doc.method, doc.method)),
        (f"Saldo {doc.kind}", format_rp(doc.balance_after_rp)),
        ("Kasir", cashier),
    ]
    if approver is not None:
        rows.append(("Disetujui", approver.name))
    if doc.doc_type == "withdrawal":
        rows += ["", "", "Tanda tangan anggota:", "", "", "(" + member.name + ")"]
    return build_text_document(_TITLES[doc.doc_type], rows, width, header=(cooperative_name,))
