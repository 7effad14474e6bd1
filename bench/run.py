"""Benchmarks for Recovery Journal on a 1-year and a 10-year demo journal.

    python bench/run.py            full run (1-year and 10-year journals, more repetitions)
    python bench/run.py --quick    smoke run (1-year and 2-year journals, few repetitions)
    python bench/run.py --write    also replace the results section of docs/BENCHMARKS.md
    python bench/run.py --keep DIR build the journals in DIR and leave them there (reused later)
    python bench/run.py --years 1,10,100   journals of these many years (bench/century.py)
    python bench/run.py --scaling --years 1,10,100 --keep DIR   only issue 14's rows 1, 2, 7
                                   with their scaling exponent (bench/scaling.py)
    python bench/run.py --upkeep   also unlock/Journal list/CLI rows (bench/upkeep_timings.py)

Each journal is built once in a temporary folder with the invented demo data
(:func:`recovery_journal.demo.fill_demo_journal`) and the real default key-derivation
settings, then every operation is timed several times and the median is reported. What each metric
means, and the targets, are explained in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlcipher3 import dbapi2

from recovery_journal.demo import RARE_WORD
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.entries import SEARCH_PAGE, CheckIn, Entry
from recovery_journal.paths import keys_path
from recovery_journal.services.access import (
    BackupSettings,
    KeySettings,
    open_journal,
)
from recovery_journal.services.export import export_json
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import keys

sys.path.insert(0, str(Path(__file__).resolve().parent))
import century  # bench/ is not a package
import insight_timings
import interop_timings
import scaling

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "BENCHMARKS.md"
START_MARK = "<!-- bench-results:start -->"
END_MARK = "<!-- bench-results:end -->"
PASSPHRASE = century.PASSPHRASE
COMMON_WORD = "sleep"  # in about a third of the entries
MEDIUM_WORD = "craving"  # in about one entry in ten: its newest matches are spread out
NO_BACKUP = BackupSettings(daily=False)


@dataclass(frozen=True, slots=True)
class Metric:
    """One row of the results table; ``target`` (seconds) applies to the larger journal."""

    key: str
    label: str
    target: float | None = None
    target_text: str = "—"


METRICS = (
    Metric("build", "Generate the demo journal (once)"),
    Metric("kdf", "Argon2id alone (the journal's parameters)"),
    Metric("unlock", "Unlock: KDF + open + integrity check"),
    Metric("open_only", "… of which open + checks (everything but the KDF)"),
    Metric("latest_first", "Latest 20 entries, first call after unlock", 0.050, "≤ 50 ms"),
    Metric("latest", "Latest 20 entries, repeated", 0.050, "≤ 50 ms"),
    Metric("search_common", f"Full-text search, common word “{COMMON_WORD}”", 0.010, "≤ 10 ms"),
    Metric(
        "search_medium",
        f"Full-text search, word in 1 entry in 10 “{MEDIUM_WORD}”",
        0.010,
        "≤ 10 ms",
    ),
    Metric("search_rare", f"Full-text search, rare word “{RARE_WORD}”", 0.010, "≤ 10 ms"),
    Metric(
        "search_50", f"Full-text search, “{COMMON_WORD}”, a page of 50 instead of {SEARCH_PAGE}"
    ),
    Metric("add", "Add one entry (committed)", 0.020, "≤ 20 ms"),
    Metric("export", "Export everything as JSON", 0.5, "≤ 0.5 s"),
    *(Metric(*row) for row in interop_timings.METRICS),
    Metric("report_month", "Therapist summary, full, last 30 days (read + lay out + PDF)"),
    Metric("report_all", "Therapist summary, full, the whole journal", 3.0, "≤ 3 s"),
    Metric("cli_floor", "CLI start-up floor (`--version`, no journal)"),
    Metric("cli_list", "CLI `list`, whole process"),
    Metric("cli_search", f"CLI `search {COMMON_WORD}`, whole process", 1.0, "≤ 1.0 s"),
    Metric("cli_first", "CLI `list`, first run of the day (takes the daily backup)"),
    *(Metric(*row) for row in insight_timings.METRICS),
)


@dataclass(slots=True)
class Result:
    """Timings (seconds) and facts for one journal."""

    label: str
    days: int
    samples: dict[str, list[float]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)

    def median(self, key: str) -> float | None:
        values = self.samples.get(key)
        return statistics.median(values) if values else None


@dataclass(frozen=True, slots=True)
class Plan:
    """How much work a run does."""

    journals: tuple[tuple[str, int], ...]
    runs: int  # fast operations
    slow_runs: int  # anything with a full Argon2id
    export_runs: int


FULL = Plan((("1-year", 365), ("10-year", 3650)), runs=20, slow_runs=7, export_runs=3)
QUICK = Plan((("1-year", 365), ("2-year", 730)), runs=5, slow_runs=3, export_runs=1)


def timed(action: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


# ---------------------------------------------------------------- machine


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    for line in lines:
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_average() -> str:
    """1, 5 and 15-minute load: above the core count, other programs competed with the run."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def machine() -> dict[str, str]:
    probe = dbapi2.connect(":memory:")
    try:
        cipher = probe.execute("PRAGMA cipher_version").fetchone()[0]
        sqlite = probe.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        probe.close()
    return {
        "CPU": cpu_model(),
        "Cores": str(os.cpu_count()),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "SQLCipher": f"{cipher} (SQLite {sqlite})",
        "Load average at start": load_average(),
    }


