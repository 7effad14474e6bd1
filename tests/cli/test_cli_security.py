"""Issue 8 at the command line: outputs never overwrite a journal, entry text stays out of argv."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import cli, initialised  # noqa: F401  (fixtures)
from tests.cli.test_cli import env as env

_PAIR = ["", ".keys", "-wal", "-shm", ".lock"]


def _entries(journal: Path) -> list[dict[str, object]]:
    code, out, err = cli("list", "--json", "--journal", str(journal))
    assert code == 0, err
    return list(json.loads(out))


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str, *, tty: bool = False) -> None:
    class Typed(io.StringIO):
        def isatty(self) -> bool:
            return tty

    monkeypatch.setattr(sys, "stdin", Typed(text))


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["backup"]])
@pytest.mark.parametrize("suffix", _PAIR)
def test_output_onto_the_journals_own_files_is_refused(
    initialised: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    suffix: str,
) -> None:
    _stdin(monkeypatch, "kept safe")
    assert cli("add")[0] == 0
    target = initialised.with_name(initialised.name + suffix)
    before = target.read_bytes() if target.exists() else None
    code, out, err = cli(*command, "--output", str(target), "--force")
    assert code == 2 and out == "" and "journal's own file" in err
    assert (target.read_bytes() if target.exists() else None) == before
    assert [e["body"] for e in _entries(initialised)] == ["kept safe"]


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["backup"]])
def test_output_through_a_link_to_the_journal_is_refused(
    initialised: Path,  # noqa: F811
    tmp_path: Path,
    command: list[str],
) -> None:
    (tmp_path / "elsewhere").mkdir()
    symlink = tmp_path / "elsewhere" / "export.json"
    symlink.symlink_to(initialised)
    folder_link = tmp_path / "linked-folder"
    folder_link.symlink_to(initialised.parent)
    hardlink = tmp_path / "elsewhere" / "innocent.json"
    os.link(initialised.with_name(initialised.name + ".keys"), hardlink)
    before = initialised.read_bytes()
    for target in (symlink, hardlink, folder_link / initialised.name):
        code, _, err = cli(*command, "--output", str(target), "--force")
        assert code == 2, (target, err)
    assert initialised.read_bytes() == before and symlink.is_symlink()
    assert _entries(initialised) == []


def test_backup_into_a_backups_folder_is_refused(initialised: Path) -> None:  # noqa: F811
    folder = initialised.with_name("cli-backups")
    folder.mkdir()
    code, _, err = cli("backup", "--output", str(folder / "mine.rjbackup"))
    assert code == 2 and "backups folder" in err
    assert list(folder.iterdir()) == []


def test_an_existing_file_is_replaced_only_with_force(
    initialised: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    target = tmp_path / "notes.json"
    target.write_text("my own notes")
    code, _, err = cli("export", "--format", "json", "--output", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text() == "my own notes"
    assert cli("export", "--format", "json", "--output", str(target), "--force")[0] == 0
    assert json.loads(target.read_text())["format"] == "recovery-journal-export"


def test_add_reads_title_tags_and_text_from_standard_input(
    initialised: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stdin(monkeypatch, "# Evening\ntags: walk, canal\n\nA long walk.\n\nSecond paragraph.\n")
    code, _, err = cli("add", "--mood", "6")
    assert code == 0 and err == ""
    [entry] = _entries(initialised)
    assert entry["title"] == "Evening" and entry["tags"] == ["walk", "canal"]
    assert entry["body"] == "A long walk.\n\nSecond paragraph." and entry["mood"] == 6


def test_add_asks_on_a_terminal(initialised: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    _stdin(monkeypatch, "tags: quiet\ntyped at the prompt\n", tty=True)
    code, _, err = cli("add")
    assert code == 0 and "# Title" in err and "Ctrl-D" in err
    [entry] = _entries(initialised)
    assert entry["body"] == "typed at the prompt" and entry["tags"] == ["quiet"]


def test_add_with_text_in_arguments_still_works_with_a_warning(initialised: Path) -> None:  # noqa: F811
    code, _, err = cli("add", "--title", "T", "--tag", "x", "text in argv")
    assert code == 0
    assert len(err.strip().splitlines()) == 1 and "shell history" in err
    [entry] = _entries(initialised)
    assert (entry["title"], entry["body"], entry["tags"]) == ("T", "text in argv", ["x"])


def test_add_can_flag_an_entry_for_therapy(
    initialised: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stdin(monkeypatch, "talk about the weekend")
    assert cli("add", "--bring-to-therapy")[0] == 0
    _stdin(monkeypatch, "not this one")
    assert cli("add")[0] == 0
    flags = {e["body"]: e["bring_to_therapy"] for e in _entries(initialised)}
    assert flags == {"talk about the weekend": True, "not this one": False}


def test_readme_examples_keep_entry_text_out_of_arguments() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    adds = [line for line in readme.splitlines() if " cli add" in line or "journal add" in line]
    assert adds, "the README shows how to add an entry"
    for line in adds:
        command = line.split("#", 1)[0] if "cli add" in line.split("#", 1)[0] else line
        assert '"' not in command.split(" add", 1)[1], line
