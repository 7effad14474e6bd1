"""An event-driven kill for the crash tests: die at the first write past a chosen file size.

``die_past(size)`` lowers this process's file-size limit (``RLIMIT_FSIZE``) and restores the
default action of ``SIGXFSZ`` (Python ignores it at start-up). From then on, the first ``write``
that would take any regular file past ``size`` bytes makes the kernel end the process on the spot,
as abruptly as ``SIGKILL`` (no handler, no clean-up, no flush). The kill is driven by the write
itself, not by a clock, so it lands at the same depth into the work however busy the machine is.
POSIX only; no core file is written.
"""

from __future__ import annotations

import os
import signal

KILLED_BY = signal.SIGXFSZ if hasattr(signal, "SIGXFSZ") else signal.SIGTERM


def die_past(size: int) -> None:
    """End this process at the first write that takes a file past ``size`` bytes."""
    import resource  # POSIX only: imported here so the module imports everywhere

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))


def killed_by_limit(status: int) -> bool:
    """Whether a ``waitpid`` status says the process ended that way."""
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == KILLED_BY
