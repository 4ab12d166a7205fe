"""Report slips: the thermal documents of the shift X/Z and period reports.

Their rows and titles are in `core.report_rows` (the PDFs print the same); the figures come from
kkmp_pos.services.reports.service.
"""

from __future__ import annotations

from kkmp_pos.core.receipt import ReceiptDocument, build_text_document, width_for_paper
from kkmp_pos.core.report_rows import (
    local_text,
    period_rows,
    period_title,
    shift_report_rows,
    shift_report_title,
)
from kkmp_pos.core.reports import PeriodReport, ShiftReport
from kkmp_pos.services.context import ServiceContext


def shift_report_document(
    ctx: ServiceContext, r: ShiftReport, paper_mm: int | None = None
) -> ReceiptDocument:
    width = width_for_paper(paper_mm or ctx.settings.printer_paper_mm)
    store = ctx.store
    return build_text_document(
        shift_report_title(r),
        shift_report_rows(r, ctx.store.timezone),
        width,
        header=(store.cooperative_name, store.name),
        footer=(f"Shift {r.shift_id[-8:]}",),
    )


def period_document(ctx: ServiceContext, r: PeriodReport, paper_mm: int | None = None) -> ReceiptDocument:
    width = width_for_paper(paper_mm or ctx.settings.printer_paper_mm)
    return build_text_document(
        period_title(r),
        period_rows(r),
        width,
        header=(r.cooperative_name, r.store_name),
        footer=(f"Dicetak {local_text(ctx.store.timezone, r.generated_at)}",),
    )
