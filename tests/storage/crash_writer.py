"""A journal writer to kill with SIGKILL, for the crash tests (POSIX only).

Run as a script it is a small *fork server*: it imports the app once, then for each JSON command on
stdin forks a writer process, waits for it to die and prints ``exit STATUS``. A writer opens the
journal (fast test-only KDF settings, built here from ``keys.TEST_PARAMS`` / ``keys.TEST_POLICY``)
and prints, flushed, ``pid N``, ``open`` once unlocked, then ``id N`` for every entry *after* its
commit returned; in ``backup`` mode also ``backup-start K`` / ``backup-done K`` around each
``backup_to``. With ``die_in_backup`` (a fraction), the writer cuts its second backup short:
from that backup's start, the first write past that fraction of the first bundle's size ends it
(``write_limit.py``), so the kill lands inside the backup however busy the machine is. Forking
saves the interpreter start and the imports (about 0.9 s) in every round; each writer is still a
process of its own, killed like a crashing app.

Imported, it gives the test's side: :class:`WriterServer` and :class:`Round`.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # run as a script: make ``tests`` importable
    sys.path.insert(0, str(PROJECT_ROOT))

from tests.storage.write_limit import die_past, killed_by_limit  # noqa: E402

MAX_ENTRIES_PER_WRITER = 5_000  # a writer nobody kills stops by itself
FILLER = "steady breathing walk outside called my sponsor " * 8


# ---------------------------------------------------------------- the writer (child side)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _writer(command: dict[str, Any]) -> int:
    from datetime import date

    from recovery_journal.domain.entries import Entry
    from recovery_journal.services.access import BackupSettings, KeySettings, open_journal
    from recovery_journal.storage import keys

    _say(f"pid {os.getpid()}")
    settings = KeySettings(params=keys.TEST_PARAMS, policy=keys.TEST_POLICY)
    backups = BackupSettings(folder=Path(command["backups"]), keep=3)
    session = open_journal(Path(command["journal"]), command["passphrase"], settings, backups)
    _say("open")
    marker = command.get("marker", "")
    word = command.get("word", "crashword")
    backup_dest = Path(command["backup_dest"]) if command.get("backup_dest") else None
    for i in range(MAX_ENTRIES_PER_WRITER):
        entry = Entry(
            local_date=date(2025, 1, 1 + i % 28),
            title=f"{marker} entry {i}".strip(),
            body=f"{word} {marker} {i} {FILLER}",
            tags=(word, f"{marker}tag") if marker else (word,),
        )
        saved = session.entries.add(entry)
        _say(f"id {saved.id}")
        if backup_dest is not None and i % 3 == 2:
            k = i // 3
            _say(f"backup-start {k}")
            if k == 1 and "die_in_backup" in command:
                first = (backup_dest / "kill-0.rjbackup").stat().st_size
                die_past(int(float(command["die_in_backup"]) * first))
            session.backup_to(backup_dest / f"kill-{k}.rjbackup")
            _say(f"backup-done {k}")
    session.lock()
    return 3


def serve() -> None:
    """Import the app once, then fork one writer per command line; report how it ended."""
    import recovery_journal.domain.entries
    import recovery_journal.services.access
    import recovery_journal.storage.keys  # noqa: F401

    while True:
        line = sys.stdin.readline()
        if not line:
            return
        command = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            status = 70
            try:
                status = _writer(command)
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        _, status = os.waitpid(pid, 0)
        _say(f"exit {status}")


# ---------------------------------------------------------------- the test's side


@dataclass
class Round:
    """What one writer reported before it died."""

    lines: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # when each line arrived (monotonic)
    status: int | None = None
    killed: bool = False  # by the test's SIGKILL or by its own write limit

    @property
    def ids(self) -> list[int]:
        """Entry ids the writer reported as committed."""
        return [int(line.split()[1]) for line in self.lines if line.startswith("id ")]

    def count(self, prefix: str) -> int:
        return sum(1 for line in self.lines if line.startswith(prefix))

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.times.append(time.monotonic())


class _Lines:
    """Whole lines from a pipe, with a timeout per line (partial lines are never returned)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buffer = b""
        self._selector = selectors.DefaultSelector()
        self._selector.register(fd, selectors.EVENT_READ)

    def readline(self, timeout: float | None) -> str | None:
        """The next line, or None once ``timeout`` seconds passed without one."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._selector.select(remaining):
                return None
            chunk = os.read(self._fd, 65536)
            if not chunk:
                raise EOFError("the writer server closed its output")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def close(self) -> None:
        self._selector.close()


class WriterServer:
    """The fork server as a context manager; :meth:`run` plays one round."""

    LINE_TIMEOUT = 60.0  # only hit if something hangs: then the test fails instead of hanging

    def __init__(self, stderr_path: Path) -> None:
        self._stderr_path = stderr_path
        self._stderr = stderr_path.open("wb")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
        )
        self._proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
        )
        assert self._proc.stdout is not None
        self._lines = _Lines(self._proc.stdout.fileno())

    def __enter__(self) -> WriterServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._lines.close()
        assert self._proc.stdout is not None
        self._proc.stdout.close()
        self._stderr.close()

    def stderr_text(self) -> str:
        self._stderr.flush()
        return self._stderr_path.read_text(errors="replace")

    def run(self, command: dict[str, Any], kill_after: Callable[[Round], float | None]) -> Round:
        """Start a writer and SIGKILL it once ``kill_after`` returns a delay and that passed.

        ``kill_after`` sees the round after each line (once the writer's pid is known) and
        returns None to go on, or the seconds to wait before the kill. The wait is spent reading
        lines, so everything the writer printed before it died ends up in the result.
        """
        assert self._proc.stdin is not None
        self._proc.stdin.write(json.dumps(command).encode() + b"\n")
        self._proc.stdin.flush()
        result = Round()
        pid: int | None = None
        kill_at: float | None = None
        while True:
            wait = self.LINE_TIMEOUT if kill_at is None else max(0.0, kill_at - time.monotonic())
            line = self._lines.readline(wait)
            if line is None and kill_at is None:
                raise AssertionError(f"the writer went silent; stderr:\n{self.stderr_text()}")
            if line is None:
                assert pid is not None
                os.kill(pid, signal.SIGKILL)
                result.killed = True
                break
            if line.startswith("exit "):
                result.status = int(line.split()[1])
                result.killed = killed_by_limit(result.status)
                return result
            result.add(line)
            if line.startswith("pid "):
                pid = int(line.split()[1])
            if kill_at is None and pid is not None:
                delay = kill_after(result)
                if delay is not None:
                    kill_at = time.monotonic() + delay
        while True:  # drain what the writer printed before the kill landed
            line = self._lines.readline(self.LINE_TIMEOUT)
            if line is None:
                raise AssertionError("the writer server did not report the kill")
            if line.startswith("exit "):
                result.status = int(line.split()[1])
                return result
            result.add(line)


if __name__ == "__main__":
    serve()
