"""The shop's identity as a manager keeps it: cooperative and shop names, address, badan hukum number,
the Kemendagri region code of its kelurahan, the SIMKOPDES reference, the time zone and the VAT status
with its NPWP. Checked here, saved to the store row and the `shop.*` settings, each change audited."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

# Indonesia's three time zones as the shop names them, and the zone the till computes with.
TIME_ZONES: dict[str, str] = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}

# Kemendagri code of a desa/kelurahan: province.regency.district.village, e.g. 64.71.05.1001
# (a kelurahan's village part starts with 1, a desa's with 2).
_KODE_WILAYAH = re.compile(r"^[1-9]\d\.\d{2}\.\d{2}\.[12]\d{3}$")
_SIMKOPDES = re.compile(r"^[A-Za-z0-9./\-]{3,40}$")
_STORE_CODE = re.compile(r"^[A-Z0-9]{2,10}$")


@dataclass(frozen=True)
class ShopProfile:
    code: str
    name: str
    cooperative_name: str
    address: str = ""
    legal_number: str = ""
    kode_wilayah: str = ""
    simkopdes_ref: str = ""
    time_zone: str = "WITA"  # WIB | WITA | WIT
    vat_registered: bool = False
    npwp: str = ""


def zone_label(timezone: str) -> str:
    """WIB, WITA or WIT for a stored zone name (a zone of none of them is shown as it is)."""
    for label, name in TIME_ZONES.items():
        if name == timezone:
            return label
    return timezone


def check_kode_wilayah(text: str) -> str:
    """The code as `NN.NN.NN.NNNN`, '' for none; ValidationError when it has another shape."""
    code = text.strip()
    if code and not _KODE_WILAYAH.match(code):
        raise ValidationError("kode_wilayah_invalid", value=code)
    return code


def check_npwp(text: str) -> str:
    """The NPWP in its printed form (15 digits) or its 16 digits; ValidationError if its check fails."""
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.id import npwp

    number = text.strip()
    if not number:
        return ""
    try:
        compact = npwp.validate(number)
    except StdnumError:
        raise ValidationError("npwp_invalid", value=number) from None
    return str(npwp.format(compact)) if len(compact) == 15 else compact


def check_profile(profile: ShopProfile) -> ShopProfile:
    """The profile cleaned (trimmed, formatted numbers), or the first ValidationError found."""
    code = profile.code.strip().upper()
    if not _STORE_CODE.match(code):
        raise ValidationError("store_code_invalid", value=profile.code)
    for field, value in (("name", profile.name), ("cooperative_name", profile.cooperative_name)):
        if not value.strip():
            raise ValidationError(
                "shop_field_required", field=_FIELD_WORDS[field][0], field_en=_FIELD_WORDS[field][1]
            )
    if profile.time_zone not in TIME_ZONES:
        raise ValidationError("time_zone_invalid", value=profile.time_zone)
    simkopdes = profile.simkopdes_ref.strip()
    if simkopdes and not _SIMKOPDES.match(simkopdes):
        raise ValidationError("simkopdes_invalid", value=simkopdes)
    npwp = check_npwp(profile.npwp)
    if profile.vat_registered and not npwp:
        raise ValidationError("npwp_required_for_vat")
    return ShopProfile(
        code=code,
        name=profile.name.strip(),
        cooperative_name=profile.cooperative_name.strip(),
        address=profile.address.strip(),
        legal_number=profile.legal_number.strip(),
        kode_wilayah=check_kode_wilayah(profile.kode_wilayah),
        simkopdes_ref=simkopdes,
        time_zone=profile.time_zone,
        vat_registered=profile.vat_registered,
        npwp=npwp,
    )


_FIELD_WORDS = {"name": ("nama toko", "shop name"), "cooperative_name": ("nama koperasi", "cooperative")}


class ShopProfileService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def load(self) -> ShopProfile:
        store = self.ctx.store
        return ShopProfile(
            code=store.code,
            name=store.name,
            cooperative_name=store.cooperative_name,
            address=store.address,
            legal_number=store.legal_number,
            kode_wilayah=self.ctx.settings.shop_kode_wilayah,
            simkopdes_ref=self.ctx.settings.shop_simkopdes_ref,
            time_zone=zone_label(store.timezone),
            vat_registered=bool(store.vat_registered),
            npwp=store.npwp,
        )

    def save(self, actor: Actor | None, profile: ShopProfile) -> ShopProfile:
        """Check and keep `profile`; one audit row lists every field changed (old → new).

        Without an actor only while the first-run wizard is open (no user exists yet to act)."""
        if actor is not None or not self.ctx.settings.setup_wizard_pending:
            require(actor, "settings")
        clean = check_profile(profile)
        before = self.load()
        changes = {
            key: [old, new]
            for (key, old), new in zip(asdict(before).items(), asdict(clean).values(), strict=True)
            if old != new
        }
        if not changes:
            return before
        from kkmp_pos.db.models import StoreModel

        with self.ctx.db.atomic():
            StoreModel.update(
                code=clean.code,
                name=clean.name,
                cooperative_name=clean.cooperative_name,
                address=clean.address,
                legal_number=clean.legal_number,
                timezone=TIME_ZONES[clean.time_zone],
                vat_registered=clean.vat_registered,
                npwp=clean.npwp,
            ).execute()
            self.ctx.set_setting("shop.kode_wilayah", clean.kode_wilayah)
            self.ctx.set_setting("shop.simkopdes_ref", clean.simkopdes_ref)
            audit(self.ctx, "settings.shop", actor, changes=changes)
        self.ctx.refresh_store()
        return self.load()
