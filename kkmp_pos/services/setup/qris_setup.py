"""The shop's static QRIS, entered by a manager: pasted, typed in by the 2D scanner, or read from a photo
of the sticker; checked (CRC, structure, a static code); shown for confirmation (merchant name, city,
NMID, acquirers); then saved as `qris.static_payload`, audited.

Every QRIS payment's dynamic code is built from this code (`core.qris.build_dynamic_qris`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.qris import QrisPayload, validate_static_qris
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

# EMVCo MPM payloads are at most 512 characters; a longer text is not a code that was pasted whole.
MAX_PAYLOAD_CHARS = 512
QRIS_PREFIX = "000201"  # tag 00 (payload format indicator) = "01" opens every QRIS code


@dataclass(frozen=True)
class QrisMerchant:
    """What the manager checks against the sticker before the code is saved."""

    payload: str
    merchant_name: str
    merchant_city: str
    postal_code: str
    nmid: str
    acquirers: tuple[str, ...]  # the global unique ids of the merchant account templates (26-51)
    mcc: str

    @classmethod
    def of(cls, parsed: QrisPayload) -> QrisMerchant:
        return cls(
            payload=parsed.raw,
            merchant_name=parsed.merchant_name,
            merchant_city=parsed.merchant_city,
            postal_code=parsed.postal_code or "",
            nmid=parsed.nmid or "",
            acquirers=tuple(a for a in parsed.acquirers if a),
            mcc=parsed.mcc,
        )

    @property
    def acquirer_text(self) -> str:
        """The acquirers without the national repository's id, or all of them if only it is there."""
        own = [a for a in self.acquirers if a != "ID.CO.QRIS.WWW"]
        return ", ".join(own or self.acquirers)


class QrisSetupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def check(self, payload: str) -> QrisMerchant:
        """The merchant details of a static QRIS code, or a ValidationError saying what is wrong."""
        text = payload.strip()
        if len(text) > MAX_PAYLOAD_CHARS:
            raise ValidationError("qris_payload_too_long", length=len(text), limit=MAX_PAYLOAD_CHARS)
        return QrisMerchant.of(validate_static_qris(text))

    def read_image(self, path: str | Path) -> QrisMerchant:
        """The static QRIS in a photo or image file of the sticker, checked as `check` does.

        No QR code found, a QR code that is not QRIS, or several different QRIS codes: a message that
        says which, in words a manager can act on.
        """
        from kkmp_pos.services.setup.qris_image import read_qr_texts

        name = Path(path).name
        texts = [t.strip() for t in read_qr_texts(path)]
        if not texts:
            raise ValidationError("qris_image_no_code", name=name)
        qris = list(dict.fromkeys(t for t in texts if t.startswith(QRIS_PREFIX)))
        if not qris:
            raise ValidationError("qris_image_not_qris", name=name)
        if len(qris) > 1:
            raise ValidationError("qris_image_many", name=name, count=len(qris))
        return self.check(qris[0])

    def save(self, actor: Actor, payload: str) -> QrisMerchant:
        """Keep `payload` as the shop's static QRIS (a manager's decision, audited with the old NMID)."""
        require(actor, "settings")
        merchant = self.check(payload)
        previous = self.current()
        with self.ctx.db.atomic():
            self.ctx.set_setting("qris.static_payload", merchant.payload)
            audit(
                self.ctx,
                "settings.qris",
                actor,
                merchant_name=merchant.merchant_name,
                merchant_city=merchant.merchant_city,
                nmid=merchant.nmid,
                acquirers=list(merchant.acquirers),
                previous_nmid=previous.nmid if previous else None,
                previous_merchant_name=previous.merchant_name if previous else None,
            )
        return merchant

    def current(self) -> QrisMerchant | None:
        """The saved code's details; None when none is saved (or the saved one no longer checks)."""
        stored = self.ctx.settings.qris_static_payload
        if not stored:
            return None
        try:
            return self.check(stored)
        except ValidationError:
            return None
