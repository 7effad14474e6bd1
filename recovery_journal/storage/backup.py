"""Backup bundles (``.rjbackup``): one file with an encrypted snapshot, its key file and a manifest.

The snapshot is taken with SQLite's online backup API into a target keyed with the same key, so it
is as encrypted as the journal and consistent even in WAL mode (copying the open file is not). The
bundle is a plain zip (stored, not compressed: the content is ciphertext) whose manifest lists each
member's SHA-256; it holds no personal data in the clear. Restoring verifies every checksum before
writing anything and never overwrites a journal: a damaged one is moved aside, not deleted.

A little over 400 lines on purpose: writing, checking, restoring and rotating bundles share the
bundle's names, members and limits, and the checks a restore makes (sizes from the manifest, stored
members only, streamed with a cap) read best next to the code that writes what they check.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path, make_private_dir
from recovery_journal.storage import keys as keyfile
from recovery_journal.storage.atomic import (
    atomic_writer,
    create_private_file,
    fsync_dir,
    os_error_to_user_error,
    write_atomic,
)
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.instance_lock import InstanceLock
from recovery_journal.storage.snapshot import BackupStopped, snapshot

__all__ = ["BackupInfo", "BackupStopped"]  # BackupStopped: where a snapshot's copy ends early

BUNDLE_SUFFIX = ".rjbackup"
BUNDLE_FORMAT = "recovery-journal-backup"
BUNDLE_VERSION = 1
DB_MEMBER = "journal.rjournal"
KEYS_MEMBER = "journal.rjournal.keys"
MANIFEST_MEMBER = "manifest.json"
_STAMP = "%Y-%m-%dT%H%M%SZ"
_PAIR_SUFFIXES = ("", ".keys", "-wal", "-shm")
# <UTC time>[-j<first 8 hex of the journal id>][-<reason>].rjbackup — the id lets several journals
# share one backups folder without skipping, rotating away or restoring each other's backups.
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-j([0-9a-f]{8}))?(-[a-z0-9-]+)?\.rjbackup$")
_ID_CHARS = 8
_KEYS_MAX_BYTES = 64 * 1024
_MANIFEST_MAX_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
# The largest journal a bundle may hold (ten years of daily writing is ~60 MB).
MAX_DATABASE_BYTES = 16 * 1024**3


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a bundle's manifest says (no personal data)."""

    path: Path
    journal_id: str
    created_utc: datetime
    schema_version: int
    reason: str


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _discard(path: Path) -> None:
    """Remove a temporary file if it is there (``unlink`` fails on a read-only disk even then)."""
    if os.path.lexists(path):
        path.unlink()


def write_bundle(
    conn: DBAPIConnection,
    data_key: bytearray,
    envelope: keyfile.Envelope,
    schema_version: int,
    destination: Path,
    reason: str = "manual",
    *,
    checked: bool = False,
    state: str | None = None,
    stop: Callable[[], bool] | None = None,
) -> BackupInfo:
    """Create a bundle at ``destination`` atomically (the snapshot is streamed into it, never
    held in memory whole). ``state`` (see ``OpenJournal.state``) goes into the manifest."""
    temp_db = destination.with_name(f".{destination.name}.snapshot")
    journal_id = envelope.journal_id
    created = datetime.now(UTC)
    try:
        make_private_dir(destination.parent)
        _discard(temp_db)
        try:
            # Made here, private, so a full or read-only disk shows as such (not as "can't open").
            create_private_file(temp_db)
            salt = snapshot(conn, data_key, temp_db, checked=checked, stop=stop)
            db_size, db_sha = temp_db.stat().st_size, _file_sha256(temp_db)
            key_bytes = keyfile.envelope_to_json(dataclasses.replace(envelope, database_salt=salt))
            manifest: dict[str, object] = {
                "format": BUNDLE_FORMAT,
                "version": BUNDLE_VERSION,
                "journal_id": journal_id,
                "schema_version": schema_version,
                "created_utc": created.isoformat(),
                "reason": reason,
                "files": {
                    DB_MEMBER: {"sha256": db_sha, "size": db_size},
                    KEYS_MEMBER: {"sha256": _sha256(key_bytes), "size": len(key_bytes)},
                },
            }
            if state is not None:
                manifest["journal_state"] = state
            with (
                atomic_writer(destination, "the backup") as sink,
                zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as bundle,
            ):
                bundle.writestr(MANIFEST_MEMBER, json.dumps(manifest, indent=2))
                bundle.writestr(KEYS_MEMBER, key_bytes)
                bundle.write(temp_db, DB_MEMBER)
        finally:
            _discard(temp_db)
    except OSError as exc:
        raise os_error_to_user_error(exc, "the backup") from None
    return BackupInfo(destination, journal_id, created, schema_version, reason)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _bad_bundle(detail: str) -> UserError:
    return UserError(
        ErrorKind.BACKUP_DAMAGED,
        f"This backup can't be used: {detail}. Nothing was changed.",
        hint="Try another backup file.",
    )


