"""``./run tests``: the whole suite on every core with its coverage floor; a selection in one
process without the floor (the script itself is loaded here, nothing is run)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def run() -> ModuleType:
    loader = importlib.machinery.SourceFileLoader("run_script", str(ROOT / "run"))
    spec = importlib.util.spec_from_loader("run_script", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _command(
    run: ModuleType, args: list[str], workers: int, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    monkeypatch.setattr(run, "_workers", lambda: workers)
    return list(run._coverage(run._parallel(args)))


def test_the_whole_suite_runs_on_every_core_with_the_floor(
    run: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = _command(run, ["-q", "-x"], 2, monkeypatch)
    assert command == [
        "--cov",
        "--cov-report=term:skip-covered",
        "-n",
        "2",
        "--dist",
        "worksteal",
        "-q",
        "-x",
    ]


@pytest.mark.parametrize(
    "args",
    [["tests/ui"], ["tests/test_run.py::test_a_selection_runs_in_one_process"], ["-k", "mood"]],
)
def test_a_selection_runs_in_one_process_without_the_floor(
    run: ModuleType, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    command = _command(run, args, 2, monkeypatch)
    assert "-n" not in command
    assert command == ["--cov", "--cov-report=term:skip-covered", "--cov-fail-under=0", *args]


@pytest.mark.parametrize("args", [["-n", "0"], ["-n3"], ["--pdb"], ["-p", "no:xdist"]])
def test_asking_for_workers_or_a_debugger_is_left_alone(
    run: ModuleType, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    assert _command(run, args, 2, monkeypatch) == ["--cov", "--cov-report=term:skip-covered", *args]


def test_one_core_runs_in_one_process(run: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _command(run, [], 1, monkeypatch) == ["--cov", "--cov-report=term:skip-covered"]


def test_the_workers_are_the_usable_cores_at_most_four(run: ModuleType) -> None:
    assert 1 <= run._workers() <= 4
