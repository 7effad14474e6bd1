"""Issue 14 items 1, 2 and 7 at 1, 10 and 100 years: common-word search, file size, JSON export.

    python bench/scaling.py --years 1,10,100 --keep DIR [--write]
    python bench/run.py --scaling --years 1,10,100 --keep DIR [--write]     (the same)

Uses the journals of bench/century.py (built once, kept in DIR): the demo journals (every kind of
record) and, for the file size, "heavy writer" journals (one long entry a day, nothing else — the
shape of the issue's 36,500-entry measurement). Times are medians of several runs, wall clock and
this process's CPU time side by side (on a shared machine the wall clock also counts waiting for
a core). The exponent k in time ∝ entries^k is taken between the two largest journals: 1 means
linear, 0 means it does not grow. ``--write`` replaces the scaling section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import century

from recovery_journal.demo import RARE_WORD
from recovery_journal.services.access import KeySettings, open_journal
from recovery_journal.services.export import export_json
from recovery_journal.services.session import JournalSession

DOC = Path(__file__).resolve().parent.parent / "docs" / "BENCHMARKS.md"
START_MARK = "<!-- scaling-results:start -->"
END_MARK = "<!-- scaling-results:end -->"
WORDS = (("common", "sleep"), ("medium", "craving"), ("rare", RARE_WORD))
RUNS = 15
EXPORT_RUNS = 3


@dataclass(slots=True)
class Row:
    """One journal's numbers: times as (wall, cpu) medians in seconds, sizes in MB."""

    label: str
    entries: int
    times: dict[str, tuple[float, float]] = field(default_factory=dict)
    facts: dict[str, float] = field(default_factory=dict)


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _open(path: Path) -> JournalSession:
    # Without the check of every page an unlock starts in the background: its thread's CPU
    # (~0.2 s at 100 years) would be counted in the first searches' process time.
    return open_journal(
        path, century.PASSPHRASE, KeySettings(), century.NO_BACKUP, upkeep_later=True
    )


def text_mb(session: JournalSession) -> float:
    """Titles and bodies, UTF-8 (what the person wrote)."""
    with session.reading() as conn:
        row = conn.execute("SELECT sum(length(CAST(title || body AS BLOB))) FROM entries")
        return float(row.fetchone()[0] or 0) / 1e6


def measure_demo(path: Path, label: str, work: Path) -> Row:
    session = _open(path)  # an older journal is upgraded (and compacted) here, once
    try:
        row = Row(label, session.entries.count())
        for key, word in WORDS:
            search = partial(session.entries.search, word)
            search()  # warm, as a second search is
            row.times[f"search_{key}"] = timed(search, RUNS)
        target = work / f"export-{label}.json"
        row.times["export"] = timed(lambda: export_json(session, target), EXPORT_RUNS)
        tracemalloc.start()
        export_json(session, target)
        row.facts["export_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        row.facts["export_mb"] = target.stat().st_size / 1e6
        target.unlink()
        row.facts["text_mb"] = text_mb(session)
    finally:
        session.lock()
    row.facts["file_mb"] = path.stat().st_size / 1e6
    return row


def measure_heavy(path: Path, label: str) -> Row:
    session = _open(path)
    try:
        row = Row(label, session.entries.count())
        row.facts["text_mb"] = text_mb(session)
    finally:
        session.lock()
    row.facts["file_mb"] = path.stat().st_size / 1e6
    return row


def exponent(rows: list[Row], value: Callable[[Row], float]) -> str:
    if len(rows) < 2:
        return "—"
    small, large = rows[-2], rows[-1]
    a, b = value(small), value(large)
    if a <= 0 or b <= 0 or small.entries == large.entries:
        return "—"
    return f"{math.log(b / a) / math.log(large.entries / small.entries):.2f}"


def _time(key: str, which: int, row: Row) -> float:
    return row.times[key][which]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds:.2f} s"


def markdown(demo: list[Row], heavy: list[Row]) -> str:
    names = " | ".join(r.label for r in demo)
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `python bench/scaling.py`; wall clock / CPU "
        f"time of this process, medians of {RUNS} runs ({EXPORT_RUNS} for export).",
        "",
        f"| #14 | Metric | {names} | exponent (wall / CPU) | Target |",
        f"|---|---|{'---:|' * len(demo)}---|---|",
        f"| | Entries | {' | '.join(f'{r.entries:,}' for r in demo)} | | |",
    ]
    for key, word in WORDS:
        cells = " | ".join(
            f"{ms(r.times[f'search_{key}'][0])} / {ms(r.times[f'search_{key}'][1])}" for r in demo
        )
        wall = exponent(demo, partial(_time, f"search_{key}", 0))
        cpu = exponent(demo, partial(_time, f"search_{key}", 1))
        target = "≤ 10 ms" if key == "common" else ""
        lines.append(
            f"| 1 | Search “{word}” ({key}), first page with snippets | {cells} | "
            f"{wall} / {cpu} | {target} |"
        )
    cells = " | ".join(f"{ms(r.times['export'][0])} / {ms(r.times['export'][1])}" for r in demo)
    wall = exponent(demo, partial(_time, "export", 0))
    cpu = exponent(demo, partial(_time, "export", 1))
    lines.append(f"| 7 | Export everything as JSON (streamed) | {cells} | {wall} / {cpu} | ≤ 3 s |")
    peak = " | ".join(f"{r.facts['export_peak_mb']:.1f} MB" for r in demo)
    lines.append(f"| 7 | … peak Python memory while exporting | {peak} | | |")
    size = " | ".join(f"{r.facts['export_mb']:.1f} MB" for r in demo)
    lines.append(f"| 7 | … size of the JSON file | {size} | | |")
    for title, rows in (("demo journal", demo), ("heavy writer", heavy)):
        if not rows:
            continue
        cells = " | ".join(
            f"{r.facts['file_mb']:.1f} MB / {r.facts['text_mb']:.1f} MB = "
            f"{r.facts['file_mb'] / r.facts['text_mb']:.2f}×"
            for r in rows
        )
        entries = ", ".join(f"{r.entries:,}" for r in rows)
        lines.append(
            f"| 2 | File / text, {title} ({entries} entries) | {cells} | | ≤ 2× the text |"
        )
    return "\n".join(lines)


def write_doc(section: str) -> None:
    block = f"{START_MARK}\n{section}\n{END_MARK}"
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START_MARK) + ".*?" + re.escape(END_MARK), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", default="1,10,100")
    parser.add_argument("--keep", metavar="DIR", required=True, help="where the journals live")
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument("--no-heavy", action="store_true", help="skip the heavy-writer journals")
    args = parser.parse_args(argv)
    folder = Path(args.keep)
    demo, heavy = [], []
    for years in (int(y) for y in args.years.split(",")):
        label = f"{years}-year"
        print(f"[{label}] demo journal…", file=sys.stderr, flush=True)
        demo.append(measure_demo(century.build_journal(folder, years), label, folder))
        if not args.no_heavy:
            print(f"[{label}] heavy-writer journal…", file=sys.stderr, flush=True)
            path = century.build_journal(folder, years, heavy=True)
            heavy.append(measure_heavy(path, label))
    section = markdown(demo, heavy)
    print(section)
    if args.write:
        write_doc(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
