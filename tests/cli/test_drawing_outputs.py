"""`chart` and `report` write where the person says, under the same rules as `export`: never over
an existing file without --force, never onto a journal's own files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.cli.test_cli import cli, initialised  # noqa: F401  (fixtures)
from tests.cli.test_cli import env as env

TODAY = date.today().isoformat()
COMMANDS = {
    "chart": (["chart", "mood"], ".png"),
    "report": (["report", "--from", TODAY, "--to", TODAY], ".pdf"),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_existing_file_is_replaced_only_with_force(
    qtbot: QtBot,  # `report` runs in this process: the test's QApplication must come first
    initialised: Path,  # noqa: F811
    tmp_path: Path,
    name: str,
) -> None:
    command, suffix = COMMANDS[name]
    target = tmp_path / f"mine{suffix}"
    target.write_bytes(b"my own file")
    code, out, err = cli(*command, "--output", str(target))
    assert code == 2 and out == "" and "--force" in err
    assert target.read_bytes() == b"my own file"
    code, _, err = cli(*command, "--output", str(target), "--force")
    assert code == 0, err
    assert target.read_bytes() != b"my own file" and target.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_link_to_the_journal_is_refused(
    qtbot: QtBot,
    initialised: Path,  # noqa: F811
    tmp_path: Path,
    name: str,
) -> None:
    command, suffix = COMMANDS[name]
    link = tmp_path / f"innocent{suffix}"
    link.symlink_to(initialised)
    before = initialised.read_bytes()
    code, out, err = cli(*command, "--output", str(link), "--force")
    assert code == 2 and out == "" and "journal's own file" in err
    assert initialised.read_bytes() == before
