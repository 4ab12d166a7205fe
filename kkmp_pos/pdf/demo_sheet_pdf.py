"""The demo shop's training sheet as an A4 PDF: who logs in with which PIN, member cards (Code 128
for the till's scanner and a QR code for a 2D one) and every product barcode as a scannable EAN-13.

The barcodes are drawn at a module width a handheld scanner reads off paper (0.33 mm, EAN-13's
nominal size), with the digits under them so a trainer can also type them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SheetUser:
    name: str
    role: str  # already a label: "Kasir", "Manajer"
    pin: str


@dataclass(frozen=True)
class SheetMember:
    number: str
    name: str
    card_code: str
    active: bool


@dataclass(frozen=True)
class SheetBarcode:
    name: str  # the product, with its unit when the barcode is a unit's: "Indomie Goreng (Dus 40)"
    code: str  # EAN-13
    price: str  # already formatted


@dataclass(frozen=True)
class DemoSheet:
    title: str
    shop: str
    note: str
    users_title: str
    members_title: str
    products_title: str
    inactive: str  # the word under a lapsed member's card
    users: list[SheetUser]
    members: list[SheetMember]
    barcodes: list[SheetBarcode]


def render(sheet: DemoSheet, path: Path) -> Path:
    """Write the sheet to `path`; returns it."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode import createBarcodeDrawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    page_h = A4[1]
    margin = 15 * mm
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(sheet.title)
    y = page_h - margin

    def new_page() -> float:
        canvas.showPage()
        return page_h - margin

    def heading(text: str, top: float) -> float:
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(margin, top - 13, text)
        return top - 20

    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(margin, y - 16, sheet.title)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(margin, y - 32, sheet.shop)
    canvas.drawString(margin, y - 46, sheet.note)
    y = heading(sheet.users_title, y - 60)
    canvas.setFont("Helvetica", 11)
    for user in sheet.users:
        canvas.drawString(margin, y - 12, user.name)
        canvas.drawString(margin + 70 * mm, y - 12, user.role)
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(margin + 110 * mm, y - 12, f"PIN {user.pin}")
        canvas.setFont("Helvetica", 11)
        y -= 16
    # member cards: two across, each with a Code 128 and a QR code of the card code
    y = heading(sheet.members_title, y - 8)
    card_w, card_h = 88 * mm, 34 * mm
    for index, member in enumerate(sheet.members):
        column = index % 2
        if column == 0 and index:
            y -= card_h + 4 * mm
        if column == 0 and y - card_h < margin:
            y = heading(sheet.members_title, new_page())
        x = margin + column * (card_w + 4 * mm)
        canvas.roundRect(x, y - card_h, card_w, card_h, 3 * mm)
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(x + 3 * mm, y - 6 * mm, member.name[:30])
        canvas.setFont("Helvetica", 9)
        label = member.number if member.active else f"{member.number}  ({sheet.inactive})"
        canvas.drawString(x + 3 * mm, y - 10.5 * mm, label)
        bars = createBarcodeDrawing("Code128", value=member.card_code, barWidth=0.33 * mm, barHeight=11 * mm)
        renderPDF.draw(bars, canvas, x + 1 * mm, y - card_h + 7 * mm)
        canvas.setFont("Courier", 9)  # the digits apart from the bars, so neither hides the other
        canvas.drawString(x + 6 * mm, y - card_h + 3 * mm, member.card_code)
        qr = createBarcodeDrawing("QR", value=member.card_code, width=26 * mm, height=26 * mm)
        renderPDF.draw(qr, canvas, x + card_w - 29 * mm, y - card_h + 4 * mm)
    y -= card_h + 8 * mm
    # product barcodes: three across
    if y < margin + 40 * mm:
        y = new_page()
    y = heading(sheet.products_title, y)
    cell_w, cell_h = 60 * mm, 36 * mm
    for index, item in enumerate(sheet.barcodes):
        column = index % 3
        if column == 0 and index:
            y -= cell_h
        if column == 0 and y - cell_h < margin:
            y = heading(sheet.products_title, new_page())
        x = margin + column * cell_w
        canvas.setFont("Helvetica", 8)
        canvas.drawString(x + 2 * mm, y - 3 * mm, item.name[:38])
        canvas.drawString(x + 2 * mm, y - 6.5 * mm, item.price)
        ean = createBarcodeDrawing("EAN13", value=item.code[:12], barWidth=0.33 * mm, barHeight=18 * mm)
        renderPDF.draw(ean, canvas, x + 4 * mm, y - cell_h + 4 * mm)
    canvas.save()
    return path
