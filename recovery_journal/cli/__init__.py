"""The command-line companion: ``recovery-journal SUBCOMMAND`` (the second composition root).

Secrets are never taken from argv: they are prompted for without echo on a terminal, or read from
``RECOVERY_JOURNAL_PASSPHRASE`` / ``RECOVERY_JOURNAL_NEW_PASSPHRASE`` /
``RECOVERY_JOURNAL_RECOVERY_CODE`` / ``RECOVERY_JOURNAL_PDF_PASSWORD`` /
``RECOVERY_JOURNAL_IMPORT_PASSWORD`` for scripts (less safe: other programs of the same user may
read a process's environment). Exit codes (README): 0 ok, 2 usage (including an unsafe
``--output``), 3 wrong passphrase or recovery code, 4 the journal's files (damaged, half missing,
not a journal, not belonging together, outdated keys), 5 an import file refused (nothing
written), 1 anything else.
Only ``chart`` imports matplotlib and only ``report`` imports Qt, each inside the command, so
commands start quickly.

Where things live: ``runner`` (``run``, ``main``, exit codes), ``parser`` (every subcommand and
its options), ``secrets`` (prompts and environment), ``opening`` (unlocking, ``--output`` checks),
and one module per group of commands: ``entries`` (add, list, search, show), ``files`` (export,
backup, restore), ``importing`` (import), ``keys`` (init, passwd, recover, new-code), ``health``
(check), ``insights`` (chart, insights), ``report`` (report), ``demo`` (demo).
"""

from __future__ import annotations

from recovery_journal.cli.common import (
    EXIT_DAMAGED,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_SECRET,
    EXIT_USAGE,
    UsageError,
)
from recovery_journal.cli.parser import build_parser
from recovery_journal.cli.runner import exit_code_for, main, run
from recovery_journal.cli.secrets import (
    ENV_IMPORT_PASSWORD,
    ENV_KDF_PROFILE,
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    ENV_PDF_PASSWORD,
    ENV_RECOVERY_CODE,
)

__all__ = [
    "ENV_IMPORT_PASSWORD",
    "ENV_KDF_PROFILE",
    "ENV_NEW_PASSPHRASE",
    "ENV_PASSPHRASE",
    "ENV_PDF_PASSWORD",
    "ENV_RECOVERY_CODE",
    "EXIT_DAMAGED",
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_SECRET",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "exit_code_for",
    "main",
    "run",
]
