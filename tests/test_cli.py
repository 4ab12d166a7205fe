"""The kkmp-pos command line: global options anywhere, receipts, database check/backup/restore."""

import shutil
import socket
import sqlite3
import subprocess
import sys

import pytest

from kkmp_pos.cli import main
from kkmp_pos.config import DB_FILENAME
from kkmp_pos.devices.escpos_text import decode_escpos_text, extract_barcodes


@pytest.fixture
def shop(till):
    folder = till.db_path.parent
    till.close()
    return folder


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kkmp_pos", *args], capture_output=True, timeout=120)


def test_reprint_last_receipt_to_dummy_writes_escpos_to_stdout(shop):
    out = run("--data-dir", str(shop), "receipt", "print", "--last", "--printer", "dummy://")
    assert out.returncode == 0, out.stderr.decode()
    text = decode_escpos_text(out.stdout)
    conn = sqlite3.connect(shop / DB_FILENAME)
    receipt_no, code = conn.execute(
        "SELECT receipt_no, receipt_code FROM sale ORDER BY created_at DESC LIMIT 1"
    ).fetchone()
    conn.close()
    assert receipt_no in text and "SALINAN" in text
    assert extract_barcodes(out.stdout) == [code]


def test_global_options_are_accepted_after_the_subcommand(shop):
    before = run("--data-dir", str(shop), "receipt", "show", "--last")
    after = run("receipt", "show", "--last", "--data-dir", str(shop))
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout and b"TOTAL" in after.stdout


def test_malformed_printer_uri_is_refused_in_indonesian_and_changes_nothing(shop):
    conn = sqlite3.connect(shop / DB_FILENAME)
    jobs = conn.execute("SELECT count(*) FROM print_job").fetchone()[0]
    conn.close()
    out = run("--data-dir", str(shop), "receipt", "print", "--last", "--printer", "netwrk:/x")
    assert out.returncode == 2
    assert "tidak sah" in out.stderr.decode()
    conn = sqlite3.connect(shop / DB_FILENAME)
    assert conn.execute("SELECT count(*) FROM print_job").fetchone()[0] == jobs
    conn.close()


def test_closed_printer_port_fails_clearly_and_keeps_the_sale(shop):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = run(
        "--data-dir",
        str(shop),
        "--lang",
        "en",
        "receipt",
        "print",
        "--last",
        "--printer",
        f"network://127.0.0.1:{port}",
    )
    assert out.returncode == 1
    assert "cannot be reached" in out.stderr.decode()
    conn = sqlite3.connect(shop / DB_FILENAME)
    status, error = conn.execute(
        "SELECT status, last_error FROM print_job ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert status == "failed" and "refused" in error
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_db_check_backup_restore_round_trip(shop, tmp_path, capsys):
    assert main(["--data-dir", str(shop), "db", "check"]) == 0
    backup = tmp_path / "backup.db"
    assert main(["db", "backup", str(backup), "--data-dir", str(shop)]) == 0
    conn = sqlite3.connect(shop / DB_FILENAME)
    sales = conn.execute("SELECT count(*) FROM sale").fetchone()[0]
    conn.execute("DELETE FROM print_job")
    conn.commit()
    conn.close()
    assert main(["--data-dir", str(shop), "db", "restore", str(backup)]) == 0
    conn = sqlite3.connect(shop / DB_FILENAME)
    assert conn.execute("SELECT count(*) FROM sale").fetchone()[0] == sales
    assert conn.execute("SELECT count(*) FROM print_job").fetchone()[0] > 0
    conn.close()
    assert list(shop.glob("kkmp-pos.replaced-*.db")), "the replaced file is kept"


def test_db_check_reports_a_damaged_file(tmp_path, capsys):
    (tmp_path / DB_FILENAME).write_bytes(b"not a database at all" * 50)
    assert main(["--data-dir", str(tmp_path), "db", "check"]) == 1
    assert "rusak" in capsys.readouterr().out


def test_restore_refuses_a_file_that_is_not_a_backup(shop, tmp_path, capsys):
    bogus = tmp_path / "bogus.db"
    shutil.copyfile(__file__, bogus)
    assert main(["--data-dir", str(shop), "db", "restore", str(bogus)]) == 2
    assert "tidak dapat dipakai" in capsys.readouterr().err


def test_demo_without_data_dir_uses_a_demo_folder(tmp_path, monkeypatch):
    from kkmp_pos.config import resolve_data_dir

    monkeypatch.setenv("KKMP_POS_DATA_DIR", str(tmp_path / "real"))
    assert resolve_data_dir(None, True) == tmp_path / "real" / "demo"
    assert resolve_data_dir(None, False) == tmp_path / "real"
    assert resolve_data_dir(str(tmp_path / "x"), True) == tmp_path / "x"
