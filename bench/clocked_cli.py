"""The real command line, with its key derivation clocked (bench/kdf_clock.py).

    KDF_CLOCK_FILE=FILE python bench/clocked_cli.py ARGS...     (= python -m recovery_journal ARGS)

It runs the real entry point (``recovery_journal.__main__.main``) unchanged: the huge-page restart
re-runs this script, the command's own imports, the ``os._exit`` at the end. Before that it only
puts a finder on ``sys.meta_path`` that, once ``recovery_journal.storage.keys`` has been imported
by the command itself, wraps its KDF (:func:`kdf_clock.record_to_file`). So the start-up it
measures is the command line's own: nothing is imported here ahead of it (``os`` and ``sys`` are
loaded at every interpreter's start anyway).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

_KEYS = "recovery_journal.storage.keys"
_BENCH = os.path.dirname(os.path.abspath(__file__))


class _AfterKeysImport:
    """A meta-path finder that only ever answers for the keys module, once, by wrapping the
    normal loader's ``exec_module``."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> Any:
        if name != _KEYS:
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        run_module = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run_module(module)
            from pathlib import Path

            import kdf_clock  # bench/, at the end of sys.path

            kdf_clock.record_to_file(module, Path(os.environ[kdf_clock.ENV]))

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def main() -> None:
    if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
        sys.path.append(sys.path.pop(0))  # bench/ last: its modules (ui, run…) shadow nothing
    sys.meta_path.insert(0, _AfterKeysImport())
    from recovery_journal.__main__ import main as real_main

    sys.exit(real_main())


if __name__ == "__main__":
    main()
