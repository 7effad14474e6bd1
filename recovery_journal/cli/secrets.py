"""The CLI's secrets: asked for without echo on a terminal, or read from the environment.

Never from argv. Scripts may set the ``RECOVERY_JOURNAL_*`` variables below (less safe: other
programs of the same user may read a process's environment).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from recovery_journal.cli.common import UsageError
from recovery_journal.storage.keys import FLOOR_PARAMS, KeySettings

ENV_PASSPHRASE = "RECOVERY_JOURNAL_PASSPHRASE"
ENV_NEW_PASSPHRASE = "RECOVERY_JOURNAL_NEW_PASSPHRASE"
ENV_RECOVERY_CODE = "RECOVERY_JOURNAL_RECOVERY_CODE"
ENV_KDF_PROFILE = "RECOVERY_JOURNAL_KDF_PROFILE"
ENV_PDF_PASSWORD = "RECOVERY_JOURNAL_PDF_PASSWORD"
ENV_IMPORT_PASSWORD = "RECOVERY_JOURNAL_IMPORT_PASSWORD"


def secret(env: str, prompt: str, *, fallback_env: str | None = None) -> str:
    """``env`` if set, else asked on the terminal; a usage error when there is no terminal."""
    for name in (env, fallback_env):
        if name and os.environ.get(name):
            return os.environ[name]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UsageError(f"No terminal to ask for it: set {env} (see README, “Scripts”).")


def new_passphrase() -> str:
    """A new passphrase, typed twice on a terminal, refused when too easy to guess."""
    if os.environ.get(ENV_NEW_PASSPHRASE):
        chosen = os.environ[ENV_NEW_PASSPHRASE]
    else:
        chosen = secret(ENV_NEW_PASSPHRASE, "New passphrase: ")
        if sys.stdin.isatty() and getpass.getpass("Type it again: ") != chosen:
            raise UsageError("The two passphrases were different. Nothing was changed.")
    from recovery_journal.services import passphrase as strength

    verdict = strength.assess(chosen)
    if not verdict.acceptable:
        raise UsageError(f"That passphrase is too easy to guess. {verdict.hint}")
    return chosen


def key_settings() -> KeySettings:
    """The key derivation settings (the floor profile only when a test or script asks for it)."""
    if os.environ.get(ENV_KDF_PROFILE) == "floor":
        return KeySettings(params=FLOOR_PARAMS)
    return KeySettings()


def pdf_password(args: argparse.Namespace) -> str | None:
    """The summary's password: from the environment, or asked twice without echo."""
    if os.environ.get(ENV_PDF_PASSWORD):
        return os.environ[ENV_PDF_PASSWORD]
    if not args.password:
        return None
    chosen = secret(ENV_PDF_PASSWORD, "Password for the PDF: ")
    if getpass.getpass("Type it again: ") != chosen:
        raise UsageError("The two passwords were different. Nothing was written.")
    if not chosen:
        raise UsageError("The password was empty. Nothing was written.")
    return chosen
