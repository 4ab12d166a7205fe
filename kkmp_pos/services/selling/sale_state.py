"""The one writer of `sale.status`: every change of a sale's state goes through `move_sale`."""

from __future__ import annotations

from kkmp_pos.core.sale_status import SaleMove, SaleStatus, next_status
from kkmp_pos.db.models import SaleModel


def move_sale(sale: SaleModel, move: SaleMove) -> SaleStatus:
    """Move a sale on by `move` (StateError if its state does not allow it), in the caller's
    transaction, next to the document that makes the move."""
    status = next_status(sale.status, move)
    SaleModel.update(status=str(status)).where(SaleModel.id == sale.id).execute()
    return status
