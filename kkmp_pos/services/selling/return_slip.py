"""A saved return read back for people: its summary on screen and its slip for the printer."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.core.receipt import PAYMENT_LABELS, ReceiptDocument, build_text_document, width_for_paper
from kkmp_pos.core.timeutil import from_iso, local
from kkmp_pos.db.models import SaleLineModel, SaleReturnLineModel, SaleReturnModel, UserModel
from kkmp_pos.services.context import ServiceContext


@dataclass(frozen=True)
class ReturnedLine:
    name: str
    qty_milli: int
    unit_label: str
    refund_rp: int


@dataclass(frozen=True)
class ReturnSummary:
    return_id: str
    return_no: str
    receipt_no: str
    created_local: str  # 'DD-MM-YYYY HH:MM' in the store's zone
    lines: tuple[ReturnedLine, ...]
    refund_rp: int
    refund_method: str
    reason: str
    cashier_name: str
    approver_name: str
    rounding_rp: int = 0  # cash rounding of the refund; `refund_rp` is what was paid back, rounded


def return_summary(ctx: ServiceContext, return_id: str) -> ReturnSummary:
    ret = SaleReturnModel.get_by_id(return_id)
    lines = (
        SaleReturnLineModel.select(SaleReturnLineModel, SaleLineModel)
        .join(SaleLineModel)
        .where(SaleReturnLineModel.sale_return == return_id)
        .order_by(SaleLineModel.line_no)
    )
    return ReturnSummary(
        return_id=ret.id,
        return_no=ret.return_no,
        receipt_no=ret.sale.receipt_no,
        created_local=local(from_iso(ret.created_at), ctx.store.timezone).strftime("%d-%m-%Y %H:%M"),
        lines=tuple(
            ReturnedLine(r.sale_line.name, r.qty_milli, r.sale_line.unit_label, r.refund_rp) for r in lines
        ),
        refund_rp=ret.refund_rp + ret.rounding_rp,
        rounding_rp=ret.rounding_rp,
        refund_method=ret.refund_method,
        reason=ret.reason,
        cashier_name=UserModel.get_by_id(ret.user_id).name,
        approver_name=UserModel.get_by_id(ret.approved_by_id).name,
    )


def return_slip(ctx: ServiceContext, return_id: str) -> ReceiptDocument:
    """The slip for one return document (queue it with `PrintService.queue_document`)."""
    s = return_summary(ctx, return_id)
    rows: list[str | tuple[str, str]] = [
        ("No.", s.return_no),
        ("Struk asal", s.receipt_no),
        ("Waktu", s.created_local),
        "---",
    ]
    for line in s.lines:
        rows.append(line.name)
        rows.append((f"  {format_qty(line.qty_milli, line.unit_label)}", format_rp(line.refund_rp)))
    rows.append("---")
    if s.rounding_rp:
        rows.append(("Pembulatan", format_rp(s.rounding_rp)))
    rows += [
        ("UANG KEMBALI", format_rp(s.refund_rp)),
        ("Dengan", PAYMENT_LABELS.get(s.refund_method, s.refund_method)),
        ("Alasan", s.reason or "-"),
        ("Kasir", s.cashier_name),
        ("Disetujui", s.approver_name),
    ]
    store = ctx.store
    width = width_for_paper(ctx.settings.printer_paper_mm)
    return build_text_document(
        "NOTA RETUR", rows, width, header=(store.cooperative_name, store.name), footer=("Simpan nota ini.",)
    )
