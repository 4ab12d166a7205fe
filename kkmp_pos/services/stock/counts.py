"""Stock counts (stok opname): snapshot at the start, blind counting by scan or typing while the shop
keeps selling, variance review in quantity and rupiah, recounts, and a manager's approval that posts
the adjustments as 'count' movements.

Why the variance stays true while selling goes on: a line's system figure is the ledger's on-hand at the
moment that line was counted, i.e. today's on-hand minus whatever moved after `counted_at`. The
adjustment is counted − that figure, so after approval on-hand = counted + movements since counting.
"""

from __future__ import annotations

from kkmp_pos.core.errors import NotFoundError, StateError, ValidationError
from kkmp_pos.core.events import CountLine, Person, StockCountAdjusted, StockMovement
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.stock import Variance, split_fefo, variance_of
from kkmp_pos.db.ledger import Movement, record_movement
from kkmp_pos.db.models import (
    BarcodeModel,
    BatchModel,
    CategoryModel,
    ProductModel,
    StockCountLineModel,
    StockCountModel,
)
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.books.posting import post_count
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.selling.catalog import CatalogService
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.stock.count_summary import (
    CountEntry,
    CountSummary,
    SheetRow,
    VarianceLine,
    VarianceReport,
    count_summary,
)


class StockCountService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- starting -----------------------------------------------------------------------------------
    def start(self, actor: Actor, *, category: str | None = None, note: str = "") -> CountSummary:
        """Open a count of every active product (or one category) and snapshot their on-hand figures."""
        require(actor, "stock_count")
        with self.ctx.db.atomic():
            current = self.open_count()
            if current is not None:
                raise StateError("count_already_open", number=current.number)
            category_id = None
            if category:
                row = CategoryModel.get_or_none(CategoryModel.name == category)
                if row is None:
                    raise ValidationError("count_empty_scope")
                category_id = row.id
            now, bdate = self.ctx.now_iso(), self.ctx.business_date()
            count_id = uuid7()
            count = StockCountModel.create(
                id=count_id,
                number=self._next_number(bdate),
                scope="category" if category_id else "all",
                category=category_id,
                status="open",
                snapshot_at=now,
                started_by=actor.user_id,
                note=note.strip(),
                business_date=bdate,
            )
            # One INSERT … SELECT: the snapshot of thousands of products is taken inside the lock.
            where = 'WHERE "active" = 1' + (' AND "category_id" = ?' if category_id else "")
            params: list[object] = [count_id] + ([category_id] if category_id else [])
            cursor = self.ctx.db.execute_sql(
                'INSERT INTO "stock_count_line" ("count_id", "product_id", "expected_milli", "cost_rp", '
                '"recounts") SELECT ?, "id", "on_hand_milli", "cost_rp", 0 FROM "product" ' + where,
                params,
            )
            if cursor.rowcount == 0:
                raise ValidationError("count_empty_scope")
            audit(self.ctx, "stock_count.started", actor, doc_id=count_id, number=count.number)
        return count_summary(count)

    def _next_number(self, bdate: str) -> str:
        head = f"SO-{self.ctx.store.code}-{bdate[2:4]}{bdate[5:7]}{bdate[8:10]}-"
        last = (
            StockCountModel.select(StockCountModel.number)
            .where(StockCountModel.number.startswith(head))
            .order_by(StockCountModel.number.desc())
            .first()
        )
        return f"{head}{int(last.number[len(head) :]) + 1 if last else 1:02d}"

    # -- reading ----------------------------------------------------------------------------------
    def get(self, count_id: str) -> CountSummary:
        return count_summary(self._row(count_id))

    def _row(self, count_id: str) -> StockCountModel:
        row = StockCountModel.get_or_none(StockCountModel.id == count_id)
        if row is None:
            raise NotFoundError("count_not_found")
        return row

    def open_count(self) -> CountSummary | None:
        row = StockCountModel.get_or_none(StockCountModel.status == "open")
        return count_summary(row) if row is not None else None

    def history(self, limit: int = 50) -> list[CountSummary]:
        rows = StockCountModel.select().order_by(StockCountModel.snapshot_at.desc()).limit(limit)
        return [count_summary(row) for row in rows]

    def _open(self, count_id: str) -> StockCountModel:
        count = self._row(count_id)
        if count.status != "open":
            raise StateError("count_not_open", number=count.number, status=count.status)
        return count

    def _line(self, count_id: str, product_id: int) -> StockCountLineModel:
        line = StockCountLineModel.get_or_none(
            (StockCountLineModel.count == count_id) & (StockCountLineModel.product == product_id)
        )
        if line is None:
            product = ProductModel.get_or_none(ProductModel.id == product_id)
            raise ValidationError("count_product_not_in_scope", name=product.name if product else product_id)
        return line

    @staticmethod
    def _entry(line: StockCountLineModel, product: ProductModel) -> CountEntry:
        return CountEntry(
            product.id, product.code, product.name, product.base_unit, line.counted_milli, line.recounts
        )

    def entries(self, count_id: str) -> list[CountEntry]:
        """The counter's list: every line and what has been counted so far, nothing expected."""
        query = (
            StockCountLineModel.select(StockCountLineModel, ProductModel)
            .join(ProductModel)
            .where(StockCountLineModel.count == count_id)
            .order_by(ProductModel.name)
        )
        return [self._entry(line, line.product) for line in query]

    def sheet(self, count_id: str) -> list[SheetRow]:
        """Rows for the paper count sheet, by category and name, with a barcode to scan."""
        self._row(count_id)
        rows = self.ctx.db.execute_sql(
            'SELECT p."id", p."code", p."name", p."base_unit", COALESCE(c."name", \'\'), '
            '(SELECT MIN(b."code") FROM "barcode" b WHERE b."product_id" = p."id" AND b."unit_id" IS NULL) '
            'FROM "stock_count_line" l JOIN "product" p ON p."id" = l."product_id" '
            'LEFT JOIN "category" c ON c."id" = p."category_id" WHERE l."count_id" = ? '
            'ORDER BY COALESCE(c."name", \'\'), p."name"',
            (count_id,),
        ).fetchall()
        return [SheetRow(r[0], r[1], r[2], r[3], r[4], r[5] or r[1]) for r in rows]

    # -- counting (blind) -------------------------------------------------------------------------
    def scan(self, count_id: str, code: str, actor: Actor) -> CountEntry:
        """One scanned item adds one of its unit (a dus barcode adds the dus's pieces)."""
        item = CatalogService(self.ctx).lookup_barcode(code)
        return self.enter(count_id, item.product_id, item.factor_milli, actor, add=True)

    def enter(
        self,
        count_id: str,
        product_id: int,
        qty_milli: int,
        actor: Actor,
        *,
        add: bool = False,
        counted_at: str | None = None,
    ) -> CountEntry:
        """Record a typed quantity (or add to it). `counted_at` is when a paper sheet was filled in.

        Each entry moves the line's count time, so its system figure is taken at the latest count.
        """
        require(actor, "stock_count")
        if qty_milli < 0:
            raise ValidationError("qty_not_positive")
        with self.ctx.db.atomic():
            count = self._open(count_id)
            now = self.ctx.now_iso()
            if counted_at is not None and not (count.snapshot_at <= counted_at <= now):
                raise ValidationError("count_time_invalid")
            line = self._line(count_id, product_id)
            total = (line.counted_milli or 0) + qty_milli if add else qty_milli
            StockCountLineModel.update(
                counted_milli=total, counted_at=counted_at or now, counted_by=actor.user_id
            ).where(StockCountLineModel.id == line.id).execute()
            line = StockCountLineModel.get_by_id(line.id)
            return self._entry(line, ProductModel.get_by_id(product_id))

    def recount(self, count_id: str, product_id: int, actor: Actor) -> CountEntry:
        """Clear a line so it is counted again; the earlier figure stays in the audit log."""
        require(actor, "stock_count")
        with self.ctx.db.atomic():
            self._open(count_id)
            line = self._line(count_id, product_id)
            audit(
                self.ctx,
                "stock_count.recount",
                actor,
                doc_id=count_id,
                product_id=product_id,
                previous_milli=line.counted_milli,
                previous_at=line.counted_at,
            )
            StockCountLineModel.update(
                counted_milli=None, counted_at=None, counted_by=None, recounts=line.recounts + 1
            ).where(StockCountLineModel.id == line.id).execute()
            line = StockCountLineModel.get_by_id(line.id)
            return self._entry(line, ProductModel.get_by_id(product_id))

    # -- review and approval ----------------------------------------------------------------------
    def variances(self, count_id: str, actor: Actor) -> VarianceReport:
        """Counted against the system figure at counting time, per product, in quantity and rupiah."""
        require(actor, "approve_count")
        with self.ctx.db.atomic(lock_type="DEFERRED"):
            return self._report(self._row(count_id))

    def _report(self, count: StockCountModel) -> VarianceReport:
        db = self.ctx.db
        rows = db.execute_sql(
            'SELECT l."product_id", p."code", p."name", p."base_unit", p."on_hand_milli", '
            'l."expected_milli", l."cost_rp", l."counted_milli", l."counted_at", l."recounts", '
            'l."system_milli" '
            'FROM "stock_count_line" l JOIN "product" p ON p."id" = l."product_id" '
            'WHERE l."count_id" = ? ORDER BY p."name"',
            (count.id,),
        ).fetchall()
        after: dict[int, int] = {}
        if count.status == "open":
            # What moved after each line was counted: one grouped range scan on (product, created_at).
            after = dict(
                db.execute_sql(
                    'SELECT l."product_id", SUM(m."qty_milli") FROM "stock_count_line" l '
                    'JOIN "stock_movement" m ON m."product_id" = l."product_id" '
                    'AND m."created_at" > l."counted_at" '
                    'WHERE l."count_id" = ? AND l."counted_at" IS NOT NULL GROUP BY l."product_id"',
                    (count.id,),
                ).fetchall()
            )
        lines = []
        for pid, code, name, unit, on_hand, expected, cost, counted, _at, recounts, system in rows:
            variance = None
            if counted is not None:
                if count.status == "open":
                    variance = variance_of(
                        pid,
                        on_hand_now=on_hand,
                        after_count_milli=after.get(pid, 0),
                        expected_milli=expected,
                        counted_milli=counted,
                        cost_rp=cost,
                    )
                else:  # approved: the figures as they were posted
                    variance = Variance(pid, expected, system - expected, system, counted, cost)
            lines.append(VarianceLine(pid, code, name, unit, variance, expected, cost, recounts))
        return VarianceReport(count.id, count.number, count.status, lines)

    def approve(self, count_id: str, approver: Actor, *, uncounted: str = "skip") -> VarianceReport:
        """Post every counted line's difference as a 'count' movement; the count is then kept as is.

        `uncounted`: 'skip' leaves lines nobody counted alone; 'zero' treats them as counted empty now.
        """
        require(approver, "approve_count")
        with self.ctx.db.atomic():
            count = self._open(count_id)
            now, bdate = self.ctx.now_iso(), self.ctx.business_date()
            if uncounted == "zero":
                StockCountLineModel.update(
                    counted_milli=0, counted_at=now, counted_by=approver.user_id
                ).where(
                    (StockCountLineModel.count == count_id) & StockCountLineModel.counted_milli.is_null()
                ).execute()
            report = self._report(count)
            if not report.counted:
                raise ValidationError("count_nothing_counted")
            movements: list[Movement] = []
            posted: list[CountLine] = []
            for line in report.counted:
                assert line.variance is not None
                diff = line.diff_milli
                StockCountLineModel.update(
                    system_milli=line.variance.system_milli, adjustment_milli=diff
                ).where(
                    (StockCountLineModel.count == count_id) & (StockCountLineModel.product == line.product_id)
                ).execute()
                if diff == 0:
                    continue
                for batch_id, qty in self._batch_parts(line.product_id, diff):
                    movements.append(
                        record_movement(
                            self.ctx,
                            product_id=line.product_id,
                            qty_milli=qty,
                            kind="count",
                            doc_id=count_id,
                            batch_id=batch_id,
                            unit_cost_rp=line.cost_rp,
                            created_at=now,
                            business_date=bdate,
                        )
                    )
                posted.append(
                    CountLine(
                        product_code=line.code,
                        expected_milli=line.expected_milli,
                        system_milli=line.variance.system_milli,
                        counted_milli=line.variance.counted_milli,
                        adjustment_milli=diff,
                        value_rp=line.diff_rp,
                    )
                )
            StockCountModel.update(status="approved", approved_by=approver.user_id, approved_at=now).where(
                StockCountModel.id == count_id
            ).execute()
            post_count(count_id, bdate, now)
            audit(
                self.ctx,
                "stock_count.approved",
                approver,
                doc_id=count_id,
                approved_by=approver,
                number=count.number,
                lines=len(posted),
                value_rp=report.total_diff_rp,
            )
            adjusted = StockCountAdjusted(
                movements=tuple(StockMovement.of(m) for m in movements),
                count_id=count_id,
                number=count.number,
                snapshot_at=count.snapshot_at,
                approved_at=now,
                approved_by=Person(approver.user_id, approver.name),
                value_rp=report.total_diff_rp,
                lines=tuple(posted),
            )
            append_event(adjusted.TYPE, adjusted.to_payload(), occurred_at=now, business_date=bdate)
            return self._report(self._row(count_id))

    @staticmethod
    def _batch_parts(product_id: int, diff_milli: int) -> list[tuple[int | None, int]]:
        """A shortfall comes out of batches earliest expiry first; a surplus goes in unbatched."""
        product = ProductModel.get_by_id(product_id)
        if diff_milli > 0 or not product.track_batches:
            return [(None, diff_milli)]
        batches = (
            BatchModel.select()
            .where((BatchModel.product == product_id) & (BatchModel.on_hand_milli > 0))
            .order_by(BatchModel.expiry.asc(nulls="LAST"), BatchModel.id)
        )
        parts = split_fefo([(b.id, b.expiry, b.on_hand_milli) for b in batches], -diff_milli)
        return [(batch_id, -qty) for batch_id, qty in parts]

    def cancel(self, count_id: str, actor: Actor) -> None:
        """Abandon an open count: nothing is posted, the count stays on record as cancelled."""
        require(actor, "approve_count")
        with self.ctx.db.atomic():
            count = self._open(count_id)
            StockCountModel.update(status="cancelled").where(StockCountModel.id == count_id).execute()
            audit(self.ctx, "stock_count.cancelled", actor, doc_id=count_id, number=count.number)

    def product_by_code(self, code: str) -> int:
        """The product a typed code or barcode stands for (for the typed-quantity field)."""
        row = BarcodeModel.get_or_none(BarcodeModel.code == code.strip())
        if row is not None:
            return row.product_id
        product = ProductModel.get_or_none(ProductModel.code == code.strip())
        if product is None:
            raise NotFoundError("barcode_unknown", code=code)
        return product.id
