"""What every command shares: the exit codes (README) and the usage error that maps to code 2."""

from __future__ import annotations

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SECRET, EXIT_DAMAGED = 0, 1, 2, 3, 4
EXIT_REFUSED = 5  # `import`: the file was refused, nothing was written


class UsageError(Exception):
    """Bad arguments or missing input; exit code 2."""
