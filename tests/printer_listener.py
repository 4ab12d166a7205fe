"""TCP listeners on 127.0.0.1 that stand in for a network receipt printer (shared by service/GUI tests).

`answering=True`: a working printer (answers DLE EOT 1/4 with online, paper present).
`answering=False`: accepts the connection and reads, but never answers a status query.
`closed_port()`: a port nobody listens on (connection refused).
"""

from __future__ import annotations

import socket
import threading

ONLINE, PAPER_OK = 0x12, 0x12


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


class PrinterListener:
    def __init__(self, *, answering: bool, host: str = "127.0.0.1") -> None:
        self.answering = answering
        self.host = host  # any 127.x.y.z: the printer-scan tests place printers across 127.0.0.0/8
        self.jobs: list[bytearray] = []  # bytes received, one entry per connection
        self.server = socket.create_server((host, 0))
        self.port = self.server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"network://{self.host}:{self.port}"

    def _serve(self) -> None:
        self.server.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            received = bytearray()
            self.jobs.append(received)
            threading.Thread(target=self._talk, args=(conn, received), daemon=True).start()

    def _talk(self, conn: socket.socket, received: bytearray) -> None:
        conn.settimeout(0.1)
        with conn:
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                received += chunk
                if self.answering and len(received) >= 3 and received[-3:-1] == b"\x10\x04":
                    conn.sendall(bytes([ONLINE if received[-1] == 1 else PAPER_OK]))

    def payloads(self) -> list[bytes]:
        """What each connection received, without the status queries."""
        return [bytes(job).replace(b"\x10\x04\x01", b"").replace(b"\x10\x04\x04", b"") for job in self.jobs]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.server.close()