# ---------------------------------------------------------------- one journal


def build(folder: Path, days: int, result: Result) -> Path:
    """The journal of ``days`` days in ``folder`` (bench/century.py; reused when kept)."""
    years = max(1, round(days / century.DAYS_PER_YEAR))
    start = time.perf_counter()
    path = century.build_journal(folder, years, days=days)
    made = century.facts(path)
    result.samples["build"] = [made.get("build_seconds", time.perf_counter() - start)]
    result.facts["entries"] = made["entries"]
    result.facts["records"] = made["records"]
    result.facts["size_mb"] = path.stat().st_size / 1_000_000
    return path


def kdf_alone(path: Path) -> Callable[[], object]:
    slot = keys.read_envelope(keys_path(path)).slot(keys.SLOT_PASSPHRASE)
    salt = base64.b64decode(slot.kdf["salt"])

    def run() -> bytes:
        return Argon2id(
            salt=salt,
            length=keys.KEY_BYTES,
            iterations=slot.kdf["iterations"],
            lanes=slot.kdf["lanes"],
            memory_cost=slot.kdf["memory_kib"],
        ).derive(PASSPHRASE.encode())

    return run


@contextmanager
def kdf_stopwatch(spent: list[float]) -> Iterator[None]:
    """Time the passphrase KDF + unwrap inside ``open_journal`` (the vault calls it by module)."""
    original = keys.unlock_with_passphrase

    def timed_unlock(*args: Any, **kwargs: Any) -> keys.UnlockedKeys:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    keys.unlock_with_passphrase = timed_unlock
    try:
        yield
    finally:
        keys.unlock_with_passphrase = original


def measure_unlock(path: Path, plan: Plan, result: Result) -> None:
    result.samples["kdf"] = timed(kdf_alone(path), plan.slow_runs)
    unlock: list[float] = []
    first: list[float] = []
    in_kdf: list[float] = []
    for _ in range(plan.slow_runs):
        with kdf_stopwatch(in_kdf):
            start = time.perf_counter()
            session = open_journal(path, PASSPHRASE, KeySettings(), NO_BACKUP)
            unlock.append(time.perf_counter() - start)
        try:
            start = time.perf_counter()
            session.entries.latest(20)
            first.append(time.perf_counter() - start)
        finally:
            session.lock()
    result.samples["unlock"], result.samples["latest_first"] = unlock, first
    result.samples["open_only"] = [u - k for u, k in zip(unlock, in_kdf, strict=True)]


