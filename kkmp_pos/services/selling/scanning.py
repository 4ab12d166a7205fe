"""What one scan at the till means: a product (EAN, scale label, GS1), a receipt, or a member card.

`ScanService.read` holds every rule of the cashier's scan field: the `3*` quantity prefix, in-store
scale labels with their weight or price, receipt codes, member cards (and a member number, phone or
NIK typed into the field), and plain barcodes. The screen only shows what it decided.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction

from kkmp_pos.core.barcodes import (
    ScaleBarcodeLayout,
    ScanKind,
    classify_scan,
    parse_gs1,
    parse_scale_barcode,
    split_qty_prefix,
)
from kkmp_pos.core.cart import MemberRef
from kkmp_pos.core.drugs import check_drug_store
from kkmp_pos.core.errors import KkmpError, NotFoundError, ValidationError
from kkmp_pos.core.money import MILLI, parse_qty, round_half_up
from kkmp_pos.core.pricing import PricedItem, price_for
from kkmp_pos.db.models import MemberModel, ProductModel, SaleModel
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.members.lookup import MemberService
from kkmp_pos.services.selling.catalog import CatalogService
from kkmp_pos.services.selling.priced_items import item_from


class ScanResultKind(StrEnum):
    ITEM = "item"
    RECEIPT = "receipt"
    MEMBER = "member"


@dataclass(frozen=True)
class ScanResult:
    kind: ScanResultKind
    item: PricedItem | None = None
    qty_milli: int = MILLI
    fixed_total_rp: int | None = None  # a price label: the line total is the label's value
    batch_no: str | None = None  # from a GS1 DataMatrix
    sale_id: str | None = None
    member: MemberRef | None = None
    # A weighed item from a code that carries no weight: the cashier weighs it before it is added.
    needs_weight: bool = False


def is_in_store_number(code: str) -> bool:
    """GS1 numbers starting with 2 are for use inside the shop: a weighed item under one was weighed
    when it was labelled, so the till does not ask for its weight again."""
    return code.startswith("2")


def scale_layout(ctx: ServiceContext) -> ScaleBarcodeLayout:
    """The shop's scale label layout (a setting, since Indonesia has no national layout)."""
    raw = ctx.settings.scale_layout
    if "prefixes" in raw:
        raw = {**raw, "prefixes": tuple(raw["prefixes"])}
    return ScaleBarcodeLayout(**raw)


class ScanService:
    def __init__(
        self, ctx: ServiceContext, catalog: CatalogService, members: MemberService | None = None
    ) -> None:
        self.ctx = ctx
        self.catalog = catalog
        self.members = members if members is not None else MemberService(ctx)

    def read(self, text: str, *, member_active: bool = False) -> ScanResult:
        """What the cashier's scan field received, with its quantity: `3*<code>` sells three.

        A code that is no product, receipt or card may be a member number, phone or NIK typed by hand;
        if it is none of these, the scan's own NotFoundError is raised. A weighed item whose code holds
        no weight comes back with `needs_weight`.
        """
        code, qty_text = split_qty_prefix(text)
        qty_milli = parse_qty(qty_text) if qty_text is not None else MILLI
        try:
            result = self.scan(code, member_active=member_active)
        except NotFoundError as unknown:
            try:
                member = self.members.find(code)
            except KkmpError:
                raise unknown from None
            return ScanResult(ScanResultKind.MEMBER, member=member)
        if result.kind is not ScanResultKind.ITEM:
            return result
        assert result.item is not None
        self.check_addable(result.item)
        from_label = result.fixed_total_rp is not None or result.qty_milli != MILLI
        if result.item.is_weighed and not (from_label or is_in_store_number(code)):
            return replace(result, needs_weight=True)
        if from_label or qty_milli == result.qty_milli:
            return result
        return replace(result, qty_milli=qty_milli)

    def check_addable(self, item: PricedItem) -> None:
        """Refuse, before it reaches the cart, what this store may never sell: obat keras without an
        apotek. Scans check it here; a search result or quick button is checked by the till's `sell`.
        The checkout checks the whole cart again (a prescription, expired batches)."""
        check_drug_store(item.name, item.drug_class, is_apotek=self.ctx.store.is_apotek)

    def scan(self, code: str, *, member_active: bool = False) -> ScanResult:
        """Resolve a scanned or typed code. The common case (a product barcode) costs one query."""
        code = code.strip()
        try:
            return ScanResult(ScanResultKind.ITEM, self.catalog.lookup_barcode(code))
        except NotFoundError:
            pass
        layout = scale_layout(self.ctx)
        kind = classify_scan(code, layout)
        in_store = len(code) == 13 and code.isdigit() and any(code.startswith(p) for p in layout.prefixes)
        if kind is ScanKind.SCALE or in_store:  # a damaged label gets its check-digit message
            return self._scale(code, member_active)
        if kind is ScanKind.GS1:
            data = parse_gs1(code)
            item = self.catalog.lookup_barcode(data.gtin13 or data.gtin)
            return ScanResult(ScanResultKind.ITEM, item, batch_no=data.batch)
        if len(code) == 12 and code.isdigit():
            sale = SaleModel.get_or_none(SaleModel.receipt_code == code)
            if sale is not None:
                return ScanResult(ScanResultKind.RECEIPT, sale_id=sale.id)
        member = MemberModel.get_or_none(MemberModel.card_code == code)
        if member is not None:
            return ScanResult(ScanResultKind.MEMBER, member=self.members.with_money(member))
        raise NotFoundError("barcode_unknown", code=code)

    def _scale(self, code: str, member_active: bool) -> ScanResult:
        label = parse_scale_barcode(code, scale_layout(self.ctx))
        assert label is not None
        product = ProductModel.get_or_none(ProductModel.code == label.item_code) or ProductModel.get_or_none(
            ProductModel.code == label.item_code.lstrip("0")
        )
        if product is None:
            raise NotFoundError("scale_item_unknown", code=code, item=label.item_code)
        if not product.active:
            raise ValidationError("product_inactive", name=product.name)
        item = item_from(product)
        if label.weight_milli is not None:
            return ScanResult(ScanResultKind.ITEM, item, qty_milli=label.weight_milli)
        assert label.price_rp is not None
        unit_price = price_for(item, member_active).unit_price_rp
        # The label's value is the line total; the weight is derived for stock only (grams, half-up).
        qty = max(1, round_half_up(Fraction(label.price_rp * MILLI, unit_price)))
        return ScanResult(ScanResultKind.ITEM, item, qty_milli=qty, fixed_total_rp=label.price_rp)
