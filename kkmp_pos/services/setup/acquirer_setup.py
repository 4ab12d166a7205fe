"""The QRIS acquirer's SNAP API, entered by a manager: base URL, client id and secret, the till's
private key (signs the access-token request), the acquirer's public key, merchant and terminal ids.
Checked before it is saved as `qris.acquirer`; audited without its secrets, which are never shown.

With an acquirer, a QRIS payment's code comes from the acquirer and confirms itself when paid
(services/selling/qris_online.py); without one, the static code and the manual confirmation stay.
"""

from __future__ import annotations

from typing import Any

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.integrations.qris_acquirer import AcquirerConfig
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

REQUIRED = ("base_url", "client_id", "client_secret", "private_key_pem", "merchant_id")


class AcquirerSetupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def check(self, data: dict[str, Any]) -> AcquirerConfig:
        """The settings as a config, or a ValidationError naming the field that is wrong."""
        from kkmp_pos.integrations import snap_signing

        for name in REQUIRED:
            if not str(data.get(name) or "").strip():
                raise ValidationError("acquirer_field_missing", field=name)
        url = str(data["base_url"]).strip().rstrip("/")
        if not url.startswith(("https://", "http://")):
            raise ValidationError("acquirer_field_invalid", field="base_url", reason="http(s)://…")
        try:
            snap_signing.load_private_key(str(data["private_key_pem"]))
        except (ValueError, TypeError):
            raise ValidationError(
                "acquirer_field_invalid", field="private_key_pem", reason="RSA PEM"
            ) from None
        public = str(data.get("acquirer_public_key_pem") or "")
        if public:
            try:
                snap_signing.load_public_key(public)
            except (ValueError, TypeError):
                raise ValidationError(
                    "acquirer_field_invalid", field="acquirer_public_key_pem", reason="RSA PEM"
                ) from None
        minutes = data.get("validity_minutes", 15)
        if type(minutes) is not int or not 1 <= minutes <= 120:
            raise ValidationError("acquirer_field_invalid", field="validity_minutes", reason="1-120")
        return AcquirerConfig.from_dict({**data, "base_url": url, "validity_minutes": minutes})

    def save(self, actor: Actor, data: dict[str, Any]) -> AcquirerConfig:
        """Keep the acquirer's settings; fields not given keep their saved value (a secret is typed once)."""
        require(actor, "settings")
        merged = {**self.ctx.settings.qris_acquirer, **{k: v for k, v in data.items() if v not in (None, "")}}
        config = self.check(merged)
        with self.ctx.db.atomic():
            self.ctx.set_setting("qris.acquirer", config.to_dict())
            audit(
                self.ctx,
                "settings.qris_acquirer",
                actor,
                base_url=config.base_url,
                client_id=config.client_id,
                merchant_id=config.merchant_id,
                terminal_id=config.terminal_id,
            )
        return config

    def clear(self, actor: Actor) -> None:
        """No acquirer: QRIS payments go back to the static code and the manual confirmation."""
        require(actor, "settings")
        with self.ctx.db.atomic():
            self.ctx.set_setting("qris.acquirer", {})
            audit(self.ctx, "settings.qris_acquirer", actor, cleared=True)

    def current(self) -> AcquirerConfig | None:
        stored = self.ctx.settings.qris_acquirer
        if not stored:
            return None
        try:
            return self.check(stored)
        except ValidationError:
            return None