def measure_in_process(path: Path, folder: Path, plan: Plan, result: Result) -> None:
    session = open_journal(path, PASSPHRASE, KeySettings(), NO_BACKUP)
    try:
        result.samples["latest"] = timed(lambda: session.entries.latest(20), plan.runs)
        for key, word in (
            ("search_common", COMMON_WORD),
            ("search_medium", MEDIUM_WORD),
            ("search_rare", RARE_WORD),
        ):
            result.facts[f"{key}_hits"] = len(session.entries.search(word, limit=1_000_000))
            result.samples[key] = timed(partial(session.entries.search, word), plan.runs)
        page = partial(session.entries.search, COMMON_WORD, limit=50)
        result.samples["search_50"] = timed(page, plan.runs)
        result.samples["add"] = timed(lambda: add_one(session), plan.runs)
        target = folder / "export.json"
        result.samples["export"] = timed(lambda: export_json(session, target), plan.export_runs)
        result.facts["export_mb"] = target.stat().st_size / 1_000_000
        interop_timings.measure(session, folder, plan.export_runs, timed, result.samples)
        insight_timings.measure(session, plan.runs, result.samples)
        measure_report(session, result.days, plan, result)
    finally:
        session.lock()


def measure_report(session: JournalSession, days: int, plan: Plan, result: Result) -> None:
    """The therapist summary as the app's Save PDF… builds it (charts, the full preset)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from recovery_journal.domain.report import Preset, ReportOptions
    from recovery_journal.report.summary import summary_document
    from recovery_journal.services.report import gather, last_days

    _qt.append(QGuiApplication.instance() or QGuiApplication([]))  # kept for the whole run
    today = local_today()
    for key, span in (("report_month", 30), ("report_all", days)):
        options = ReportOptions(last_days(today, span), Preset.FULL)
        build = partial(lambda o: summary_document(gather(session, o, today)).pdf(), options)
        result.samples[key] = timed(build, plan.export_runs)


_qt: list[object] = []


def add_one(session: JournalSession) -> None:
    session.entries.add(
        Entry(
            local_date=local_today(),
            title="Benchmark",
            body="A short entry written by the benchmark: slept fine, walked, felt steady.",
            check_in=CheckIn(mood=6),
            tags=("bench",),
        )
    )


def cli(path: Path | None, *args: str) -> Callable[[], object]:
    env = dict(os.environ, RECOVERY_JOURNAL_PASSPHRASE=PASSPHRASE)
    env.pop("RECOVERY_JOURNAL_KDF_PROFILE", None)
    command = [sys.executable, "-m", "recovery_journal"]
    command += ["--journal", str(path), *args] if path else list(args)

    def run() -> None:
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.decode(errors='replace')}")

    return run


def measure_cli(path: Path, plan: Plan, result: Result) -> None:
    result.samples["cli_floor"] = timed(cli(None, "--version"), plan.slow_runs)
    result.samples["cli_first"] = timed(cli(path, "list"), 1)  # the day's automatic backup
    result.samples["cli_list"] = timed(cli(path, "list"), plan.slow_runs)
    result.samples["cli_search"] = timed(cli(path, "search", COMMON_WORD), plan.slow_runs)
    result.samples["cli_insights"] = timed(cli(path, "insights", "--json"), plan.slow_runs)


def bench_journal(label: str, days: int, plan: Plan, work: Path) -> Result:
    folder = work / label
    folder.mkdir(parents=True, exist_ok=True)
    result = Result(label, days)
    print(f"[{label}] building a {days}-day demo journal…", file=sys.stderr, flush=True)
    path = build(folder, days, result)
    print(f"[{label}] unlocking ({plan.slow_runs}×)…", file=sys.stderr, flush=True)
    measure_unlock(path, plan, result)
    print(f"[{label}] queries, add, export…", file=sys.stderr, flush=True)
    measure_in_process(path, folder, plan, result)
    print(f"[{label}] command line ({plan.slow_runs}× each)…", file=sys.stderr, flush=True)
    measure_cli(path, plan, result)
    return result


# ---------------------------------------------------------------- report


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 0.1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def verdict(metric: Metric, value: float | None) -> str:
    if metric.target is None or value is None:
        return metric.target_text
    return f"{metric.target_text} — {'met' if value <= metric.target else '**missed**'}"


def results_markdown(results: list[Result], plan: Plan, info: dict[str, str]) -> str:
    names = [r.label for r in results]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `python bench/run.py"
        f"{' --quick' if plan is QUICK else ''}`; medians of {plan.runs} runs "
        f"({plan.slow_runs} for anything with a full Argon2id, {plan.export_runs} for export).",
        "",
        *(f"- **{k}:** {v}" for k, v in info.items()),
        "",
        f"| Metric | {' | '.join(names)} | Target ({names[-1]}) |",
        f"|---|{'---:|' * len(names)}---|",
        fact_row("Entries (incl. 2 in the trash)", results, "entries", "{:,}"),
        fact_row("All records", results, "records", "{:,}"),
        fact_row("Journal file size", results, "size_mb", "{:.1f} MB"),
        fact_row("JSON export size", results, "export_mb", "{:.1f} MB"),
    ]
    for metric in METRICS:
        cells = " | ".join(fmt(r.median(metric.key)) for r in results)
        lines.append(
            f"| {metric.label} | {cells} | {verdict(metric, results[-1].median(metric.key))} |"
        )
    lines += ["", "Spread (fastest – slowest run):", ""]
    lines += [f"| Metric | {' | '.join(names)} |", f"|---|{'---:|' * len(names)}"]
    for metric in METRICS:
        cells = " | ".join(spread(r.samples.get(metric.key, [])) for r in results)
        lines.append(f"| {metric.label} | {cells} |")
    hits = "; ".join(
        f"{r.label}: “{COMMON_WORD}” {r.facts['search_common_hits']:,} entries, "
        f"“{MEDIUM_WORD}” {r.facts['search_medium_hits']:,}, "
        f"“{RARE_WORD}” {r.facts['search_rare_hits']:,}"
        for r in results
    )
    lines += [
        "",
        f"Search matches (a search returns the newest {SEARCH_PAGE} with their snippets; the app "
        f"fetches {SEARCH_PAGE} more as you scroll): {hits}.",
    ]
    return "\n".join(lines)


def fact_row(label: str, results: list[Result], key: str, template: str) -> str:
    return f"| {label} | {' | '.join(template.format(r.facts[key]) for r in results)} | |"


def spread(values: list[float]) -> str:
    if not values:
        return "—"
    return f"{fmt(min(values))} – {fmt(max(values))}"


def write_doc(section: str) -> None:
    block = f"{START_MARK}\n{section}\n{END_MARK}"
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n\n## Results\n\n"
    pattern = re.compile(re.escape(START_MARK) + ".*?" + re.escape(END_MARK), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller journals, fewer runs")
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument("--keep", metavar="DIR", help="build the journals in DIR and keep them")
    parser.add_argument("--years", metavar="N,N", help="journals of N years each, e.g. 1,10,100")
    parser.add_argument("--scaling", action="store_true", help="only bench/scaling.py's rows")
    parser.add_argument("--upkeep", action="store_true", help="also bench/upkeep_timings.py")
    args = parser.parse_args(argv)
    if args.scaling:
        forward = [
            "--years",
            args.years or "1,10,100",
            "--keep",
            args.keep or tempfile.mkdtemp(prefix="rj-scaling-"),
        ]
        return scaling.main(forward + (["--write"] if args.write else []))
    plan = QUICK if args.quick else FULL
    if args.years:
        years = [int(y) for y in args.years.split(",")]
        plan = dataclasses.replace(
            plan, journals=tuple((f"{y}-year", y * century.DAYS_PER_YEAR) for y in years)
        )
    info = machine()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rj-bench-"))
    try:
        results = [bench_journal(label, days, plan, work) for label, days in plan.journals]
        if args.upkeep:  # issue 14's rows (unlock, Journal list, CLI) on the same journals
            import upkeep_timings

            spans = {
                label: max(1, round(days / century.DAYS_PER_YEAR)) for label, days in plan.journals
            }
            paths = {y: century.journal_path(work / label, y) for label, y in spans.items()}
            upkeep_timings.measure(paths, plan.slow_runs, args.write)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    info["Load average at the end"] = load_average()
    section = results_markdown(results, plan, info)
    print(section)
    if args.write:
        write_doc(section)
        print(f"\nWrote the results to {DOC.relative_to(ROOT)}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
