"""`add --time HH:MM`: the wall-clock time an entry is about (issue 11 §4), kept as typed."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import cli, initialised  # noqa: F401  (fixtures)
from tests.cli.test_cli import env as env


def test_add_keeps_the_time_of_day_it_was_given(
    initialised: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Called my sponsor last night."))
    code, _, err = cli("add", "--date", "2026-03-01", "--time", "21:30", "--bring-to-therapy")
    assert code == 0, err
    code, out, err = cli("list", "--json")
    assert code == 0, err
    [entry] = json.loads(out)
    assert entry["local_date"] == "2026-03-01" and entry["local_time"] == "21:30"
    assert isinstance(entry["utc_offset_minutes"], int) and entry["bring_to_therapy"] is True


@pytest.mark.parametrize("typed", ["9pm", "25:00", "21:30:00.5", "2130"])
def test_a_time_that_is_not_hh_mm_is_a_usage_error(
    initialised: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("text"))
    code, out, _ = cli("add", "--time", typed)
    assert code == 2 and out == ""
    assert cli("list", "--json")[1].strip() == "[]"
