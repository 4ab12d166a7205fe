"""The stock module's printable documents: what goes on each PDF, formatted from the services' figures."""

from __future__ import annotations

import re
from pathlib import Path

from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.core.timeutil import from_iso, local
from kkmp_pos.db.models import ProductModel
from kkmp_pos.pdf.stock_pdf import Column, TableDoc, render
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.stock.counts import StockCountService
from kkmp_pos.services.stock.figures import StockService, kind_label, show_date


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]+", "-", text).strip("-")


class StockReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.stock = StockService(ctx)
        self.counts = StockCountService(ctx)

    @property
    def folder(self) -> Path:
        return self.ctx.data_dir / "reports" / "stok"

    def _when(self, iso: str) -> str:
        return local(from_iso(iso), self.ctx.store.timezone).strftime("%d-%m-%Y %H:%M")

    def _header(self, *lines: str) -> list[str]:
        store = self.ctx.store
        return [
            f"{store.name} — {store.cooperative_name}",
            *lines,
            f"Dicetak {self._when(self.ctx.now_iso())}",
        ]

    # -- counts ---------------------------------------------------------------------------------------
    def count_sheet(self, count_id: str) -> Path:
        """The paper count sheet: every product with a barcode to scan and an empty box, no expected."""
        count = self.counts.get(count_id)
        rows = self.counts.sheet(count_id)
        doc = TableDoc(
            title=f"Lembar Hitung Stok Opname {count.number}",
            header_lines=self._header(
                f"Mulai {self._when(count.snapshot_at)}; cakupan: " + (count.category or "semua barang"),
                "Tulis jumlah yang ada di rak. Jumlah menurut sistem sengaja tidak dicetak.",
            ),
            columns=[
                Column("No", 9, "RIGHT"),
                Column("Kode", 20),
                Column("Nama barang", 62),
                Column("Satuan", 14),
                Column("Barcode", 48, "CENTER", barcode=True),
                Column("Jumlah", 23),
            ],
            rows=[[str(i), r.code, r.name, r.unit, r.barcode, ""] for i, r in enumerate(rows, start=1)],
            signatures=["Dihitung oleh", "Diperiksa oleh"],
        )
        return render(doc, self.folder / f"{_slug(count.number)}-lembar-hitung.pdf")

    def variance_report(self, count_id: str, actor: Actor) -> Path:
        """Per product: snapshot, moved during the count, system at counting, counted, difference."""
        report = self.counts.variances(count_id, actor)
        count = self.counts.get(count_id)
        rows = []
        for line in report.lines:
            v = line.variance
            if v is None:
                rows.append(
                    [
                        line.code,
                        line.name,
                        format_qty(line.expected_milli, line.unit),
                        "",
                        "",
                        "belum",
                        "",
                        "",
                    ]
                )
                continue
            rows.append(
                [
                    line.code,
                    line.name,
                    format_qty(v.expected_milli, line.unit),
                    format_qty(v.moved_milli),
                    format_qty(v.system_milli),
                    format_qty(v.counted_milli),
                    format_qty(v.diff_milli),
                    format_rp(v.diff_rp),
                ]
            )
        status = {"open": "belum disetujui", "approved": "disetujui", "cancelled": "dibatalkan"}[count.status]
        approved = ""
        if count.approved_at:
            approved = f"; disetujui {count.approved_by} {self._when(count.approved_at)}"
        doc = TableDoc(
            title=f"Laporan Selisih Stok Opname {count.number}",
            header_lines=self._header(f"Mulai {self._when(count.snapshot_at)}; status: {status}{approved}"),
            columns=[
                Column("Kode", 18),
                Column("Nama barang", 58),
                Column("Awal", 20, "RIGHT"),
                Column("Bergerak", 17, "RIGHT"),
                Column("Sistem", 17, "RIGHT"),
                Column("Dihitung", 17, "RIGHT"),
                Column("Selisih", 17, "RIGHT"),
                Column("Selisih (Rp)", 22, "RIGHT"),
            ],
            rows=rows,
            totals=[
                "",
                f"{len(report.differing)} barang berselisih",
                "",
                "",
                "",
                "",
                "",
                format_rp(report.total_diff_rp),
            ],
            footer_lines=[
                "Awal = stok saat stok opname dimulai; Bergerak = penjualan dan penerimaan sampai barang "
                "dihitung; Sistem = stok menurut sistem saat dihitung; Selisih = Dihitung − Sistem "
                "(nilai pada harga pokok).",
                f"Belum dihitung: {len(report.uncounted)} barang (tidak disesuaikan).",
            ],
            signatures=["Manajer", "Pengawas"],
        )
        return render(doc, self.folder / f"{_slug(count.number)}-selisih.pdf")

    # -- stock card and lists -------------------------------------------------------------------------
    def stock_card(self, product_id: int, limit: int = 200) -> Path:
        product = ProductModel.get_by_id(product_id)
        page = self.stock.stock_card(product_id, limit=limit)
        rows = []
        for r in page.rows:
            rows.append(
                [
                    self._when(r.created_at),
                    kind_label(r.kind),
                    page.refs.get(r.doc_id, r.doc_id[:13]),
                    page.batches.get(r.batch_id, "") if r.batch_id else "",
                    format_qty(r.qty_milli) if r.qty_milli > 0 else "",
                    format_qty(-r.qty_milli) if r.qty_milli < 0 else "",
                    format_qty(r.balance_milli),
                ]
            )
        doc = TableDoc(
            title=f"Kartu Stok {product.code} {product.name}",
            header_lines=self._header(
                f"Stok sekarang: {format_qty(page.on_hand_milli, product.base_unit)}; "
                f"{len(rows)} gerakan terbaru, terbaru di atas"
            ),
            columns=[
                Column("Waktu", 28),
                Column("Jenis", 24),
                Column("Dokumen", 44),
                Column("Batch", 24),
                Column("Masuk", 18, "RIGHT"),
                Column("Keluar", 18, "RIGHT"),
                Column("Saldo", 20, "RIGHT"),
            ],
            rows=rows,
        )
        return render(doc, self.folder / f"kartu-stok-{_slug(product.code)}.pdf")

    def low_stock(self) -> Path:
        lines = self.stock.low_stock()
        doc = TableDoc(
            title="Daftar Stok Menipis",
            header_lines=self._header("Barang aktif dengan stok di bawah atau sama dengan batas pesan ulang"),
            columns=[
                Column("Kode", 22),
                Column("Nama barang", 80),
                Column("Stok", 26, "RIGHT"),
                Column("Batas pesan", 26, "RIGHT"),
                Column("Nilai (Rp)", 26, "RIGHT"),
            ],
            rows=[
                [
                    s.code,
                    s.name,
                    format_qty(s.on_hand_milli, s.unit),
                    format_qty(s.reorder_level_milli, s.unit),
                    format_rp(s.value_rp),
                ]
                for s in lines
            ],
        )
        return render(doc, self.folder / "stok-menipis.pdf")

    def expiry_list(self, *, expired: bool = False, days: int | None = None) -> Path:
        """Near-expiry batches (default: the setting's days ahead), or the batches already expired."""
        if days is None:
            days = self.ctx.settings.stock_near_expiry_days
        lines = self.stock.expired() if expired else self.stock.near_expiry(days)
        title = "Daftar Barang Kedaluwarsa" if expired else "Daftar Barang Hampir Kedaluwarsa"
        note = (
            "Batch yang sudah lewat tanggal: pisahkan dan hapus dari stok."
            if expired
            else (f"Batch yang kedaluwarsa dalam {days} hari ke depan: jual lebih dulu (FEFO).")
        )
        doc = TableDoc(
            title=title,
            header_lines=self._header(note),
            columns=[
                Column("Kode", 20),
                Column("Nama barang", 66),
                Column("Batch", 26),
                Column("Kedaluwarsa", 22),
                Column("Hari", 12, "RIGHT"),
                Column("Jumlah", 18, "RIGHT"),
                Column("Nilai (Rp)", 22, "RIGHT"),
            ],
            rows=[
                [
                    s.code,
                    s.name,
                    s.batch_no,
                    show_date(s.expiry),
                    str(s.days_left),
                    format_qty(s.qty_milli, s.unit),
                    format_rp(s.value_rp),
                ]
                for s in lines
            ],
        )
        return render(doc, self.folder / ("kedaluwarsa.pdf" if expired else "hampir-kedaluwarsa.pdf"))
