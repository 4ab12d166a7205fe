"""The demo shop: a realistic KKMP sembako/LPG/obat catalog, members, users and a week of past sales.

Everything goes through the same services a real shop uses, so the demo data obeys every rule (ledger,
outbox, receipt numbers). Large shops for benchmarks are made by `kkmp_pos.devtools.bulkgen`.
"""

from __future__ import annotations

import csv
import logging
import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from kkmp_pos.config import resources_dir
from kkmp_pos.core.barcodes import make_ean13
from kkmp_pos.core.cart import Cart
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.core.simpanan import add_months, gender_from_nik, month_of
from kkmp_pos.core.text import fold
from kkmp_pos.db.ledger import record_movement
from kkmp_pos.db.models import MemberModel, ProductModel, SettingModel
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.members.lookup import member_ref
from kkmp_pos.services.selling.limits import LimitService
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod, SaleService
from kkmp_pos.services.setup.auth import AuthService, actor_of
from kkmp_pos.services.setup.first_run import StoreInfo, initialise_store
from kkmp_pos.services.stock.product_row import ProductRow
from kkmp_pos.services.stock.products import ProductService, ProductSpec, UnitSpec

log = logging.getLogger(__name__)

DEMO_USERS = [
    # (name, role, PIN) — shown on the login screen of the demo shop only
    ("Siti Rahmawati", "kasir", "1111"),
    ("Andi Pratama", "kasir", "2222"),
    ("Budi Santoso", "manajer", "9999"),
    ("Admin Koperasi", "admin", "123456"),
]

DEMO_STORE = StoreInfo(
    code="KMPBPN",
    name="Gerai Sembako KKMP Gunung Samarinda",
    cooperative_name="Koperasi Kelurahan Merah Putih Gunung Samarinda",
    address="Jl. Soekarno-Hatta Km 5, Balikpapan Utara, Kalimantan Timur",
    legal_number="AHU-0012345.AH.01.29.TAHUN 2025",
    region="Kota Balikpapan, Kalimantan Timur",
    price_zone=2,
)

# The demo shop's static QRIS: a fictitious merchant (acquirer ID.CO.KKMPDEMO.WWW, NMID ID1025000000017,
# a Luhn-valid PAN) with a correct CRC, so a demo QRIS payment shows a code any QRIS parser accepts.
# No wallet can pay it: no acquirer knows this merchant. tests/services/test_qris_setup.py checks it.
DEMO_QRIS = (
    "00020101021126710018ID.CO.KKMPDEMO.WWW011993609999000000000110215KKMPDEMO00000010303UMI"
    "51440014ID.CO.QRIS.WWW0215ID10250000000170303UMI5204541153033605802ID"
    "5923GERAI KKMP GN SAMARINDA6010BALIKPAPAN61057612562070703A016304B951"
)

FIRST = [
    "Siti",
    "Ahmad",
    "Dewi",
    "Rudi",
    "Nur",
    "Agus",
    "Rina",
    "Yusuf",
    "Lestari",
    "Hendra",
    "Wati",
    "Joko",
    "Fitri",
    "Bambang",
    "Ani",
    "Dedi",
    "Sri",
    "Arif",
    "Maya",
    "Syamsul",
]
LAST = [
    "Hidayat",
    "Saputra",
    "Wulandari",
    "Kurniawan",
    "Rahayu",
    "Setiawan",
    "Lestari",
    "Nugroho",
    "Pratiwi",
    "Gunawan",
    "Anggraini",
    "Hakim",
    "Yulianti",
    "Siregar",
    "Wijaya",
    "Susanto",
]


def demo_barcode(index: int) -> str:
    """A valid GS1 Indonesia (899) EAN-13 for the index-th demo barcode."""
    return make_ean13(f"899{index:09d}")


