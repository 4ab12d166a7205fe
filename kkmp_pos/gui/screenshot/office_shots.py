"""The back office in `screenshot --all`: shifts, reports, stock, settings and sync, as a manager."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kkmp_pos.gui.screenshot.catalog import Stage, shot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kkmp_pos.gui.stock.stock_module_screen import StockModuleScreen

SHIFTS = "kkmp_pos.gui.shifts"
STOCK = "kkmp_pos.gui.stock"


@shot("open_shift_dialog", f"{SHIFTS}.shift_dialog:OpenShiftDialog")
def _open_shift(stage: Stage) -> QWidget:
    from kkmp_pos.gui import shift_actions

    return shift_actions.open_shift(stage.window, stage.till, stage.shop.cashier)


@shot("close_shift_dialog", f"{SHIFTS}.shift_dialog:CloseShiftDialog")
def _close_shift(stage: Stage) -> QWidget:
    from kkmp_pos.gui.shifts.shift_dialog import CloseShiftDialog

    shifts = stage.till.shifts
    if not shifts.unclosed():  # a shop with no open shift (--all works on a copy of the database)
        shifts.open(stage.shop.cashier, {100_000: 2})
    shift = shifts.unclosed()[0]
    return CloseShiftDialog(stage.till, stage.shop.cashier, shift.id, stage.window)


@shot("cash_move_dialog", f"{SHIFTS}.cash_move_dialog:CashMoveDialog")
def _cash_move(stage: Stage) -> QWidget:
    from kkmp_pos.gui import shift_actions

    return shift_actions.cash_move(stage.window, stage.till, stage.shop.cashier)


@shot("report_screen", "kkmp_pos.gui.reports.report_screen:ReportScreen")
def _report(stage: Stage) -> QWidget:
    from kkmp_pos.gui import shift_actions

    return shift_actions.reports(stage.window, stage.till, stage.shop.manager, "eod")


@shot("audit_screen", "kkmp_pos.gui.reports.audit_screen:AuditScreen")
def _audit(stage: Stage) -> QWidget:
    from kkmp_pos.gui import shift_actions

    return shift_actions.audit_log(stage.window, stage.till, stage.shop.admin)


@shot("printer_screen", "kkmp_pos.gui.printing.printer_screen:PrinterScreen")
def _printer(stage: Stage) -> QWidget:
    from kkmp_pos.gui import shift_actions

    # a copy that failed to print, waiting in the queue (an address no printer answers: refused at once)
    job = stage.till.printing.reprint(stage.till.receipts.last().id)
    stage.till.printing.print_job(job, uri="tcp://127.0.0.1:9")
    return shift_actions.printer_settings(stage.window, stage.till, stage.shop.manager)


@shot("users_screen", "kkmp_pos.gui.setup.users_screen:UsersScreen")
def _users(stage: Stage) -> QWidget:
    from kkmp_pos.gui import shift_actions

    return shift_actions.users(stage.window, stage.till, stage.shop.admin)


@shot("qris_settings_screen", "kkmp_pos.gui.setup.qris_screen:QrisSettingsScreen")
def _qris_settings(stage: Stage) -> QWidget:
    from kkmp_pos.gui import shift_actions

    return shift_actions.qris_settings(stage.window, stage.till, stage.shop.manager)


@shot("safety_screen", "kkmp_pos.gui.setup.safety_screen:SafetyScreen")
def _safety(stage: Stage) -> QWidget:
    from kkmp_pos.gui.main_menu import _safety

    return _safety(stage.window, stage.till, stage.shop.manager)


@shot("sync_settings_dialog", "kkmp_pos.gui.sync.sync_settings_dialog:SyncSettingsDialog")
def _sync_settings(stage: Stage) -> QWidget:
    from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

    controller = stage.window.sync  # type: ignore[attr-defined]
    return SyncSettingsDialog(controller, stage.window, stage.shop.manager)


@shot("sync_problems_dialog", "kkmp_pos.gui.sync.sync_problems_dialog:SyncProblemsDialog")
def _sync_problems(stage: Stage) -> QWidget:
    from kkmp_pos.gui.sync.sync_problems_dialog import SyncProblemsDialog

    return SyncProblemsDialog(stage.window)


def _stock(stage: Stage, tab: str) -> StockModuleScreen:
    from kkmp_pos.gui.stock.stock_module_screen import open_stock_module

    screen = open_stock_module(stage.till, stage.shop.manager, stage.window)
    screen.tabs.setCurrentWidget(getattr(screen, tab))
    return screen


@shot("stock_module_screen", f"{STOCK}.stock_module_screen:StockModuleScreen")
def _stock_module(stage: Stage) -> QWidget:
    screen = _stock(stage, "products")
    screen.show_error("Contoh pesan: baris pesan di atas tab tidak membuat jendela lebih tinggi.")
    return screen


@shot("stock_products_screen", f"{STOCK}.stock_products_screen:StockProductsScreen")
def _stock_products(stage: Stage) -> QWidget:
    return _stock(stage, "products")


@shot("stock_receiving_screen", f"{STOCK}.stock_receiving_screen:StockReceivingScreen")
def _stock_receiving(stage: Stage) -> QWidget:
    return _stock(stage, "receiving")


@shot("stock_card_screen", f"{STOCK}.stock_card_screen:StockCardScreen")
def _stock_card(stage: Stage) -> QWidget:
    return _stock(stage, "card")


@shot("stock_count_screen", f"{STOCK}.stock_count_screen:StockCountScreen")
def _stock_count(stage: Stage) -> QWidget:
    return _stock(stage, "count")


@shot("stock_lists_screen", f"{STOCK}.stock_lists_screen:StockListsScreen")
def _stock_lists(stage: Stage) -> QWidget:
    return _stock(stage, "lists")


@shot("limits_screen", f"{STOCK}.limits_screen:LimitsScreen")
def _limits(stage: Stage) -> QWidget:
    return _stock(stage, "limits")


@shot("product_edit_dialog", f"{STOCK}.product_edit_dialog:ProductEditDialog")
def _product_edit(stage: Stage) -> QWidget:
    from kkmp_pos.gui.stock.product_edit_dialog import ProductEditDialog

    products = stage.till.products
    spec = products.spec_of(stage.shop.product_id)
    return ProductEditDialog(spec, products.categories(), [], lambda s: s, stage.window)


@shot("import_preview_dialog", f"{STOCK}.stock_products_screen:ImportPreviewDialog")
def _import_preview(stage: Stage) -> QWidget:
    from kkmp_pos.gui.stock.stock_products_screen import ImportPreviewDialog
    from kkmp_pos.services.stock.product_import import ImportPreview, ImportRow, RowProblem

    spec = stage.till.products.spec_of(stage.shop.product_id)
    rows = [ImportRow(2, spec, stage.shop.product_id)]
    problems = [RowProblem(3, "regular_price_rp", "price_not_positive", {"name": spec.name})]
    return ImportPreviewDialog(ImportPreview("produk.csv", rows, problems), stage.window)


@shot("write_off_dialog", f"{STOCK}.stock_lists_screen:WriteOffDialog")
def _write_off(stage: Stage) -> QWidget:
    from kkmp_pos.gui.stock.stock_lists_screen import WriteOffDialog

    return WriteOffDialog("Minyak goreng 1 L", 2000, "expired", stage.window)


@shot("supplier_dialog", f"{STOCK}.supplier_dialog:SupplierDialog")
def _suppliers(stage: Stage) -> QWidget:
    from kkmp_pos.gui.stock.supplier_dialog import SupplierDialog
    from kkmp_pos.services.stock.module import stock_module

    return SupplierDialog(stock_module(stage.till).suppliers, stage.shop.manager, stage.window)


@shot("close_shift_dialog_counted", f"{SHIFTS}.shift_dialog:CloseShiftDialog")
def _close_shift_counted(stage: Stage) -> QWidget:
    """After the blind count: the figures, the manager's approval and what stays in the drawer."""
    dialog = _close_shift(stage)
    dialog.submit_count()  # type: ignore[attr-defined]
    return dialog
