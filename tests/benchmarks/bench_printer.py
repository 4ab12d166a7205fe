"""How long a dead receipt printer keeps the cashier waiting before the job fails with its reason.

The printer's time-out is 5 s (issue 4): a refused connection, a printer that takes the connection and
never answers the status query, and one that closes the connection at once. The baseline is a healthy
listener taking the same receipt.
"""

from __future__ import annotations

import socket

from kkmp_pos.core.errors import DeviceError
from kkmp_pos.core.receipt import build_sale_receipt, sample_sale_receipt
from kkmp_pos.devices.printer import PrinterSettings, render_escpos, send
from tests.benchmarks.harness import Bench, Figure, benchmark, stopwatch
from tests.printer_listener import PrinterListener, closed_port


def _receipt(uri: str) -> tuple[PrinterSettings, bytes]:
    settings = PrinterSettings(uri=uri, paper_width_mm=58)  # type: ignore[arg-type]
    return settings, render_escpos(build_sale_receipt(sample_sale_receipt(), settings.width_chars), settings)


def _closing_listener() -> tuple[socket.socket, str]:
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    return server, f"network://127.0.0.1:{server.getsockname()[1]}"


@benchmark("dead_printer_fails_within_5s", issue=4)
def dead_printer_fails(b: Bench) -> list[Figure]:
    import threading

    healthy = PrinterListener(answering=True)
    silent = PrinterListener(answering=False)
    closer, closer_uri = _closing_listener()
    stop = threading.Event()

    def close_each() -> None:
        while not stop.is_set():
            try:
                conn, _ = closer.accept()
            except OSError:
                continue
            conn.close()

    threading.Thread(target=close_each, daemon=True).start()
    reps = b.reps(full=3, quick=1)
    try:
        good: list[float] = []
        for _ in range(reps):
            settings, data = _receipt(healthy.uri)
            with stopwatch(good):
                send(settings, data)
        baseline = max(good) / 1000
        figures = []
        for name, uri in (
            ("closed port", f"network://127.0.0.1:{closed_port()}"),
            ("never answers", silent.uri),
            ("closes at once", closer_uri),
        ):
            samples: list[float] = []
            for _ in range(reps):
                settings, data = _receipt(uri)
                with stopwatch(samples):
                    try:
                        send(settings, data)
                    except DeviceError:
                        pass
                    else:
                        raise AssertionError(f"{name}: the receipt was accepted")
            figures.append(
                Figure(
                    f"dead printer ({name}) fails after, worst",
                    max(samples) / 1000,
                    "s",
                    baseline=baseline,
                    bar_max=5.0,
                )
            )
        return figures
    finally:
        stop.set()
        closer.close()
        healthy.close()
        silent.close()
