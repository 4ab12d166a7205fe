"""`kkmp-pos-server serve` as a real process: the tills' sync API, the web pages and the admin API on
their own listeners (the admin API on localhost by default), or one listener for a one-machine
shop; https with a certificate made in the test, verified by httpx and by the till's client."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kkmp_pos.server import admin, schema
from kkmp_pos.server.cli import _parser
from kkmp_pos.server.db import open_server_db
from kkmp_pos.sync.client import SyncClient, SyncHttpError

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def database(tmp_path):
    """A SQLite server database with cooperative kop1; returns (url, admin token)."""
    url = f"sqlite:///{tmp_path / 'server.db'}"
    sdb = open_server_db(url)
    schema.migrate(sdb)
    token = admin.create_cooperative(sdb, "kop1", "Koperasi 1")
    sdb.close()
    return url, token


class Served:
    def __init__(self, database_url: str, *args: str) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "kkmp_pos.server.cli", "--database", database_url, "serve"]
        self.process = subprocess.Popen(
            [*command, "--log-level", "warning", *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self, url: str, **client_args) -> None:
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, self.process.communicate()
            try:
                if httpx.get(url + "/v1/health", timeout=2, **client_args).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


@pytest.fixture
def served():
    running: list[Served] = []

    def start(database_url: str, *args: str) -> Served:
        running.append(Served(database_url, *args))
        return running[-1]

    yield start
    for server in running:
        server.stop()


def test_sync_web_and_admin_each_have_their_own_listener(database, served):
    url, token = database
    sync_port, web_port, admin_port = _free_port(), _free_port(), _free_port()
    server = served(
        url, "--port", str(sync_port), "--web-port", str(web_port), "--admin-port", str(admin_port)
    )
    sync, web, adm = (f"http://127.0.0.1:{p}" for p in (sync_port, web_port, admin_port))
    for base in (sync, web, adm):
        server.wait_ready(base)
    auth = {"Authorization": f"Bearer {token}"}

    # the tills' listener: enrol, push, pull; no admin API
    assert httpx.get(sync + "/v1/sync/pull").status_code == 401
    assert httpx.get(sync + "/v1/admin/report", headers=auth).status_code == 404
    assert httpx.post(sync + "/v1/admin/products", headers=auth, json={"rows": []}).status_code == 404
    assert not [p for p in httpx.get(sync + "/openapi.json").json()["paths"] if p.startswith("/v1/admin")]
    # the admin API's listener: no sync, no enrolment
    assert httpx.get(adm + "/v1/admin/report", headers=auth).status_code == 200
    assert httpx.get(adm + "/v1/sync/pull").status_code == 404
    assert httpx.post(adm + "/v1/enrol", json={"code": "x"}).status_code == 404
    # the web pages: the board's log-in; the sync and admin listeners have none
    page = httpx.get(web + "/", follow_redirects=True)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'action="/web/login"' in page.text
    assert httpx.get(sync + "/web/login").status_code == 404
    assert httpx.get(adm + "/web/login").status_code == 404
    assert httpx.get(web + "/v1/admin/report", headers=auth).status_code == 404
    assert httpx.get(web + "/v1/sync/pull").status_code == 404
    assert server.stop() == 0


def test_the_admin_api_listens_on_localhost_unless_told_otherwise():
    args = _parser().parse_args(["serve", "--host", "0.0.0.0"])
    assert args.admin_host == "127.0.0.1" and args.host == "0.0.0.0"


def test_single_listener_joins_them_for_a_one_machine_shop(database, served):
    url, token = database
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = served(url, "--single-listener", "--port", str(port))
    server.wait_ready(base)
    assert (
        httpx.get(base + "/v1/admin/report", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    )
    assert httpx.get(base + "/v1/sync/pull").status_code == 401
    assert httpx.get(base + "/", follow_redirects=True).status_code == 200


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1, signed by its own key (PEM files)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kkmp-test-server")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.crt", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_is_served_and_verified_and_a_self_signed_certificate_can_be_pinned(tmp_path, database, served):
    url, token = database
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    base = f"https://127.0.0.1:{port}"
    server = served(
        url, "--single-listener", "--port", str(port), "--tls-cert", str(cert), "--tls-key", str(key)
    )
    pinned = ssl.create_default_context(cafile=str(cert))
    server.wait_ready(base, verify=pinned)
    answer = httpx.get(base + "/v1/admin/report", headers={"Authorization": f"Bearer {token}"}, verify=pinned)
    assert answer.status_code == 200
    with pytest.raises(httpx.ConnectError):  # an unknown certificate is refused
        httpx.get(base + "/v1/health")
    with pytest.raises(httpx.HTTPError):  # and plain http is not spoken on that port
        httpx.get(f"http://127.0.0.1:{port}/v1/health")

    assert SyncClient(base, pinned_cert=str(cert)).health()  # the till, with the pinned certificate
    assert SyncClient(f"https://localhost:{port}", pinned_cert=str(cert)).health()
    with pytest.raises(SyncHttpError) as unverified:  # the till, trusting only the system's CAs
        SyncClient(base).health()
    assert unverified.value.code == "sync_tls_failed"
    assert "sertifikat" in unverified.value.message("id").lower()
    _web_cookies_are_secure(url, base, pinned)
    assert server.stop() == 0


def _web_cookies_are_secure(url: str, base: str, pinned: ssl.SSLContext) -> None:
    """Behind TLS the board's cookies are Secure (and HttpOnly, SameSite=Strict, as always)."""
    from kkmp_pos.server.web.users import create_user
    from tests.server.web import board

    sdb = open_server_db(url)
    create_user(sdb, "kop1", "ketua", board.PASSWORD, "pengurus")
    sdb.close()
    with httpx.Client(base_url=base, verify=pinned) as web:
        signed_in = board.log_in(web, "kop1", "ketua")
        assert signed_in.status_code == 303
        session = next(c for c in signed_in.headers.get_list("set-cookie") if c.startswith("kkw_session="))
        parts = [p.strip().lower() for p in session.split(";")]
        assert {"secure", "httponly", "samesite=strict"} <= set(parts)
        assert web.get("/web/k/kop1/kasir").status_code == 200


