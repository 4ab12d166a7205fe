"""One object holding a till's services over one open database (what the GUI and CLI are handed)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.timeutil import utc_now
from kkmp_pos.db.database import open_database
from kkmp_pos.services.auth import AuthService
from kkmp_pos.services.catalog import CatalogService
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.members import MemberService
from kkmp_pos.services.products import ProductService
from kkmp_pos.services.sales import SaleService
from kkmp_pos.services.setup import is_initialised

log = logging.getLogger(__name__)


class Till:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.auth = AuthService(ctx)
        self.catalog = CatalogService(ctx)
        self.members = MemberService(ctx)
        self.products = ProductService(ctx)
        self.sales = SaleService(ctx)
        from kkmp_pos.services.printing import PrintService
        from kkmp_pos.services.receipts import ReceiptService

        self.receipts = ReceiptService(ctx)
        self.printing = PrintService(ctx, self.receipts)
        # issue 3: the complete till
        from kkmp_pos.services.held import HeldCartService
        from kkmp_pos.services.overrides import OverrideService
        from kkmp_pos.services.registration import RegistrationService
        from kkmp_pos.services.reversals import ReversalService
        from kkmp_pos.services.scanning import ScanService

        self.scanner = ScanService(ctx, self.catalog)
        self.held = HeldCartService(ctx, self.catalog, self.members)
        self.reversals = ReversalService(ctx)
        self.registration = RegistrationService(ctx)
        self.overrides = OverrideService(ctx)
        from kkmp_pos.services.maintenance import MaintenanceService

        self.maintenance = MaintenanceService(ctx)
        # issue 5: shifts and cash, reports, users, audit log, printer settings
        from kkmp_pos.services.audit_log import AuditLogService
        from kkmp_pos.services.printer_settings import PrinterSettingsService
        from kkmp_pos.services.reports import ReportService
        from kkmp_pos.services.shifts import ShiftService
        from kkmp_pos.services.users import UserService

        self.shifts = ShiftService(ctx)
        self.reports = ReportService(ctx)
        self.users = UserService(ctx)
        self.audit_log = AuditLogService(ctx)
        self.printer_settings = PrinterSettingsService(ctx)
        # regulated goods: buyer NIK for LPG 3 kg, purchase caps, the LPG logbook
        from kkmp_pos.services.limits import LimitService
        from kkmp_pos.services.lpg_logbook import LpgLogbookService

        self.limits = LimitService(ctx)
        self.lpg_logbook = LpgLogbookService(ctx)
        # WAL checkpoints between sales rather than inside one (see kkmp_pos/db/checkpoint.py).
        from kkmp_pos.db.checkpoint import WalCheckpointer

        self.checkpointer = WalCheckpointer(self.db_path)
        self.checkpointer.start()

    @property
    def db_path(self) -> Path:
        return Path(self.ctx.db.database)

    @property
    def is_demo(self) -> bool:
        return bool(self.ctx.setting_raw("demo"))

    def close(self) -> None:
        self.checkpointer.stop()
        if not self.ctx.db.is_closed():
            self.ctx.db.close()


def open_till(
    data_dir: Path | str,
    *,
    demo: bool = False,
    clock: Callable[[], datetime] = utc_now,
    demo_days: int = 7,
) -> Till:
    """Open the till database in `data_dir`; with `demo`, create the demo shop there the first time."""
    data_dir = Path(data_dir)
    db = open_database(data_dir / DB_FILENAME)
    ctx = ServiceContext(db, data_dir, clock)
    if not is_initialised():
        if demo:
            from kkmp_pos.services.demo import create_demo_shop

            log.info("creating the demo shop in %s", data_dir)
            create_demo_shop(ctx, days_of_sales=demo_days)
        else:
            from kkmp_pos.services.setup import DEFAULT_STORE, initialise_store

            initialise_store(ctx, DEFAULT_STORE)
    return Till(ctx)
