"""Crash recovery: a shift open when the process is SIGKILLed is found at the next start and closes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kkmp_pos.config import DB_FILENAME

CHILD = textwrap.dedent(
    """
    import sys, time
    from kkmp_pos.app import open_till
    from kkmp_pos.services.setup.auth import actor_of
    from kkmp_pos.db.models import UserModel
    till = open_till(sys.argv[1], demo=True)
    cashier = actor_of(UserModel.get(UserModel.role == "kasir"))
    shift = till.shifts.open(cashier, {50000: 3})
    till.shifts.cash_move(cashier, "in", 20000, "uang kecil")
    print(shift.id, flush=True)
    time.sleep(120)  # killed long before this ends
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_shift_left_open_by_a_killed_process_is_recovered_and_closed(
    no_shift, till, tmp_path: Path
) -> None:
    data = tmp_path / "killed"
    data.mkdir()
    till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    (data / DB_FILENAME).write_bytes(Path(till.ctx.db.database).read_bytes())
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data)], stdout=subprocess.PIPE, text=True, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    shift_id = child.stdout.readline().strip()
    assert shift_id, "child did not open a shift"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    assert child.returncode == -signal.SIGKILL
    time.sleep(0.1)

    from kkmp_pos.app import open_till
    from kkmp_pos.services.setup.auth import actor_of

    till.close()
    restarted = open_till(data)
    try:
        found = restarted.shifts.unclosed()
        assert [s.id for s in found] == [shift_id]
        from kkmp_pos.db.models import UserModel

        cashier = actor_of(UserModel.get_by_id(found[0].user_id))
        assert restarted.shifts.current(cashier).id == shift_id
        closed = restarted.shifts.close(cashier, {50_000: 3, 10_000: 2}, shift_id=shift_id)
        assert closed.expected_rp == 170_000 and closed.difference_rp == 0
        assert restarted.shifts.unclosed() == []
    finally:
        restarted.close()
