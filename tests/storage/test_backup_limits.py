"""Restoring reads bundles within limits (issue 8 §3): the manifest's sizes first, stored members
only, the database streamed in chunks — a crafted bundle can't fill the memory."""

from __future__ import annotations

import hashlib
import json
import os
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.access import restore_backup
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import backup

MiB = 1024 * 1024


def _parts(journal: JournalSession, tmp_path: Path) -> tuple[dict[str, Any], bytes]:
    bundle = journal.backup_to(tmp_path / "real.rjbackup").path
    with zipfile.ZipFile(bundle) as z:
        return json.loads(z.read(backup.MANIFEST_MEMBER)), z.read(backup.KEYS_MEMBER)


def _craft(
    path: Path,
    manifest: dict[str, Any],
    key_bytes: bytes,
    write_db: Callable[[zipfile.ZipFile], None],
    compression: int = zipfile.ZIP_STORED,
) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as z:
        z.writestr(backup.MANIFEST_MEMBER, json.dumps(manifest))
        z.writestr(backup.KEYS_MEMBER, key_bytes, compress_type=zipfile.ZIP_STORED)
        write_db(z)
    return path


def _peak_while(call: Callable[[], object]) -> tuple[int, BaseException | None]:
    tracemalloc.start()
    caught: BaseException | None = None
    try:
        call()
    except UserError as error:
        caught = error
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak, caught


def test_a_member_that_inflates_is_refused_without_inflating_it(
    journal: JournalSession, tmp_path: Path
) -> None:
    """256 MiB of zeros deflated to ~250 KB, with a manifest that tells the truth about it."""
    manifest, key_bytes = _parts(journal, tmp_path)
    size, digest = 256 * MiB, hashlib.sha256()
    chunk = bytes(MiB)
    for _ in range(256):
        digest.update(chunk)
    manifest["files"][backup.DB_MEMBER] = {"size": size, "sha256": digest.hexdigest()}

    def bomb(z: zipfile.ZipFile) -> None:
        with z.open(backup.DB_MEMBER, "w", force_zip64=True) as handle:
            for _ in range(256):
                handle.write(chunk)

    crafted = _craft(tmp_path / "bomb.rjbackup", manifest, key_bytes, bomb, zipfile.ZIP_DEFLATED)
    assert crafted.stat().st_size < 2 * MiB
    target = tmp_path / "restored.rjournal"
    peak, error = _peak_while(lambda: restore_backup(crafted, target))
    assert isinstance(error, UserError) and error.kind is ErrorKind.BACKUP_DAMAGED
    assert peak < 8 * MiB, peak
    assert not target.exists()


def test_a_member_larger_than_the_manifest_says_is_refused(
    journal: JournalSession, tmp_path: Path
) -> None:
    manifest, key_bytes = _parts(journal, tmp_path)
    data = os.urandom(3 * MiB)
    manifest["files"][backup.DB_MEMBER] = {
        "size": 1024,
        "sha256": hashlib.sha256(data[:1024]).hexdigest(),
    }
    crafted = _craft(
        tmp_path / "long.rjbackup",
        manifest,
        key_bytes,
        lambda z: z.writestr(backup.DB_MEMBER, data),
    )
    peak, error = _peak_while(lambda: restore_backup(crafted, tmp_path / "r.rjournal"))
    assert isinstance(error, UserError) and error.kind is ErrorKind.BACKUP_DAMAGED
    assert "larger" in error.message and peak < MiB


@pytest.mark.parametrize("size", [0, -1, "12", 10**18, None])
def test_impossible_manifest_sizes_are_refused(
    journal: JournalSession, tmp_path: Path, size: object
) -> None:
    manifest, key_bytes = _parts(journal, tmp_path)
    manifest["files"][backup.DB_MEMBER]["size"] = size
    crafted = _craft(
        tmp_path / "sizes.rjbackup",
        manifest,
        key_bytes,
        lambda z: z.writestr(backup.DB_MEMBER, b"x"),
    )
    with pytest.raises(UserError) as caught:
        restore_backup(crafted, tmp_path / "r.rjournal")
    assert caught.value.kind is ErrorKind.BACKUP_DAMAGED


def test_restoring_streams_the_database(journal: JournalSession, tmp_path: Path) -> None:
    """A 48 MiB database member is restored with a few MiB of memory (it used to be read whole,
    twice over: member bytes, then the write)."""
    manifest, key_bytes = _parts(journal, tmp_path)
    data = os.urandom(48 * MiB)
    manifest["files"][backup.DB_MEMBER] = {
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    crafted = _craft(
        tmp_path / "big.rjbackup", manifest, key_bytes, lambda z: z.writestr(backup.DB_MEMBER, data)
    )
    data = b""  # not held while restoring
    target = tmp_path / "restored.rjournal"
    peak, error = _peak_while(lambda: restore_backup(crafted, target))
    assert error is None
    assert peak < 8 * MiB, peak
    assert target.stat().st_size == 48 * MiB and oct(target.stat().st_mode & 0o777) == "0o600"
