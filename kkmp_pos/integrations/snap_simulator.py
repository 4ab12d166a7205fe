"""A SNAP "QRIS MPM" acquirer for the demo and the tests: a real HTTP server that checks every
signature, issues B2B tokens, makes dynamic QRIS codes with the amount, answers queries, and sends a
signed qr-mpm-notify to a configured URL when a test (or the demo) pays, expires or fails a code.

    kkmp-pos-snap-sim --port 8790 --notify-url http://127.0.0.1:8700/v1/qris/kop1/s1/v1.0/qr/qr-mpm-notify

Test controls (no signature, 127.0.0.1 only): `POST /sim/qr/{referenceNo}/pay|expire|fail`,
`GET /sim/qr` (every code made so far). It prints the client id, secret and keys a till needs.
"""

from __future__ import annotations

import argparse
import json
import logging
import secrets
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx

from kkmp_pos.core.qris import build_dynamic_qris
from kkmp_pos.integrations import snap_signing as sig
from kkmp_pos.integrations.snap_qris import (
    GENERATE_PATH,
    QUERY_PATH,
    SERVICE_GENERATE,
    SERVICE_QUERY,
    TOKEN_PATH,
    amount_rp_of,
    amount_value,
)

log = logging.getLogger(__name__)

# A fictitious merchant (acquirer ID.CO.KKMPDEMO.WWW, the demo shop's NMID) with a correct CRC: the
# simulator's codes parse in any QRIS reader, and no real wallet can pay them.
SIM_STATIC_QRIS = (
    "00020101021126710018ID.CO.KKMPDEMO.WWW011993609999000000000110215KKMPDEMO00000010303UMI"
    "51440014ID.CO.QRIS.WWW0215ID10250000000170303UMI5204541153033605802ID"
    "5923GERAI KKMP GN SAMARINDA6010BALIKPAPAN61057612562070703A016304B951"
)
TOKEN_SERVICE = "73"
TOKEN_SECONDS = 900
STATUS_TEXT = {"00": "Success", "03": "Pending", "05": "Cancelled", "06": "Failed"}


@dataclass
class SimQr:
    reference_no: str
    partner_reference_no: str
    merchant_id: str
    terminal_id: str
    amount_rp: int
    qr_content: str
    status: str = "03"
    rrn: str = ""
    notified: int = 0  # HTTP status of the last notification sent (0: none)


