"""Cold-start baseline: a bare PySide6 window at the till's size, printing SHOWN once painted."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class ShownProbe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() in (QEvent.Type.Paint, QEvent.Type.Expose):
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        sys.stdout.write("SHOWN 0\n")
        sys.stdout.flush()
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("bare")
    window.resize(1366, 768)
    ShownProbe(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
