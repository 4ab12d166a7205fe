"""Erasing a member's personal data on request (UU 27/2022 art. 8 and 16; docs/PRIVACY.md).

A manager erases the member's name, NIK, KK, phone and address; the member becomes
"Anggota terhapus #…" under the same id, so sales, simpanan and SHU figures stay attached. The
registration events still waiting in (or acknowledged from) the outbox lose the same fields, the
erasure goes to the server as `member.erased`, and the server's feed tells every other till. The
audit row names the member by id and number only.

What stays, and why: a sale's buyer NIK recorded for the LPG logbook stays until the logbook's
retention period ends (a legal obligation, art. 16(2)); backups made before the erasure keep the data
until they rotate out (14 days).
"""

from __future__ import annotations

import json

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.event_fields import Person
from kkmp_pos.core.events_privacy import MemberErased
from kkmp_pos.core.personal import erased_name
from kkmp_pos.core.text import fold
from kkmp_pos.db.models import MemberModel, MemberPaymentModel, OutboxEventModel, PrintJobModel, SaleModel
from kkmp_pos.db.outbox import append_event, redact_payloads
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.privacy.retention import truncate_wal
from kkmp_pos.services.setup.auth import require

_BLANK = {"name": None, "nik": None, "kk": None, "phone": "", "address": ""}


def find_member(query: str) -> MemberModel:
    """A member by id, number or card code."""
    text = query.strip()
    member = (
        MemberModel.get_or_none(MemberModel.id == text)
        or MemberModel.get_or_none(MemberModel.number == text.upper())
        or MemberModel.get_or_none(MemberModel.card_code == text)
    )
    if member is None:
        raise NotFoundError("member_not_found", query=query)
    return member


def _blank_payload(payload: dict, member_id: str, name: str) -> dict:
    member = payload.get("member", payload)
    if isinstance(member, dict) and member.get("id", member.get("member_id")) == member_id:
        for key, value in _BLANK.items():
            if key in member:
                member[key] = name if key == "name" else value
        for key in list(member):
            if key.endswith(("_hmac", "_last4")):
                member[key] = None
    return payload


def _scrub_documents(member: MemberModel, name: str) -> None:
    """The receipts kept as printed (sale.receipt_document) and print jobs of the member's sales,
    card and simpanan slips: the name and phone on them replaced by the anonymous name."""
    sale_ids = [s for (s,) in SaleModel.select(SaleModel.id).where(SaleModel.member == member.id).tuples()]
    payment_ids = [
        p for (p,) in MemberPaymentModel.select(MemberPaymentModel.id).where(
            MemberPaymentModel.member == member.id
        ).tuples()
    ]  # fmt: skip
    swaps = [(json.dumps(member.name)[1:-1], json.dumps(name)[1:-1])]
    if len(member.phone or "") >= 8:
        swaps.append((member.phone, ""))

    def scrub(text: str) -> str:
        for old, new in swaps:
            text = text.replace(old, new)
        return text

    for start in range(0, len(sale_ids), 500):
        chunk = sale_ids[start : start + 500]
        for sale in SaleModel.select(SaleModel.id, SaleModel.receipt_document).where(
            SaleModel.id.in_(chunk) & SaleModel.receipt_document.is_null(False)
        ):
            SaleModel.update(receipt_document=scrub(sale.receipt_document)).where(
                SaleModel.id == sale.id
            ).execute()
    docs = [member.id, *sale_ids, *payment_ids]
    for start in range(0, len(docs), 500):
        for job in PrintJobModel.select(PrintJobModel.id, PrintJobModel.document).where(
            PrintJobModel.doc_id.in_(docs[start : start + 500])
        ):
            PrintJobModel.update(document=scrub(job.document)).where(PrintJobModel.id == job.id).execute()


def erase_member(ctx: ServiceContext, actor: Actor, query: str) -> str:
    """Erase the member's personal data; returns the anonymous name. A manager only."""
    require(actor, "erase_member")
    member = find_member(query)
    if member.erased_at:
        raise ValidationError("member_already_erased", member=member.number)
    name = erased_name(member.id)
    with ctx.db.atomic():
        now = ctx.now_iso()
        MemberModel.update(
            name=name,
            nik=None,
            nik_hmac=None,
            nik_last4="",
            kk=None,
            kk_hmac=None,
            kk_last4="",
            phone="",
            address="",
            status="inactive",
            search_text=fold(f"{name} {member.number}"),
            erased_at=now,
        ).where(MemberModel.id == member.id).execute()
        queued = OutboxEventModel.select(OutboxEventModel.seq, OutboxEventModel.payload).where(
            OutboxEventModel.type.startswith("member.") & OutboxEventModel.payload.contains(member.id)
        )
        redact_payloads((_blank_payload(json.loads(e.payload), member.id, name), e.seq) for e in queued)
        _scrub_documents(member, name)
        erased = MemberErased(member.id, Person(actor.user_id, actor.name))
        append_event(erased.TYPE, erased.to_payload(), occurred_at=now, business_date=ctx.business_date())
        audit(ctx, "member.erased", actor, doc_id=member.id, member_no=member.number)
    truncate_wal(ctx)  # the old rows' pages leave the WAL too (secure_delete zeroed them in the file)
    return name
