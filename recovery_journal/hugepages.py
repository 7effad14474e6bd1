"""Give a command-line run's Argon2id memory huge pages (Linux with glibc).

Unlocking derives the key with Argon2id over 256 MiB. Touched 4 KiB at a time, that memory costs
about 65,000 page faults: a fifth of the derivation on a 2-core machine. In 2 MiB transparent huge
pages it costs about 130. glibc's allocator asks the kernel for them only when told so at start-up
(the ``glibc.malloc.hugetlb`` tunable, glibc 2.35 and later), so a command-line run restarts itself
once, before importing anything heavy, with that tunable set. Nothing changes for someone guessing
passphrases (their tools use huge pages anyway); the person simply waits less.

The desktop app doesn't do this: its derivation runs while the unlock screen stays responsive, and
the tunable would apply to every large allocation of Qt as well.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path

TUNABLE = "glibc.malloc.hugetlb"
_THP_SETTING = Path("/sys/kernel/mm/transparent_hugepage/enabled")


def _glibc_version() -> tuple[int, int] | None:
    try:
        name = os.confstr("CS_GNU_LIBC_VERSION")  # "glibc 2.36"; None or an error elsewhere
    except (ValueError, OSError, AttributeError):
        return None
    if not name or not name.startswith("glibc "):
        return None
    try:
        major, minor = name.split()[1].split(".")[:2]
        return int(major), int(minor)
    except ValueError:
        return None


def _huge_pages_possible() -> bool:
    try:
        return "[never]" not in _THP_SETTING.read_text(encoding="ascii")
    except OSError:
        return False


def relaunch_environment(environ: Mapping[str, str]) -> dict[str, str] | None:
    """The environment to restart with, or None when a restart wouldn't help (not Linux, not a
    recent glibc, huge pages switched off) or the tunable is set already (by an earlier restart
    or by the person: theirs wins, and a restart never repeats)."""
    if not sys.platform.startswith("linux"):
        return None
    current = environ.get("GLIBC_TUNABLES", "")
    if TUNABLE in current:
        return None
    version = _glibc_version()
    if version is None or version < (2, 35) or not _huge_pages_possible():
        return None
    setting = f"{TUNABLE}=1"
    return {**environ, "GLIBC_TUNABLES": f"{current}:{setting}" if current else setting}


def relaunch_with_huge_pages() -> None:
    """Replace this process by the same command with the tunable set, when that helps; otherwise
    (or if the restart can't happen) return and carry on as is."""
    environ = relaunch_environment(os.environ)
    if environ is None or not sys.executable or not getattr(sys, "orig_argv", None):
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    with contextlib.suppress(OSError):
        os.execve(sys.executable, sys.orig_argv, environ)
