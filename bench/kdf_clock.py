"""Time a run's own key derivation from inside the process, so "beyond the KDF" is one run's
wall clock minus *that run's* Argon2id, not two noisy runs subtracted.

    with kdf_clock.clocked() as clock: ...        this process (the app, unlocked in-process)
    KDF_CLOCK_FILE=F python bench/clocked_cli.py ARGS…; kdf_clock.read(F)     a command line

Nothing here ships in the app: it wraps ``recovery_journal.storage.keys.passphrase_kek``
(Argon2id of the passphrase, the only KDF an unlock runs) from outside. A derivation records:

- ``start`` / ``end``: ``time.monotonic()`` (CLOCK_MONOTONIC, one clock for every process on
  Linux, so the parent can set them against its own start and end of the child);
- ``cpu``: the process's CPU time during the derivation less what the main thread used meanwhile
  (the command line imports its database stack on the main thread while Argon2id runs on its
  own threads), i.e. the derivation's own CPU; ``cpu_at_start``: the process's CPU time when it
  began (a command line's start-up, in CPU);
- and a line ``{"asked": t}`` when the main thread asks for keys being derived ahead
  (``PendingKeys.result``): before the derivation's ``end`` the command waited for the KDF,
  after it the keys waited for the command (its imports, its reading of the entry).
"""

from __future__ import annotations

import importlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ENV = "KDF_CLOCK_FILE"
_KEYS = "recovery_journal.storage.keys"
_DERIVE = "passphrase_kek"  # Argon2id, by the name keys.py calls it (a module global)


@dataclass(frozen=True, slots=True)
class Derivation:
    """One key derivation of a run: its monotonic start and end, its own CPU seconds, and the
    process's CPU seconds when it started (since the process began, across the command line's
    huge-page restart: an exec keeps the process)."""

    start: float
    end: float
    cpu: float
    cpu_at_start: float = 0.0

    @property
    def wall(self) -> float:
        return self.end - self.start


def _main_thread_cpu() -> float:
    ident = threading.main_thread().ident
    if ident is None or ident == threading.get_ident():
        return 0.0
    return time.clock_gettime(time.pthread_getcpuclockid(ident))


def _wrap(keys: ModuleType, record: Callable[[dict[str, Any]], None]) -> Callable[[], None]:
    """Wrap ``keys.passphrase_kek`` and ``PendingKeys.result``; the function undoes it."""
    derive, pending = getattr(keys, _DERIVE), keys.PendingKeys
    result = pending.result

    def timed_derive(*args: Any, **kwargs: Any) -> Any:
        main_before, cpu_before = _main_thread_cpu(), time.process_time()
        start = time.monotonic()
        try:
            return derive(*args, **kwargs)
        finally:
            end = time.monotonic()
            cpu = time.process_time() - cpu_before - (_main_thread_cpu() - main_before)
            record({"start": start, "end": end, "cpu": cpu, "cpu_at_start": cpu_before})

    def timed_result(self: Any) -> Any:
        record({"asked": time.monotonic()})
        return result(self)

    setattr(keys, _DERIVE, timed_derive)
    pending.result = timed_result

    def undo() -> None:
        setattr(keys, _DERIVE, derive)
        pending.result = result

    return undo


@dataclass
class Clock:
    """What one run's clock saw: its key derivations, and when it asked for keys derived ahead."""

    derivations: list[Derivation]
    asked: list[float]

    def add(self, found: dict[str, Any]) -> None:
        if "asked" in found:
            self.asked.append(found["asked"])
        else:
            self.derivations.append(Derivation(**found))

    @property
    def only(self) -> Derivation:
        """The run's one derivation (an unlock derives once)."""
        if len(self.derivations) != 1:
            raise RuntimeError(f"expected one key derivation, saw {len(self.derivations)}")
        return self.derivations[0]


@contextmanager
def clocked() -> Iterator[Clock]:
    """In this process: every key derivation while inside, added to the clock yielded as it
    ends (the keys module is imported here if it wasn't)."""
    clock = Clock([], [])
    lock = threading.Lock()

    def record(found: dict[str, Any]) -> None:
        with lock:
            clock.add(found)

    undo = _wrap(importlib.import_module(_KEYS), record)
    try:
        yield clock
    finally:
        undo()


def read(file: Path) -> Clock:
    """What a clocked child wrote to ``file``."""
    clock = Clock([], [])
    lines = file.read_text(encoding="utf-8").splitlines() if file.exists() else []
    for line in lines:
        if line.strip():
            clock.add(json.loads(line))
    return clock


def record_to_file(keys: ModuleType, file: Path) -> None:
    """Wrap the keys module of a clocked child (bench/clocked_cli.py): one JSON line a record,
    appended and closed at once (the command line ends with ``os._exit``)."""

    def append(found: dict[str, Any]) -> None:
        with file.open("a", encoding="utf-8") as out:
            out.write(json.dumps(found) + "\n")

    _wrap(keys, append)
