"""Stock documents as A4 PDFs (count sheet, variance report, stock card, low-stock and expiry lists).

The services hand over a `TableDoc` of already formatted text; this module only lays it out, so the
figures printed are exactly the ones the services computed. reportlab is imported inside `render`,
keeping it off the GUI's start-up path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: str = "LEFT"  # LEFT | RIGHT | CENTER
    barcode: bool = False  # draw the cell's text as a CODE128 barcode (with the digits under it)


@dataclass
class TableDoc:
    title: str
    header_lines: list[str]
    columns: list[Column]
    rows: list[list[str]]
    totals: list[str] | None = None
    footer_lines: list[str] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)  # boxes to sign: 'Dihitung oleh', 'Disetujui'
    landscape: bool = False
    empty_text: str = "-"


def render(doc: TableDoc, path: Path) -> Path:
    """Write `doc` to `path` (A4, repeated header row, page numbers) and return the path."""
    from xml.sax.saxutils import escape

    from reportlab.graphics.barcode import createBarcodeDrawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=9.5)
    path.parent.mkdir(parents=True, exist_ok=True)
    pagesize = landscape(A4) if doc.landscape else A4
    template = SimpleDocTemplate(
        str(path),
        pagesize=pagesize,
        title=doc.title,
        author="KKMP POS",
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
    )
    story: list[object] = [Paragraph(escape(doc.title), styles["Heading2"])]
    story += [Paragraph(escape(line), styles["Normal"]) for line in doc.header_lines]
    story.append(Spacer(1, 4 * mm))

    def cell_of(column: Column, text: str) -> object:
        if column.barcode and text:
            return createBarcodeDrawing(
                "Code128", value=text, barHeight=7 * mm, barWidth=0.28 * mm, humanReadable=True, fontSize=6
            )
        if column.align == "LEFT":
            return Paragraph(escape(text), cell)
        return text

    data: list[list[object]] = [[c.title for c in doc.columns]]
    data += [[cell_of(c, text) for c, text in zip(doc.columns, row, strict=True)] for row in doc.rows]
    if not doc.rows:
        data.append([doc.empty_text, *([""] * (len(doc.columns) - 1))])
    if doc.totals is not None:
        data.append(list(doc.totals))
    table = Table(data, colWidths=[c.width_mm * mm for c in doc.columns], repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for i, column in enumerate(doc.columns):
        style.append(("ALIGN", (i, 1), (i, -1), column.align))
    if doc.totals is not None:
        style += [
            ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8),
            ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f4f4f4")),
        ]
    table.setStyle(TableStyle(style))
    story.append(table)
    if doc.footer_lines:
        story.append(Spacer(1, 3 * mm))
        story += [Paragraph(escape(line), styles["Normal"]) for line in doc.footer_lines]
    if doc.signatures:
        story.append(Spacer(1, 8 * mm))
        boxes = Table(
            [doc.signatures, [""] * len(doc.signatures), ["(" + "_" * 24 + ")"] * len(doc.signatures)],
            colWidths=[60 * mm] * len(doc.signatures),
            rowHeights=[6 * mm, 16 * mm, 6 * mm],
            hAlign="LEFT",
        )
        boxes.setStyle(
            TableStyle([("FONT", (0, 0), (-1, -1), "Helvetica", 8), ("ALIGN", (0, 0), (-1, -1), "CENTER")])
        )
        story.append(boxes)

    def page_number(canvas: object, document: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 7)  # type: ignore[attr-defined]
        canvas.drawRightString(  # type: ignore[attr-defined]
            pagesize[0] - 12 * mm,
            7 * mm,
            f"{doc.title} — hal. {document.page}",  # type: ignore[attr-defined]
        )
        canvas.restoreState()  # type: ignore[attr-defined]

    template.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return path
