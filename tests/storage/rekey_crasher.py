"""Re-encrypt a journal and die with SIGKILL at a chosen point, for the re-encryption crash tests.

    python rekey_crasher.py JOURNAL OLD NEW POINT

POINT is where the process kills itself: ``after-next-written`` (the new key file is beside the
old one), ``after-rekey`` (the database is under the new key, the old key file still in place),
``after-replace`` (everything done), or ``mid-rewrite:BYTES`` (the rewrite of the database is cut
by the first write that takes a file past BYTES: see ``write_limit.py``). The new recovery code is
printed, flushed, as soon as it exists (``code …``), then ``rewriting`` just before the database
is rewritten. Test-only KDF settings (``keys.TEST_PARAMS``).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from recovery_journal.storage import database, keys, rekey, vault
from recovery_journal.storage.options import BackupSettings
from tests.storage.write_limit import die_past

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

    def rewriting(conn: Any, data_key: bytearray) -> None:
        _say("rewriting")
        if point.startswith("mid-rewrite:"):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # only the rewrite writes
            die_past(int(point.split(":")[1]))
        db_rekey(conn, data_key)
        if point == "after-rekey":
            _die()

    def adopting(*args: Any) -> None:
        adopt(*args)  # the new keys in use, the new key file in the old one's place
        if point == "after-replace":
            _die()

    keys.new_envelope = noting_code
    keys.write_envelope = writing  # type: ignore[assignment]
    database.rekey = rewriting
    rekey._adopt = adopting  # type: ignore[assignment]
    journal = vault.unlock(Path(path), old, FAST, BackupSettings(daily=False))
    rekey.reencrypt(journal, old, new, FAST)
    _say("done")
    journal.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
