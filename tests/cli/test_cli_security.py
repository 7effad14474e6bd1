"""Issue 8 at the command line: outputs never overwrite a journal, entry text stays out of argv."""

from __future__ import annotations

import io
import json
import os
import re
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


@pytest.mark.parametrize("weak", ["Password2024!", "password password", "a a a a a a a a a a"])
def test_init_refuses_common_weak_passphrases_with_advice(
    env: Path,
    monkeypatch: pytest.MonkeyPatch,
    weak: str,
) -> None:
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", weak)
    code, _, err = cli("init")
    assert code == 2 and "too easy to guess" in err
    assert "word" in err  # zxcvbn's advice: add a word or two
    assert not env.exists()


def _readme_exit_rows() -> dict[int, str]:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    return {int(code): text for code, text in re.findall(r"^\| (\d) \| (.+) \|$", readme, re.M)}


# Every error kind, and the words of the README row that covers it.
_KIND_WORDS = {
    "WRONG_PASSPHRASE": "wrong passphrase",
    "WRONG_RECOVERY_CODE": "recovery code",
    "KEY_FILE_MISSING": "key file missing",
    "KEY_FILE_DAMAGED": "key file missing or damaged",
    "KEY_POLICY": "key-derivation settings",
    "FILES_MISMATCHED": "don't belong together",
    "KEYS_OUTDATED": "before “change every key”",
    "JOURNAL_DAMAGED": "journal damaged",
    "NOT_A_JOURNAL": "not a journal",
    "JOURNAL_MISSING": "no journal at that place",
    "JOURNAL_EXISTS": "a journal is already there",
    "ALREADY_OPEN": "open in another window",
    "DISK_FULL": "disk is full",
    "READ_ONLY": "read-only",
    "JOURNAL_LOCKED": "another reason",
    "TOO_NEW": "newer version",
    "BACKUP_DAMAGED": "backup that can't be used",
    "INVALID_INPUT": "another reason",
    "IMPORT_REFUSED": "the file was refused",
    "NOT_FOUND": "another reason",
    "IO": "another reason",
}


def test_the_readme_exit_code_table_is_true_for_every_error() -> None:
    from recovery_journal.cli import exit_code_for
    from recovery_journal.errors import ErrorKind

    rows = _readme_exit_rows()
    assert sorted(rows) == [0, 1, 2, 3, 4, 5]
    assert set(_KIND_WORDS) == {kind.name for kind in ErrorKind}
    for kind in ErrorKind:
        assert _KIND_WORDS[kind.name] in rows[exit_code_for(kind)], kind
    for usage in ("too easy to guess", "--force", "backups folder", "no terminal"):
        assert usage in rows[2]


def test_an_empty_entry_is_a_usage_error(
    initialised: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stdin(monkeypatch, "\n\n")
    code, _, err = cli("add")
    assert code == 2 and "empty" in err
    assert _entries(initialised) == []
