"""Die with SIGKILL at a chosen point around a journal's conversion to 8 KB pages (POSIX only).

    python pages_crasher.py JOURNAL PASSPHRASE POINT

POINT: ``before-replace`` (the converted copy written, checked and fsynced beside the journal),
``after-replace`` (the copy renamed over the journal, not yet opened again), or ``wal`` (no
conversion: the 4 KB journal is unlocked as an older version would, one entry added — it lives
only in the write-ahead log — then ``saved`` printed and the writer killed). Test-only KDF
settings.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import date
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # run as a script: make ``tests`` importable
    sys.path.insert(0, str(PROJECT_ROOT))

from recovery_journal.domain.entries import Entry  # noqa: E402
from recovery_journal.services.access import BackupSettings, KeySettings, open_journal  # noqa: E402
from recovery_journal.storage import keys, large_pages  # noqa: E402
from recovery_journal.storage.instance_lock import InstanceLock  # noqa: E402

FAST = KeySettings(params=keys.TEST_PARAMS, policy=keys.TEST_POLICY)
WAL_ENTRY = "written by a writer killed before the conversion"


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def main(path: str, passphrase: str, point: str) -> None:
    check_copy, renew = large_pages._check_copy, InstanceLock.renew_identity

    def checked_then_die(*args: Any) -> None:
        check_copy(*args)
        if point == "before-replace":
            _die()

    def renewed_then_die(lock: InstanceLock) -> None:
        if point == "after-replace":
            _die()
        renew(lock)

    large_pages._check_copy = checked_then_die  # type: ignore[assignment]
    InstanceLock.renew_identity = renewed_then_die  # type: ignore[method-assign,assignment]
    if point == "wal":
        large_pages.backup_then_convert = lambda journal: False
    session = open_journal(Path(path), passphrase, FAST, BackupSettings(daily=False))
    session.entries.add(Entry(date(2026, 3, 1), WAL_ENTRY, tags=("kept",)))
    print("saved")
    _die()


if __name__ == "__main__":
    main(*sys.argv[1:4])
