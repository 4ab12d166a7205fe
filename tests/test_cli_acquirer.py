"""`kkmp-pos settings acquirer` in a real process: a manager saves the SNAP settings, `--show` never
prints a secret, `--clear` goes back to the static code."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kkmp_pos.integrations import snap_signing as sig


@pytest.fixture
def shop(till):
    folder = till.db_path.parent
    till.close()
    return folder


def run(shop, *args: str, pin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(shop), "settings", "acquirer", *args],
        input=pin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_manager_saves_the_acquirer_and_no_secret_is_ever_printed(shop, tmp_path):
    private_pem, public_pem = sig.new_key_pair()
    (tmp_path / "till.pem").write_text(private_pem)
    (tmp_path / "bank.pem").write_text(public_pem)
    (tmp_path / "secret.txt").write_text("s3cr3t-Th4t-Must-N0t-Show\n")
    common = [
        "--base-url",
        "https://sandbox.example.co.id/snap",
        "--client-id",
        "KKMP01",
        "--client-secret-file",
        str(tmp_path / "secret.txt"),
        "--private-key",
        str(tmp_path / "till.pem"),
        "--acquirer-public-key",
        str(tmp_path / "bank.pem"),
        "--merchant-id",
        "M0001",
    ]
    assert run(shop, "--show").returncode == 1
    refused = run(shop, *common, "--user", "Siti Rahmawati", pin="1111\n")  # a cashier
    assert refused.returncode == 2
    saved = run(shop, *common, "--user", "Budi Santoso", pin="9999\n")
    assert saved.returncode == 0, saved.stderr
    shown = run(shop, "--show")
    assert shown.returncode == 0 and "KKMP01" in shown.stdout and "M0001" in shown.stdout
    for out in (saved.stdout + saved.stderr, shown.stdout + shown.stderr):
        assert "s3cr3t" not in out and "PRIVATE KEY" not in out and "(tersimpan)" in out
    bad = run(shop, "--base-url", "ftp://x", "--user", "Budi Santoso", pin="9999\n")
    assert bad.returncode == 2 and "base_url" in bad.stderr
    assert run(shop, "--clear", "--user", "Budi Santoso", pin="9999\n").returncode == 0
    assert run(shop, "--show").returncode == 1


def test_the_simulators_account_is_taken_from_its_json(shop, tmp_path):
    import json

    from kkmp_pos.integrations.snap_simulator import SnapSimulator

    sim = SnapSimulator()
    try:
        account = sim.new_client("KKMPDEMO") | {"notify_public_key_pem": sim.notify_public_pem}
        (tmp_path / "akun.json").write_text(json.dumps(account))
        saved = run(shop, "--from-json", str(tmp_path / "akun.json"), "--user", "Budi Santoso", pin="9999\n")
        assert saved.returncode == 0, saved.stderr
        assert "KKMPDEMO" in saved.stdout and sim.url in saved.stdout
        assert account["client_secret"] not in saved.stdout
    finally:
        sim.httpd.server_close()
