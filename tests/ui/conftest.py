"""Fixtures for widget tests: a real journal, a real task runner, settings in a temp INI file."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_journal.services.session import JournalSession
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.settings import AppSettings
from recovery_journal.ui.tasks import TaskRunner
from recovery_journal.ui.theme import apply_theme


@pytest.fixture(autouse=True)
def no_collection_while_workers_run() -> Iterator[None]:
    """The cyclic garbage collector stays off during a widget test and is back on after it, once
    its background jobs are done (this fixture is torn down after the task runner's), so any
    collection happens between tests.

    A collection on the UI thread while a worker wrote to the journal once crashed the
    interpreter inside PySide (a segfault, not a test failure). The app keeps its runnables
    referenced until their results arrive (ui/tasks.py); this makes the tests deterministic too."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()  # a test that unlocked through the app and never locked
        gc.enable()


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def reported() -> list[BaseException]:
    """Errors the UI reported (instead of a message box) during the test."""
    return []


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_idle()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


@pytest.fixture
def ui_ctx(
    journal: JournalSession,
    tasks: TaskRunner,
    app_settings: AppSettings,
    reported: list[BaseException],
) -> UiContext:
    return UiContext(journal, tasks, app_settings, reported.append, ClipboardGuard())


def wait_tasks(qtbot: QtBot, ctx: UiContext) -> None:
    """Let background jobs finish and their results arrive on the UI thread."""
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10_000)


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[QApplication]:
    """The application, put back to the light theme at the system text size afterwards (for
    tests that change the theme or the text size)."""
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    apply_theme(instance, "light")
