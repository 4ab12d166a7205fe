"""Send a stand-alone shop's catalog and members to the cooperative's server when the till enrols.

A till that ran on its own owns its catalog; once enrolled, the server owns it (SYNC.md). A new
cooperative's server starts empty, so the till queues one 'product.changed' per active product (the
payload `products.product_payload` builds for every edit) and one 'member.registered' per member,
marked `"upload": true`. The server inserts what it does not have yet and leaves what it has (its
version wins), so uploading twice changes nothing. The normal push delivers them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from kkmp_pos.core.errors import SyncError
from kkmp_pos.core.events import MemberFields, MemberRegistered, ProductChanged
from kkmp_pos.db.models import MemberModel, OutboxEventModel, ProductModel
from kkmp_pos.db.outbox import append_event, move_to_front
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.stock.products import product_payload
from kkmp_pos.sync.lock import SenderLock
from kkmp_pos.sync.worker import enrol_terminal

log = logging.getLogger(__name__)

BATCH = 200  # events per transaction: short write locks, so a till selling meanwhile never waits long


@dataclass
class UploadReport:
    products: int = 0
    members: int = 0
    first: bool = False  # queued ahead of the events that were already waiting


def member_payload(member: MemberModel) -> dict[str, Any]:
    """A 'member.registered' body for a member the till already had (no savings payment with it)."""
    fields = MemberFields(
        id=member.id,
        number=member.number,
        card_code=member.card_code,
        name=member.name,
        nik=member.nik,
        phone=member.phone,
        address=member.address,
        status=member.status,
        joined_on=member.joined_on,
        kk=member.kk,
    )
    return MemberRegistered(member=fields, upload=True).to_payload()


def has_products(ctx: ServiceContext) -> bool:
    """True when there is a catalog worth sending (the enrol dialog ticks the upload box then)."""
    return ProductModel.select().where(ProductModel.active == True).exists()  # noqa: E712


def queue_upload(
    ctx: ServiceContext, actor: Actor | None, *, first: bool = False, wait_s: float = 60.0
) -> UploadReport:
    """Queue the catalog and the members as events; the till must be enrolled.

    `first`: put these events ahead of everything already waiting. Only safe when nothing waiting
    was ever sent (a till enrolling for the first time): sales recorded stand-alone name products
    by uid, and another till of the store drops stock movements of products it does not know yet,
    so the server must hear of the products before the sales. The renumbering runs under the
    sender lock, so no push can be in flight with the old numbers."""
    require(actor, "enrol")  # the shop's whole catalog becomes the cooperative's: a manager's call
    if not ctx.terminal.enrolled:
        raise SyncError("sync_not_enrolled")
    # an answered event proves the till has pushed before: its waiting events may be on the wire
    first = first and not OutboxEventModel.select().where(OutboxEventModel.status != "pending").exists()
    report = UploadReport(first=first)
    with _sender_lock(ctx, wait_s):
        mine: list[int] = []
        product_ids = [
            pid
            for (pid,) in ProductModel.select(ProductModel.id)
            .where(ProductModel.active == True)  # noqa: E712
            .order_by(ProductModel.id)
            .tuples()
        ]
        for start in range(0, len(product_ids), BATCH):
            with ctx.db.atomic():
                chunk = product_ids[start : start + BATCH]
                for product in (
                    ProductModel.select().where(ProductModel.id.in_(chunk)).order_by(ProductModel.id)
                ):
                    changed = ProductChanged(
                        product_payload(product), product.code, product.name, upload=True
                    )
                    mine.append(_append(ctx, changed.TYPE, changed.to_payload()))
                    report.products += 1
        member_ids = [mid for (mid,) in MemberModel.select(MemberModel.id).order_by(MemberModel.id).tuples()]
        for start in range(0, len(member_ids), BATCH):
            with ctx.db.atomic():
                chunk = member_ids[start : start + BATCH]
                for member in MemberModel.select().where(MemberModel.id.in_(chunk)).order_by(MemberModel.id):
                    mine.append(_append(ctx, MemberRegistered.TYPE, member_payload(member)))
                    report.members += 1
        if first and mine:
            with ctx.db.atomic():
                move_to_front(set(mine))
    log.info("catalog upload queued: %s products, %s members", report.products, report.members)
    return report


def enrol(
    ctx: ServiceContext,
    actor: Actor | None,
    server_url: str,
    code: str,
    *,
    upload: bool,
    allow_plain_http: bool | None = None,
    tls_pin: str | None = None,
) -> tuple[dict[str, Any], UploadReport | None]:
    """Enrol this till and, with `upload`, queue its catalog and members for the server. Only a
    manager may: from then on the till's sales go to that server.

    A till enrolling for the first time has never sent anything, so its catalog goes ahead of the
    sales it recorded stand-alone (see `queue_upload`)."""
    require(actor, "enrol")
    # how the till reaches this server from now on (`sync.allow_plain_http`, `sync.tls_pin`)
    if allow_plain_http is not None:
        ctx.set_setting("sync.allow_plain_http", allow_plain_http)
    if tls_pin is not None:
        ctx.set_setting("sync.tls_pin", tls_pin)
    was_enrolled = bool(ctx.terminal.enrolled)
    answer = enrol_terminal(server_url, code)
    # the personal-data hash key: this till hands its own over, or adopts the cooperative's
    from kkmp_pos.services.privacy.key_exchange import exchange_if_due

    exchange_if_due(ctx)
    report = queue_upload(ctx, actor, first=not was_enrolled) if upload else None
    return answer, report


@contextmanager
def _sender_lock(ctx: ServiceContext, wait_s: float) -> Iterator[None]:
    """The terminal's sender lock, waiting up to `wait_s` for a sync round in progress to finish."""
    lock = SenderLock(ctx.data_dir)
    deadline = time.monotonic() + wait_s
    while not lock.acquire():
        if time.monotonic() > deadline:
            raise SyncError("sync_busy")
        time.sleep(0.2)
    try:
        yield
    finally:
        lock.release()


def _append(ctx: ServiceContext, event_type: str, payload: dict[str, Any]) -> int:
    event = append_event(event_type, payload, occurred_at=ctx.now_iso(), business_date=ctx.business_date())
    return int(event.seq)
