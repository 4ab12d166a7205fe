"""An HTTP proxy on 127.0.0.1 that misbehaves on purpose: 500s, slow answers, lost answers, double
delivery. Each fault applies to the next N requests to a path prefix, then the proxy forwards."""

from __future__ import annotations

import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class FaultyProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = urlsplit(upstream)
        self.faults: list[tuple[str, str, float]] = []  # (kind, path prefix, arg)
        self.lock = threading.Lock()
        self.log: list[tuple[str, str]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _forward(self, body: bytes | None) -> tuple[int, list[tuple[str, str]], bytes]:
                conn = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the server answered (413) and closed before reading the whole body
                resp = conn.getresponse()
                data = resp.read()
                conn.close()
                return resp.status, resp.getheaders(), data

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = proxy.take(self.path)
                proxy.log.append((self.command, self.path))
                if fault and fault[0] == "500":
                    self._reply(500, [("Content-Type", "application/json")], b'{"error":{}}')
                    return
                if fault and fault[0] == "400":  # refuses every request, whatever it holds
                    body = b'{"error":{"code":"sync_wire_invalid","message":"protocol: unsupported"}}'
                    self._reply(400, [("Content-Type", "application/json")], body)
                    return
                if fault and fault[0] == "503":
                    self._reply(503, [("Retry-After", str(int(fault[1])))], b"{}")
                    return
                if fault and fault[0] == "double":
                    self._forward(body)
                status, headers, data = self._forward(body)
                if fault and fault[0] == "drop":
                    self.close_connection = True  # the server committed; the till hears nothing
                    self.connection.shutdown(2)
                    return
                if fault and fault[0] == "slow":
                    time.sleep(fault[1])
                self._reply(status, headers, data)

            def _reply(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
                self.send_response(status)
                for k, v in headers:
                    if k.lower() not in (
                        "content-length",
                        "transfer-encoding",
                        "connection",
                        "date",
                        "server",
                    ):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except OSError:
                    pass

            do_GET = _handle
            do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, kind: str, prefix: str = "/v1/sync/push", times: int = 1, arg: float = 0) -> None:
        with self.lock:
            self.faults += [(kind, prefix, arg)] * times

    def take(self, path: str) -> tuple[str, float] | None:
        with self.lock:
            for i, (kind, prefix, arg) in enumerate(self.faults):
                if path.startswith(prefix):
                    del self.faults[i]
                    return kind, arg
        return None

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