class SnapSimulator:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        static_payload: str = SIM_STATIC_QRIS,
        notify_url: str = "",
    ) -> None:
        self.static_payload = static_payload
        self.notify_url = notify_url
        self.clients: dict[str, tuple[str, str]] = {}  # client id -> (public key PEM, secret)
        self.tokens: dict[str, tuple[str, float]] = {}
        self.qrs: dict[str, SimQr] = {}
        self.requests: list[tuple[str, str]] = []  # (path, responseCode): what was answered
        self.notify_private_pem, self.notify_public_pem = sig.new_key_pair()
        self._lock = threading.Lock()
        self._rrn = 412000000000
        self.httpd = ThreadingHTTPServer((host, port), _handler(self))
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def register_client(self, client_id: str, public_key_pem: str, client_secret: str) -> None:
        self.clients[client_id] = (public_key_pem, client_secret)

    def new_client(self, client_id: str = "") -> dict[str, str]:
        """A merchant account with fresh credentials, as an acquirer's sandbox hands them out."""
        client_id = client_id or "KKMP" + secrets.token_hex(6).upper()
        private_pem, public_pem = sig.new_key_pair()
        secret = secrets.token_urlsafe(24)
        self.register_client(client_id, public_pem, secret)
        return {
            "base_url": self.url,
            "client_id": client_id,
            "client_secret": secret,
            "private_key_pem": private_pem,
            "merchant_id": "KKMPDEMO01",
            "acquirer_public_key_pem": self.notify_public_pem,
        }

    def start(self) -> SnapSimulator:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="snap-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- the acquirer's side of a payment ----------------------------------------------------------
    def find(self, ref: str) -> SimQr | None:
        with self._lock:
            return self.qrs.get(ref) or next(
                (q for q in self.qrs.values() if q.partner_reference_no == ref), None
            )

    def settle(self, ref: str, outcome: str) -> SimQr:
        """pay / expire / fail a code, then notify (when a URL is set)."""
        qr = self.find(ref)
        if qr is None:
            raise KeyError(ref)
        with self._lock:
            if qr.status == "03":
                if outcome == "pay":
                    self._rrn += 1
                    qr.status, qr.rrn = "00", str(self._rrn)
                else:
                    qr.status = "05" if outcome == "expire" else "06"
        if self.notify_url:
            qr.notified = self.send_notify(qr)
        return qr

    def notify_body(self, qr: SimQr) -> dict[str, Any]:
        return {
            "originalReferenceNo": qr.reference_no,
            "originalPartnerReferenceNo": qr.partner_reference_no,
            "latestTransactionStatus": qr.status,
            "transactionStatusDesc": STATUS_TEXT.get(qr.status, ""),
            "amount": amount_value(qr.amount_rp),
            "additionalInfo": {"rrn": qr.rrn, "merchantId": qr.merchant_id, "terminalId": qr.terminal_id},
        }

    def send_notify(self, qr: SimQr) -> int:
        path = urlsplit(self.notify_url).path
        text = sig.minify(self.notify_body(qr))
        stamp = sig.snap_timestamp()
        headers = {
            "Content-Type": "application/json",
            "X-TIMESTAMP": stamp,
            "X-SIGNATURE": sig.rsa_sign(
                self.notify_private_pem, sig.notify_string("POST", path, text, stamp)
            ),
            "X-PARTNER-ID": "KKMPSIM",
            "X-EXTERNAL-ID": str(int(time.time() * 1000)),
            "CHANNEL-ID": "95221",
        }
        try:
            return httpx.post(self.notify_url, content=text.encode(), headers=headers, timeout=10).status_code
        except httpx.HTTPError as exc:
            log.warning("notify to %s failed: %s", self.notify_url, exc)
            return 0

    # -- SNAP services -----------------------------------------------------------------------------
    def answer(self, path: str, headers: dict[str, str], text: str) -> tuple[int, dict[str, Any]]:
        try:
            body = json.loads(text or "{}")
        except ValueError:
            body = None
        if path == TOKEN_PATH:
            status, out = self._token(headers, body)
        elif path in (GENERATE_PATH, QUERY_PATH):
            service = SERVICE_GENERATE if path == GENERATE_PATH else SERVICE_QUERY
            status, out = self._transaction(path, service, headers, text, body)
        else:
            status, out = 404, _refusal(404, "00", "00", "Invalid path")
        self.requests.append((path, out["responseCode"]))
        return status, out

    def _token(self, headers: dict[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        client_id, stamp = headers.get("x-client-key", ""), headers.get("x-timestamp", "")
        client = self.clients.get(client_id)
        if client is None or not _fresh(stamp):
            return 401, _refusal(401, TOKEN_SERVICE, "00", "Unauthorized. [Unknown client or timestamp]")
        if not sig.rsa_verify(client[0], sig.token_string(client_id, stamp), headers.get("x-signature", "")):
            return 401, _refusal(401, TOKEN_SERVICE, "00", "Unauthorized. [Signature]")
        if not isinstance(body, dict) or body.get("grantType") != "client_credentials":
            return 400, _refusal(400, TOKEN_SERVICE, "02", "Invalid Mandatory Field grantType")
        token = secrets.token_urlsafe(32)
        self.tokens[token] = (client_id, time.monotonic() + TOKEN_SECONDS)
        return 200, {
            "responseCode": sig.response_code(200, TOKEN_SERVICE, "00"),
            "responseMessage": "Successful",
            "accessToken": token,
            "tokenType": "Bearer",
            "expiresIn": str(TOKEN_SECONDS),
        }

    def _transaction(
        self, path: str, service: str, headers: dict[str, str], text: str, body: Any
    ) -> tuple[int, dict[str, Any]]:
        token = headers.get("authorization", "").removeprefix("Bearer ").strip()
        owner = self.tokens.get(token)
        if owner is None or owner[1] < time.monotonic():
            return 401, _refusal(401, service, "01", "Invalid Token (B2B)")
        client_id = owner[0]
        stamp = headers.get("x-timestamp", "")
        secret = self.clients[client_id][1]
        signed = sig.transaction_string("POST", path, token, text, stamp)
        if not _fresh(stamp) or not sig.hmac_verify(secret, signed, headers.get("x-signature", "")):
            return 401, _refusal(401, service, "00", "Unauthorized. [Signature]")
        for name in ("x-partner-id", "x-external-id", "channel-id"):
            if not headers.get(name):
                return 400, _refusal(400, service, "02", f"Invalid Mandatory Field {name.upper()}")
        if headers["x-partner-id"] != client_id:
            return 401, _refusal(401, service, "00", "Unauthorized. [X-PARTNER-ID]")
        if not isinstance(body, dict):
            return 400, _refusal(400, service, "01", "Invalid Field Format")
        return self._generate(body) if service == SERVICE_GENERATE else self._query(body)

    def _generate(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        amount = amount_rp_of(body.get("amount"))
        partner_ref = body.get("partnerReferenceNo")
        if amount is None or amount <= 0:
            return 400, _refusal(400, SERVICE_GENERATE, "01", "Invalid Field Format amount")
        if not isinstance(partner_ref, str) or not partner_ref or not body.get("merchantId"):
            return 400, _refusal(400, SERVICE_GENERATE, "02", "Invalid Mandatory Field")
        reference = "SIM" + secrets.token_hex(8).upper()
        content = build_dynamic_qris(self.static_payload, amount, bill_number=partner_ref[-25:])
        qr = SimQr(
            reference, partner_ref, str(body["merchantId"]), str(body.get("terminalId", "")), amount, content
        )
        with self._lock:
            self.qrs[reference] = qr
        return 200, {
            "responseCode": sig.response_code(200, SERVICE_GENERATE, "00"),
            "responseMessage": "Successful",
            "referenceNo": reference,
            "partnerReferenceNo": partner_ref,
            "qrContent": content,
            "merchantName": "GERAI KKMP GN SAMARINDA",
        }

    def _query(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        qr = self.find(str(body.get("originalReferenceNo") or body.get("originalPartnerReferenceNo") or ""))
        if qr is None:
            return 404, _refusal(404, SERVICE_QUERY, "01", "Transaction Not Found")
        return 200, {
            "responseCode": sig.response_code(200, SERVICE_QUERY, "00"),
            "responseMessage": "Successful",
            "serviceCode": SERVICE_GENERATE,
            **self.notify_body(qr),
        }


def _refusal(status: int, service: str, case: str, message: str) -> dict[str, Any]:
    return {"responseCode": sig.response_code(status, service, case), "responseMessage": message}


def _fresh(stamp: str) -> bool:
    """A timestamp within five minutes of now, with its offset (SNAP refuses stale requests)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return False
    if moment.tzinfo is None:
        return False
    return abs(time.time() - moment.timestamp()) <= 300


def _handler(sim: SnapSimulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            log.debug("snap-sim: " + format, *args)

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/sim/qr":
                with sim._lock:
                    self._send(200, [vars(q) for q in sim.qrs.values()])
            else:
                self._send(404, {"error": "not found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            text = self.rfile.read(length).decode("utf-8", "replace")
            path = urlsplit(self.path).path
            parts = path.strip("/").split("/")
            if len(parts) == 4 and parts[:2] == ["sim", "qr"] and parts[3] in ("pay", "expire", "fail"):
                try:
                    qr = sim.settle(parts[2], parts[3])
                except KeyError:
                    self._send(404, {"error": "no such QR"})
                else:
                    self._send(200, vars(qr))
                return
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, body = sim.answer(path, headers, text)
            self._send(status, body)

    return Handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kkmp-pos-snap-sim", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--notify-url", default="", help="where the signed qr-mpm-notify goes")
    parser.add_argument("--client-id", default="KKMPDEMO", help="the merchant account to create")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    sim = SnapSimulator(args.host, args.port, notify_url=args.notify_url)
    account = sim.new_client(args.client_id)
    json.dump(account | {"notify_public_key_pem": sim.notify_public_pem}, sys.stdout, indent=2)
    print()
    sys.stdout.flush()
    try:
        sim.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        sim.httpd.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
