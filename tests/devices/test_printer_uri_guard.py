"""A printer address can never name the till's data folder or its database, by name or by link."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.services.printing.settings import PrinterConfig
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod


def _sale(till, cashier) -> str:
    from kkmp_pos.core.cart import Cart

    cart = Cart()
    cart.add(till.catalog.search("beras")[0], 1000)
    due = till.sales.cash_due(cart)
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due)], cashier).sale_id


def _addresses(tmp_path: Path, db: Path) -> dict[str, str]:
    elsewhere = tmp_path.parent / (tmp_path.name + "-links")
    elsewhere.mkdir(exist_ok=True)
    symlink = elsewhere / "printer-symlink"
    if not symlink.exists():
        symlink.symlink_to(db)
    hardlink = elsewhere / "printer-hardlink"
    if not hardlink.exists():
        os.link(db, hardlink)
    return {
        "database": f"file://{db}",
        "wal": f"file://{db}-wal",
        "folder file": f"file://{tmp_path / 'backups' / 'x.db'}",
        "dotdot": f"file://{tmp_path / 'logs' / '..' / db.name}",
        "symlink": f"file://{symlink}",
        "hard link": f"file://{hardlink}",
        "serial": f"serial://{db}",
    }


@pytest.mark.parametrize(
    "which", ["database", "wal", "folder file", "dotdot", "symlink", "hard link", "serial"]
)
def test_saving_an_address_inside_the_data_folder_is_refused(till, manager, tmp_path: Path, which):
    db = Path(till.ctx.db.database)
    uri = _addresses(tmp_path, db)[which]
    before = till.printer_settings.load()
    with pytest.raises(ValidationError) as caught:
        till.printer_settings.save(manager, PrinterConfig(uri=uri))
    assert caught.value.code == "printer_uri_protected"
    assert "folder data kasir" in caught.value.message("id")
    assert "data folder" in caught.value.message("en")
    assert till.printer_settings.load() == before  # nothing saved


def test_a_print_job_aimed_at_the_database_fails_and_the_database_is_untouched(till, cashier, tmp_path: Path):
    """A job that names the database (an old setting, `receipt print --printer`) is refused when the
    printer is opened: the job fails with the reason and the sale stays readable."""
    db = Path(till.ctx.db.database)
    sale_id = _sale(till, cashier)
    job_id = till.printing.reprint(sale_id)
    for uri in _addresses(tmp_path, db).values():
        outcome = till.printing.print_job(job_id, uri=uri)
        assert not outcome.ok
        assert outcome.error is not None and outcome.error.code == "printer_uri_protected"
    till.ctx.db.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM sale WHERE id = ?", (sale_id,)).fetchone()[0] == 1
    conn.close()


def test_a_device_file_outside_the_folder_is_still_accepted(till, manager, tmp_path: Path):
    device = tmp_path.parent / (tmp_path.name + "-lp0")
    device.write_bytes(b"")
    saved = till.printer_settings.save(manager, PrinterConfig(uri=f"file://{device}"))
    assert saved.uri == f"file://{device}"
