"""`kkmp-pos shift open|close|status` run as real processes on a real data folder, while another process
holds the till window's lock and sells: the same terminal, the same shift, the same services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Stands in for the till window: takes the folder's instance lock, then sells a cash sale per "sell".
WINDOW = textwrap.dedent(
    """
    import sys
    from kkmp_pos.app import open_till
    from kkmp_pos.core.cart import Cart
    from kkmp_pos.core.errors import KkmpError
    from kkmp_pos.db.instance_lock import InstanceLock
    from kkmp_pos.db.models import SaleModel, UserModel
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
    from kkmp_pos.services.setup.auth import actor_of

    lock = InstanceLock.acquire(sys.argv[1])
    till = open_till(sys.argv[1])
    cashier = actor_of(UserModel.get(UserModel.name == "Siti Rahmawati"))
    print("READY", flush=True)
    for line in sys.stdin:
        cart = Cart()
        cart.add(till.catalog.search("beras")[0], 1000)
        try:
            result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 1_000_000)], cashier)
        except KkmpError as exc:
            print("REFUSED", exc.code, flush=True)
        else:
            print("SOLD", SaleModel.get_by_id(result.sale_id).shift_id, flush=True)
    till.close()
    lock.release()
    """
)


def run(folder: Path, *args: str, pins: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(folder), "shift", *args],
        input=pins,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


class Window:
    def __init__(self, folder: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WINDOW, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.read() == "READY"

    def read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def sell(self) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write("sell\n")
        self.proc.stdin.flush()
        return self.read()

    def quit(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(60)


@pytest.fixture
def folder(till) -> Path:
    from tests.conftest import close_test_shift

    close_test_shift(till)
    path = Path(till.ctx.db.database).parent
    till.close()
    return path


def status(folder: Path) -> dict:
    done = run(folder, "status", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_open_sell_close_from_the_command_line_while_the_window_holds_the_till(folder: Path) -> None:
    from kkmp_pos.db.instance_lock import till_running

    window = Window(folder)
    try:
        assert till_running(folder)
        assert window.sell() == "REFUSED shift_needed_for_cash"
        assert status(folder)["open"] is False

        opened = run(folder, "open", "--float", "300.000", "--user", "siti rahmawati", pins="1111\n")
        assert opened.returncode == 0, opened.stderr
        assert "Shift dibuka" in opened.stdout and "Rp300.000" in opened.stdout
        state = status(folder)
        assert state["open"] is True and state["shift"]["user_name"] == "Siti Rahmawati"
        assert "expected" not in json.dumps(state)  # blind: nobody reads the expected cash before counting
        shift_id = state["shift"]["id"]
        # the window sells in the shift the command opened
        assert window.sell() == f"SOLD {shift_id}"
        assert window.sell() == f"SOLD {shift_id}"

        # short by more than the limit: the count is stored, the shift waits for a manager
        short = run(folder, "close", "--counted", "100000", "--user", "Siti Rahmawati", pins="1111\n")
        assert short.returncode == 2
        assert "persetujuan manajer" in short.stderr and "seharusnya" in short.stdout
        assert window.sell() == "REFUSED shift_needed_for_cash"  # counted: no more sales
        assert status(folder)["unclosed"][0]["status"] == "counted"

        closed = run(
            folder,
            "close",
            "--counted",
            "100000",
            "--user",
            "Siti Rahmawati",
            "--approver",
            "Budi Santoso",
            pins="1111\n9999\n",
        )
        assert closed.returncode == 0, closed.stderr
        assert "Shift ditutup" in closed.stdout and "Laporan Z" in closed.stdout
        final = status(folder)
        assert final["open"] is False and final["unclosed"] == []
        assert window.sell() == "REFUSED shift_needed_for_cash"
    finally:
        window.quit()
    assert window.proc.returncode == 0


def test_pins_and_amounts_are_checked_with_words_and_change_nothing(folder: Path) -> None:
    cases = [
        (("open", "--float", "300000", "--user", "Siti Rahmawati"), "", "PIN tidak terbaca"),
        (("open", "--float", "300000", "--user", "Siti Rahmawati"), "0000\n", "PIN salah"),
        (("open", "--float", "300000", "--user", "Nobody"), "1111\n", "'Nobody' tidak ada"),
        (("open", "--float", "300050", "--user", "Siti Rahmawati"), "1111\n", "kelipatan Rp100"),
        (("open", "--float", "tiga ratus", "--user", "Siti Rahmawati"), "1111\n", "bukan jumlah"),
        (("close", "--counted", "100000", "--user", "Siti Rahmawati"), "1111\n", "Belum ada shift"),
    ]
    for args, pins, words in cases:
        done = run(folder, *args, pins=pins)
        assert done.returncode == 2, (args, done.stdout)
        assert words in done.stderr, (args, done.stderr)
    assert status(folder)["unclosed"] == []


def test_a_second_shift_is_refused_and_english_is_available(folder: Path) -> None:
    assert run(folder, "open", "--float", "300000", "--user", "Andi Pratama", pins="2222\n").returncode == 0
    again = run(
        folder, "open", "--float", "300000", "--user", "Siti Rahmawati", "--lang", "en", pins="1111\n"
    )
    assert again.returncode == 2 and "Andi Pratama's shift is still open" in again.stderr
    text = run(folder, "status", "--lang", "en")
    assert text.returncode == 0 and text.stdout.startswith("Shift open: Andi Pratama")
