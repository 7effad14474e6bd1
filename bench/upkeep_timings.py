"""Issue 14 items 3-6 at 1, 10 and 100 years: what must not grow with the journal.

    python bench/upkeep_timings.py --keep DIR [--years 1,10,100] [--runs 3] [--write]
    python bench/run.py --years 1,10,100 --keep DIR --upkeep     the same, after run.py's rows

Journals come from bench/century.py (built once in DIR, then reused; CLI ``add`` writes into a
copy). Rows are medians. "Beyond its own KDF" is one run's wall clock less *that run's* Argon2id,
clocked inside the process (bench/kdf_clock.py: the app is unlocked in this process; each command
line runs the real entry point through bench/clocked_cli.py, with its bytecode cached as an
installed app has it); the CPU rows are the whole process's CPU less the KDF's own:

- unlock → Today in the app (the real unlock path, passphrase typed, Unlock pressed, until the
  window shows with Today's loads done), and the upkeep that now runs after it in the background
  (the check of every page on its own connection; the daily backup);
- the Journal list: the count and first page, each next page of 200 rows as the view scrolls to it
  (from the scroll until the rows are there), and the whole scroll to the end;
- the command line: ``list``, ``search``, ``add`` as whole processes, and the first command of a
  day: until its output is printed, and until the process ends (the daily backup, after output).
The scaling exponent is log(t100 / t10) / log(10) between the 10- and 100-year journals.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from recovery_journal.paths import backups_dir, keys_path
from recovery_journal.services.access import BackupSettings, KeySettings, open_journal
from recovery_journal.storage.keys import read_envelope, unlock_with_passphrase

sys.path.insert(0, str(Path(__file__).resolve().parent))
import century  # bench/ is not a package
import kdf_clock
import ui

DOC = Path(__file__).resolve().parent.parent / "docs" / "BENCHMARKS.md"
CLOCKED_CLI = Path(__file__).resolve().parent / "clocked_cli.py"
START, END = "<!-- bench-upkeep:start -->", "<!-- bench-upkeep:end -->"
PASSPHRASE = century.PASSPHRASE
Row = tuple[str, str, str]  # (key, label, target)
COUNTS = {"list_first_gcs", "list_scroll_gcs"}  # numbers of events, not seconds
ROWS: list[Row] = [
    ("unlock", "Unlock → Today shown, beyond its own KDF (app)", "≤ 0.3 s"),
    ("unlock_after", "… of which after the KDF ended (open, Today's first loads)", "—"),
    ("unlock_kdf", "… its own KDF (wall; Argon2id alone in the same process: next row)", "—"),
    ("kdf_alone", "Argon2id alone (reference: nothing else running in the process)", "—"),
    ("check", "… background: check of every page (own connection)", "not waited for"),
    ("backup", "… background: the daily backup (checks every page first)", "not waited for"),
    ("list_first", "Journal list: count + first page", "≤ 30 ms"),
    ("list_page", "Journal list: next page of 200 rows, median", "≤ 30 ms"),
    ("list_slowest", "Journal list: next page of 200 rows, slowest", "≤ 30 ms"),
    ("list_whole", "Journal list: scrolling the whole list to the end", "≤ 3 s"),
    ("list_whole_cpu", "… its CPU time (UI thread and worker)", "—"),
    ("list_first_gcs", "… full collections of Python's collector during the first page", "—"),
    ("list_scroll_gcs", "… full collections of Python's collector during the whole scroll", "—"),
    ("cli_list", "CLI `list`, beyond its own KDF", "≤ 0.2 s"),
    ("cli_search", "CLI `search sleep`, beyond its own KDF", "≤ 0.2 s"),
    ("cli_add", "CLI `add`, beyond its own KDF", "≤ 0.3 s"),
    ("cli_add_before", "… `add`: process start → KDF started", "—"),
    ("cli_add_before_cpu", "… `add`: CPU time until its KDF started (start-up)", "—"),
    ("cli_add_after", "… `add`: KDF ended → process ended", "—"),
    ("cli_list_kdf", "CLI `list`: its own KDF (wall)", "—"),
    ("cli_add_kdf", "CLI `add`: its own KDF (wall; the write path's imports run beside it)", "—"),
    ("cli_list_cpu", "CLI `list`, CPU time beyond its KDF's", "—"),
    ("cli_add_cpu", "CLI `add`, CPU time beyond its KDF's", "—"),
    ("cli_first_out", "CLI first `list` of the day: output printed, beyond its KDF", "≤ 0.2 s"),
    ("cli_first_end", "CLI first `list` of the day: process ended (backup after output)", "—"),
]


def _kdf_alone(path: Path) -> float:
    envelope = read_envelope(keys_path(path))
    began = time.perf_counter()
    unlock_with_passphrase(envelope, PASSPHRASE).wipe()
    return time.perf_counter() - began


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True, slots=True)
class CliRun:
    """One command-line process, clocked from outside (start, first output, end, its CPU) and
    from inside (its own key derivation, bench/kdf_clock.py), on one monotonic clock."""

    began: float
    printed: float
    ended: float
    cpu: float
    kdf: kdf_clock.Derivation

    @property
    def beyond(self) -> float:
        """What the person waited for beyond this run's own KDF."""
        return self.ended - self.began - self.kdf.wall

    @property
    def printed_beyond(self) -> float:
        return self.printed - self.began - self.kdf.wall

    @property
    def cpu_beyond(self) -> float:
        return self.cpu - self.kdf.cpu


