"""The stock module's services over one till, as the manager's screens and the CLI use them."""

from __future__ import annotations

from typing import Any

from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.stock.counts import StockCountService
from kkmp_pos.services.stock.figures import StockService
from kkmp_pos.services.stock.product_import import ProductImportService
from kkmp_pos.services.stock.products import ProductService
from kkmp_pos.services.stock.receiving import ReceivingService
from kkmp_pos.services.stock.suppliers import SupplierService
from kkmp_pos.services.stock.writeoffs import WriteOffService


class StockModule:
    def __init__(self, ctx: ServiceContext, auth: Any = None) -> None:
        self.ctx = ctx
        self.auth = auth  # AuthService, for a manager's PIN approval on the spot
        self.products = ProductService(ctx)
        self.suppliers = SupplierService(ctx)
        self.receiving = ReceivingService(ctx)
        self.stock = StockService(ctx)
        self.writeoffs = WriteOffService(ctx)
        self.counts = StockCountService(ctx)
        self.importer = ProductImportService(ctx)


def stock_module(till: Any) -> StockModule:
    """Build the stock services for an open Till (kkmp_pos.services.till.Till)."""
    return StockModule(till.ctx, till.auth)
