"""The QRIS acquirer as the till sees it: make a dynamic code for an amount, ask what became of it.

`SnapQrisAcquirer` (snap_qris.py) speaks Bank Indonesia's SNAP "QRIS MPM"; `snap_simulator.py` is an
acquirer for the demo and the tests. Nothing here knows about sales or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class QrStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    EXPIRED = "expired"
    FAILED = "failed"


@dataclass(frozen=True)
class GeneratedQr:
    """A dynamic QRIS made by the acquirer: the code to show and the acquirer's id of it."""

    qr_content: str
    reference_no: str  # the acquirer's transaction id (SNAP referenceNo)
    partner_reference_no: str  # ours (SNAP partnerReferenceNo)


@dataclass(frozen=True)
class QrState:
    status: QrStatus
    rrn: str = ""  # the payment's retrieval reference number, once paid
    amount_rp: int | None = None
    detail: str = ""


@dataclass(frozen=True)
class AcquirerConfig:
    """How the till reaches its acquirer (the `qris.acquirer` setting; secrets never printed)."""

    base_url: str
    client_id: str  # X-CLIENT-KEY, also X-PARTNER-ID
    client_secret: str
    private_key_pem: str  # ours: signs the access-token request
    merchant_id: str
    terminal_id: str = ""
    channel_id: str = "95221"
    acquirer_public_key_pem: str = ""  # the acquirer's: checks its notifications (kept for reference)
    validity_minutes: int = 15
    extra: dict[str, Any] = field(default_factory=dict)

    SECRET_FIELDS = ("client_secret", "private_key_pem")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AcquirerConfig:
        known = {
            "base_url",
            "client_id",
            "client_secret",
            "private_key_pem",
            "merchant_id",
            "terminal_id",
            "channel_id",
            "acquirer_public_key_pem",
            "validity_minutes",
        }
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "private_key_pem": self.private_key_pem,
            "merchant_id": self.merchant_id,
            "terminal_id": self.terminal_id,
            "channel_id": self.channel_id,
            "acquirer_public_key_pem": self.acquirer_public_key_pem,
            "validity_minutes": self.validity_minutes,
        }

    def shown(self) -> dict[str, Any]:
        """What may be printed or shown: the secrets only as set or not."""
        out = self.to_dict()
        for name in self.SECRET_FIELDS:
            out[name] = "(tersimpan)" if out[name] else ""
        out["acquirer_public_key_pem"] = "(tersimpan)" if self.acquirer_public_key_pem else ""
        return out


class AcquirerError(Exception):
    """The acquirer could not be reached or refused: the till falls back to manual confirmation."""

    def __init__(self, message: str, response_code: str = "", retryable: bool = True) -> None:
        super().__init__(message)
        self.response_code = response_code
        self.retryable = retryable


class QrisAcquirer(Protocol):
    def generate(self, amount_rp: int, partner_reference_no: str) -> GeneratedQr:
        """A dynamic QRIS for `amount_rp`, our reference in it (SNAP service 47)."""
        ...

    def query(self, qr: GeneratedQr) -> QrState:
        """What became of the code (SNAP service 51)."""
        ...


def partner_reference(sale_id: str) -> str:
    """Our reference of a sale's QRIS payment: the sale id's 32 hex digits (SNAP allows 32 at some
    acquirers), which the server and the till turn back into the sale id."""
    return sale_id.replace("-", "")


def sale_id_of(partner_reference_no: str) -> str | None:
    text = partner_reference_no.strip().lower()
    if len(text) != 32 or any(c not in "0123456789abcdef" for c in text):
        return None
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
