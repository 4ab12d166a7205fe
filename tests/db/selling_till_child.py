"""A till that sells: holds the window's folder lock and commits cash sales through the services in a
loop, writing `SALE <id>` to stdout as soon as each checkout returned (used by test_cli_beside_the_till).

A sale a business rule refuses (a purchase cap) is skipped, but fifty refusals in a row, or a storage
failure, end the process with `ERROR <code>` so the test sees it.
"""

from __future__ import annotations

import os
import sys
import time

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import KkmpError, StorageError
from kkmp_pos.db.instance_lock import InstanceLock
from kkmp_pos.db.models import BarcodeModel, ProductModel, UserModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of


def main() -> None:
    data_dir = sys.argv[1]
    lock = InstanceLock.acquire(data_dir)  # as the window does
    till = open_till(data_dir)
    cashier = actor_of(UserModel.get(UserModel.role == "kasir"))
    codes = [
        b.code
        for b in BarcodeModel.select(BarcodeModel.code)
        .join(ProductModel)
        .where(
            BarcodeModel.unit.is_null()
            & (ProductModel.is_weighed == False)  # noqa: E712
            & (ProductModel.requires_nik == False)  # noqa: E712
            & ProductModel.drug_class.is_null()
        )
    ]
    till.maintenance.run_startup()  # the window's start-up housekeeping, in the till's own process
    os.write(1, b"READY\n")
    n = refused = 0
    while True:
        n += 1
        # a busy till, not a flood: ten sales a second keeps the lock busy between the commands, and a
        # day's 9,999 receipt numbers last a test of up to a quarter of an hour
        time.sleep(0.1)
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(codes[n % len(codes)]), 1000)
        try:
            due = till.sales.cash_due(cart)
            result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due)], cashier)
        except StorageError as exc:
            os.write(1, f"ERROR {exc.code} {exc}\n".encode())
            lock.release()
            os._exit(3)
        except KkmpError as exc:
            refused += 1
            if refused >= 50:  # every sale refused: say why, or the test only sees silence
                os.write(1, f"ERROR {exc.code} refused {refused} times in a row: {exc}\n".encode())
                lock.release()
                os._exit(4)
            continue
        refused = 0
        os.write(1, f"SALE {result.sale_id}\n".encode())


if __name__ == "__main__":
    main()
