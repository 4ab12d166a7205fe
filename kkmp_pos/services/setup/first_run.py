"""First-run setup of a till: the store, this terminal, and the first users."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.core.ids import uuid7
from kkmp_pos.db.models import StoreModel, TerminalModel
from kkmp_pos.services.context import ServiceContext


@dataclass(frozen=True)
class StoreInfo:
    code: str
    name: str
    cooperative_name: str
    address: str = ""
    legal_number: str = ""
    npwp: str = ""
    region: str = ""
    price_zone: int = 2
    timezone: str = "Asia/Makassar"
    vat_registered: bool = False
    is_apotek: bool = False


# A fresh real shop starts with placeholders the manager replaces in the settings screen.
DEFAULT_STORE = StoreInfo(code="TOKO", name="Gerai KKMP", cooperative_name="Koperasi Merah Putih")


def is_initialised() -> bool:
    return StoreModel.select().exists() and TerminalModel.select().exists()


def initialise_store(
    ctx: ServiceContext, info: StoreInfo, terminal_code: str = "T1", terminal_number: int = 1
) -> None:
    """Create the store and terminal rows once. A till that is not enrolled owns all its data."""
    with ctx.db.atomic():
        StoreModel.create(
            id=uuid7(),
            cooperative_id=uuid7(),
            code=info.code,
            name=info.name,
            cooperative_name=info.cooperative_name,
            address=info.address,
            legal_number=info.legal_number,
            npwp=info.npwp,
            region=info.region,
            price_zone=info.price_zone,
            timezone=info.timezone,
            vat_registered=info.vat_registered,
            is_apotek=info.is_apotek,
        )
        TerminalModel.create(id=uuid7(), code=terminal_code, number=terminal_number, next_seq=1)
    ctx.refresh_store()