def _cli(path: Path, *args: str, stdin: str | None = None) -> CliRun:
    """Run ``python -m recovery_journal ARGS`` (through bench/clocked_cli.py) once."""
    with tempfile.TemporaryDirectory() as tmp:
        clock_file = Path(tmp) / "kdf.jsonl"
        env = {
            **os.environ,
            "RECOVERY_JOURNAL_PATH": str(path),
            "RECOVERY_JOURNAL_PASSPHRASE": PASSPHRASE,
            kdf_clock.ENV: str(clock_file),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
        cpu_before = _children_cpu()
        began = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, str(CLOCKED_CLI), *args],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(stdin or "")
        proc.stdin.close()
        proc.stdout.readline()
        printed = time.monotonic()
        proc.stdout.read()
        code = proc.wait()
        ended = time.monotonic()
        if code != 0:
            raise RuntimeError(f"{args} failed")
        return CliRun(
            began, printed, ended, _children_cpu() - cpu_before, kdf_clock.read(clock_file).only
        )


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure_app(app: QApplication, path: Path, runs: int) -> dict[str, float]:
    unlocks = ui.unlock_to_today(app, path, runs)
    found = {
        "unlock": _median([u.beyond for u in unlocks]),
        "unlock_after": _median([u.after for u in unlocks]),
        "unlock_kdf": _median([u.kdf.wall for u in unlocks]),
        "kdf_alone": _median([_kdf_alone(path) for _ in range(runs)]),
    }
    session = open_journal(
        path, PASSPHRASE, KeySettings(), BackupSettings(daily=False), upkeep_later=True
    )
    try:
        began = time.perf_counter()
        session.upkeep()
        found["check"] = time.perf_counter() - began
        with tempfile.TemporaryDirectory() as tmp:
            began = time.perf_counter()
            session.backup_to(Path(tmp) / "b.rjbackup")
            found["backup"] = time.perf_counter() - began
    finally:
        session.lock()
    return found


