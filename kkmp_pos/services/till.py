"""One object holding a till's services over one open database (what the GUI and CLI are handed).

It is built by the composition root (`kkmp_pos.app.open_till`), which hands it the devices and the sync
runner it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.members.lookup import MemberService
from kkmp_pos.services.selling.catalog import CatalogService
from kkmp_pos.services.setup.auth import AuthService

if TYPE_CHECKING:
    from kkmp_pos.devices.printer import Printer, PrinterSettings
    from kkmp_pos.services.books.journals import BooksService
    from kkmp_pos.services.books.reports import BooksReports
    from kkmp_pos.services.members.registration import RegistrationService
    from kkmp_pos.services.members.simpanan import SimpananService
    from kkmp_pos.services.printing.jobs import PrintService
    from kkmp_pos.services.printing.settings import PrinterSettingsService
    from kkmp_pos.services.printing.worker import PrintWorker
    from kkmp_pos.services.reports.audit_log import AuditLogService
    from kkmp_pos.services.reports.lpg_logbook import LpgLogbookService
    from kkmp_pos.services.reports.service import ReportService
    from kkmp_pos.services.selling.held import HeldCartService
    from kkmp_pos.services.selling.limits import LimitService
    from kkmp_pos.services.selling.overrides import OverrideService
    from kkmp_pos.services.selling.qris_online import QrisOnlineService
    from kkmp_pos.services.selling.qris_payments import QrisPaymentService
    from kkmp_pos.services.selling.receipts import ReceiptService
    from kkmp_pos.services.selling.reversals import ReversalService
    from kkmp_pos.services.selling.sales import SaleService
    from kkmp_pos.services.selling.scanning import ScanService
    from kkmp_pos.services.selling.voids import CartVoidService
    from kkmp_pos.services.setup.acquirer_setup import AcquirerSetupService
    from kkmp_pos.services.setup.maintenance import MaintenanceService
    from kkmp_pos.services.setup.offsite import OffsiteService
    from kkmp_pos.services.setup.qris_setup import QrisSetupService
    from kkmp_pos.services.setup.settings_editor import SettingsEditorService
    from kkmp_pos.services.setup.setup_wizard import SetupWizardService
    from kkmp_pos.services.setup.shop_profile import ShopProfileService
    from kkmp_pos.services.setup.users import UserService
    from kkmp_pos.services.shifts.drawer import ShiftService
    from kkmp_pos.services.stock.products import ProductService
    from kkmp_pos.services.sync.runner import SyncRunner


@dataclass(frozen=True)
class ShopIdentity:
    """The store and terminal as a screen shows them."""

    name: str
    cooperative_name: str
    timezone: str
    terminal_code: str


class Till:
    """The services of one till. Each is made on first use, so the login window does not wait for the
    imports of reports, stock or sync code it does not need yet (cold start is benchmarked)."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        sync: SyncRunner,
        make_printer: Callable[[PrinterSettings], Printer],
    ) -> None:
        self.ctx = ctx
        self.sync = sync
        self.make_printer = make_printer
        # WAL checkpoints between sales rather than inside one (see kkmp_pos/db/checkpoint.py).
        from kkmp_pos.db.checkpoint import WalCheckpointer

        self.checkpointer = WalCheckpointer(self.db_path)
        self.checkpointer.start()
        # Cash that moves without a sale receipt (refunds, cash in and out) opens the drawer: its job
        # goes to the printer from a background worker, never from the window.
        self._kick_worker: PrintWorker | None = None
        ctx.drawer_kicks.append(self._send_drawer_kick)

    def _send_drawer_kick(self, job_id: int) -> None:
        if self._kick_worker is None:
            from kkmp_pos.services.printing.worker import PrintWorker

            self._kick_worker = PrintWorker(self.printing)
        self._kick_worker.submit(job_id)

    @property
    def shop(self) -> ShopIdentity:
        """Who this till is, as plain values for the screens (names, zone, terminal code)."""
        store, terminal = self.ctx.store, self.ctx.terminal
        return ShopIdentity(
            name=store.name,
            cooperative_name=store.cooperative_name,
            timezone=store.timezone,
            terminal_code=terminal.code,
        )

    @cached_property
    def auth(self) -> AuthService:
        return AuthService(self.ctx)

    @cached_property
    def catalog(self) -> CatalogService:
        return CatalogService(self.ctx)

    @cached_property
    def members(self) -> MemberService:
        return MemberService(self.ctx)

    @cached_property
    def products(self) -> ProductService:
        from kkmp_pos.services.stock.products import ProductService

        return ProductService(self.ctx)

    @cached_property
    def sales(self) -> SaleService:
        from kkmp_pos.services.selling.sales import SaleService

        service = SaleService(self.ctx)
        # push soon after each sale (the worker debounces); a listener never affects the sale
        service.after_commit.append(lambda result: self.sync.notify())
        return service

    @cached_property
    def receipts(self) -> ReceiptService:
        from kkmp_pos.services.selling.receipts import ReceiptService

        return ReceiptService(self.ctx)

    @cached_property
    def printing(self) -> PrintService:
        from kkmp_pos.services.printing.jobs import PrintService

        return PrintService(self.ctx, self.receipts, self.make_printer)

    # -- at the counter: scanning, held carts, returns, new members, discounts; housekeeping ---------
    @cached_property
    def scanner(self) -> ScanService:
        from kkmp_pos.services.selling.scanning import ScanService

        return ScanService(self.ctx, self.catalog)

    @cached_property
    def held(self) -> HeldCartService:
        from kkmp_pos.services.selling.held import HeldCartService

        return HeldCartService(self.ctx, self.catalog, self.members)

    @cached_property
    def reversals(self) -> ReversalService:
        from kkmp_pos.services.selling.reversals import ReversalService

        return ReversalService(self.ctx)

    @cached_property
    def qris(self) -> QrisPaymentService:
        from kkmp_pos.services.selling.qris_payments import QrisPaymentService

        return QrisPaymentService(self.ctx, self.reversals)

    @cached_property
    def qris_online(self) -> QrisOnlineService:
        """QRIS made and confirmed by the acquirer's SNAP API (services/selling/qris_online.py)."""
        from kkmp_pos.services.selling.qris_online import QrisOnlineService

        return QrisOnlineService(self.ctx, self.qris)

    @cached_property
    def acquirer_setup(self) -> AcquirerSetupService:
        """The QRIS acquirer's settings, entered by a manager (services/setup/acquirer_setup.py)."""
        from kkmp_pos.services.setup.acquirer_setup import AcquirerSetupService

        return AcquirerSetupService(self.ctx)

    @cached_property
    def registration(self) -> RegistrationService:
        from kkmp_pos.services.members.registration import RegistrationService

        return RegistrationService(self.ctx)

    @cached_property
    def simpanan(self) -> SimpananService:
        """Members' money: simpanan in and out, reversals, monthly wajib bills."""
        from kkmp_pos.services.members.simpanan import SimpananService

        return SimpananService(self.ctx)

    @cached_property
    def overrides(self) -> OverrideService:
        from kkmp_pos.services.selling.overrides import OverrideService

        return OverrideService(self.ctx)

    @cached_property
    def voids(self) -> CartVoidService:
        from kkmp_pos.services.selling.voids import CartVoidService

        return CartVoidService(self.ctx)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from kkmp_pos.services.setup.maintenance import MaintenanceService

        return MaintenanceService(self.ctx)

    @cached_property
    def offsite(self) -> OffsiteService:
        """The copy off the machine, its restore drill and its age (services/setup/offsite.py)."""
        from kkmp_pos.services.setup.offsite import OffsiteService

        return OffsiteService(self.ctx)

    @cached_property
    def qris_setup(self) -> QrisSetupService:
        """The shop's static QRIS: checked, shown, saved by a manager (services/setup/qris_setup.py)."""
        from kkmp_pos.services.setup.qris_setup import QrisSetupService

        return QrisSetupService(self.ctx)

    @cached_property
    def shop_profile(self) -> ShopProfileService:
        """The shop's identity as its manager keeps it (services/setup/shop_profile.py)."""
        from kkmp_pos.services.setup.shop_profile import ShopProfileService

        return ShopProfileService(self.ctx)

    @cached_property
    def settings_editor(self) -> SettingsEditorService:
        """The settings a manager changes on the settings screen, checked and audited."""
        from kkmp_pos.services.setup.settings_editor import SettingsEditorService

        return SettingsEditorService(self.ctx)

    @cached_property
    def setup_wizard(self) -> SetupWizardService:
        """The first-run wizard's state (services/setup/setup_wizard.py)."""
        from kkmp_pos.services.setup.setup_wizard import SetupWizardService

        return SetupWizardService(self.ctx)

    # -- the back office: shifts and cash, reports, users, audit log, printer settings ----------------
    @cached_property
    def shifts(self) -> ShiftService:
        from kkmp_pos.services.shifts.drawer import ShiftService

        return ShiftService(self.ctx)

    @cached_property
    def reports(self) -> ReportService:
        from kkmp_pos.services.reports.service import ReportService

        return ReportService(self.ctx)

    @cached_property
    def users(self) -> UserService:
        from kkmp_pos.services.setup.users import UserService

        return UserService(self.ctx)

    @cached_property
    def audit_log(self) -> AuditLogService:
        from kkmp_pos.services.reports.audit_log import AuditLogService

        return AuditLogService(self.ctx)

    @cached_property
    def printer_settings(self) -> PrinterSettingsService:
        from kkmp_pos.services.printing.settings import PrinterSettingsService

        return PrinterSettingsService(self.ctx)

    # -- capped goods: the buyer's NIK for LPG 3 kg, purchase caps, the LPG logbook --------------------
    @cached_property
    def limits(self) -> LimitService:
        from kkmp_pos.services.selling.limits import LimitService

        return LimitService(self.ctx)

    @cached_property
    def lpg_logbook(self) -> LpgLogbookService:
        from kkmp_pos.services.reports.lpg_logbook import LpgLogbookService

        return LpgLogbookService(self.ctx)

    @cached_property
    def books(self) -> BooksService:
        from kkmp_pos.services.books.journals import BooksService

        return BooksService(self.ctx)

    @cached_property
    def books_reports(self) -> BooksReports:
        from kkmp_pos.services.books.reports import BooksReports

        return BooksReports(self.ctx)

    def erase_member(self, actor: Actor, query: str) -> str:
        """Erase a member's personal data on request (a manager); the anonymous name it keeps."""
        from kkmp_pos.services.privacy.erasure import erase_member

        name = erase_member(self.ctx, actor, query)
        self.sync.notify()
        return name

    @property
    def db_path(self) -> Path:
        return Path(self.ctx.db.database)

    @property
    def is_demo(self) -> bool:
        return bool(self.ctx.setting_raw("demo"))

    def close(self) -> None:
        if self._kick_worker is not None:
            self._kick_worker.stop()
        self.sync.stop()
        self.checkpointer.stop()
        if not self.ctx.db.is_closed():
            self.ctx.db.close()
