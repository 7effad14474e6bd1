"""Issue 14 items 3-6 at 1, 10 and 100 years: what must not grow with the journal.

    python bench/upkeep_timings.py --keep DIR [--years 1,10,100] [--runs 3] [--write]
    python bench/run.py --years 1,10,100 --keep DIR --upkeep     the same, after run.py's rows

Journals come from bench/century.py (built once in DIR, then reused; CLI ``add`` writes into a
copy). Rows (medians; "beyond the KDF" subtracts Argon2id alone, timed in the same run):

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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from recovery_journal.paths import backups_dir, keys_path
from recovery_journal.services.access import BackupSettings, KeySettings, open_journal
from recovery_journal.storage.keys import read_envelope, unlock_with_passphrase

sys.path.insert(0, str(Path(__file__).resolve().parent))
import century  # bench/ is not a package
import ui

DOC = Path(__file__).resolve().parent.parent / "docs" / "BENCHMARKS.md"
START, END = "<!-- bench-upkeep:start -->", "<!-- bench-upkeep:end -->"
PASSPHRASE = century.PASSPHRASE
Row = tuple[str, str]  # (label, target)
ROWS: list[Row] = [
    ("Unlock → Today shown, beyond the KDF (app)", "≤ 0.3 s"),
    ("… background: check of every page (own connection)", "not waited for"),
    ("… background: the daily backup (checks every page first)", "not waited for"),
    ("Journal list: count + first page", "≤ 30 ms"),
    ("Journal list: next page of 200 rows, median", "≤ 30 ms"),
    ("Journal list: next page of 200 rows, slowest", "≤ 30 ms"),
    ("Journal list: scrolling the whole list to the end", "≤ 3 s"),
    ("… its CPU time (UI thread and worker)", "—"),
    ("CLI `list`, beyond the KDF", "≤ 0.2 s"),
    ("CLI `search sleep`, beyond the KDF", "≤ 0.2 s"),
    ("CLI `add`, beyond the KDF", "≤ 0.3 s"),
    ("CLI `list`, CPU time beyond the KDF's", "—"),
    ("CLI `add`, CPU time beyond the KDF's", "—"),
    ("CLI first `list` of the day: output printed, beyond the KDF", "≤ 0.2 s"),
    ("CLI first `list` of the day: process ended (backup after output)", "—"),
]


def _kdf(path: Path) -> float:
    envelope = read_envelope(keys_path(path))
    began = time.perf_counter()
    unlock_with_passphrase(envelope, PASSPHRASE).wipe()
    return time.perf_counter() - began


def _kdf_cpu(path: Path) -> float:
    envelope = read_envelope(keys_path(path))
    began = time.process_time()
    unlock_with_passphrase(envelope, PASSPHRASE).wipe()
    return time.process_time() - began


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cli_cpu(path: Path, *args: str, stdin: str | None = None) -> float:
    """CPU seconds of the whole process (all its threads): barely moved by a busy machine."""
    before = _children_cpu()
    _cli(path, *args, stdin=stdin)
    return _children_cpu() - before


def _cli(path: Path, *args: str, stdin: str | None = None) -> tuple[float, float]:
    """Seconds until the first line of output, and until the process ended."""
    env = {
        **os.environ,
        "RECOVERY_JOURNAL_PATH": str(path),
        "RECOVERY_JOURNAL_PASSPHRASE": PASSPHRASE,
    }
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "recovery_journal", *args],
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
    first = time.perf_counter() - began
    proc.stdout.read()
    if proc.wait() != 0:
        raise RuntimeError(f"{args} failed")
    return first, time.perf_counter() - began


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure_app(app: QApplication, path: Path, runs: int) -> dict[str, float]:
    kdf, total = ui.unlock_to_today(app, path, runs)
    found = {"unlock": _median([t - k for t, k in zip(total, kdf, strict=True)])}
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


def measure_scroll(app: QApplication, path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        controller, _ = ui.open_app(app, path, ui.settings_in(tmp))
        window = controller.window
        assert window is not None
        page = window.journal
        model = page.model
        # The day's backup runs once, in the background, right after unlocking: timed above.
        ui.wait(app, lambda: not controller.upkeep_tasks.busy, timeout=600)
        ui.wait(app, lambda: not controller.tasks.busy)
        began = time.perf_counter()
        window.show_page(page)
        ui.wait(app, lambda: model.rowCount() > 0 and not model.loading)
        first = time.perf_counter() - began
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
        ui.close_app(app, controller)
    return {
        "list_first": first,
        "list_page": _median(steps) if steps else 0.0,
        "list_slowest": max(steps, default=0.0),
        "list_whole": whole,
        "list_whole_cpu": whole_cpu,
    }


def measure_cli(path: Path, runs: int) -> dict[str, float]:
    kdf = _median([_kdf(path) for _ in range(runs)])
    copy = path.parent / "cli-copy" / path.name
    shutil.rmtree(copy.parent, ignore_errors=True)
    copy.parent.mkdir()
    shutil.copy2(path, copy)
    shutil.copy2(keys_path(path), keys_path(copy))
    try:
        _cli(copy, "list")  # the day's backup, out of the way
        found = {
            "cli_list": _median([_cli(copy, "list")[1] for _ in range(runs)]) - kdf,
            "cli_search": _median([_cli(copy, "search", "sleep")[1] for _ in range(runs)]) - kdf,
            "cli_add": _median(
                [_cli(copy, "add", stdin="A short bench entry.\n")[1] for _ in range(runs)]
            )
            - kdf,
        }
        kdf_cpu = _median([_kdf_cpu(path) for _ in range(runs)])
        found["cli_list_cpu"] = _median([_cli_cpu(copy, "list") for _ in range(runs)]) - kdf_cpu
        found["cli_add_cpu"] = (
            _median([_cli_cpu(copy, "add", stdin="Another.\n") for _ in range(runs)]) - kdf_cpu
        )
        shutil.rmtree(backups_dir(copy))  # as if no backup had been taken today
        printed, ended = _cli(copy, "list")
        found["cli_first_out"] = printed - kdf
        found["cli_first_end"] = ended
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
    return found


KEYS = [
    "unlock", "check", "backup", "list_first", "list_page", "list_slowest", "list_whole",
    "list_whole_cpu",
    "cli_list", "cli_search", "cli_add", "cli_list_cpu", "cli_add_cpu", "cli_first_out",
    "cli_first_end",
]  # fmt: skip


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
    for key, (label, target) in zip(KEYS, ROWS, strict=True):
        cells = [fmt(results[y][key]) for y in years]
        exp = exponent(results[10][key], results[100][key]) if {10, 100} <= set(years) else "—"
        lines.append(f"| {label} | {' | '.join(cells)} | {exp} | {target} |")
    return "\n".join(lines)


def measure(paths: dict[int, Path], runs: int, write: bool) -> str:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    results: dict[int, dict[str, float]] = {}
    for years, path in sorted(paths.items()):
        print(f"[upkeep {years}-year] app, list, command line…", file=sys.stderr, flush=True)
        results[years] = {
            **measure_app(app, path, runs),
            **measure_scroll(app, path),
            **measure_cli(path, runs),
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
    args = parser.parse_args(argv)
    folder = Path(args.keep)
    paths = {int(y): century.build_journal(folder, int(y)) for y in args.years.split(",")}
    measure(paths, args.runs, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
