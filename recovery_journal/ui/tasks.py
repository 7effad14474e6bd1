"""Background work for the UI (Anki's ``CollectionOp`` habit): storage never runs on the UI thread.

:meth:`TaskRunner.run` executes a function on a worker thread and delivers its result (or its
exception) back on the UI thread, through a queued signal to this QObject — never by calling back
from the worker. The journal session serialises its own access, so tasks may use it freely.
Long work may take a :class:`Progress` to report steps and notice a cancel request.
"""

from __future__ import annotations

import itertools
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from recovery_journal.errors import ErrorKind, UserError


class Cancelled(Exception):
    """Raised inside a task when the person pressed Cancel; reported as 'cancelled', not error."""


@dataclass
class Progress:
    """Handed to long tasks: report steps, check for cancellation."""

    _emit: Callable[[int, int], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def step(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Bridge(QObject):
    """Lives on the UI thread; workers emit, the UI thread receives."""

    finished = Signal(int)
    progressed = Signal(int, int, int)


class _Outbox:
    """Results handed from workers to the UI thread. Only job ids travel through Qt signals
    (PySide6 mis-counts references of Python objects sent through queued signals at exit)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._results: dict[int, tuple[bool, object]] = {}

    def put(self, job_id: int, ok: bool, payload: object) -> None:
        with self._lock:
            self._results[job_id] = (ok, payload)

    def take(self, job_id: int) -> tuple[bool, object]:
        with self._lock:
            return self._results.pop(job_id)


class _Job(QRunnable):
    def __init__(
        self, job_id: int, fn: Callable[[], Any], bridge: _Bridge, outbox: _Outbox
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._fn, self._bridge, self._outbox = job_id, fn, bridge, outbox

    @property
    def job_id(self) -> int:
        return self._id

    def run(self) -> None:
        try:
            self._outbox.put(self._id, True, self._fn())
        except BaseException as exc:
            # Where it happened, not what it said: some exception messages echo their input.
            exc.__traceback_text__ = "".join(  # type: ignore[attr-defined]
                traceback.format_tb(exc.__traceback__)
            )
            self._outbox.put(self._id, False, exc)
        self._bridge.finished.emit(self._id)


def _captured(callback: Callable[..., Any]) -> list[object]:
    """What a callback is bound to or closes over (``lambda r: self._show(r)`` holds ``self``)."""
    found: list[object] = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            found.append(cell.cell_contents)
        except ValueError:  # a cell not filled yet
            continue
    return found


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback belongs to, or closes over, a Qt object that was deleted meanwhile
    (its page went away when the journal was locked): calling it would only raise."""
    held = _captured(callback)
    return all(shiboken6.isValid(obj) for obj in held if isinstance(obj, QObject))


def _locked_meanwhile(error: BaseException) -> bool:
    return isinstance(error, UserError) and error.kind is ErrorKind.JOURNAL_LOCKED


@dataclass
class _Callbacks:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None


class TaskRunner(QObject):
    """Runs storage work off the UI thread, one job at a time by default (ordered)."""

    busy_changed = Signal(bool)
    error_unhandled = Signal(object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # One worker keeps jobs in submission order: a draft save always lands before a lock.
        self._pool.setMaxThreadCount(max_threads)
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_bridge_finished)
        self._bridge.progressed.connect(self._on_bridge_progressed)
        self._outbox = _Outbox()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        # Each job's Python object is held here until its result arrives, so the garbage
        # collector on the UI thread never weighs a runnable a worker is still running.
        self._running: dict[int, _Job] = {}

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._pending[job_id] = _Callbacks(on_done, on_error, None)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._start(_Job(job_id, fn, self._bridge, self._outbox))
        return job_id

    def run_with_progress(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Progress:
        job_id = next(self._ids)
        progress = Progress(lambda d, t: self._bridge.progressed.emit(job_id, d, t))
        self._pending[job_id] = _Callbacks(on_done, on_error, on_progress)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._start(_Job(job_id, lambda: fn(progress), self._bridge, self._outbox))
        return progress

    def _start(self, job: _Job) -> None:
        self._running[job.job_id] = job
        self._pool.start(job)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, msecs: int = 30_000) -> bool:  # -1: no time limit
        """Block until workers finished (shutdown and tests); results still arrive by signal."""
        return bool(self._pool.waitForDone(msecs))

    @Slot(int)
    def _on_bridge_finished(self, job_id: int) -> None:
        ok, payload = self._outbox.take(job_id)
        self._running.pop(job_id, None)
        callbacks = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if callbacks is None:
            return
        if ok:
            if callbacks.on_done is not None and _alive(callbacks.on_done):
                callbacks.on_done(payload)
        elif isinstance(payload, BaseException):
            if callbacks.on_error is not None and _alive(callbacks.on_error):
                callbacks.on_error(payload)
            elif callbacks.on_error is None or not _locked_meanwhile(payload):
                # No one left to tell (its page went away): reported like an unhandled one,
                # unless it only says the journal was locked meanwhile.
                self.error_unhandled.emit(payload)

    @Slot(int, int, int)
    def _on_bridge_progressed(self, job_id: int, done: int, total: int) -> None:
        callbacks = self._pending.get(job_id)
        if (
            callbacks is not None
            and callbacks.on_progress is not None
            and _alive(callbacks.on_progress)
        ):
            callbacks.on_progress(done, total)
