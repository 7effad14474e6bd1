"""Opening the journal for a command, and the checks that come before it.

Only what is needed to start deriving the keys is imported up here: everything else is imported
where it is used, while Argon2id already runs (see services/prederive.py).

A command never waits for the journal's upkeep: the unlock checks neither every page nor takes
the daily backup. The journal a command opened stays open until its output is out (its
``lock()`` only says the command is done with it); then :func:`finish` takes the daily backup —
only when one is due *and* the journal changed since the newest backup, which checks every page
first — and locks it. ``check`` and ``backup`` check every page whenever they run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from recovery_journal.cli.common import UsageError
from recovery_journal.cli.secrets import ENV_PASSPHRASE, key_settings, secret
from recovery_journal.paths import default_journal_path, normalise_journal_path
from recovery_journal.services.prederive import start_key_derivation
from recovery_journal.storage.keys import KeySettings, PendingKeys


def journal_path(args: argparse.Namespace) -> Path:
    """``--journal``, or the default journal."""
    return normalise_journal_path(Path(args.journal)) if args.journal else default_journal_path()


def _unlocking(args: argparse.Namespace) -> tuple[Path, str, KeySettings, PendingKeys | None]:
    path, passphrase, settings = (
        journal_path(args),
        secret(ENV_PASSPHRASE, "Passphrase: "),
        key_settings(),
    )
    # Argon2id starts now, on another thread, while the caller imports what it needs.
    return path, passphrase, settings, start_key_derivation(path, passphrase, settings)


class _Held:
    """A journal a command opened, kept open until its output is out (see the module doc)."""

    def __init__(self, journal: Any) -> None:
        self.journal = journal

    def __getattr__(self, name: str) -> Any:
        return getattr(self.journal, name)

    def lock(self) -> None:
        """The command is done with the journal: :func:`finish` locks it."""


_held: list[_Held] = []


def _hold(journal: Any) -> Any:
    held = _Held(_noting_key_change(journal))
    _held.append(held)
    return held


def open_for_writing(args: argparse.Namespace) -> Any:
    """The journal for a command that changes it (imports the ORM while the keys derive)."""
    path, passphrase, settings, pending = _unlocking(args)
    from recovery_journal.services.access import open_journal

    return _hold(open_journal(path, passphrase, settings, pending=pending, upkeep_later=True))


def open_for_reading(args: argparse.Namespace) -> Any:
    """The journal for ``list``, ``search``, ``show``, ``chart`` and ``insights``: no ORM, so the
    run is about as long as its key derivation."""
    path, passphrase, settings, pending = _unlocking(args)
    from recovery_journal.services.reader import open_reader

    return _hold(open_reader(path, passphrase, settings, pending=pending, upkeep_later=True))


def finish(*, upkeep: bool) -> None:
    """After the command's output: with ``upkeep``, the daily backup of each journal it opened
    if one is due and the journal changed since the newest backup; then lock them all (also
    when the upkeep fails: damage found raises the kind error, after locking)."""
    held = list(_held)
    _held.clear()
    try:
        for journal in held if upkeep else ():
            journal.journal.upkeep(verify=False, if_changed=True)
    finally:
        for journal in held:
            journal.journal.lock()


def _noting_key_change(journal: Any) -> Any:
    if journal.finished_key_change:
        print(
            "recovery-journal: changing every key had not quite finished; it has now. If you "
            "never saw the new recovery code, make a new one: recovery-journal new-code",
            file=sys.stderr,
        )
    return journal


def show_code(code: str, out: TextIO) -> None:
    """Show a new recovery code, once, with what it is for."""
    print(
        "\nYour recovery code (shown only now — write it down or print it, keep it safe):", file=out
    )
    print(f"\n    {code}\n", file=out)
    print(
        "It is the only way back in if you forget your passphrase. Nobody can reset it.", file=out
    )


def safe_output(args: argparse.Namespace) -> Path:
    """``--output``, refused (usage error, before anything is unlocked) when it is or leads to
    a journal's own file or a backups folder, or exists and ``--force`` is not given."""
    from recovery_journal.storage.output_guard import OutputRefused, check_output_path

    try:  # the journal's own backups folder (beside it) is refused with it
        return check_output_path(
            Path(args.output), journals=[journal_path(args)], overwrite=args.force
        )
    except OutputRefused as refused:
        raise UsageError(f"{refused.message} {refused.hint}") from None
