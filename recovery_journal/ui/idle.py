"""Auto-lock after a period without keyboard or mouse input anywhere in the app."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleMonitor(QObject):
    """Emits ``idle`` once after ``timeout_ms`` without input; 0 disables it."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._installed = False

    def start(self, timeout_ms: int) -> None:
        self.timer.setInterval(max(0, timeout_ms))
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        if timeout_ms > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.timer.interval() > 0 and self.timer.isActive():
            self.timer.start()
        return False