class FullCollections:
    """Counts Python's full (generation 2) collections while it is installed: one can fall in
    any page and costs tens of ms, so a slow cell says whether it did."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info.get("generation") == 2:
            self.count += 1

    def __enter__(self) -> FullCollections:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self)


def measure_scroll(app: QApplication, path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp, FullCollections() as collections:
        controller, _ = ui.open_app(app, path, ui.settings_in(tmp))
        window = controller.window
        assert window is not None
        page = window.journal
        model = page.model
        # The day's check and backup run once, in the background, once the pages' first loads
        # are done (timed above): let them end first, or the scroll would share the cores.
        ui.wait(app, lambda: not controller.tasks.busy)
        ui.wait(app, lambda: not controller.upkeep_tasks.busy, timeout=600)
        collections.count = 0
        began = time.perf_counter()
        window.show_page(page)
        ui.wait(app, lambda: model.rowCount() > 0 and not model.loading)
        first = time.perf_counter() - began
        first_gcs = collections.count
        ui.wait(app, lambda: not controller.tasks.busy)
        steps: list[float] = []
        size = model._page_size
        scroll_began, cpu_began = time.perf_counter(), time.process_time()
        for start in range(size, model.rowCount(), size):
            began = time.perf_counter()
            page.list_view.scrollTo(model.index(min(start + size, model.rowCount()) - 1, 0))
            app.processEvents()  # the view paints the rows now in sight: their page is asked for
            ui.wait(app, lambda: not model.loading)
            steps.append(time.perf_counter() - began)
        whole = time.perf_counter() - scroll_began
        whole_cpu = time.process_time() - cpu_began  # both threads; not the waiting
        scroll_gcs = collections.count - first_gcs
        ui.close_app(app, controller)
    return {
        "list_first": first,
        "list_page": _median(steps) if steps else 0.0,
        "list_slowest": max(steps, default=0.0),
        "list_whole": whole,
        "list_whole_cpu": whole_cpu,
        "list_first_gcs": first_gcs,
        "list_scroll_gcs": scroll_gcs,
    }


def measure_cli(path: Path, runs: int) -> dict[str, float]:
    copy = path.parent / "cli-copy" / path.name
    shutil.rmtree(copy.parent, ignore_errors=True)
    copy.parent.mkdir()
    shutil.copy2(path, copy)
    shutil.copy2(keys_path(path), keys_path(copy))
    try:
        # Once each first, untimed: the day's backup out of the way, the bytecode cached.
        for args, stdin in ((("list",), None), (("search", "sleep"), None), (("add",), "First.\n")):
            _cli(copy, *args, stdin=stdin)
        lists = [_cli(copy, "list") for _ in range(runs)]
        searches = [_cli(copy, "search", "sleep") for _ in range(runs)]
        adds = [_cli(copy, "add", stdin="A short bench entry.\n") for _ in range(runs)]
        found = {
            "cli_list": _median([r.beyond for r in lists]),
            "cli_search": _median([r.beyond for r in searches]),
            "cli_add": _median([r.beyond for r in adds]),
            "cli_add_before": _median([r.kdf.start - r.began for r in adds]),
            "cli_add_before_cpu": _median([r.kdf.cpu_at_start for r in adds]),
            "cli_add_after": _median([r.ended - r.kdf.end for r in adds]),
            "cli_list_kdf": _median([r.kdf.wall for r in lists]),
            "cli_add_kdf": _median([r.kdf.wall for r in adds]),
            "cli_list_cpu": _median([r.cpu_beyond for r in lists]),
            "cli_add_cpu": _median([r.cpu_beyond for r in adds]),
        }
        shutil.rmtree(backups_dir(copy))  # as if no backup had been taken today
        first = _cli(copy, "list")
        found["cli_first_out"] = first.printed_beyond
        found["cli_first_end"] = first.ended - first.began
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
    return found


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def exponent(small: float, large: float) -> str:
    if small <= 0 or large <= 0:
        return "—"
    return f"{math.log(large / small) / math.log(10):.2f}"


def table(results: dict[int, dict[str, float]]) -> str:
    years = sorted(results)
    head = "| Metric | " + " | ".join(f"{y}-year" for y in years) + " | exponent 10→100 | target |"
    lines = [head, "|---|" + "---:|" * (len(years) + 1) + "---|"]
    for key, label, target in ROWS:
        if not all(key in results[y] for y in years):
            continue  # a part not measured this time (--parts)
        if key in COUNTS:
            cells = [f"{results[y][key]:.0f}" for y in years]
            lines.append(f"| {label} | {' | '.join(cells)} | — | {target} |")
            continue
        cells = [fmt(results[y][key]) for y in years]
        exp = exponent(results[10][key], results[100][key]) if {10, 100} <= set(years) else "—"
        lines.append(f"| {label} | {' | '.join(cells)} | {exp} | {target} |")
    return "\n".join(lines)


PARTS = ("app", "list", "cli")


def measure(paths: dict[int, Path], runs: int, write: bool, parts: tuple[str, ...] = PARTS) -> str:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    results: dict[int, dict[str, float]] = {}
    for years, path in sorted(paths.items()):
        print(f"[upkeep {years}-year] {', '.join(parts)}…", file=sys.stderr, flush=True)
        results[years] = {
            **(measure_app(app, path, runs) if "app" in parts else {}),
            **(measure_scroll(app, path) if "list" in parts else {}),
            **(measure_cli(path, runs) if "cli" in parts else {}),
        }
    text = (
        f"Measured {time.strftime('%Y-%m-%d')} with `python bench/upkeep_timings.py`; medians of "
        f"{runs} runs; load average at the start {', '.join(f'{x:.2f}' for x in load)}.\n\n"
        + table(results)
    )
    print(text)
    if write:
        doc = DOC.read_text(encoding="utf-8")
        block = f"{START}\n{text}\n{END}"
        if START in doc:
            doc = re.sub(
                re.escape(START) + ".*?" + re.escape(END), lambda _: block, doc, flags=re.S
            )
        else:
            doc = doc.rstrip() + "\n\n## Daily actions at 100 years (issue 14)\n\n" + block + "\n"
        DOC.write_text(doc, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", metavar="DIR", required=True, help="where the journals live")
    parser.add_argument("--years", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument(
        "--parts", default=",".join(PARTS), help="a selection of app,list,cli (no --write)"
    )
    args = parser.parse_args(argv)
    parts = tuple(p for p in args.parts.split(",") if p)
    if not set(parts) <= set(PARTS) or (args.write and set(parts) != set(PARTS)):
        parser.error(f"--parts is a selection of {','.join(PARTS)}; --write needs them all")
    folder = Path(args.keep)
    paths = {int(y): century.build_journal(folder, int(y)) for y in args.years.split(",")}
    measure(paths, args.runs, args.write, parts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
