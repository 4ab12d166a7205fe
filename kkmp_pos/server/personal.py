"""Personal data on the server (UU 27/2022, docs/PRIVACY.md): NIK and KK sealed at rest, reduced in
stored events, erased on request, and read in full only through an audited export.

- A member's NIK and KK are stored AES-GCM encrypted (`member.nik_enc`, `kk_enc`) with the
  cooperative's key from the key folder (server.keys), with their keyed hash beside them
  (`nik_hmac`, `kk_hmac`). The member's `data` (what the admin API lists and the feed sends) holds
  only the hash and the last four digits.
- Every event is stored with its personal numbers reduced to hash + last 4 (`stored_payload`); the
  projection still reads the event as it came, once, in memory.
- Erasure blanks the member's personal fields everywhere the server keeps them (member row, stored
  registration events, older feed entries) and sends the anonymous version down the feed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.personal import (
    PERSONAL_MEMBER_FIELDS,
    PERSONAL_NUMBER_FIELDS,
    compact,
    erased_name,
    last4,
    reduce_payload,
    scrub_text,
)
from kkmp_pos.server.auth import utc_now
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.feed import PendingChange
from kkmp_pos.server.row_fields import RowError
from kkmp_pos.sync.wire import canonical_json

NUMBERS = ("nik", "kk")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
MEMBER_EVENTS = ("member.registered", "member.erased")


def seal_member_numbers(
    sdb: ServerDb, coop: str, row: dict[str, Any], existing: Any, data: dict[str, Any]
) -> dict[str, Any]:
    """The member's NIK and KK as stored columns (encrypted + hash); `data` gets hash and last 4.

    A full number is sealed anew. A row carrying only a hash (a till that knows the member from the
    feed) keeps the sealed number when the hash is the stored one. Nothing: the number is removed."""
    columns: dict[str, Any] = {}
    for name in NUMBERS:
        given = row.get(name)
        digest = row.get(f"{name}_hmac")
        if isinstance(given, str) and given.strip():
            number = compact(given)
            if len(number) != 16 or not number.isascii() or not number.isdigit():
                raise RowError(name, "must be 16 digits")
            columns[f"{name}_enc"] = sdb.keys.encrypt(coop, number)
            columns[f"{name}_hmac"] = sdb.keys.hash(coop, number)
            tail = last4(number)
        elif isinstance(digest, str) and digest:
            if not _HEX64.match(digest):
                raise RowError(f"{name}_hmac", "must be 64 hex digits")
            same = existing is not None and getattr(existing, f"{name}_hmac") == digest
            columns[f"{name}_enc"] = getattr(existing, f"{name}_enc") if same else None
            columns[f"{name}_hmac"] = digest
            tail = str(row.get(f"{name}_last4") or "")[-4:]
            if not tail.isdigit():
                tail = json.loads(existing.data).get(f"{name}_last4", "") if same else ""
        else:
            columns[f"{name}_enc"] = columns[f"{name}_hmac"] = None
            continue
        data[f"{name}_hmac"] = columns[f"{name}_hmac"]
        data[f"{name}_last4"] = tail
    return columns


def stored_payload(sdb: ServerDb, coop: str, event_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as the server keeps it: personal numbers as hash + last 4. Only events that can
    carry one are walked (the ingest of sales stays one pass)."""
    if event_type.startswith("member.") or payload.get("buyer_nik") or payload.get("nik"):
        return reduce_payload(payload, lambda number: sdb.keys.hash(coop, number))
    return payload


def scrubbed(text: str) -> str:
    """Text kept for people to read (a quarantined or conflicting event): 16-digit runs masked."""
    return scrub_text(text)


def audit(sdb: ServerDb, coop: str, action: str, actor: str, **detail: Any) -> None:
    sdb.m.PrivacyAuditModel.insert(
        cooperative_id=coop,
        audit_id=uuid7(),
        action=action,
        detail=canonical_json(detail),
        actor=actor[:200],
        at=utc_now(),
    ).execute()


def _blank_member(value: Any, name: str) -> Any:
    """A stored member payload with its personal fields blanked (nested `member` too)."""
    if isinstance(value, list):
        return [_blank_member(v, name) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _blank_member(v, name) for k, v in value.items()}
    numbered = tuple(f"{n}{tail}" for n in PERSONAL_NUMBER_FIELDS for tail in ("", "_hmac", "_last4"))
    for key in out:
        if key in numbered:
            out[key] = None
        elif key in PERSONAL_MEMBER_FIELDS and key != "name":
            out[key] = ""
    if "name" in out and ("id" in out or "member_id" in out):
        out["name"] = name
    return out