def load_catalog_rows() -> list[dict[str, str]]:
    with (resources_dir() / "demo" / "catalog.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def product_specs() -> list[ProductSpec]:
    specs = []
    barcode_no = 1000
    for row in load_catalog_rows():
        units = []
        if row["units"]:
            for part in row["units"].split(";"):
                name, factor, price, member = part.split("|")
                barcode_no += 1
                units.append(
                    UnitSpec(name, int(factor), int(price), int(member), barcodes=[demo_barcode(barcode_no)])
                )
        weighed = row["is_weighed"] == "1"
        barcode_no += 1
        specs.append(
            ProductSpec(
                code=row["code"],
                name=row["name"],
                regular_price_rp=int(row["regular_price_rp"]),
                member_price_rp=int(row["member_price_rp"]) if row["member_price_rp"] else None,
                ceiling_rp=int(row["ceiling_rp"]) if row["ceiling_rp"] else None,
                base_unit=row["base_unit"],
                is_weighed=weighed,
                category=row["category"],
                business_unit=row["business_unit"],
                supplier=row["supplier"],
                cost_rp=int(row["cost_rp"]),
                reorder_level_milli=10_000 if not weighed else 5_000,
                track_batches=row["track_batches"] == "1",
                drug_class=row["drug_class"] or None,
                requires_nik=row["requires_nik"] == "1",
                barcodes=[] if weighed else [demo_barcode(barcode_no)],
                units=units,
            )
        )
    return specs


def create_members(ctx: ServiceContext, count: int, rng: random.Random) -> list[MemberModel]:
    members = []
    for i in range(1, count + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        number = f"A-{i:06d}"
        status = "inactive" if i == count else "active"  # one lapsed member shows the rule
        nik = make_demo_nik(rng)
        members.append(
            MemberModel.create(
                id=uuid7(),
                number=number,
                card_code=f"77{i:08d}",
                name=name,
                nik=nik,
                phone=f"08{rng.randint(11, 59)}{rng.randint(10_000_000, 99_999_999)}",
                address=f"RT {rng.randint(1, 40):02d}, Gunung Samarinda, Balikpapan Utara",
                status=status,
                joined_on="2025-08-17",
                gender=gender_from_nik(nik),
                # brought over like an existing shop's member: wajib billed from next month
                cutover_month=add_months(month_of(ctx.business_date()), 1),
                created_at=ctx.now_iso(),
                search_text=fold(f"{name} {number}"),
            )
        )
    from kkmp_pos.services.privacy.retention import fill_hashes

    fill_hashes(ctx)  # the members' NIK hash + last 4, as a registration at the counter stores them
    return members


def create_demo_shop(ctx: ServiceContext, *, days_of_sales: int = 7, seed: int = 17) -> None:
    """Fill an empty database with the demo shop. Deterministic for a given seed and clock."""
    rng = random.Random(seed)
    initialise_store(ctx, DEMO_STORE)
    SettingModel.insert(key="demo", value="true").on_conflict_replace().execute()
    ctx.set_setting("qris.static_payload", DEMO_QRIS)
    auth = AuthService(ctx)
    users = [auth.create_user(name, role, pin) for name, role, pin in DEMO_USERS]
    products = ProductService(ctx)
    start = ctx.now() - timedelta(days=days_of_sales + 1)
    with ctx.db.atomic():
        for spec in product_specs():
            product = products.create(spec)
            opening = 60_000 if spec.is_weighed else rng.randint(40, 120) * 1000
            if spec.track_batches:
                _receive_batches(ctx, product, opening, rng)
            else:
                record_movement(
                    ctx,
                    product_id=product.id,
                    qty_milli=opening,
                    kind="opening",
                    doc_id="opening-stock",
                    unit_cost_rp=spec.cost_rp,
                    created_at=start.isoformat(),
                )
        members = create_members(ctx, 20, rng)
        from kkmp_pos.services.books.posting import post_opening_stock

        post_opening_stock("opening-stock", start.date().isoformat(), start.isoformat())
    LimitService(ctx).install_defaults()  # the DOMAIN.md caps, before the past sales that obey them
    if days_of_sales:
        _past_sales(ctx, users, members, days_of_sales, rng)


def _receive_batches(ctx: ServiceContext, product: ProductRow, qty: int, rng: random.Random) -> None:
    from kkmp_pos.db.models import BatchModel

    today = ctx.now().date()
    first = qty // 3
    for n, (part, months) in enumerate([(first, 2), (qty - first, 14)]):
        expiry = (today + timedelta(days=30 * months)).isoformat()
        batch = BatchModel.create(
            product=product.id, batch_no=f"{product.code}{today:%y%m}{n + 1}", expiry=expiry
        )
        record_movement(
            ctx,
            product_id=product.id,
            qty_milli=part,
            kind="opening",
            doc_id="opening-stock",
            batch_id=batch.id,
            unit_cost_rp=product.cost_rp,
        )


def _past_sales(ctx, users, members, days: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """About 40 sales a day between 07:00 and 20:00 store time, a third to members, all cash."""
    from kkmp_pos.core.cash import breakdown
    from kkmp_pos.services.selling.priced_items import item_from
    from kkmp_pos.services.shifts.drawer import ShiftService

    sales = SaleService(ctx)
    shifts = ShiftService(ctx)
    drawer = breakdown(300_000)  # the first day's float
    cashiers = [actor_of(u) for u in users if u.role == "kasir"]
    products = list(
        ProductModel.select().where(
            (ProductModel.drug_class.is_null()) | (ProductModel.drug_class != "keras")
        )
    )
    weights = [5 if p.business_unit == "sembako" else 2 for p in products]
    active_members = [m for m in members if m.status == "active"]
    tz = ZoneInfo(ctx.store.timezone)
    limits = LimitService(ctx)
    nik_rng = random.Random(6471)  # buyers' NIKs for LPG: their own stream, so the carts stay the same
    real_clock = ctx.clock
    today = real_clock().astimezone(tz).date()
    try:
        for day in range(days, 0, -1):
            date = today - timedelta(days=day)
            count = rng.randint(32, 48)
            stamps = sorted(rng.randint(7 * 3600, 20 * 3600) for _ in range(count))
            ctx.clock = lambda d=date: datetime.combine(d, time(6, 55), tz)
            opener = cashiers[day % len(cashiers)]
            shift = shifts.open(opener, drawer)
            for seconds in stamps:
                moment = datetime.combine(date, time(), tz) + timedelta(seconds=seconds)
                ctx.clock = lambda m=moment: m
                cart = Cart()
                if rng.random() < 0.35:
                    cart.set_member(member_ref(rng.choice(active_members)))
                picked = {p.id: p for p in rng.choices(products, weights=weights, k=rng.randint(1, 5))}
                for product in sorted(picked.values(), key=lambda p: p.id):  # same shop on every run
                    qty = (
                        rng.choice([500, 1000, 1500, 2000])
                        if product.is_weighed
                        else rng.randint(1, 3) * 1000
                    )
                    cart.add(item_from(product), qty)
                buyer_nik = _obey_limits(limits, cart, nik_rng)
                if not cart.lines:
                    continue
                due = sales.cash_due(cart)
                tendered = next(
                    (n for n in (10_000, 20_000, 50_000, 100_000, 200_000, 500_000) if n >= due), due
                )
                sales.checkout(
                    cart,
                    [PaymentInput(PaymentMethod.CASH, 0, tendered)],
                    rng.choice(cashiers),
                    buyer_nik=buyer_nik,
                )
            # The day's cash counted as it should be; the float stays in the drawer, the rest is deposited.
            ctx.clock = lambda d=date: datetime.combine(d, time(20, 30), tz)
            expected = shifts.figures(shift.id).expected_rp
            drawer = breakdown(min(expected, 300_000))
            shifts.close(opener, breakdown(expected), shift_id=shift.id, left_counts=drawer)
        # Past receipts were printed long ago: do not leave them waiting in the print queue.
        from kkmp_pos.db.models import PrintJobModel

        PrintJobModel.update(status="sent", sent_at=ctx.now_iso()).where(
            PrintJobModel.status == "pending"
        ).execute()
    finally:
        ctx.clock = real_clock


def _obey_limits(limits: LimitService, cart: Cart, nik_rng: random.Random) -> str | None:
    """A demo sale of capped goods: a walk-in LPG buyer shows a KTP; lines over a blocking cap are left out.

    Returns the NIK to record (None when the cart needs none or the member's is used).
    """
    check = limits.check(cart)
    buyer_nik = make_demo_nik(nik_rng) if check.nik_missing else None
    for violation in limits.check(cart, buyer_nik).blocks:
        for line in list(cart.lines):
            if violation.rule.measure_of(line.item.code, None) is not None:
                cart.remove(line.line_id)
    if buyer_nik and not any(line.item.requires_nik for line in cart.lines):
        return None
    return buyer_nik
