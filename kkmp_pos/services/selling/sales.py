"""Selling: turning a cart and its payments into a committed, immutable sale with everything it implies.

One transaction writes the sale, its lines and payments, the stock movements (with on-hand caches), the
outbox event and the pending print job. Printing happens after the commit, elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.events import MemberRef, Person, SaleCompleted, SaleLine, SalePayment, StockMovement
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.limits import Violation
from kkmp_pos.core.money import format_rp, round_cash
from kkmp_pos.core.payments import PaymentInput, PaymentMethod, Settlement, settle
from kkmp_pos.core.sale_status import SaleStatus, status_at_commit
from kkmp_pos.db.ledger import Movement, allocate_fefo, record_movement
from kkmp_pos.db.models import (
    PaymentModel,
    PrintJobModel,
    SaleLineModel,
    SaleModel,
)
from kkmp_pos.db.outbox import append_event
from kkmp_pos.db.rows import insert_row, insert_rows
from kkmp_pos.db.sqlite_errors import storage_errors
from kkmp_pos.services.books.posting import post_sale
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.selling.limits import LimitService
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.setup.clock import ClockGuard
from kkmp_pos.services.shifts.guard import booking_shift
from kkmp_pos.services.stock.figures import check_cart_sellable

log = logging.getLogger(__name__)


@dataclass
class SaleResult:
    sale_id: str
    receipt_no: str
    receipt_code: str
    status: SaleStatus
    total_rp: int
    change_rp: int
    print_job_id: int
    event_seq: int
    movements: list[Movement] = field(default_factory=list)
    # purchase caps the cashier went past (warn-only) or a manager overrode; audited
    limit_violations: list[Violation] = field(default_factory=list)


def open_shift_id() -> str | None:
    """The drawer's open shift on this till (None if none is open). To read only: a document books
    its shift with `services.shifts.guard.booking_shift`, inside its own write transaction."""
    from kkmp_pos.services.shifts.guard import open_shift_row

    row = open_shift_row()
    return str(row.id) if row else None


class SaleService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.clock_guard = ClockGuard(ctx)  # a clock behind the newest document stops selling
        # Called after each commit with the result (e.g. the sync worker's debounced push). A listener
        # that fails is logged and never affects the committed sale.
        self.after_commit: list[Callable[[SaleResult], None]] = []

    def cash_rounding_step(self) -> int:
        return self.ctx.settings.cash_rounding_rp

    def preview_settlement(self, cart: Cart, payments: list[PaymentInput]) -> Settlement:
        return settle(cart.totals().total_rp, payments, self.cash_rounding_step())

    def cash_due(self, cart: Cart) -> int:
        return round_cash(cart.totals().total_rp, self.cash_rounding_step())

    def _next_numbers(self, business_date: str) -> tuple[str, str]:
        """Receipt number for people and 12-digit receipt code for the barcode, per terminal and day."""
        number, code = self.ctx.terminal_number_code
        ymd = business_date[2:4] + business_date[5:7] + business_date[8:10]
        prefix = f"{number:02d}{ymd}"
        last = self.ctx.db.execute_sql(
            'SELECT "receipt_code" FROM "sale" WHERE "receipt_code" BETWEEN ? AND ? '
            'ORDER BY "receipt_code" DESC LIMIT 1',
            (prefix + "0000", prefix + "9999"),
        ).fetchone()
        seq = int(last[0][-4:]) + 1 if last else 1
        if seq > 9999:
            raise ValidationError("too_many_sales_today")
        receipt_no = f"{self.ctx.store.code}-{code}-{ymd}-{seq:04d}"
        return receipt_no, f"{prefix}{seq:04d}"

    def checkout(
        self,
        cart: Cart,
        payments: list[PaymentInput],
        cashier: Actor,
        *,
        shift_id: str | None = None,
        buyer_nik: str | None = None,
        limit_approver: Actor | None = None,
    ) -> SaleResult:
        """Commit the sale. Nothing is written if anything is wrong; everything is if it commits.

        Regulated goods (services/selling/limits.py): a line that needs the buyer's NIK (LPG 3 kg) takes the
        member's NIK or `buyer_nik`; a blocked purchase cap needs `limit_approver` (a manager).
        """
        require(cashier, "sell")
        self.clock_guard.require_trusted()
        cart.require_lines()
        totals = cart.totals()
        settlement = settle(totals.total_rp, payments, self.cash_rounding_step())
        status = status_at_commit(settlement.pending)
        sale_id = uuid7()
        with storage_errors(self.ctx.db.database), self.ctx.db.atomic():
            now_iso = self.ctx.now_iso()
            bdate = self.ctx.business_date()
            shift_id = booking_shift(self.ctx, [p.method for p in payments], shift_id)
            receipt_no, receipt_code = self._next_numbers(bdate)
            self._check_still_sellable(cart)
            # the buyer's NIK and the purchase caps, counted inside this transaction with the sale itself
            limits = LimitService(self.ctx)
            regulated = limits.enforce(cart, buyer_nik, cashier, limit_approver)
            keep = regulated.nik_required or bool(buyer_nik)  # full NIK: the logbook's retention only
            buyer = regulated.buyer if keep else (None, None, "")
            sale = SaleModel(
                id=sale_id,
                receipt_no=receipt_no,
                receipt_code=receipt_code,
                terminal=self.ctx.terminal_id,
                cashier=cashier.user_id,
                shift=shift_id,
                member=cart.member.id if cart.member else None,
                status=status,
                subtotal_rp=totals.subtotal_rp,
                discount_rp=totals.discount_rp,
                total_rp=totals.total_rp,
                rounding_rp=settlement.rounding_rp,
                paid_rp=settlement.non_cash_rp + settlement.tendered_rp,
                change_rp=settlement.change_rp,
                member_savings_rp=totals.member_savings_rp,
                created_at=now_iso,
                business_date=bdate,
                buyer_nik=buyer[0],
                buyer_nik_hmac=buyer[1],
                buyer_nik_last4=buyer[2],
                vat_registered=bool(self.ctx.store.vat_registered),
                ppn_percent=self.ctx.settings.tax_ppn_percent,
            )
            insert_rows(SaleModel, [sale.__data__])
            limits.record(sale_id, regulated, cashier, limit_approver)
            line_rows: list[dict[str, Any]] = []
            movements: list[Movement] = []
            costs, categories = self._average_costs(cart)
            line_costs: list[int] = []  # each line's cost of goods: its movements' value, for the journal
            for no, line in enumerate(cart.lines, start=1):
                line_rows.append(
                    {
                        "sale": sale_id,
                        "line_no": no,
                        "product": line.item.product_id,
                        "unit": line.item.unit_id,
                        "name": line.item.name,
                        "unit_label": line.item.unit_label,
                        "qty_milli": line.qty_milli,
                        "base_qty_milli": line.base_qty_milli,
                        "unit_price_rp": line.unit_price_rp,
                        "regular_price_rp": line.item.regular_price_rp,
                        "price_type": str(line.price_type),
                        "discount_rp": line.discount_rp,
                        "line_total_rp": line.total_rp,
                        "prescription_ref": line.prescription_ref,
                        "ppn_exempt": line.item.ppn_exempt,
                        "product_code": line.item.code,
                        "business_unit": line.item.business_unit,
                        "category": categories[line.item.product_id],
                    }
                )
                first_movement = len(movements)
                parts = (
                    allocate_fefo(line.item.product_id, line.base_qty_milli, bdate)
                    if line.item.track_batches
                    else [(None, line.base_qty_milli)]
                )
                for batch_id, qty in parts:
                    movements.append(
                        record_movement(
                            self.ctx,
                            product_id=line.item.product_id,
                            qty_milli=-qty,
                            kind="sale",
                            doc_id=sale_id,
                            batch_id=batch_id,
                            unit_cost_rp=costs[line.item.product_id],
                            created_at=now_iso,
                            business_date=bdate,
                        )
                    )
                line_costs.append(sum(m.cost_rp for m in movements[first_movement:]))
            insert_rows(SaleLineModel, line_rows)
            from kkmp_pos.services.selling import popularity

            sold: dict[int, int] = {}
            for row in line_rows:
                sold[row["product"]] = sold.get(row["product"], 0) + row["base_qty_milli"]  # type: ignore[index, operator]
            popularity.bump(self.ctx, sold, bdate)
            payment_rows = self._payment_rows(sale_id, payments, settlement, now_iso)
            insert_rows(PaymentModel, payment_rows)
            post_sale(
                sale_id=sale_id,
                receipt_no=receipt_no,
                member=cart.member is not None,
                total_rp=totals.total_rp,
                rounding_rp=settlement.rounding_rp,
                vat_registered=sale.vat_registered,
                ppn_percent=sale.ppn_percent,
                line_rows=line_rows,
                line_costs=line_costs,
                payment_rows=payment_rows,
                business_date=bdate,
                created_at=now_iso,
            )
            from kkmp_pos.services.selling.receipts import ReceiptService

            ReceiptService(self.ctx).store_new_original(
                sale,
                cashier.name,
                [SaleLineModel(**row) for row in line_rows],
                [PaymentModel(**row) for row in payment_rows],
            )
            sale_event = self._event(
                sale_id,
                receipt_no,
                cashier,
                cart,
                status,
                settlement,
                line_rows,
                payment_rows,
                movements,
                now_iso,
                buyer,
            )
            event = append_event(
                sale_event.TYPE,
                sale_event.to_payload(),
                occurred_at=now_iso,
                business_date=bdate,
                schema_version=sale_event.schema_version,
            )
            job_id = insert_row(
                PrintJobModel,
                {
                    "kind": "receipt",
                    "doc_id": sale_id,
                    "document": "{}",
                    "printer_uri": self.ctx.settings.printer_uri,
                    "created_at": now_iso,
                },
            )
        log.info("sale %s committed (%s, %s)", receipt_no, status, format_rp(totals.total_rp))
        self.clock_guard.noted(now_iso)
        result = SaleResult(
            sale_id=sale_id,
            receipt_no=receipt_no,
            receipt_code=receipt_code,
            status=status,
            total_rp=totals.total_rp,
            change_rp=settlement.change_rp,
            print_job_id=job_id,
            event_seq=event.seq,
            movements=movements,
            limit_violations=list(regulated.violations),
        )
        for listener in self.after_commit:
            try:
                listener(result)
            except Exception:
                log.exception("after-commit listener failed for sale %s", receipt_no)
        return result

    def _check_still_sellable(self, cart: Cart) -> None:
        """A product deactivated since it was scanned (or on a held cart) is refused by name."""
        ids = sorted({line.item.product_id for line in cart.lines})
        marks = ", ".join("?" for _ in ids)
        for (name,) in self.ctx.db.execute_sql(
            f'SELECT "name" FROM "product" WHERE "id" IN ({marks}) AND NOT "active"', ids
        ):
            raise ValidationError("product_inactive", name=name)
        # obat keras needs an apotek and a prescription; expired batches are refused.
        check_cart_sellable(self.ctx, cart)

    def _average_costs(self, cart: Cart) -> tuple[dict[int, int], dict[int, str]]:
        """Each product's moving-average cost per base unit as it stands at this commit (read inside
        the sale's transaction): the sale's movements keep it, so its cost of goods can be rebuilt
        after later receipts move the average. Also its category's name, which the line keeps."""
        ids = sorted({line.item.product_id for line in cart.lines})
        marks = ", ".join("?" for _ in ids)
        query = self.ctx.db.execute_sql(
            'SELECT p."id", p."cost_rp", c."name" FROM "product" p '
            f'LEFT JOIN "category" c ON c."id" = p."category_id" WHERE p."id" IN ({marks})',
            ids,
        )
        costs, categories = {}, {}
        for pid, cost, category in query:
            costs[pid], categories[pid] = cost, category or ""
        return costs, categories

    @staticmethod
    def _payment_rows(
        sale_id: str, payments: list[PaymentInput], settlement: Settlement, now_iso: str
    ) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        cash_assigned = False
        for p in payments:
            if p.method is PaymentMethod.CASH:
                if cash_assigned:
                    continue  # several cash entries fold into one
                cash_assigned = True
                rows.append(
                    {
                        "id": uuid7(),
                        "sale": sale_id,
                        "method": "cash",
                        "amount_rp": settlement.cash_due_rp,
                        "tendered_rp": settlement.tendered_rp,
                        "change_rp": settlement.change_rp,
                        "reference": "",
                        "status": "confirmed",
                        "created_at": now_iso,
                    }
                )
            else:
                rows.append(
                    {
                        "id": uuid7(),
                        "sale": sale_id,
                        "method": str(p.method),
                        "amount_rp": p.amount_rp,
                        "tendered_rp": 0,
                        "change_rp": 0,
                        "reference": p.reference.strip(),
                        "status": "pending" if p.method is PaymentMethod.QRIS else "confirmed",
                        "created_at": now_iso,
                    }
                )
        return rows

    def _event(
        self,
        sale_id: str,
        receipt_no: str,
        cashier: Actor,
        cart: Cart,
        status: SaleStatus,
        settlement: Settlement,
        line_rows: list[dict[str, Any]],
        payment_rows: list[dict[str, Any]],
        movements: list[Movement],
        now_iso: str,
        buyer: tuple[str | None, str | None, str],
    ) -> SaleCompleted:
        """The sale as the outbox carries it: with the PPN facts (exemption per line, the store's VAT
        status and rate) and each movement's stored cost, so the server can rebuild the till's reports."""
        totals = cart.totals()
        codes = {line.item.product_id: line.item.code for line in cart.lines}
        return SaleCompleted(
            sale_id=sale_id,
            receipt_no=receipt_no,
            cashier=Person(cashier.user_id, cashier.name),
            member=MemberRef(cart.member.id, cart.member.number) if cart.member else None,
            status=str(status),
            created_at=now_iso,
            subtotal_rp=totals.subtotal_rp,
            discount_rp=totals.discount_rp,
            total_rp=totals.total_rp,
            rounding_rp=settlement.rounding_rp,
            change_rp=settlement.change_rp,
            member_savings_rp=totals.member_savings_rp,
            lines=tuple(
                SaleLine(
                    line_no=r["line_no"],
                    product_id=r["product"],
                    product_code=codes[r["product"]],
                    unit_id=r["unit"],
                    name=r["name"],
                    unit_label=r["unit_label"],
                    qty_milli=r["qty_milli"],
                    base_qty_milli=r["base_qty_milli"],
                    unit_price_rp=r["unit_price_rp"],
                    regular_price_rp=r["regular_price_rp"],
                    price_type=r["price_type"],
                    discount_rp=r["discount_rp"],
                    line_total_rp=r["line_total_rp"],
                    prescription_ref=r["prescription_ref"],
                    ppn_exempt=bool(r["ppn_exempt"]),
                )
                for r in line_rows
            ),
            payments=tuple(
                SalePayment(
                    id=r["id"],
                    method=r["method"],
                    amount_rp=r["amount_rp"],
                    tendered_rp=r["tendered_rp"],
                    change_rp=r["change_rp"],
                    reference=r["reference"],
                    status=r["status"],
                )
                for r in payment_rows
            ),
            movements=tuple(StockMovement.of(m) for m in movements),
            buyer_nik_hmac=buyer[1],  # regulated goods: keyed hash + last 4, never the full NIK
            buyer_nik_last4=buyer[2],
            vat_registered=bool(self.ctx.store.vat_registered),
            ppn_percent=self.ctx.settings.tax_ppn_percent,
        )