def test_tls_needs_both_the_certificate_and_the_key(database, tmp_path):
    url, _ = database
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "kkmp_pos.server.cli", "--database", url, "serve", "--tls-cert", "x.pem"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 2 and "--tls-key" in result.stderr


def test_a_till_enrols_over_tls_with_a_pinned_certificate_from_the_cli(tmp_path, database, served):
    from kkmp_pos.app import open_till
    from kkmp_pos.sync.worker import sync_once
    from tests.sync.support import run_cli

    url, _ = database
    sdb = open_server_db(url)
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    sdb.close()
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    base = f"https://localhost:{port}"
    others = ["--web-port", str(_free_port()), "--admin-port", str(_free_port())]  # not the defaults
    server = served(url, "--port", str(port), *others, "--tls-cert", str(cert), "--tls-key", str(key))
    server.wait_ready(base, verify=ssl.create_default_context(cafile=str(cert)))
    folder = tmp_path / "till"
    till = open_till(folder)
    till.auth.create_user("Budi", "manajer", "1357")
    till.auth.create_user("Ani", "kasir", "2468")
    till.close()

    pin = {"KKMP_POS_PIN": "2468"}
    cashier = run_cli(folder, "enrol", base, code, "--user", "Ani", "--tls-pin", str(cert), env=pin)
    assert cashier.returncode != 0  # a cashier may not enrol the till
    unpinned = run_cli(folder, "enrol", base, code, "--user", "Budi", env={"KKMP_POS_PIN": "1357"})
    assert unpinned.returncode != 0 and "sertifikat" in unpinned.stderr.lower()
    done = run_cli(
        folder, "enrol", base, code, "--user", "Budi", "--tls-pin", str(cert), env={"KKMP_POS_PIN": "1357"}
    )
    assert done.returncode == 0, done.stderr
    till = open_till(folder)
    try:
        sync_once(folder)  # the worker's client uses the pinned certificate too
    finally:
        till.close()
