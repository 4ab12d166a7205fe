"""Nothing the till queued can block its queue: events the server would refuse are held back here.

Before a batch goes out, each event is read through the same contract the server reads it with (the
envelope, `core.events.parse_event`, and `core.text_rules` for NUL, lone surrogates, lengths, numbers
and nesting). An event that fails is quarantined at the till (outbox status `rejected`, with the
reason) and the rest of the batch goes. When the server still refuses a batch as a whole (a 4xx that
names no event), the batch is sent again in halves to find the event it is about; that one is
quarantined and the others go through. A 5xx or a network error is retried as it is, later. An event
refused as invalid is never sent again unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.event_fields import EventError
from kkmp_pos.core.events import parse_event
from kkmp_pos.core.text_rules import MAX_TEXT, REASONS_EN, payload_problems
from kkmp_pos.sync.client import SyncHttpError
from kkmp_pos.sync.wire import EventResult, PushResponse, WireError, validate_envelope

log = logging.getLogger(__name__)

LOCAL_PREFIX = "refused at the till: "
# Whole-batch refusals that can be about one event in it (a malformed body, too large, unprocessable).
# Others (404 wrong address, 401/403 the terminal) are about the till, never about an event.
SPLIT_STATUSES = (400, 413, 422)
CONTENT_STATUSES = (413, 422)  # refusals that can only be about what was sent


def edge_problem(envelope: dict[str, Any]) -> str | None:
    """Why the server would refuse this event (English, naming the field), or None."""
    for path, code in payload_problems(envelope, MAX_TEXT):
        return f"{path} {REASONS_EN[code]}"
    try:
        validate_envelope(envelope)
        parse_event(envelope["type"], envelope["schema_version"], envelope["payload"])
    except WireError as exc:
        return f"{exc.field} {exc.reason}"
    except EventError as exc:
        return str(exc)
    except ValidationError as exc:
        return exc.message("en")
    return None


def refused_at_edge(batch: list[dict[str, Any]]) -> list[EventResult]:
    """A `rejected` result for every event of the batch the server would refuse."""
    out = []
    for envelope in batch:
        problem = edge_problem(envelope)
        if problem is not None:
            log.warning("sync: event seq %s held back: %s", envelope["seq"], problem)
            out.append(EventResult(envelope["event_id"], envelope["seq"], "rejected", LOCAL_PREFIX + problem))
    return out


def push_finding_the_bad_event(
    push: Callable[[list[dict[str, Any]]], PushResponse], batch: list[dict[str, Any]]
) -> PushResponse:
    """Push `batch`; if the server refuses it as a whole with a 4xx that can be about one event, send
    halves until the refused events are alone, and answer for every event.

    A lone event is quarantined only when the server took other events of the batch, or when its
    refusal can only be about its content (413 too large, 422 unprocessable). Otherwise the refusal may
    be about the till or the server (a 400 for every request), so the first error is raised and
    nothing is quarantined: the event stays pending and goes with the next batch."""
    try:
        return push(batch)
    except SyncHttpError as exc:
        if exc.retryable or exc.status not in SPLIT_STATUSES:
            raise
        first = exc
    results: list[EventResult] = []
    alone: list[tuple[dict[str, Any], SyncHttpError]] = [] if len(batch) > 1 else [(batch[0], first)]
    todo = [batch[: len(batch) // 2], batch[len(batch) // 2 :]] if len(batch) > 1 else []
    while todo:
        part = todo.pop(0)
        try:
            answer = push(part)
        except SyncHttpError as exc:
            if exc.retryable or exc.status not in SPLIT_STATUSES:
                raise
            if len(part) > 1:
                todo[:0] = [part[: len(part) // 2], part[len(part) // 2 :]]
            else:
                alone.append((part[0], exc))
            continue
        results.extend(answer.results)
    accepted = any(r.status != "rejected" for r in results)
    if not accepted and any(exc.status not in CONTENT_STATUSES for _, exc in alone):
        raise first
    results += [_refused(envelope, exc) for envelope, exc in alone]
    return PushResponse(results, max((e["seq"] for e in batch), default=0))


def _refused(envelope: dict[str, Any], exc: SyncHttpError) -> EventResult:
    detail = exc.message("en")
    reason = f"HTTP {exc.status}: {detail}"[:MAX_TEXT]
    log.warning("sync: event seq %s refused by the server: %s", envelope["seq"], reason)
    return EventResult(envelope["event_id"], envelope["seq"], "rejected", reason)
