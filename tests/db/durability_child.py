"""Helper process for test_durability: forks tills that sell in a loop until the test kills them.

Starting Python and importing the package costs ~0.3 s, too slow for hundreds of kills, so this
process imports once and forks a fresh till for each round (no database connection crosses the
fork: this process closes the file before the first fork). Protocol, one line each way:

  stdin  `go SEED`  -> fork a seller; stdout `CHILD PID`
  stdin  `reap`     -> wait for the seller (the test killed it); stdout `REAPED STATUS`
  seller stdout     `SALE SALE_ID LINE_COUNT` right after `checkout` returned (one write per line)
"""

from __future__ import annotations

import os
import random
import sys
import traceback

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.db.models import BarcodeModel, ProductModel, UserModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of


def sell_forever(data_dir: str, seed: int) -> None:
    rng = random.Random(seed)
    till = open_till(data_dir)  # production settings: WAL, synchronous=full, IMMEDIATE
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
    while True:
        cart = Cart()
        for code in rng.sample(codes, rng.randint(1, 5)):
            cart.add(till.catalog.lookup_barcode(code), rng.randint(1, 3) * 1000)
        due = till.sales.cash_due(cart)
        result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due + 5000)], cashier)
        os.write(1, f"SALE {result.sale_id} {len(cart.lines)}\n".encode())


def preload(data_dir: str) -> None:
    """Open the till once so every module it loads lazily is imported before forking; then close it."""
    till = open_till(data_dir)
    till.sales.cash_due(Cart())
    till.close()


def main() -> None:
    data_dir = sys.argv[1]
    preload(data_dir)
    child = 0
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    for line in sys.stdin:
        cmd, *rest = line.split()
        if cmd == "go":
            out.flush()
            child = os.fork()
            if child == 0:
                code = 1
                try:
                    sell_forever(data_dir, int(rest[0]))
                except BaseException:  # the test reads this file when a seller dies by itself
                    sys.stderr.write(traceback.format_exc())
                    sys.stderr.flush()
                finally:
                    os._exit(code)
            out.write(f"CHILD {child}\n")
        elif cmd == "reap":
            _pid, status = os.waitpid(child, 0)
            out.write(f"REAPED {status}\n")
        out.flush()


if __name__ == "__main__":
    main()
