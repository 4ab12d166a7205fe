"""What the README screenshot shows: the demo cashier, three everyday goods and a member."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.db.models import BarcodeModel, MemberModel, ProductModel, UserModel
from kkmp_pos.services.context import Actor
from kkmp_pos.services.setup.auth import actor_of

# Rice, cooking oil and sugar: what a KKMP shop sells most.
EVERYDAY_CODES = ["SPHP5", "MK1", "GP1"]


@dataclass(frozen=True)
class ShowcaseCart:
    cashier: Actor | None
    barcodes: list[str]
    member_number: str | None


def showcase_cart() -> ShowcaseCart:
    """The first cashier, three barcodes (any three if the everyday goods are gone) and an active member."""
    user = UserModel.select().where(UserModel.role == "kasir").order_by(UserModel.id).first()
    codes = [
        b.code
        for b in BarcodeModel.select(BarcodeModel.code)
        .join(ProductModel)
        .where(ProductModel.code.in_(EVERYDAY_CODES) & BarcodeModel.unit.is_null())
        .order_by(ProductModel.id)
    ] or [b.code for b in BarcodeModel.select().order_by(BarcodeModel.code).limit(3)]
    member = MemberModel.select().where(MemberModel.status == "active").order_by(MemberModel.number).first()
    return ShowcaseCart(
        actor_of(user) if user is not None else None,
        codes[:3],
        member.number if member is not None else None,
    )


@dataclass(frozen=True)
class ShowcaseShop:
    """Who and what the screenshots of every screen show: one person of each role, a weighed good's
    barcode and an everyday good to edit."""

    cashier: Actor
    manager: Actor
    admin: Actor
    weighed_barcode: str | None
    product_id: int


def showcase_shop() -> ShowcaseShop:
    def person(role: str) -> Actor:
        user = UserModel.select().where(UserModel.role == role).order_by(UserModel.id).first()
        if user is None:  # a shop without that role: the first user stands in
            user = UserModel.select().order_by(UserModel.id).first()
        return actor_of(user)

    weighed = (
        BarcodeModel.select(BarcodeModel.code)
        .join(ProductModel)
        .where(ProductModel.is_weighed & ProductModel.active & BarcodeModel.unit.is_null())
        .order_by(BarcodeModel.code)
        .first()
    )
    product = (
        ProductModel.select(ProductModel.id).where(ProductModel.code.in_(EVERYDAY_CODES)).first()
        or ProductModel.select(ProductModel.id).order_by(ProductModel.id).first()
    )
    return ShowcaseShop(
        person("kasir"),
        person("manajer"),
        person("admin"),
        weighed.code if weighed is not None else None,
        product.id,
    )
