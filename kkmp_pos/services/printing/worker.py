"""The print worker: one background thread that sends queued jobs, so no window ever waits on a printer.

`submit(job_id)` returns at once; the outcome arrives through `on_done(outcome)` on the worker thread
(the GUI relays it to its own thread with a queued signal). A job already waiting or being sent is not
queued again, and PrintService refuses to resend a job that was sent: nothing prints twice by accident.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from kkmp_pos.services.printing.jobs import PrintOutcome, PrintService

log = logging.getLogger(__name__)

_STOP = object()


class PrintWorker:
    def __init__(self, printing: PrintService, on_done: Callable[[PrintOutcome], None] | None = None) -> None:
        self.printing = printing
        self.on_done = on_done
        self._queue: queue.Queue[object] = queue.Queue()
        self._busy: set[int] = set()  # queued or being sent
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
            self._thread.start()

    def submit(self, job_id: int, *, retry: bool = False, uri: str | None = None) -> bool:
        """Queue a job (a failed one again with `retry`). False when it is already queued or in flight."""
        with self._lock:
            if job_id in self._busy:
                return False
            self._busy.add(job_id)
        self.start()
        self._queue.put((job_id, retry, uri))
        return True

    def pending(self) -> set[int]:
        with self._lock:
            return set(self._busy)

    def stop(self, timeout: float = 10.0) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)

    def _run(self) -> None:
        db = self.printing.ctx.db
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            job_id, retry, uri = item  # type: ignore[misc]
            try:
                if retry:  # to the printer configured now: the settings may have been fixed since
                    current = self.printing.ctx.settings.printer_uri
                    outcome = self.printing.retry(job_id, uri=uri or current)
                else:
                    outcome = self.printing.print_job(job_id, uri=uri)
            except Exception as exc:  # a job that cannot even be read still reports back
                log.exception("print job %s could not run", job_id)
                from kkmp_pos.core.errors import DeviceError, KkmpError
                from kkmp_pos.core.reasons import foreign_reason

                if isinstance(exc, KkmpError):
                    err = exc
                else:
                    reason_id, reason_en = foreign_reason(str(exc) or type(exc).__name__)
                    err = DeviceError("printer_unreachable", reason=reason_id, reason_en=reason_en)
                outcome = PrintOutcome(job_id, False, err)
            finally:
                with self._lock:
                    self._busy.discard(job_id)
            if self.on_done is not None:
                try:
                    self.on_done(outcome)
                except Exception:
                    log.exception("print outcome callback failed")
        if not db.is_closed():
            db.close()  # this thread's own connection
