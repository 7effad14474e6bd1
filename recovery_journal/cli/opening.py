"""Opening the journal for a command, and the checks that come before it.

Only what is needed to start deriving the keys is imported up here: everything else is imported
where it is used, while Argon2id already runs (see services/prederive.py).
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


def open_for_writing(args: argparse.Namespace) -> Any:
    """The journal for a command that changes it (imports the ORM while the keys derive)."""
    path, passphrase, settings, pending = _unlocking(args)
    from recovery_journal.services.access import open_journal

    return _noting_key_change(open_journal(path, passphrase, settings, pending=pending))


def open_for_reading(args: argparse.Namespace) -> Any:
    """The journal for ``list``, ``search``, ``show``, ``chart`` and ``insights``: no ORM, so the
    run is about as long as its key derivation."""
    path, passphrase, settings, pending = _unlocking(args)
    from recovery_journal.services.reader import open_reader

    return _noting_key_change(open_reader(path, passphrase, settings, pending=pending))


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
