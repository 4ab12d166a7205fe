"""Receipts from committed sales: finding a sale by number or code, and its receipt document."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from kkmp_pos.core.errors import NotFoundError
from kkmp_pos.core.personal import mask
from kkmp_pos.core.receipt import (
    WIDTH_58MM,
    ReceiptDocument,
    ReceiptLine,
    ReceiptPayment,
    SaleReceiptData,
    Text,
    build_sale_receipt,
    copy_of,
    width_for_paper,
)
from kkmp_pos.core.timeutil import from_iso, local
from kkmp_pos.db.models import (
    MemberModel,
    PaymentConfirmationModel,
    PaymentModel,
    PrintJobModel,
    SaleCancellationModel,
    SaleLineModel,
    SaleModel,
    UserModel,
)
from kkmp_pos.services.context import ServiceContext

STATUS_NOTES = {
    "awaiting_payment": "MENUNGGU PEMBAYARAN QRIS",
    "cancelled": "DIBATALKAN",
}


@dataclass(frozen=True)
class SaleHeader:
    """A committed sale as lists and dialogs show it (plain values, not the database row)."""

    id: str
    receipt_no: str
    receipt_code: str
    status: str  # completed | awaiting_payment | cancelled
    total_rp: int
    created_at: str
    business_date: str


def _header(sale: SaleModel) -> SaleHeader:
    return SaleHeader(
        id=sale.id,
        receipt_no=sale.receipt_no,
        receipt_code=sale.receipt_code,
        status=sale.status,
        total_rp=sale.total_rp,
        created_at=sale.created_at,
        business_date=sale.business_date,
    )


class ReceiptService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def find(self, number_or_code: str) -> SaleHeader:
        """A sale by its receipt number (any case) or its 12-digit receipt code (scanned)."""
        text = number_or_code.strip()
        sale = SaleModel.get_or_none(SaleModel.receipt_code == text) or SaleModel.get_or_none(
            SaleModel.receipt_no == text.upper()
        )
        if sale is None:
            raise NotFoundError("receipt_not_found", number=text)
        return _header(sale)

    def last(self) -> SaleHeader:
        sale = SaleModel.select().order_by(SaleModel.created_at.desc(), SaleModel.id.desc()).first()
        if sale is None:
            raise NotFoundError("no_sales_yet")
        return _header(sale)

    def today(self, limit: int = 200) -> list[SaleHeader]:
        bdate = self.ctx.business_date()
        rows = (
            SaleModel.select()
            .where(SaleModel.business_date == bdate)
            .order_by(SaleModel.created_at.desc())
            .limit(limit)
        )
        return [_header(sale) for sale in rows]

    def data(self, sale_id: str, *, is_copy: bool = False) -> SaleReceiptData:
        """The plain values a receipt shows, read back from the committed sale."""
        sale = SaleModel.get_by_id(sale_id)
        cashier = UserModel.get_by_id(sale.cashier_id)
        lines = list(
            SaleLineModel.select().where(SaleLineModel.sale == sale_id).order_by(SaleLineModel.line_no)
        )
        payments = list(PaymentModel.select().where(PaymentModel.sale == sale_id))
        confirmed = {
            c.payment_id: c.reference
            for c in PaymentConfirmationModel.select().where(PaymentConfirmationModel.sale == sale_id)
        }
        return self.compose(sale, cashier.name, lines, payments, confirmed, is_copy=is_copy)

    def compose(
        self,
        sale: SaleModel,
        cashier_name: str,
        lines: list[SaleLineModel],
        payments: list[PaymentModel],
        confirmed: dict[str, str],
        *,
        is_copy: bool = False,
    ) -> SaleReceiptData:
        """The receipt's values from the sale's rows in hand (checkout passes the rows it has just
        written, in line order, rather than reading them back)."""
        store = self.ctx.store
        member = MemberModel.get_or_none(MemberModel.id == sale.member_id) if sale.member_id else None
        cash = [p for p in payments if p.method == "cash"]
        potential = 0
        receipt_lines = []
        for line in lines:
            gross = line.line_total_rp + line.discount_rp
            receipt_lines.append(
                ReceiptLine(
                    name=line.name,
                    qty_milli=line.qty_milli,
                    unit_label=line.unit_label,
                    unit_price_rp=line.unit_price_rp,
                    line_total_rp=gross,
                    regular_price_rp=line.regular_price_rp,
                    price_type="member" if line.price_type == "member" else "regular",
                    discount_rp=line.discount_rp,
                )
            )
        if member is None:
            potential = self._potential_savings(sale.id)
        ppn = self._ppn(sale, lines)
        return SaleReceiptData(
            store_name=store.cooperative_name,
            store_address=f"{store.name}\n{store.address}".strip(),
            legal_entity_number=store.legal_number,
            npwp=store.npwp or None,
            receipt_no=sale.receipt_no,
            receipt_code=sale.receipt_code,
            created_at_local=local(from_iso(sale.created_at), store.timezone).replace(tzinfo=None),
            cashier_name=cashier_name,
            terminal_code=self.ctx.terminal_number_code[1],
            lines=tuple(receipt_lines),
            subtotal_rp=sale.subtotal_rp,
            discount_rp=sale.discount_rp,
            total_rp=sale.total_rp,
            payments=tuple(
                ReceiptPayment(p.method, p.amount_rp, p.reference or confirmed.get(p.id) or None)
                for p in payments
            ),
            rounding_rp=sale.rounding_rp,
            tendered_rp=sum(p.tendered_rp for p in cash),
            change_rp=sale.change_rp,
            member_number=member.number if member else None,
            member_name=member.name if member else None,
            member_nik_masked=(mask(member.nik, member.nik_last4) or None) if member else None,
            buyer_nik_masked=mask(sale.buyer_nik, sale.buyer_nik_last4) or None,
            member_savings_rp=sale.member_savings_rp,
            non_member_potential_savings_rp=potential,
            ppn_rp=ppn[1] if ppn else None,
            ppn_dpp_rp=ppn[0] if ppn else None,
            ppn_percent=ppn[2] if ppn else 11,
            ppn_exempt_rp=ppn[3] if ppn else 0,
            header_lines=tuple(self.ctx.settings.receipt_header),
            footer_lines=tuple(self.ctx.settings.receipt_footer),
            is_copy=is_copy,
            status_note=STATUS_NOTES.get(sale.status),
            kick_drawer=bool(cash) and self.ctx.settings.printer_kick_drawer,
        )

    def _ppn(self, sale: SaleModel, lines: list[SaleLineModel]) -> tuple[int, int, int, int] | None:
        """(DPP, PPN, percent, exempt rupiah) of a sale made while the store was VAT-registered, else None.

        Taxable: the line totals after discounts of products not exempt from PPN (core/tax.py). The VAT
        status and rate are the sale's own, kept at commit.
        """
        if not sale.vat_registered:
            return None
        from kkmp_pos.core.tax import dpp_and_ppn

        percent = sale.ppn_percent
        exempt = sum(line.line_total_rp for line in lines if line.ppn_exempt)
        taxable = sum(line.line_total_rp for line in lines if not line.ppn_exempt)
        dpp, ppn = dpp_and_ppn(taxable, percent)
        return dpp, ppn, percent, exempt

    def _potential_savings(self, sale_id: str) -> int:
        """What a non-member would have saved at the member prices in force (the invitation to join)."""
        from kkmp_pos.core.money import line_total_rp

        total = 0
        for unit_price, qty, member_price in self.ctx.db.execute_sql(
            'SELECT l."unit_price_rp", l."qty_milli", COALESCE(u."member_price_rp", '
            'CASE WHEN l."unit_id" IS NULL THEN p."member_price_rp" END) FROM "sale_line" l '
            'JOIN "product" p ON p."id" = l."product_id" '
            'LEFT JOIN "product_unit" u ON u."id" = l."unit_id" WHERE l."sale_id" = ?',
            (sale_id,),
        ):
            if member_price is not None and member_price < unit_price:
                total += line_total_rp(unit_price - member_price, qty)
        return total

    def render_original(self, sale_id: str) -> ReceiptDocument:
        """The receipt as it reads at this moment, built from the sale and today's store and settings.

        Called once, inside the sale's own transaction: what it returns is stored on the sale and is
        what every later print of that sale shows.
        """
        # The document does not depend on the paper: blocks are laid out when printed.
        return build_sale_receipt(self.data(sale_id), WIDTH_58MM)

    def store_new_original(
        self, sale: SaleModel, cashier_name: str, lines: list[SaleLineModel], payments: list[PaymentModel]
    ) -> None:
        """`store_original` for a sale being committed now, from the rows checkout has in hand (nothing
        read back; a new sale has no print job yet, so nothing was printed)."""
        data = self.compose(sale, cashier_name, lines, payments, {})
        document = build_sale_receipt(data, WIDTH_58MM).to_json()
        SaleModel.update(receipt_document=document).where(SaleModel.id == sale.id).execute()

    def store_original(self, sale_id: str) -> None:
        """Keep the receipt as it reads now on the sale (inside the transaction that commits or moves it).

        Once an original has been printed the stored receipt never changes again; until then (a QRIS
        sale prints only when its payment arrives or is abandoned) it follows the sale's outcome, so
        the first print shows the RRN or the cancellation.
        """
        if self.original_printed(sale_id):
            return
        document = self.render_original(sale_id).to_json()
        SaleModel.update(receipt_document=document).where(SaleModel.id == sale_id).execute()

    def document(
        self, sale_id: str, *, is_copy: bool = False, paper_mm: int | None = None
    ) -> ReceiptDocument:
        """The original receipt as stored at commit, or a copy of it (SALINAN, with what became of the
        sale since, never kicking the drawer).

        A sale committed before the receipt was stored (schema step 8) is drawn from today's store,
        settings and catalog, with its current status, as it always was.
        """
        width_for_paper(paper_mm or self.ctx.settings.printer_paper_mm)  # refuses an unknown paper
        sale = SaleModel.get_by_id(sale_id)
        if sale.receipt_document:
            original = ReceiptDocument.from_json(sale.receipt_document)
            return copy_of(original, self.status_since_print(sale, original)) if is_copy else original
        original = self.render_original(sale_id)
        return copy_of(original) if is_copy else original

    def status_since_print(self, sale: SaleModel, original: ReceiptDocument) -> list[str]:
        """What a copy adds under the original: a cancellation, or a QRIS payment confirmed with its
        reference (RRN), that the original does not show. Nothing while the sale is as it was printed
        (an original printed after its QRIS outcome already shows it)."""
        shown = "\n".join(block.text for block in original.blocks if isinstance(block, Text))
        cancellation = SaleCancellationModel.get_or_none(SaleCancellationModel.sale == sale.id)
        if cancellation is not None:
            if STATUS_NOTES["cancelled"] in shown:
                return []
            when = local(from_iso(cancellation.created_at), self.ctx.store.timezone)
            return [f"{STATUS_NOTES['cancelled']} {when.strftime('%d-%m-%Y %H:%M')}"]
        lines = []
        for confirmation in (
            PaymentConfirmationModel.select()
            .where(PaymentConfirmationModel.sale == sale.id)
            .order_by(PaymentConfirmationModel.created_at)
        ):
            if f"Ref: {confirmation.reference}" not in shown:
                lines += ["QRIS DITERIMA", f"Ref: {confirmation.reference}"]
        return lines

    def original_printed(self, sale_id: str) -> bool:
        """Whether an original receipt of the sale was printed. Its few print jobs are found by the sale
        (the doc_id index) and their status compared here: asked for `status = 'sent'`, SQLite took the
        status index and walked every receipt ever printed (~40 ms a sale in a shop of 200,000 sales)."""
        jobs = self._originals(sale_id).select(PrintJobModel.status).tuples()
        return any(status == "sent" for (status,) in jobs)

    @staticmethod
    def _originals(sale_id: str) -> pw.ModelSelect:
        return PrintJobModel.select().where(
            (PrintJobModel.kind == "receipt")
            & (PrintJobModel.doc_id == sale_id)
            & (PrintJobModel.is_copy == False)  # noqa: E712
        )
