"""Are the command line's two start/exit tricks worth keeping? Whole-process times with and without.

    .venv/bin/python bench/cli_tricks.py [--runs N] [--journal DIR]

The tricks (``recovery_journal/__main__.py``): a command-line run on Linux restarts itself once
with ``GLIBC_TUNABLES=glibc.malloc.hugetlb=1`` so Argon2id's 256 MiB come in huge pages
(``hugepages.py``), and it leaves through ``os._exit`` instead of the interpreter's teardown.
Each configuration runs ``list``, ``search`` and ``add`` on a 1-year demo journal with the real
key-derivation parameters, the configurations interleaved round by round so the machine's load
falls on all alike; then Argon2id alone with and without huge pages, the cost of the restart (an
interpreter start) and the teardown each way. Results go to stdout for docs/BENCHMARKS.md.
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


KDF_ALONE = """
import sys, time
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
times = []
for _ in range(int(sys.argv[1])):
    start = time.perf_counter()
    Argon2id(salt=bytes(16), length=32, iterations=3, lanes=4, memory_cost=262144).derive(b"x")
    times.append(time.perf_counter() - start)
print(min(times), sorted(times)[len(times) // 2])
"""
TEARDOWN = """
import os, sys, time
from recovery_journal.cli import main
code = main(sys.argv[2:])
sys.stdout.flush()
sys.stderr.write(repr(time.perf_counter()) + "\\n")
if sys.argv[1] == "os._exit":
    os._exit(code)
sys.exit(code)
"""


def kdf_alone(tunable: str, runs: int) -> tuple[float, float]:
    """Argon2id (m = 256 MiB, t = 3, p = 4) in one process: (fastest, median)."""
    env = {**os.environ, "GLIBC_TUNABLES": f"glibc.malloc.hugetlb={tunable}"}
    done = subprocess.run(
        [sys.executable, "-c", KDF_ALONE, str(runs)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    fastest, median = done.stdout.split()
    return float(fastest), float(median)


def teardown(path: Path, how: str, args: list[str]) -> float:
    """Seconds from the command's last output to the end of its process."""
    env = {**os.environ, "RECOVERY_JOURNAL_PASSPHRASE": PASSPHRASE}
    env["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=1"
    command = [sys.executable, "-c", TEARDOWN, how, "--journal", str(path), *args]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _out, err = process.communicate()
    ended = time.perf_counter()
    finished = float(err.decode().strip().splitlines()[-1])
    return ended - finished


def restart_cost(runs: int) -> float:
    """The fastest start of a bare interpreter that imports os and execs nothing: what the
    restart adds once (the restarted process imports the app only once)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import os, sys"], check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--journal", type=Path)
    options = parser.parse_args()
    folder = options.journal or Path(tempfile.mkdtemp(prefix="rj-cli-tricks-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = build(folder)
    commands = {
        "list": ["list"],
        "search sleep": ["search", "sleep"],
        "add": ["add", "a short line from the benchmark"],
    }
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(options.runs):
        for name, (extra, module) in CONFIGS.items():
            for label, args in commands.items():
                times.setdefault((name, label), []).append(run_once(path, extra, module, args))
    print("| configuration | " + " | ".join(f"`{c}` median (fastest)" for c in commands) + " |")
    print("| --- | " + " | ".join("---" for _ in commands) + " |")
    for name in CONFIGS:
        cells = [
            f"{statistics.median(times[(name, c)]):.2f} s ({min(times[(name, c)]):.2f} s)"
            for c in commands
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n{options.runs} runs each, interleaved; machine: {os.cpu_count()} cores.\n")
    for tunable in ("0", "1", "0", "1"):
        fastest, median = kdf_alone(tunable, options.runs)
        pages = "huge pages" if tunable == "1" else "4 KiB pages"
        print(f"Argon2id alone, {pages}: fastest {fastest:.3f} s, median {median:.3f} s")
    print(f"Interpreter start (the restart's cost), fastest: {restart_cost(options.runs):.3f} s")
    for label, args in commands.items():
        for how in ("os._exit", "sys.exit"):
            spent = sorted(teardown(path, how, args) for _ in range(options.runs))
            median = spent[len(spent) // 2]
            print(f"`{label}`, from last output to process end, {how}: median {median:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
