"""The background task runner delivers results and errors on the UI thread, in order."""

from __future__ import annotations

import functools
import threading

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from recovery_journal.ui.tasks import Cancelled, Progress, TaskRunner


def test_results_arrive_on_the_ui_thread_in_order(qtbot: QtBot, tasks: TaskRunner) -> None:
    seen: list[tuple[int, bool]] = []
    main = threading.get_ident()
    workers: set[int] = set()

    def job(n: int) -> int:
        workers.add(threading.get_ident())
        return n

    for n in range(5):
        tasks.run(
            functools.partial(job, n), lambda r: seen.append((r, threading.get_ident() == main))
        )
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [(n, True) for n in range(5)]
    assert main not in workers


def test_errors_go_to_on_error(qtbot: QtBot, tasks: TaskRunner) -> None:
    errors: list[BaseException] = []
    tasks.run(lambda: 1 / 0, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_unhandled_errors_are_signalled(qtbot: QtBot, tasks: TaskRunner) -> None:
    with qtbot.waitSignal(tasks.error_unhandled) as signal:
        tasks.run(lambda: [][1])
    assert isinstance(signal.args[0], IndexError)


def test_progress_and_cancel(qtbot: QtBot, tasks: TaskRunner) -> None:
    steps: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    started = threading.Event()
    release = threading.Event()

    def long_work(progress: Progress) -> None:
        progress.step(1, 3)
        started.set()
        release.wait(5)
        progress.step(2, 3)  # raises Cancelled: the person pressed Cancel

    handle = tasks.run_with_progress(
        long_work, None, errors.append, lambda d, t: steps.append((d, t))
    )
    assert started.wait(5)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)
    assert steps == [(1, 3)]


def test_callbacks_of_deleted_widgets_are_skipped(qtbot: QtBot, tasks: TaskRunner) -> None:
    class Receiver(QObject):
        def got(self, _: object) -> None:
            pytest.fail("a deleted receiver must not be called")

    receiver = Receiver()
    gate = threading.Event()
    done: list[int] = []
    tasks.run(lambda: gate.wait(5), receiver.got)
    tasks.run(lambda: 1, done.append)
    import shiboken6

    shiboken6.delete(receiver)
    gate.set()
    qtbot.waitUntil(lambda: bool(done))


def test_bug_details_name_the_place_not_the_message(qtbot: QtBot, tasks: TaskRunner) -> None:
    """Crash-dialog details: the traceback's locations, never the exception's own words."""
    from recovery_journal.ui.messages import bug_details

    errors: list[BaseException] = []

    secret = "-".join(["PRIVATE", "WORDS"])  # never spelled out in the source lines shown

    def fail() -> None:
        raise ValueError(secret)

    tasks.run(fail, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    details = bug_details(errors[0])
    assert "ValueError" in details and "fail" in details
    assert "PRIVATE-WORDS" not in details


def test_lambdas_closing_over_deleted_widgets_are_skipped(qtbot: QtBot, tasks: TaskRunner) -> None:
    """`lambda rows: self._on_loaded(generation, rows)` from a page closed meanwhile is dropped;
    the same from a page still there runs."""
    import shiboken6

    calls: list[tuple[str, object]] = []
    gate = threading.Event()

    class Page(QObject):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

        def start(self) -> None:
            tasks.run(
                lambda: gate.wait(5),
                lambda found: self.loaded(found),
                lambda exc: self.loaded(exc),
            )

        def loaded(self, result: object) -> None:
            calls.append((self.name, result))

    kept, closed = Page("kept"), Page("closed")
    kept.start()
    closed.start()
    done: list[int] = []
    tasks.run(lambda: 1, done.append)
    shiboken6.delete(closed)
    gate.set()
    qtbot.waitUntil(lambda: bool(done))
    assert calls == [("kept", True)]


def test_errors_for_a_closed_page_are_still_reported(qtbot: QtBot, tasks: TaskRunner) -> None:
    """Its page went away, but a failed save must not vanish; "the journal was locked
    meanwhile" is the one error not worth reporting then."""
    import shiboken6

    from recovery_journal.errors import ErrorKind, UserError

    class Page(QObject):
        def failed(self, _: BaseException) -> None:
            pytest.fail("a deleted page must not be called")

    page = Page()
    gate = threading.Event()
    locked = UserError(ErrorKind.JOURNAL_LOCKED, "locked")
    tasks.run(lambda: gate.wait(5) and 1 / 0, None, lambda exc: page.failed(exc))
    tasks.run(lambda: (_ for _ in ()).throw(locked), None, lambda exc: page.failed(exc))
    unhandled: list[object] = []
    tasks.error_unhandled.connect(unhandled.append)
    done: list[int] = []
    tasks.run(lambda: 1, done.append)
    shiboken6.delete(page)
    gate.set()
    qtbot.waitUntil(lambda: bool(done))
    assert len(unhandled) == 1 and isinstance(unhandled[0], ZeroDivisionError)
