"""Goods receipts (penerimaan barang): lines by scan, GS1 DataMatrix or search; posting adds stock,
updates the moving average cost and queues 'stock.received'. A posted receipt is corrected only by a
reversing document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from kkmp_pos.core.errors import NotFoundError, StateError, ValidationError
from kkmp_pos.core.events import ReceivedLine, StockMovement, StockReceived
from kkmp_pos.core.gs1 import looks_like_gs1, parse_gs1
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import MILLI, line_total_rp, round_half_up
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.core.stock import moving_average_cost
from kkmp_pos.db.ledger import Movement, record_movement
from kkmp_pos.db.models import (
    BarcodeModel,
    BatchModel,
    GoodsReceiptLineModel,
    GoodsReceiptModel,
    ProductModel,
    SupplierModel,
)
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.books.posting import post_goods_receipt
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.selling.catalog import CatalogService
from kkmp_pos.services.setup.auth import require


@dataclass
class ReceiptLine:
    """One line of a receipt being typed: quantity and cost in the unit it arrived in."""

    product_id: int
    name: str
    unit_label: str
    factor_milli: int  # base milli-units in one of this unit
    qty_milli: int  # in that unit
    unit_cost_rp: int  # per that unit
    track_batches: bool = False
    batch_no: str = ""
    expiry: str | None = None  # 'YYYY-MM-DD'

    @property
    def base_qty_milli(self) -> int:
        return self.qty_milli * self.factor_milli // MILLI

    @property
    def total_rp(self) -> int:
        return line_total_rp(self.unit_cost_rp, self.qty_milli)

    @property
    def base_cost_rp(self) -> int:
        """Cost per base unit (a dus of 40 at Rp120.000 → Rp3.000 a piece)."""
        if self.factor_milli <= 0:
            return 0
        return round_half_up(Fraction(self.unit_cost_rp * MILLI, self.factor_milli))


@dataclass
class ReceiptDraft:
    """A receipt on screen, not yet posted: nothing is in the database until `post`."""

    supplier_id: int | None = None
    invoice_no: str = ""
    invoice_date: str | None = None
    note: str = ""
    lines: list[ReceiptLine] = field(default_factory=list)

    @property
    def total_rp(self) -> int:
        return sum(line.total_rp for line in self.lines)

    def add(self, line: ReceiptLine) -> ReceiptLine:
        """Add a line; the same product, unit and batch scanned again adds to the quantity."""
        for existing in self.lines:
            same = (existing.product_id, existing.unit_label, existing.batch_no)
            if same == (line.product_id, line.unit_label, line.batch_no):
                existing.qty_milli += line.qty_milli
                return existing
        self.lines.append(line)
        return line


def check_date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValidationError("date_invalid", text=text) from None


@dataclass(frozen=True)
class PostedReceipt:
    """A posted goods receipt or its reversal, as the screens show it (plain values, not the row)."""

    id: str
    number: str
    kind: str  # receipt | reversal
    reverses_id: str | None
    supplier_id: int | None
    invoice_no: str
    total_rp: int
    business_date: str


def _posted(row: GoodsReceiptModel) -> PostedReceipt:
    return PostedReceipt(
        id=row.id,
        number=row.number,
        kind=row.kind,
        reverses_id=row.reverses_id,
        supplier_id=row.supplier_id,
        invoice_no=row.invoice_no,
        total_rp=row.total_rp,
        business_date=row.business_date,
    )


class ReceivingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- building lines -----------------------------------------------------------------------------
    def line_for_item(self, item: PricedItem) -> ReceiptLine:
        """A line of one unit of a searched or scanned item, at the current average cost."""
        product = ProductModel.get_by_id(item.product_id)
        return ReceiptLine(
            product_id=product.id,
            name=product.name,
            unit_label=item.unit_label,
            factor_milli=item.factor_milli,
            qty_milli=MILLI,
            unit_cost_rp=round_half_up(Fraction(product.cost_rp * item.factor_milli, MILLI)),
            track_batches=product.track_batches,
        )

    def line_for_scan(self, code: str) -> ReceiptLine:
        """A scanned barcode, or a GS1 DataMatrix string whose batch and expiry fill the line."""
        if looks_like_gs1(code):
            data = parse_gs1(code, today=date.fromisoformat(self.ctx.business_date()))
            candidates = [data.gtin, data.gtin.lstrip("0")]
            if data.gtin13:
                candidates.insert(0, data.gtin13)
            row = BarcodeModel.select().where(BarcodeModel.code.in_(candidates)).first()
            if row is None:
                raise NotFoundError("barcode_unknown", code=data.gtin)
            item = CatalogService(self.ctx).item(row.product_id, row.unit_id)
            line = self.line_for_item(item)
            line.batch_no = data.batch or ""
            line.expiry = data.expiry.isoformat() if data.expiry else None
            return line
        return self.line_for_item(CatalogService(self.ctx).lookup_barcode(code))

    # -- posting ----------------------------------------------------------------------------------
    def validate(self, draft: ReceiptDraft) -> None:
        if not draft.lines:
            raise ValidationError("receipt_no_lines")
        check_date(draft.invoice_date)
        today = self.ctx.business_date()
        for line in draft.lines:
            if line.qty_milli <= 0 or line.factor_milli <= 0:
                raise ValidationError("qty_not_positive")
            if line.unit_cost_rp < 0:
                raise ValidationError("cost_negative")
            if line.track_batches:
                line.batch_no = line.batch_no.strip()
                line.expiry = check_date(line.expiry)
                if not line.batch_no or not line.expiry:
                    raise ValidationError("receipt_batch_required", name=line.name)
                if line.expiry < today:
                    raise ValidationError(
                        "receipt_batch_expired", batch=line.batch_no, name=line.name, expiry=line.expiry
                    )
        if (
            draft.supplier_id is not None
            and SupplierModel.get_or_none(SupplierModel.id == draft.supplier_id) is None
        ):
            raise NotFoundError("supplier_not_found")

    def post(self, draft: ReceiptDraft, actor: Actor) -> PostedReceipt:
        """Write the receipt, its stock movements, the new average costs and the outbox event at once."""
        require(actor, "receive_stock")
        self.validate(draft)
        receipt_id = uuid7()
        with self.ctx.db.atomic():
            now, bdate = self.ctx.now_iso(), self.ctx.business_date()
            receipt = GoodsReceiptModel.create(
                id=receipt_id,
                number=self._next_number("GR", bdate),
                kind="receipt",
                supplier=draft.supplier_id,
                invoice_no=draft.invoice_no.strip(),
                invoice_date=check_date(draft.invoice_date),
                note=draft.note.strip(),
                total_rp=draft.total_rp,
                created_by=actor.user_id,
                created_at=now,
                business_date=bdate,
            )
            movements: list[Movement] = []
            for no, line in enumerate(draft.lines, start=1):
                batch_id = self._batch_for(line) if line.track_batches else None
                movements.append(
                    self._move(receipt_id, line.product_id, line.base_qty_milli, line.base_cost_rp, batch_id)
                )
                GoodsReceiptLineModel.create(
                    receipt=receipt_id,
                    line_no=no,
                    product=line.product_id,
                    unit_label=line.unit_label,
                    unit_qty_milli=line.qty_milli,
                    qty_milli=line.base_qty_milli,
                    unit_cost_rp=line.base_cost_rp,
                    line_total_rp=line.total_rp,
                    batch=batch_id,
                    batch_no=line.batch_no if line.track_batches else "",
                    expiry=line.expiry if line.track_batches else None,
                )
            audit(
                self.ctx,
                "stock.received",
                actor,
                doc_id=receipt_id,
                number=receipt.number,
                total_rp=receipt.total_rp,
            )
            post_goods_receipt(receipt.id)
            self._event(receipt, movements)
        return _posted(receipt)

    def reverse(self, receipt_id: str, actor: Actor, note: str = "") -> PostedReceipt:
        """Correct a posted receipt with a new document that takes every line back out."""
        require(actor, "receive_stock")
        with self.ctx.db.atomic():
            original = self._row(receipt_id)
            if original.kind != "receipt":
                raise StateError("goods_receipt_is_reversal", number=original.number)
            done = GoodsReceiptModel.get_or_none(GoodsReceiptModel.reverses == original.id)
            if done is not None:
                raise StateError(
                    "goods_receipt_already_reversed", number=original.number, reversal=done.number
                )
            now, bdate = self.ctx.now_iso(), self.ctx.business_date()
            reversal_id = uuid7()
            reversal = GoodsReceiptModel.create(
                id=reversal_id,
                number=self._next_number("GRB", bdate),
                kind="reversal",
                reverses=original.id,
                supplier=original.supplier_id,
                invoice_no=original.invoice_no,
                invoice_date=original.invoice_date,
                note=note.strip(),
                total_rp=-original.total_rp,
                created_by=actor.user_id,
                created_at=now,
                business_date=bdate,
            )
            movements = []
            for line in self.lines(original.id):
                movements.append(
                    self._move(
                        reversal_id, line.product_id, -line.qty_milli, line.unit_cost_rp, line.batch_id
                    )
                )
                GoodsReceiptLineModel.create(
                    receipt=reversal_id,
                    line_no=line.line_no,
                    product=line.product_id,
                    unit_label=line.unit_label,
                    unit_qty_milli=-line.unit_qty_milli,
                    qty_milli=-line.qty_milli,
                    unit_cost_rp=line.unit_cost_rp,
                    line_total_rp=-line.line_total_rp,
                    batch=line.batch_id,
                    batch_no=line.batch_no,
                    expiry=line.expiry,
                )
            audit(self.ctx, "stock.receipt_reversed", actor, doc_id=reversal_id, reverses=original.number)
            post_goods_receipt(reversal.id)
            self._event(reversal, movements)
        return _posted(reversal)

    def _move(
        self, doc_id: str, product_id: int, qty_milli: int, cost_rp: int, batch_id: int | None
    ) -> Movement:
        product = ProductModel.get_by_id(product_id)
        new_cost = moving_average_cost(product.on_hand_milli, product.cost_rp, qty_milli, cost_rp)
        if new_cost != product.cost_rp:
            ProductModel.update(cost_rp=new_cost).where(ProductModel.id == product_id).execute()
        return record_movement(
            self.ctx,
            product_id=product_id,
            qty_milli=qty_milli,
            kind="receipt",
            doc_id=doc_id,
            batch_id=batch_id,
            unit_cost_rp=cost_rp,
        )

    def _batch_for(self, line: ReceiptLine) -> int:
        batch = BatchModel.get_or_none(
            (BatchModel.product == line.product_id) & (BatchModel.batch_no == line.batch_no)
        )
        if batch is None:
            return BatchModel.create(product=line.product_id, batch_no=line.batch_no, expiry=line.expiry).id
        if batch.expiry and batch.expiry != line.expiry:
            raise ValidationError(
                "receipt_batch_expiry_differs",
                batch=line.batch_no,
                name=line.name,
                known=batch.expiry,
                given=line.expiry,
            )
        return batch.id

    def _next_number(self, prefix: str, bdate: str) -> str:
        ymd = bdate[2:4] + bdate[5:7] + bdate[8:10]
        head = f"{prefix}-{self.ctx.store.code}-{self.ctx.terminal.code}-{ymd}-"
        last = (
            GoodsReceiptModel.select(GoodsReceiptModel.number)
            .where(GoodsReceiptModel.number.startswith(head))
            .order_by(GoodsReceiptModel.number.desc())
            .first()
        )
        return f"{head}{int(last.number[len(head) :]) + 1 if last else 1:03d}"

    def _event(self, receipt: GoodsReceiptModel, movements: list[Movement]) -> None:
        lines = list(self.lines(receipt.id))
        products = {
            p.id: p for p in ProductModel.select().where(ProductModel.id.in_([ln.product_id for ln in lines]))
        }
        received = StockReceived(
            movements=tuple(StockMovement.of(m) for m in movements),
            receipt_id=receipt.id,
            number=receipt.number,
            kind=receipt.kind,
            reverses=receipt.reverses_id,
            supplier=receipt.supplier.name if receipt.supplier_id else None,
            invoice_no=receipt.invoice_no,
            invoice_date=receipt.invoice_date,
            total_rp=receipt.total_rp,
            created_at=receipt.created_at,
            lines=tuple(
                ReceivedLine(
                    line_no=ln.line_no,
                    product_uid=products[ln.product_id].uid,
                    product_code=products[ln.product_id].code,
                    qty_milli=ln.qty_milli,
                    unit_cost_rp=ln.unit_cost_rp,
                    line_total_rp=ln.line_total_rp,
                    batch_no=ln.batch_no,
                    expiry=ln.expiry,
                )
                for ln in lines
            ),
        )
        append_event(
            received.TYPE,
            received.to_payload(),
            occurred_at=receipt.created_at,
            business_date=receipt.business_date,
        )

    # -- reading ------------------------------------------------------------------------------------
    def get(self, receipt_id: str) -> PostedReceipt:
        """A receipt by its id or its number (GR-…)."""
        return _posted(self._row(receipt_id))

    def _row(self, receipt_id: str) -> GoodsReceiptModel:
        row = GoodsReceiptModel.get_or_none(GoodsReceiptModel.id == receipt_id)
        if row is None:
            row = GoodsReceiptModel.get_or_none(GoodsReceiptModel.number == receipt_id)
        if row is None:
            raise NotFoundError("goods_receipt_not_found", number=receipt_id)
        return row

    def lines(self, receipt_id: str) -> list[GoodsReceiptLineModel]:
        return list(
            GoodsReceiptLineModel.select()
            .where(GoodsReceiptLineModel.receipt == receipt_id)
            .order_by(GoodsReceiptLineModel.line_no)
        )

    def recent(self, limit: int = 50) -> list[GoodsReceiptModel]:
        return list(GoodsReceiptModel.select().order_by(GoodsReceiptModel.created_at.desc()).limit(limit))
