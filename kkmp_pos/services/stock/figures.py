"""Stock figures for the manager: on-hand, the stock card (kartu stok), reorder and expiry lists, and
the till's sellability checks (obat keras, expired batches)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.drugs import check_drug_sale
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import MILLI, format_qty
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.core.stock import CardRow, balances_backwards, value_rp
from kkmp_pos.db.models import (
    BatchModel,
    CategoryModel,
    GoodsReceiptModel,
    ProductModel,
    SaleModel,
    StockCountModel,
    WriteOffModel,
)
from kkmp_pos.services.context import ServiceContext

KIND_LABELS = {  # (Bahasa Indonesia, English)
    "sale": ("Penjualan", "Sale"),
    "sale_cancel": ("Batal jual", "Sale cancelled"),
    "return": ("Retur", "Return"),
    "receipt": ("Penerimaan", "Goods received"),
    "writeoff": ("Penghapusan", "Write-off"),
    "count": ("Stok opname", "Stock count"),
    "remote": ("Kasir lain", "Other till"),
    "opening": ("Stok awal", "Opening stock"),
}


REASON_WORDS = {"damaged": "rusak", "expired": "kedaluwarsa", "lost": "hilang"}


def kind_label(kind: str, lang: str = "id") -> str:
    pair = KIND_LABELS.get(kind)
    return (pair[1] if lang == "en" else pair[0]) if pair else kind


def show_date(iso: str | None) -> str:
    """'2026-08-31' → '31-08-2026' (how Indonesian shops write dates)."""
    if not iso:
        return "-"
    return f"{iso[8:10]}-{iso[5:7]}-{iso[0:4]}"


@dataclass(frozen=True)
class BatchStock:
    batch_id: int
    batch_no: str
    expiry: str | None
    on_hand_milli: int


@dataclass(frozen=True)
class CardPage:
    product_id: int
    on_hand_milli: int
    rows: list[CardRow]
    refs: dict[str, str]  # doc id → what people call it (receipt number, GR number, ...)
    batches: dict[int, str]  # batch id → batch number
    next_cursor: tuple[str, int, int] | None  # (created_at, rowid, balance) of the next older row


@dataclass(frozen=True)
class StockLine:
    """A row of the low-stock, near-expiry or expired lists."""

    product_id: int
    code: str
    name: str
    unit: str
    on_hand_milli: int
    reorder_level_milli: int = 0
    batch_no: str = ""
    expiry: str | None = None
    qty_milli: int = 0  # the batch's quantity on the expiry lists
    value_rp: int = 0
    days_left: int = 0


class StockService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- on hand ----------------------------------------------------------------------------------
    def on_hand(self, product_id: int) -> int:
        return ProductModel.select(ProductModel.on_hand_milli).where(ProductModel.id == product_id).scalar()

    def batches(self, product_id: int, *, with_empty: bool = False) -> list[BatchStock]:
        query = BatchModel.select().where(BatchModel.product == product_id)
        if not with_empty:
            query = query.where(BatchModel.on_hand_milli != 0)
        query = query.order_by(BatchModel.expiry.asc(nulls="LAST"), BatchModel.id)
        return [BatchStock(b.id, b.batch_no, b.expiry, b.on_hand_milli) for b in query]

    # -- stock card -------------------------------------------------------------------------------
    def stock_card(
        self, product_id: int, *, limit: int = 200, cursor: tuple[str, int, int] | None = None
    ) -> CardPage:
        """Movements newest first with the balance after each, paged back from the on-hand figure.

        One indexed range scan of `limit` rows on (product, created_at); the balances are computed
        backwards from the cached on-hand (or the cursor's balance), never by summing the history.
        """
        db = self.ctx.db
        with db.atomic(lock_type="DEFERRED"):  # the on-hand and the page from one snapshot
            on_hand = self.on_hand(product_id)
            sql = (
                'SELECT "created_at", rowid, "kind", "doc_id", "qty_milli", "batch_id" '
                'FROM "stock_movement" WHERE "product_id" = ?'
            )
            params: list[object] = [product_id]
            balance = on_hand
            if cursor is not None:
                sql += ' AND ("created_at", rowid) < (?, ?)'
                params += [cursor[0], cursor[1]]
                balance = cursor[2]
            sql += ' ORDER BY "created_at" DESC, rowid DESC LIMIT ?'
            params.append(limit + 1)
            raw = db.execute_sql(sql, params).fetchall()
        rows = balances_backwards(raw[:limit], balance)
        next_cursor = None
        if len(raw) > limit and rows:
            last = rows[-1]
            next_cursor = (last.created_at, last.key[1], last.balance_milli - last.qty_milli)
        return CardPage(product_id, on_hand, rows, self._refs(rows), self._batch_numbers(rows), next_cursor)

    @staticmethod
    def _refs(rows: list[CardRow]) -> dict[str, str]:
        by_kind: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            by_kind[row.kind].add(row.doc_id)
        refs: dict[str, str] = {}
        sale_ids = by_kind["sale"] | by_kind["sale_cancel"] | by_kind["return"]
        if sale_ids:
            for s in SaleModel.select(SaleModel.id, SaleModel.receipt_no).where(SaleModel.id.in_(sale_ids)):
                refs[s.id] = s.receipt_no
        for model, kind in ((GoodsReceiptModel, "receipt"), (StockCountModel, "count")):
            if by_kind[kind]:
                for doc_id, number in (
                    model.select(model.id, model.number).where(model.id.in_(by_kind[kind])).tuples()
                ):
                    refs[doc_id] = number
        if by_kind["writeoff"]:
            writeoffs = WriteOffModel.select(WriteOffModel.id, WriteOffModel.reason)
            for doc_id, reason in writeoffs.where(WriteOffModel.id.in_(by_kind["writeoff"])).tuples():
                refs[doc_id] = REASON_WORDS.get(reason, reason)
        return refs

    @staticmethod
    def _batch_numbers(rows: list[CardRow]) -> dict[int, str]:
        ids = {r.batch_id for r in rows if r.batch_id is not None}
        if not ids:
            return {}
        return {b.id: b.batch_no for b in BatchModel.select().where(BatchModel.id.in_(ids))}

    # -- lists ------------------------------------------------------------------------------------
    def low_stock(self, *, category: str | None = None) -> list[StockLine]:
        """Active products at or below their reorder level (those with a level set), emptiest first."""
        query = ProductModel.select().where(
            (ProductModel.active == True)  # noqa: E712
            & (ProductModel.reorder_level_milli > 0)
            & (ProductModel.on_hand_milli <= ProductModel.reorder_level_milli)
        )
        if category:
            query = query.join(CategoryModel).where(CategoryModel.name == category)
        query = query.order_by(
            (ProductModel.on_hand_milli - ProductModel.reorder_level_milli).asc(), ProductModel.name
        )
        return [
            StockLine(
                p.id,
                p.code,
                p.name,
                p.base_unit,
                p.on_hand_milli,
                reorder_level_milli=p.reorder_level_milli,
                value_rp=value_rp(p.cost_rp, max(p.on_hand_milli, 0)),
            )
            for p in query
        ]

    def near_expiry(self, days: int | None = None) -> list[StockLine]:
        """Batches with stock that expire from today up to `days` ahead (setting stock.near_expiry_days)."""
        if days is None:
            days = self.ctx.settings.stock_near_expiry_days
        today = date.fromisoformat(self.ctx.business_date())
        until = (today + timedelta(days=days)).isoformat()
        return self._batch_lines(
            (BatchModel.expiry >= today.isoformat()) & (BatchModel.expiry <= until), today
        )

    def expired(self) -> list[StockLine]:
        """Batches with stock whose expiry date has passed: take them off the shelf, write them off."""
        today = date.fromisoformat(self.ctx.business_date())
        return self._batch_lines(BatchModel.expiry < today.isoformat(), today)

    def _batch_lines(self, condition: object, today: date) -> list[StockLine]:
        query = (
            BatchModel.select(BatchModel, ProductModel)
            .join(ProductModel)
            .where(condition & (BatchModel.on_hand_milli > 0) & BatchModel.expiry.is_null(False))
            .order_by(BatchModel.expiry, ProductModel.name)
        )
        return [
            StockLine(
                b.product.id,
                b.product.code,
                b.product.name,
                b.product.base_unit,
                b.product.on_hand_milli,
                batch_no=b.batch_no,
                expiry=b.expiry,
                qty_milli=b.on_hand_milli,
                value_rp=value_rp(b.product.cost_rp, b.on_hand_milli),
                days_left=(date.fromisoformat(b.expiry or today.isoformat()) - today).days,
            )
            for b in query
        ]

    # -- what the till may sell -------------------------------------------------------------------
    def check_sellable(self, item: PricedItem, qty_milli: int = MILLI, prescription_ref: str = "") -> None:
        """Raise unless `qty_milli` of `item` may be sold now: obat keras rules and expired batches.

        The GUI calls this when a line is added; SaleService.checkout checks the whole cart again.
        """
        check_drug_sale(
            item.name, item.drug_class, is_apotek=self.ctx.store.is_apotek, prescription_ref=prescription_ref
        )
        if item.track_batches:
            self._check_not_expired(item.product_id, item.name, qty_milli * item.factor_milli // MILLI)

    def check_cart(self, cart: Cart) -> None:
        """The checkout's version: every line's drug rule, and each product's total against its batches."""
        needed: dict[int, int] = defaultdict(int)
        names: dict[int, str] = {}
        for line in cart.lines:
            check_drug_sale(
                line.item.name,
                line.item.drug_class,
                is_apotek=self.ctx.store.is_apotek,
                prescription_ref=line.prescription_ref,
            )
            if line.item.track_batches:
                needed[line.item.product_id] += line.base_qty_milli
                names.setdefault(line.item.product_id, line.item.name)
        for product_id, qty in needed.items():
            self._check_not_expired(product_id, names[product_id], qty)

    def _check_not_expired(self, product_id: int, name: str, base_qty_milli: int) -> None:
        """Refuse what only expired batches could supply; stock that was never received is not refused."""
        today = self.ctx.business_date()
        product = ProductModel.get_by_id(product_id)
        batches = list(
            BatchModel.select()
            .where((BatchModel.product == product_id) & (BatchModel.on_hand_milli > 0))
            .order_by(BatchModel.expiry.asc(nulls="LAST"))
        )
        expired = [b for b in batches if b.expiry is not None and b.expiry < today]
        if not expired:
            return
        in_batches = sum(b.on_hand_milli for b in batches)
        good = sum(b.on_hand_milli for b in batches if b not in expired)
        unbatched = max(0, product.on_hand_milli - in_batches)
        available = good + unbatched
        if base_qty_milli <= available:
            return
        first = expired[0]
        if available <= 0:
            raise ValidationError(
                "batch_expired", name=name, batch=first.batch_no, expiry=show_date(first.expiry)
            )
        raise ValidationError(
            "batch_expired_short",
            name=name,
            available=format_qty(available, product.base_unit),
            batch=first.batch_no,
            expiry=show_date(first.expiry),
        )


def check_cart_sellable(ctx: ServiceContext, cart: Cart) -> None:
    """The hook SaleService.checkout calls inside its transaction (see sales._check_still_sellable)."""
    StockService(ctx).check_cart(cart)
