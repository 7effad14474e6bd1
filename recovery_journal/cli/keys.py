"""The commands about keys: ``init`` (a new journal and its recovery code), ``passwd``,
``recover`` and ``new-code``."""

from __future__ import annotations

import argparse
from typing import TextIO

from recovery_journal.cli.common import EXIT_OK
from recovery_journal.cli.opening import journal_path, open_for_writing, show_code
from recovery_journal.cli.secrets import (
    ENV_PASSPHRASE,
    ENV_RECOVERY_CODE,
    key_settings,
    new_passphrase,
    secret,
)


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.services.access import create_journal
    from recovery_journal.services.library import seed_default_library

    chosen = new_passphrase()
    session, code = create_journal(journal_path(args), chosen, key_settings())
    try:
        seed_default_library(session)
        print(f"Created a new encrypted journal at {session.path}", file=out)
        show_code(code, out)
    finally:
        session.lock()
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, out: TextIO) -> int:
    session = open_for_writing(args)
    try:
        old = secret(ENV_PASSPHRASE, "Current passphrase: ")
        if not args.new_keys:
            session.change_passphrase(old, new_passphrase(), key_settings())
            print("Passphrase changed. Your recovery code still works.", file=out)
            return EXIT_OK
        code = session.reencrypt(old, new_passphrase(), key_settings())
        # Shown at once: from here on only the new passphrase and this code open the journal.
        print("Passphrase changed and the journal encrypted again under new keys.", file=out)
        print("The old passphrase, recovery code and key files no longer open it.", file=out)
        print(
            "Backups made before keep their old keys: delete the ones you don't control.", file=out
        )
        show_code(code, out)
        return EXIT_OK
    finally:
        session.lock()


def cmd_new_code(args: argparse.Namespace, out: TextIO) -> int:
    session = open_for_writing(args)
    try:
        code = session.new_recovery_code(
            secret(ENV_PASSPHRASE, "Passphrase (again, to confirm): "), key_settings()
        )
        print("Your old recovery code no longer works; here is the new one.", file=out)
        show_code(code, out)  # shown before anything else can fail
        return EXIT_OK
    finally:
        session.lock()


def cmd_recover(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.services.access import recover_journal, validate_recovery_code

    code = secret(ENV_RECOVERY_CODE, "Recovery code: ")
    validate_recovery_code(code)
    session, new_code = recover_journal(journal_path(args), code, new_passphrase(), key_settings())
    session.lock()
    print("Your journal is open again with your new passphrase.", file=out)
    print("Your old recovery code no longer works; here is the new one.", file=out)
    show_code(new_code, out)
    return EXIT_OK
