"""Benchmark journals of 1, 10 or 100 years, built quickly through the services and kept for reuse.

    python bench/century.py --years 1,10,100 --keep DIR    build (or find) them in DIR

``build_journal(folder, years)`` returns ``folder/<years>y/bench.rjournal`` (with its ``.keys``
file), made with the invented demo data (:func:`recovery_journal.demo.fill_demo_journal`: the
entries in one transaction per year, every other kind of record in one per kind, each written with
one executemany per table) and the real default key-derivation settings. A journal already in that
folder is reused as it is (``rebuild=True`` makes a new one), so a 100-year journal — about 35,000
entries and 40,000 other records — need only be built once. ``build.json`` beside it says how many
records it holds and how long it took.

Everything in these journals is invented; the passphrase is :data:`PASSPHRASE`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.clock import local_today
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, KeySettings, create_journal

PASSPHRASE = "benchmark: four calm words, invented"
NO_BACKUP = BackupSettings(daily=False)
DAYS_PER_YEAR = 365
FACTS = "build.json"


def journal_path(folder: Path, years: int) -> Path:
    """Where the ``years``-year journal lives (or will live) in ``folder``."""
    return folder / f"{years}y" / "bench.rjournal"


def facts(path: Path) -> dict[str, Any]:
    """What :func:`build_journal` recorded about the journal at ``path`` (counts, build time)."""
    record = path.parent / FACTS
    return dict(json.loads(record.read_text(encoding="utf-8"))) if record.exists() else {}


def build_journal(
    folder: Path,
    years: int,
    *,
    rebuild: bool = False,
    days: int | None = None,
    settings: KeySettings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """The path of a ``years``-year demo journal in ``folder``, built unless already there.

    ``days`` overrides ``years * 365`` (e.g. a smoke run); ``settings`` the key derivation (the
    real defaults unless given)."""
    path = journal_path(folder, years)
    built = path.exists() and keys_path(path).exists() and (path.parent / FACTS).exists()
    if built and not rebuild:
        return path
    if path.parent.exists():
        shutil.rmtree(path.parent)
    path.parent.mkdir(parents=True)
    wanted = days if days is not None else years * DAYS_PER_YEAR
    start = time.perf_counter()
    session, _code = create_journal(path, PASSPHRASE, settings or KeySettings(), NO_BACKUP)
    try:
        counts = fill_demo_journal(
            session, days=wanted, seed=7, end=local_today(), progress=progress
        )
    finally:
        session.lock()
    record = {
        "days": wanted,
        "built": local_today().isoformat(),
        "build_seconds": round(time.perf_counter() - start, 2),
        "entries": counts["entries"],
        "records": sum(v for k, v in counts.items() if k not in ("edited", "trashed")),
        "counts": counts,
    }
    (path.parent / FACTS).write_text(json.dumps(record, indent=2), encoding="utf-8")
    return path


def _report(years: int) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        print(f"\r[{years}-year] {done}/{total} batches", end="", file=sys.stderr, flush=True)

    return show


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", default="1,10,100", help="comma-separated, e.g. 1,10,100")
    parser.add_argument("--keep", metavar="DIR", required=True, help="where the journals live")
    parser.add_argument("--rebuild", action="store_true", help="build anew even if present")
    args = parser.parse_args(argv)
    for years in (int(y) for y in args.years.split(",")):
        path = build_journal(Path(args.keep), years, rebuild=args.rebuild, progress=_report(years))
        made = facts(path)
        print(
            f"\n{path}: {made.get('entries', '?')} entries, {made.get('records', '?')} records, "
            f"{path.stat().st_size / 1e6:.1f} MB, built in {made.get('build_seconds', '?')} s",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