def erase_member(sdb: ServerDb, coop: str, member_id: str, actor: str) -> list[PendingChange]:
    """Erase a member's personal data (runs in the caller's transaction). The member id, number and
    card stay, so sales, simpanan and SHU stay attached; the name becomes an anonymous id. Erasing
    twice changes nothing."""
    m = sdb.m
    row = m.MemberModel.get_or_none(
        (m.MemberModel.cooperative_id == coop) & (m.MemberModel.member_id == member_id)
    )
    if row is None:  # nothing of the person here (never registered, or not yet): nothing to erase
        audit(sdb, coop, "member.erased", actor, member_id=member_id, known=False)
        return []
    old = json.loads(row.data)
    if old.get("erased"):
        return []
    name = erased_name(member_id)
    data = {
        "member_id": member_id,
        "member_no": row.member_no,
        "name": name,
        "phone": None,
        "address": None,
        "active": False,
        "erased": True,
    }
    for keep in ("card_code", "joined_on"):
        if old.get(keep):
            data[keep] = old[keep]
    now = utc_now()
    m.MemberModel.update(
        data=canonical_json(data), nik_enc=None, nik_hmac=None, kk_enc=None, kk_hmac=None, updated_at=now
    ).where((m.MemberModel.cooperative_id == coop) & (m.MemberModel.member_id == member_id)).execute()
    # the registrations the server kept, and older feed entries a lagging till may still read
    for event in m.EventModel.select(m.EventModel.event_id, m.EventModel.payload).where(
        (m.EventModel.cooperative_id == coop)
        & m.EventModel.type.in_(MEMBER_EVENTS)
        & m.EventModel.payload.contains(member_id)
    ):
        payload = _blank_member(json.loads(event.payload), name)
        m.EventModel.update(payload=canonical_json(payload)).where(
            (m.EventModel.cooperative_id == coop) & (m.EventModel.event_id == event.event_id)
        ).execute()
    m.ChangeModel.update(data=canonical_json(data)).where(
        (m.ChangeModel.cooperative_id == coop)
        & (m.ChangeModel.entity == "member")
        & (m.ChangeModel.entity_key == member_id)
    ).execute()
    audit(sdb, coop, "member.erased", actor, member_id=member_id, member_no=row.member_no)
    return [PendingChange(coop, "cooperative", coop, "member", member_id, data)]


def members_full(sdb: ServerDb, coop: str, actor: str) -> list[dict[str, Any]]:
    """Every member with NIK and KK decrypted: the audited full export (server CLI). Raises
    StorageError('server_key_missing') when the key folder lacks the cooperative's key."""
    m = sdb.m
    out = []
    query = (
        m.MemberModel.select().where(m.MemberModel.cooperative_id == coop).order_by(m.MemberModel.member_no)
    )
    for row in query:
        data = json.loads(row.data)
        data["nik"] = sdb.keys.decrypt(coop, row.nik_enc)
        data["kk"] = sdb.keys.decrypt(coop, row.kk_enc)
        out.append(data)
    with sdb.atomic():
        audit(sdb, coop, "members.full_export", actor, rows=len(out))
    return out


def convert_clear_numbers(sdb: ServerDb) -> None:
    """Schema step 5: members' clear NIKs sealed, and every stored event, feed entry, conflict and
    quarantined event reduced, so no full number stays in the database."""
    m = sdb.m
    for coop_row in m.CooperativeModel.select(m.CooperativeModel.cooperative_id):
        sdb.keys.create(coop_row.cooperative_id)
    for row in m.MemberModel.select():
        data = json.loads(row.data)
        if not any(data.get(n) for n in NUMBERS):
            continue
        sealed = seal_member_numbers(sdb, row.cooperative_id, data, None, data)
        for n in NUMBERS:
            data.pop(n, None)
        m.MemberModel.update(data=canonical_json(data), **sealed).where(
            (m.MemberModel.cooperative_id == row.cooperative_id) & (m.MemberModel.member_id == row.member_id)
        ).execute()
    for model, key, column in (
        (m.EventModel, "event_id", "payload"),
        (m.ChangeModel, "change_id", "data"),
    ):
        for row in model.select(model.cooperative_id, getattr(model, key), getattr(model, column)):
            text = getattr(row, column)
            if not any(f'"{n}"' in text for n in PERSONAL_NUMBER_FIELDS):
                continue
            reduced = reduce_payload(json.loads(text), lambda n, c=row.cooperative_id: sdb.keys.hash(c, n))
            model.update({getattr(model, column): canonical_json(reduced)}).where(
                (model.cooperative_id == row.cooperative_id) & (getattr(model, key) == getattr(row, key))
            ).execute()
    for model, key, column in (
        (m.ConflictModel, "conflict_id", "received"),
        (m.QuarantineModel, "quarantine_id", "raw"),
    ):
        for row in model.select(model.cooperative_id, getattr(model, key), getattr(model, column)):
            clean = scrub_text(getattr(row, column))
            if clean != getattr(row, column):
                model.update({getattr(model, column): clean}).where(
                    (model.cooperative_id == row.cooperative_id) & (getattr(model, key) == getattr(row, key))
                ).execute()
