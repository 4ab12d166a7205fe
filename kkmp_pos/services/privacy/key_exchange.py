"""The hash key between a till and its server (docs/SYNC.md, "Personal-data key").

Right after enrolment, and at start-up while the till's key is still its own, the till offers its key
(POST /v1/sync/keys). The answer is the cooperative's key: the till's own when the cooperative had
none (nothing changes here), or the cooperative's, which the till then adopts and hashes again every
NIK and KK it still holds in full with.
"""

from __future__ import annotations

import base64
import logging

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.db.models import TerminalModel
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.privacy import retention
from kkmp_pos.services.privacy.keys import hash_key, key_text, set_hash_key
from kkmp_pos.sync.client import SyncClient
from kkmp_pos.sync.worker import transport_options

log = logging.getLogger(__name__)


def exchange(ctx: ServiceContext, client: SyncClient | None = None) -> bool:
    """Take the cooperative's key; True when it replaced the till's own (everything re-hashed)."""
    terminal = TerminalModel.get()
    if not terminal.enrolled or not terminal.token:
        return False
    client = client or SyncClient(terminal.server_url, terminal.token, **transport_options())
    mine = key_text(ctx)
    answer = client.exchange_key(mine)
    key = base64.b64decode(str(answer["hmac_key"]))
    if len(key) != 32:
        raise ValueError("the server's hash key is not 32 bytes")
    changed = key != hash_key(ctx.data_dir)[0]
    set_hash_key(ctx.data_dir, key, "server")
    if changed:
        count = retention.rehash(ctx)
        log.info("adopted the cooperative's personal-data key; %s numbers hashed again", count)
    return changed


def exchange_if_due(ctx: ServiceContext) -> None:
    """At start-up: an enrolled till still hashing with its own key asks for the cooperative's."""
    if hash_key(ctx.data_dir)[1] == "server":
        return
    try:
        exchange(ctx)
    except (KkmpError, OSError, ValueError, KeyError) as exc:  # offline: the next start tries again
        log.info("personal-data key not exchanged now: %s", exc)
