"""Re-encrypt a journal and die with SIGKILL at a chosen point, for the re-encryption crash tests.

    python rekey_crasher.py JOURNAL OLD NEW POINT

POINT is where the process kills itself: ``after-next-written`` (the new key file is beside the
old one), ``after-rekey`` (the database is under the new key, the old key file still in place),
``after-replace`` (everything done), or ``never`` (the test kills it from outside, at a random
moment while the database is being rewritten). The new recovery code is printed, flushed, as soon
as it exists (``code …``), then ``rewriting`` just before the database is rewritten. Test-only
KDF settings (``keys.TEST_PARAMS``).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from recovery_journal.storage import database, keys, rekey, vault
from recovery_journal.storage.options import BackupSettings

FAST = keys.KeySettings(params=keys.TEST_PARAMS, policy=keys.TEST_POLICY)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(path: str, old: str, new: str, point: str) -> None:
    new_envelope, write_envelope = keys.new_envelope, keys.write_envelope
    db_rekey, adopt = database.rekey, rekey._adopt

    def noting_code(*args: Any, **kwargs: Any) -> Any:
        made = new_envelope(*args, **kwargs)
        _say(f"code {made[2]}")
        return made

    def writing(*args: Any) -> None:
        write_envelope(*args)
        if point == "after-next-written":
            _die()

    def rewriting(*args: Any) -> None:
        _say("rewriting")
        db_rekey(*args)
        if point == "after-rekey":
            _die()

    def adopting(*args: Any) -> None:
        adopt(*args)  # the new keys in use, the new key file in the old one's place
        if point == "after-replace":
            _die()

    keys.new_envelope = noting_code  # type: ignore[assignment]
    keys.write_envelope = writing  # type: ignore[assignment]
    database.rekey = rewriting  # type: ignore[assignment]
    rekey._adopt = adopting  # type: ignore[assignment]
    journal = vault.unlock(Path(path), old, FAST, BackupSettings(daily=False))
    rekey.reencrypt(journal, old, new, FAST)
    _say("done")
    journal.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