def _member(bundle: zipfile.ZipFile, name: str, limit: int) -> zipfile.ZipInfo:
    """A member that is stored (not compressed: the content is ciphertext) and no larger than
    ``limit``; anything else is not a bundle this app made."""
    try:
        member = bundle.getinfo(name)
    except KeyError:
        raise _bad_bundle("it isn't a complete Recovery Journal backup") from None
    if member.compress_type != zipfile.ZIP_STORED or member.flag_bits & 0x1:
        raise _bad_bundle("it holds compressed or encrypted parts this app never makes")
    if member.file_size > limit or member.compress_size != member.file_size:
        raise _bad_bundle("a part of it is larger than it may be")
    return member


def _read_small(bundle: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    with bundle.open(member) as handle:
        data = handle.read(member.file_size + 1)
    if len(data) != member.file_size:
        raise _bad_bundle("a part of it is cut short or longer than it says")
    return data


def _stream(
    bundle: zipfile.ZipFile, member: zipfile.ZipInfo, size: int, sink: BinaryIO | None = None
) -> str:
    """Read ``member`` in chunks (never whole), at most ``size`` bytes; returns its SHA-256.
    ``sink`` receives the bytes when given."""
    digest = hashlib.sha256()
    done = 0
    with bundle.open(member) as handle:
        while chunk := handle.read(min(_CHUNK, size + 1 - done)):
            done += len(chunk)
            if done > size:
                raise _bad_bundle("a part of it is longer than its manifest says")
            digest.update(chunk)
            if sink is not None:
                sink.write(chunk)
    if done != size:
        raise _bad_bundle("a part of it is cut short")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class _Checked:
    """A bundle whose manifest, sizes and checksums were verified (nothing held in memory but
    the key file)."""

    info: BackupInfo
    key_bytes: bytes
    db_size: int
    db_sha256: str


def _check_bundle(path: Path, bundle: zipfile.ZipFile) -> _Checked:
    if any(m.compress_type != zipfile.ZIP_STORED for m in bundle.infolist()):
        raise _bad_bundle("it holds compressed parts this app never makes")
    manifest_member = _member(bundle, MANIFEST_MEMBER, _MANIFEST_MAX_BYTES)
    try:
        manifest = json.loads(_read_small(bundle, manifest_member))
    except (ValueError, RecursionError):
        raise _bad_bundle("its manifest is unreadable") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise _bad_bundle("it isn't a Recovery Journal backup")
    if manifest.get("version") != BUNDLE_VERSION:
        raise UserError(ErrorKind.TOO_NEW, "This backup was made by a newer Recovery Journal.")
    try:
        files = manifest["files"]
        db_size, db_sha = files[DB_MEMBER]["size"], files[DB_MEMBER]["sha256"]
        keys_size, keys_sha = files[KEYS_MEMBER]["size"], files[KEYS_MEMBER]["sha256"]
        info = BackupInfo(
            path,
            str(manifest["journal_id"]),
            datetime.fromisoformat(manifest["created_utc"]),
            int(manifest["schema_version"]),
            str(manifest.get("reason", "")),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _bad_bundle("its manifest is incomplete") from None
    sizes_ok = all(
        type(size) is int and 0 < size <= limit
        for size, limit in ((db_size, MAX_DATABASE_BYTES), (keys_size, _KEYS_MAX_BYTES))
    )
    if not sizes_ok or not all(isinstance(x, str) for x in (db_sha, keys_sha)):
        raise _bad_bundle("its manifest gives sizes it can't have")
    # The sizes the manifest promises, before a byte of the members is read.
    db_member = _member(bundle, DB_MEMBER, db_size)
    keys_member = _member(bundle, KEYS_MEMBER, keys_size)
    if (db_member.file_size, keys_member.file_size) != (db_size, keys_size):
        raise _bad_bundle("its parts don't have the sizes its manifest gives")
    key_bytes = _read_small(bundle, keys_member)
    if _sha256(key_bytes) != keys_sha or _stream(bundle, db_member, db_size) != db_sha:
        raise _bad_bundle("its contents don't match their checksums (the file is damaged)")
    envelope = keyfile.envelope_from_json(key_bytes)
    if envelope.journal_id != info.journal_id:
        raise _bad_bundle("its key file belongs to a different journal")
    return _Checked(info, key_bytes, db_size, db_sha)


def _opened_bundle(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise UserError(ErrorKind.NOT_FOUND, "That backup file doesn't exist.") from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _bad_bundle("it isn't a complete Recovery Journal backup") from None


def verify_bundle(path: Path) -> BackupInfo:
    """Check a bundle completely (manifest, stored members within the manifest's sizes, every
    checksum), reading the database member in chunks: a crafted bundle can't fill the memory."""
    with _opened_bundle(path) as bundle:
        try:
            return _check_bundle(path, bundle).info
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
            raise _bad_bundle("it isn't a complete Recovery Journal backup") from None


def read_bundle(path: Path) -> tuple[BackupInfo, bytes, bytes]:
    """Verify a small bundle and return its info, database bytes and key-file bytes (tests and
    tools; restoring streams instead, see :func:`restore_bundle`)."""
    info = verify_bundle(path)
    with _opened_bundle(path) as bundle:
        return info, bundle.read(DB_MEMBER), bundle.read(KEYS_MEMBER)


def set_aside(journal: Path) -> Path | None:
    """Rename an existing journal pair out of the way (``…-damaged-<stamp>``); never deletes."""
    if not any(journal.with_name(journal.name + s).exists() for s in _PAIR_SUFFIXES):
        return None
    stamp = datetime.now(UTC).strftime(_STAMP)
    aside = journal.with_name(f"{journal.name}.set-aside-{stamp}")
    n = 1
    while any(aside.with_name(aside.name + s).exists() for s in _PAIR_SUFFIXES):
        n += 1  # set aside twice in one second: never replace the earlier one
        aside = journal.with_name(f"{journal.name}.set-aside-{stamp}-{n}")
    for suffix in _PAIR_SUFFIXES:
        source = journal.with_name(journal.name + suffix)
        if source.exists():
            os.replace(source, aside.with_name(aside.name + suffix))
    return aside


def restore_bundle(bundle: Path, target: Path, *, replace_existing: bool = False) -> BackupInfo:
    """Write the bundle's journal pair at ``target``. An existing journal there is refused, or
    with ``replace_existing`` set aside first (kept beside, renamed)."""
    with _opened_bundle(bundle) as opened:
        try:
            checked = _check_bundle(bundle, opened)  # everything, before anything is written
            _restore_checked(opened, checked, target, replace_existing=replace_existing)
        except (zipfile.BadZipFile, EOFError, zlib.error):
            raise _bad_bundle("it isn't a complete Recovery Journal backup") from None
    return checked.info


def _restore_checked(
    bundle: zipfile.ZipFile, checked: _Checked, target: Path, *, replace_existing: bool
) -> None:
    exists = target.exists() or keys_path(target).exists()
    if exists and not replace_existing:
        raise UserError(
            ErrorKind.JOURNAL_EXISTS,
            "There is already a journal at that place; restoring would replace it.",
            hint="Choose a new name or folder for the restored journal.",
        )
    try:
        make_private_dir(target.parent)
    except OSError as exc:
        raise os_error_to_user_error(exc, "the restored journal") from None
    lock = InstanceLock.for_journal(target)  # never swap files under a journal that is open
    lock.acquire()
    try:
        set_aside(target)  # also a stray -wal/-shm: SQLite would replay it into the restored file
        # Database first, key file last: the pair only becomes openable once both are complete.
        # Streamed again with the same checks (the bundle may have changed since it was read).
        with atomic_writer(target, "the restored journal") as sink:
            db_member = bundle.getinfo(DB_MEMBER)
            if _stream(bundle, db_member, checked.db_size, sink) != checked.db_sha256:
                raise _bad_bundle("it changed while it was being restored")
        write_atomic(keys_path(target), checked.key_bytes, "the restored key file")
        fsync_dir(target.parent)
    except OSError as exc:
        raise os_error_to_user_error(exc, "the restored journal") from None
    finally:
        lock.release()


# ---------------------------------------------------------------- automatic, rotating backups


def bundle_name(when: datetime, reason: str = "", journal_id: str | None = None) -> str:
    owner = f"-j{journal_id[:_ID_CHARS]}" if journal_id else ""
    tail = f"-{reason}" if reason else ""
    return f"{when.astimezone(UTC).strftime(_STAMP)}{owner}{tail}{BUNDLE_SUFFIX}"


def list_bundles(folder: Path, journal_id: str | None = None) -> list[tuple[datetime, Path]]:
    """Bundles in an automatic-backup folder, oldest first, by the time in their name; with
    ``journal_id``, only that journal's."""
    if not folder.is_dir():
        return []
    found: list[tuple[datetime, Path]] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and (journal_id is None or match.group(2) == journal_id[:_ID_CHARS]):
            stamp = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append((stamp, path))
    return sorted(found)


def keep_folder_private(folder: Path) -> None:
    """Narrow an app-made backups folder to 0700 (older versions made it with the umask, so
    other users could list backup names and dates)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        info = folder.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o077:
            os.chmod(folder, 0o700)


def bundle_owner(path: Path) -> str | None:
    """The journal-id prefix in a bundle's name (None for names without one)."""
    match = _NAME.match(path.name)
    return match.group(2) if match else None


def rotate(folder: Path, keep: int, journal_id: str | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` bundles (of ``journal_id``'s, when given), and temp
    files an interrupted backup left (older than an hour, so one in progress is never touched)."""
    bundles = list_bundles(folder, journal_id)
    doomed = [path for _, path in bundles[: max(0, len(bundles) - keep)]]
    cutoff = datetime.now(UTC).timestamp() - 3600
    doomed += [
        path
        for path in folder.glob(f".*{BUNDLE_SUFFIX}.*")
        if path.is_file() and path.stat().st_mtime < cutoff
    ]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def newest_envelope(folder: Path, journal_id: str) -> keyfile.Envelope | None:
    """The key file inside the newest automatic backup of ``journal_id`` (None if there is no
    readable one): tells an outdated key file from a damaged journal (see vault)."""
    bundles = list_bundles(folder, journal_id)
    if not bundles:
        return None
    try:
        # Names give the second; two bundles of one second (a backup at unlock, then one right
        # after a change of keys) are told apart by their modification time.
        newest = max(bundles, key=lambda b: (b[0], b[1].stat().st_mtime_ns))[1]
        with zipfile.ZipFile(newest) as bundle:
            member = bundle.getinfo(KEYS_MEMBER)
            if member.file_size > _KEYS_MAX_BYTES:
                return None
            envelope = keyfile.envelope_from_json(bundle.read(member))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, UserError):
        return None
    return envelope if envelope.journal_id == journal_id else None


def newest_state(folder: Path, journal_id: str) -> str | None:
    """The journal state recorded in the newest backup of ``journal_id`` (None if unknown)."""
    bundles = list_bundles(folder, journal_id)
    if not bundles:
        return None
    try:
        with zipfile.ZipFile(bundles[-1][1]) as bundle:
            manifest = json.loads(
                _read_small(bundle, _member(bundle, MANIFEST_MEMBER, _MANIFEST_MAX_BYTES))
            )
    except (OSError, zipfile.BadZipFile, ValueError, RecursionError, UserError):
        return None
    state = manifest.get("journal_state") if isinstance(manifest, dict) else None
    return state if isinstance(state, str) else None


def backup_due(folder: Path, now: datetime, journal_id: str | None = None) -> bool:
    """At most one automatic backup per calendar day (UTC) for a journal."""
    bundles = list_bundles(folder, journal_id)
    return not bundles or bundles[-1][0].date() < now.astimezone(UTC).date()
