"""The demo shop's training sheet: its users and PINs, member cards and product barcodes (as a PDF).

Only the demo shop has one: its PINs are the published demo PINs; a real shop's are never known.
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_rp
from kkmp_pos.db.models import (
    BarcodeModel,
    MemberModel,
    ProductModel,
    ProductUnitModel,
    SettingModel,
    UserModel,
)
from kkmp_pos.pdf.demo_sheet_pdf import DemoSheet, SheetBarcode, SheetMember, SheetUser, render
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.setup.demo import DEMO_USERS

_ROLES = {"kasir": ("Kasir", "Cashier"), "manajer": ("Manajer", "Manager"), "admin": ("Admin", "Admin")}
_WORDS = {
    "id": (
        "Lembar latihan toko demo",
        "Pindai barcode di bawah ini di layar kasir. Hanya untuk latihan: toko demo, bukan toko sungguhan.",
        "Pengguna dan PIN",
        "Kartu anggota (pindai di layar kasir untuk harga anggota)",
        "Barcode barang",
        "nonaktif",
    ),
    "en": (
        "Demo shop training sheet",
        "Scan the codes below at the cashier screen. For training only: the demo shop, not a real one.",
        "Users and PINs",
        "Member cards (scan at the cashier screen for member prices)",
        "Product barcodes",
        "inactive",
    ),
}


def is_demo_shop() -> bool:
    row = SettingModel.get_or_none(SettingModel.key == "demo")
    return row is not None and row.value == "true"


def demo_sheet(ctx: ServiceContext, lang: str = "id") -> DemoSheet:
    """The sheet's contents; a shop that is not the demo shop is refused (its PINs are secret)."""
    if not is_demo_shop():
        raise ValidationError("demo_sheet_not_demo")
    words = _WORDS.get(lang, _WORDS["id"])
    pins = {name: pin for name, _role, pin in DEMO_USERS}
    users = [
        SheetUser(u.name, _ROLES.get(u.role, (u.role, u.role))[lang == "en"], pins[u.name])
        for u in UserModel.select().where(UserModel.active == True).order_by(UserModel.id)  # noqa: E712
        if u.name in pins
    ]
    members = [
        SheetMember(m.number, m.name, m.card_code, m.status == "active")
        for m in MemberModel.select().where(MemberModel.card_code.is_null(False)).order_by(MemberModel.number)
    ]
    barcodes = []
    query = (
        BarcodeModel.select(BarcodeModel, ProductModel, ProductUnitModel)
        .join(ProductModel)
        .switch(BarcodeModel)
        .join(ProductUnitModel, pw.JOIN.LEFT_OUTER)
        .where(ProductModel.active == True)  # noqa: E712
        .order_by(ProductModel.name, BarcodeModel.code)
    )
    for row in query:
        code = row.code
        if len(code) != 13 or not code.isdigit():
            continue  # only EAN-13 goes on the sheet (weighed goods have scale labels instead)
        unit = row.unit if row.unit_id else None
        name = f"{row.product.name} ({unit.name})" if unit else row.product.name
        price = unit.regular_price_rp if unit else row.product.regular_price_rp
        barcodes.append(SheetBarcode(name, code, format_rp(price)))
    title, note, users_title, members_title, products_title, inactive = words
    shop = f"{ctx.store.name} — {ctx.store.cooperative_name}"
    return DemoSheet(
        title, shop, note, users_title, members_title, products_title, inactive, users, members, barcodes
    )


def write_demo_sheet(ctx: ServiceContext, path: Path | str, lang: str = "id") -> Path:
    return render(demo_sheet(ctx, lang), Path(path))
