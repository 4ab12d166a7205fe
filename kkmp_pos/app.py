"""The composition root: open the till's database, build its services, devices and sync runner, and
hand them to the window or to a command. Nothing else wires these parts together."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.timeutil import utc_now
from kkmp_pos.db.database import open_database
from kkmp_pos.db.sqlite_errors import storage_errors
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.setup.first_run import is_initialised
from kkmp_pos.services.sync.runner import SyncRunner
from kkmp_pos.services.till import Till

if TYPE_CHECKING:
    from kkmp_pos.devices.printer import Printer, PrinterSettings

log = logging.getLogger(__name__)


def make_printer(settings: PrinterSettings) -> Printer:
    """The receipt printer for `settings` (`devices.make_printer`), imported with the first print job
    so that the window shows without loading the printer code (cold start is benchmarked)."""
    from kkmp_pos.devices.printer import make_printer as make

    return make(settings)


def open_till(
    data_dir: Path | str,
    *,
    demo: bool = False,
    clock: Callable[[], datetime] = utc_now,
    demo_days: int = 7,
) -> Till:
    """Open the till database in `data_dir`; with `demo`, create the demo shop there the first time.

    The printer for each job is made by `devices.make_printer` from the shop's printer settings; the
    sync runner is built here and started by whoever runs the till (`run`, `kkmp-pos sync`).
    """
    data_dir = Path(data_dir)
    db = open_database(data_dir / DB_FILENAME)
    ctx = ServiceContext(db, data_dir, clock)
    try:
        with storage_errors(db.database):  # a full disk on the first start is said as such
            _initialise(ctx, data_dir, demo=demo, demo_days=demo_days)
            # the hashes in the file were made with the key beside it, else redo them (docs/PRIVACY.md)
            from kkmp_pos.services.privacy.retention import match_key

            match_key(ctx)
    except BaseException:
        db.close()
        raise
    return Till(ctx, sync=SyncRunner(data_dir), make_printer=make_printer)


def _initialise(ctx: ServiceContext, data_dir: Path, *, demo: bool, demo_days: int) -> None:
    from kkmp_pos.services.setup.offsite_key import move_stored_passphrase

    move_stored_passphrase(ctx)  # a till from before kept the passphrase itself in the database
    if not is_initialised():
        if demo:
            from kkmp_pos.services.setup.demo import create_demo_shop

            log.info("creating the demo shop in %s", data_dir)
            create_demo_shop(ctx, days_of_sales=demo_days)
        else:
            from kkmp_pos.services.setup.first_run import DEFAULT_STORE, initialise_store
            from kkmp_pos.services.setup.setup_wizard import SetupWizardService

            initialise_store(ctx, DEFAULT_STORE)
            SetupWizardService(ctx).mark_pending()  # the window opens the setup wizard first


def run(data_dir: Path | str, *, demo: bool = False, lang: str | None = None) -> int:
    """The till's window over the till in `data_dir`; returns the process exit code.

    The window opens the till itself (through `start`) so that a damaged or locked database file is
    explained in a dialog; sync starts once the till is open and everything stops when the window closes.
    """
    from kkmp_pos.db.instance_lock import InstanceLock
    from kkmp_pos.gui.app import run_gui

    opened: list[Till] = []
    locks: list[InstanceLock] = []

    def start() -> Till:
        locks.append(InstanceLock.acquire(data_dir))  # a second window on this folder is refused
        till = open_till(data_dir, demo=demo)
        opened.append(till)
        till.sync.start_if_enrolled()
        return till

    try:
        return run_gui(start, lang=lang)
    finally:
        for till in opened:
            till.close()
        for lock in locks:
            lock.release()
