"""Process hardening at start-up: no core dumps, no attaching debuggers from other processes.

A crash of the unlocked app once left a 156 MB core file holding entry text, the raw data key and
the passphrase. :func:`harden_process` runs first thing in both the app and the command line:

- everywhere with POSIX resource limits: ``RLIMIT_CORE`` = 0 (soft and hard, so nothing later in
  the process can raise it again), so a crash writes no core file;
- Linux: ``prctl(PR_SET_DUMPABLE, 0)``, which also stops core dumps piped to a handler
  (systemd-coredump, apport) and stops other processes of the same user from attaching with
  ptrace or reading ``/proc/PID/mem`` and ``/proc/PID/environ``;
- Windows: ``SetErrorMode`` without the fault dialog, so Windows Error Reporting does not offer to
  send a memory dump (a dump it is configured to keep locally is not stopped: docs/SECURITY.md).

macOS has no per-process switch besides the core limit (``PT_DENY_ATTACH`` would also kill the
app under a debugger or crash reporter; not used). What remains is in docs/SECURITY.md: swap,
hibernation and the print spool. Stdlib only; failures are recorded, never raised.
"""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass, field

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002


@dataclass(slots=True)
class Hardening:
    """What :func:`harden_process` managed to switch off (for tests and diagnostics)."""

    core_limit_zero: bool = False
    not_dumpable: bool = False
    no_error_report_dialog: bool = False
    failures: list[str] = field(default_factory=list)


def _no_core_files(result: Hardening) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        result.core_limit_zero = True
    except (OSError, ValueError) as exc:
        result.failures.append(f"RLIMIT_CORE: {exc}")


def _libc() -> ctypes.CDLL:
    """The C library (Linux only): already loaded into the process, so its symbols are reached
    through the process's own handle. Looking it up by name (``ctypes.util.find_library``) ran
    ``ldconfig -p`` in a subprocess, ~7 ms of every command line's start (issue 14 item 6)."""
    return ctypes.CDLL(None, use_errno=True)


def _not_dumpable(result: Hardening) -> None:
    try:
        prctl = _libc().prctl
        prctl.restype = ctypes.c_int
        prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
        if prctl(PR_SET_DUMPABLE, 0, 0, 0) != 0:
            result.failures.append(f"PR_SET_DUMPABLE: errno {ctypes.get_errno()}")
            return
        result.not_dumpable = True
    except (OSError, AttributeError) as exc:
        result.failures.append(f"PR_SET_DUMPABLE: {exc}")


def _no_error_report_dialog(result: Hardening) -> None:  # pragma: no cover - Windows only
    try:
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
        result.no_error_report_dialog = True
    except (OSError, AttributeError) as exc:
        result.failures.append(f"SetErrorMode: {exc}")


def harden_process() -> Hardening:
    """Switch off core dumps (and, on Linux, ptrace attach) for this process. Idempotent."""
    result = Hardening()
    _no_core_files(result)
    if sys.platform.startswith("linux"):
        _not_dumpable(result)
    elif os.name == "nt":  # pragma: no cover - Windows only
        _no_error_report_dialog(result)
    return result


def is_dumpable() -> bool | None:
    """Linux: whether this process may be dumped or attached to (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = _libc().prctl
    prctl.restype = ctypes.c_int
    return bool(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
