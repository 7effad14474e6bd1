"""Where a bench journal's bytes go: pages, payload and unused space per table and index.

    python bench/file_bytes.py DIR/10y-heavy/bench.rjournal [more journals…]

SQLCipher as built here has no ``dbstat`` table, so the journal (an *invented* bench/century.py
journal: it opens with :data:`century.PASSPHRASE` only) is copied decrypted with
``sqlcipher_export`` into a private temporary folder in memory-backed ``/dev/shm`` where there is
one, measured there with the standard library's SQLite (which has ``dbstat``) and deleted. SQLCipher
keeps 80 bytes of each page for its IV and MAC; the ``sqlite3`` shell, where installed, gives the
copy the same 80 reserved bytes, so its pages hold what the encrypted file's hold (else each holds
80 bytes more, and the overflow pages of rows just under a page don't show) and the journal's
page size (8 KB, or 4 KB for a journal not yet converted). The copy is laid out
afresh (like ``VACUUM``), so the shares are what counts: the sizes are scaled to the real file's.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import century

from recovery_journal.services.access import KeySettings, open_journal

FTS_PREFIX = "entries_fts"
SQLCIPHER_RESERVE = 80  # bytes of each page: a 16-byte IV and a 64-byte HMAC-SHA512


def _copy_plain(journal: Path, target: Path) -> None:
    session = open_journal(journal, century.PASSPHRASE, KeySettings(), century.NO_BACKUP)
    try:
        with session.reading() as conn:
            size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
            conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
            conn.execute(f"PRAGMA plain.page_size = {size}")  # the journal's: 8 KB, or 4 KB
            conn.execute("SELECT sqlcipher_export('plain')").fetchall()
            conn.execute("COMMIT")  # the copy only; the journal was only read
    finally:
        session.lock()
    shell = shutil.which("sqlite3")
    if shell is not None:
        reserve = [shell, str(target), f".filectrl reserve_bytes {SQLCIPHER_RESERVE}", "VACUUM"]
        subprocess.run(reserve, check=True, capture_output=True)


def _owner(name: str, table_of: dict[str, str]) -> str:
    if name.startswith(FTS_PREFIX):
        return f"search index ({name})"
    table = table_of.get(name, name)
    return table if table == name else f"{table}: {name}"


def breakdown(journal: Path) -> list[tuple[str, int, int, int, int]]:
    """(name, pages, payload bytes, unused bytes, overflow pages) per table/index, largest
    first."""
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as folder:
        plain = Path(folder) / "plain.db"
        _copy_plain(journal, plain)
        conn = sqlite3.connect(plain)
        try:
            table_of = dict(conn.execute("SELECT name, tbl_name FROM sqlite_schema"))
            totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
            for name, pages, payload, unused, overflow in conn.execute(
                "SELECT name, count(*), sum(payload), sum(unused), sum(pagetype = 'overflow') "
                "FROM dbstat GROUP BY name"
            ):
                row = totals[_owner(name, table_of)]
                for i, value in enumerate((pages, payload, unused, overflow)):
                    row[i] += value
        finally:
            conn.close()
            plain.unlink()
    return sorted(((k, *(v[0], v[1], v[2], v[3])) for k, v in totals.items()), key=lambda r: -r[1])


def report(journal: Path) -> str:
    rows = breakdown(journal)
    file_mb = journal.stat().st_size / 1e6
    pages = sum(r[1] for r in rows)
    lines = [
        f"{journal}: {file_mb:.1f} MB",
        "| Table or index | Share of pages | ≈ MB of the file | payload MB | unused in its pages "
        "| overflow pages |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, n, payload, unused, overflow in rows:
        if n / pages < 0.002:
            continue
        lines.append(
            f"| {name} | {n / pages:.1%} | {file_mb * n / pages:.2f} | {payload / 1e6:.2f} | "
            f"{unused / max(1, payload + unused):.0%} | {overflow:,} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    for arg in argv:
        print(report(Path(arg)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
