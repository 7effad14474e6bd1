"""Are the command line's two start/exit tricks worth keeping? Whole-process times with and without.

    .venv/bin/python bench/cli_tricks.py [--runs N] [--journal DIR]

The tricks (``recovery_journal/__main__.py``): a command-line run on Linux restarts itself once
with ``GLIBC_TUNABLES=glibc.malloc.hugetlb=1`` so Argon2id's 256 MiB come in huge pages
(``hugepages.py``), and it leaves through ``os._exit`` instead of the interpreter's teardown. Each
configuration runs ``list`` and ``search`` on a 1-year demo journal with the real key-derivation
parameters, the configurations interleaved round by round so the machine's load falls on all
alike. Results (medians) go to stdout as a Markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from recovery_journal.demo import fill_demo_journal  # noqa: E402
from recovery_journal.services.access import BackupSettings, KeySettings, create_journal  # noqa: E402

PASSPHRASE = "benchmark: four calm words, invented"
# Runs the CLI like `python -m recovery_journal` but returns through sys.exit: the interpreter's
# normal teardown instead of os._exit (hugepages relaunch is left to the environment).
NORMAL_EXIT = "import sys; from recovery_journal.cli import main; sys.exit(main(sys.argv[1:]))"
CONFIGS = {
    # name: (extra environment, use the module entry point)
    "as shipped (restart for huge pages, os._exit)": ({}, True),
    "no huge pages (no restart), os._exit": ({"GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"}, True),
    "huge pages without the restart, os._exit": (
        {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"},
        True,
    ),
    "huge pages without the restart, normal exit": (
        {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"},
        False,
    ),
    "no tricks at all (4 KiB pages, normal exit)": (
        {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"},
        False,
    ),
}


def build(folder: Path) -> Path:
    path = folder / "bench.rjournal"
    if not path.exists():
        session, _code = create_journal(
            path, PASSPHRASE, KeySettings(), BackupSettings(daily=False)
        )
        try:
            fill_demo_journal(session, days=365, seed=7, end=date(2026, 1, 31))
        finally:
            session.lock()
    return path


def run_once(path: Path, extra: dict[str, str], module: bool, args: list[str]) -> float:
    env = {**os.environ, "RECOVERY_JOURNAL_PASSPHRASE": PASSPHRASE, **extra}
    env.pop("RECOVERY_JOURNAL_KDF_PROFILE", None)
    if "GLIBC_TUNABLES" not in extra:
        env.pop("GLIBC_TUNABLES", None)
    entry = ["-m", "recovery_journal"] if module else ["-c", NORMAL_EXIT]
    command = [sys.executable, *entry, "--journal", str(path), *args]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace"))
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--journal", type=Path)
    options = parser.parse_args()
    folder = options.journal or Path(tempfile.mkdtemp(prefix="rj-cli-tricks-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = build(folder)
    commands = {"list": ["list"], "search sleep": ["search", "sleep"]}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(options.runs):
        for name, (extra, module) in CONFIGS.items():
            for label, args in commands.items():
                times.setdefault((name, label), []).append(run_once(path, extra, module, args))
    print("| configuration | " + " | ".join(f"`{c}` median" for c in commands) + " |")
    print("| --- | " + " | ".join("---" for _ in commands) + " |")
    for name in CONFIGS:
        cells = [f"{statistics.median(times[(name, c)]):.3f} s" for c in commands]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n{options.runs} runs each, interleaved; machine: {os.cpu_count()} cores.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
