"""The cyclic garbage collector held off while a push batch is applied.

A batch of 500 sales makes some 100 short-lived objects per event (the typed event, its lines,
payments and movements, the rows buffered for COPY), all freed by reference counting. Each time the
allocations pass the collector's threshold it walks the young objects, and every tenth or hundredth
time the whole heap: measured with py-spy on PostgreSQL, that was a fifth of the ingest time. Held
off for the batch, the collector runs once after it and finds the same cycles (there are hardly any).

Pushes run in a thread pool: a count of the batches in progress lets the last one to finish turn the
collector back on, and it is only turned back on if it was on before the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0
_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees everything it can)."""
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()
