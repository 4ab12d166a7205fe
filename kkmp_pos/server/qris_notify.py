"""The acquirer's QRIS payment notification (SNAP qr-mpm-notify, service 52) on the sync listener.

`POST /v1/qris/{cooperative}/{store}/v1.0/qr/qr-mpm-notify`: the acquirer is given this URL per store.
The request is checked by its SNAP signature (SHA256withRSA with the acquirer's private key over
`POST:path:lowercase(hex(sha256(minified body))):X-TIMESTAMP`) against the public key an admin set for
the store (`kkmp-pos-server admin qris-key`), stored once per (acquirer reference, status), and put
in the pull feed as a `qris_payment` change for the terminal that made the sale (for every terminal
of the store while the sale has not reached the server yet). The answer is SNAP's:
`{"responseCode": "2005200", "responseMessage": "Successful"}`.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from kkmp_pos.core.text_rules import text_problem
from kkmp_pos.integrations import snap_signing as sig
from kkmp_pos.integrations.qris_acquirer import QrStatus, sale_id_of
from kkmp_pos.integrations.snap_qris import SERVICE_NOTIFY, amount_rp_of, state_of
from kkmp_pos.server.auth import utc_now
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.feed import PendingChange, append_changes
from kkmp_pos.server.http import MAX_SMALL_BYTES

ENTITY = "qris_payment"


class SnapAnswerDoc(BaseModel):
    responseCode: str
    responseMessage: str


class NotifyRefused(Exception):
    def __init__(self, status: int, case: str, message: str) -> None:
        super().__init__(message)
        self.status, self.case, self.message = status, case, message


def answer(status: int, case: str, message: str) -> JSONResponse:
    code = sig.response_code(status, SERVICE_NOTIFY, case)
    return JSONResponse({"responseCode": code, "responseMessage": message}, status_code=status)


def set_acquirer_key(sdb: ServerDb, cooperative_id: str, store_id: str, public_key_pem: str) -> None:
    """The acquirer's public key for a store's notifications (replaces the one before)."""
    sig.load_public_key(public_key_pem)  # ValueError if it is not an RSA public key
    Key = sdb.m.QrisAcquirerKeyModel
    with sdb.database.connection_context(), sdb.atomic():
        Key.delete().where((Key.cooperative_id == cooperative_id) & (Key.store_id == store_id)).execute()
        Key.insert(
            cooperative_id=cooperative_id,
            store_id=store_id,
            public_key_pem=public_key_pem,
            updated_at=utc_now(),
        ).execute()


def _text(body: dict[str, Any], name: str, required: bool = True) -> str:
    value = body.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value) or text_problem(value, 64):
        raise NotifyRefused(400, "01", f"Invalid Field Format {name}")
    return value


def receive(
    sdb: ServerDb, cooperative_id: str, store_id: str, path: str, headers: dict[str, str], text: str
) -> bool:
    """Check, store and feed one notification; False when it was already received."""
    stamp, signature = headers.get("x-timestamp", ""), headers.get("x-signature", "")
    if not stamp or not signature:
        raise NotifyRefused(400, "02", "Invalid Mandatory Field X-TIMESTAMP/X-SIGNATURE")
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise NotifyRefused(400, "01", "Invalid Field Format body")
    Key = sdb.m.QrisAcquirerKeyModel
    with sdb.database.connection_context():
        key = Key.get_or_none((Key.cooperative_id == cooperative_id) & (Key.store_id == store_id))
    if key is None:
        raise NotifyRefused(401, "00", "Unauthorized. [Unknown merchant]")
    signed = [sig.notify_string("POST", path, sig.minify(body), stamp)]
    signed.append(sig.notify_string("POST", path, text.strip(), stamp))  # as sent, if not minified alike
    if not any(sig.rsa_verify(key.public_key_pem, s, signature) for s in signed):
        raise NotifyRefused(401, "00", "Unauthorized. [Signature]")

    reference = _text(body, "originalReferenceNo")
    partner_reference = _text(body, "originalPartnerReferenceNo", required=False)
    if not isinstance(body.get("latestTransactionStatus"), str):
        raise NotifyRefused(400, "02", "Invalid Mandatory Field latestTransactionStatus")
    state = state_of(body)
    if body["latestTransactionStatus"] == "00" and state.status is not QrStatus.PAID:
        raise NotifyRefused(400, "02", "Invalid Mandatory Field additionalInfo.rrn")
    if state.rrn and text_problem(state.rrn, 64):
        raise NotifyRefused(400, "01", "Invalid Field Format additionalInfo.rrn")
    amount_rp = amount_rp_of(body.get("amount"))
    sale_id = sale_id_of(partner_reference)
    Sale, Note = sdb.m.SaleModel, sdb.m.QrisNotificationModel
    with sdb.database.connection_context(), sdb.atomic():
        terminal_id = ""
        if sale_id is not None:
            sale = (
                Sale.select(Sale.terminal_id)
                .where(
                    (Sale.cooperative_id == cooperative_id)
                    & (Sale.sale_id == sale_id)
                    & (Sale.store_id == store_id)
                )
                .first()
            )
            terminal_id = sale.terminal_id if sale is not None else ""
        sdb.lock(f"kkmp:qris:{cooperative_id}:{reference}")  # PostgreSQL; SQLite holds its write lock
        known = Note.select().where(
            (Note.cooperative_id == cooperative_id)
            & (Note.reference_no == reference)
            & (Note.status == state.status.value)
        )
        if known.exists():
            return False  # the acquirer sent it again: stored and fed once
        Note.insert(
            cooperative_id=cooperative_id,
            reference_no=reference,
            status=state.status.value,
            store_id=store_id,
            partner_reference_no=partner_reference,
            sale_id=sale_id,
            terminal_id=terminal_id,
            rrn=state.rrn,
            amount_rp=amount_rp,
            body=json.dumps(body, ensure_ascii=True)[:10_000],
            received_at=utc_now(),
        ).execute()
        data = {
            "reference_no": reference,
            "partner_reference_no": partner_reference,
            "sale_id": sale_id,
            "status": state.status.value,
            "rrn": state.rrn,
            "amount_rp": amount_rp,
        }
        scope, scope_id = ("terminal", terminal_id) if terminal_id else ("store", store_id)
        key = f"{reference}:{state.status.value}"
        append_changes(sdb, [PendingChange(cooperative_id, scope, scope_id, ENTITY, key, data)])
    return True


def install_qris_api(app: FastAPI, sdb: ServerDb) -> None:
    @app.post(
        "/v1/qris/{cooperative_id}/{store_id}/v1.0/qr/qr-mpm-notify",
        tags=["sync"],
        summary="The acquirer's QRIS payment notification (SNAP qr-mpm-notify), signed by the acquirer",
        response_model=SnapAnswerDoc,
        responses={
            400: {"model": SnapAnswerDoc, "description": "A header or a field is missing or invalid"},
            401: {"model": SnapAnswerDoc, "description": "Unknown store, or the signature does not verify"},
            413: {"model": SnapAnswerDoc, "description": "The body is too large"},
        },
    )
    async def qr_mpm_notify(request: Request, cooperative_id: str, store_id: str) -> JSONResponse:
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_SMALL_BYTES:
                return answer(413, "00", "Request Entity Too Large")
        if text_problem(cooperative_id, 64) or text_problem(store_id, 64):
            return answer(401, "00", "Unauthorized. [Unknown merchant]")
        headers = {k.lower(): v for k, v in request.headers.items()}
        try:
            await run_in_threadpool(
                receive,
                sdb,
                cooperative_id,
                store_id,
                request.url.path,
                headers,
                raw.decode("utf-8", "replace"),
            )
        except NotifyRefused as exc:
            return answer(exc.status, exc.case, exc.message)
        return answer(200, "00", "Successful")
