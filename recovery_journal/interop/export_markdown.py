"""The Markdown export: the journal as readable text, one file or one file per year (pure).

Entries not in the trash, oldest first, grouped by year and day: a heading with the day, the
time and the title, a line with the check-in (mood, anxiety, energy, sleep, emotions, tags, star),
then the text exactly as written (it is Markdown already). docs/EXPORT-FORMAT.md shows an example.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any

TITLE = "# Recovery Journal"


def _check_in(entry: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for key, label, scale in (
        ("mood", "Mood", "/10"),
        ("anxiety", "Anxiety", "/10"),
        ("energy", "Energy", "/10"),
        ("sleep_hours", "Sleep", " h"),
        ("sleep_quality", "Sleep quality", "/5"),
    ):
        if entry.get(key) is not None:
            parts.append(f"{label} {entry[key]:g}{scale}")
    source = entry.get("source") or {}
    if entry.get("mood") is None and source.get("mood_label"):
        parts.append(f"Mood word “{source['mood_label']}”")
    emotions = entry.get("emotions") or ()
    if emotions:
        parts.append(", ".join(f"{e['name']} {e['intensity']}/10" for e in emotions))
    if entry.get("tags"):
        parts.append(" ".join(f"#{t}" for t in entry["tags"]))
    if entry.get("starred"):
        parts.append("★ starred")
    if entry.get("bring_to_therapy"):
        parts.append("bring to therapy")
    return " · ".join(parts)


def _entry(entry: Mapping[str, Any]) -> str:
    heading = "### " + " ".join(
        x for x in (entry.get("local_time"), entry.get("title", "").strip()) if x
    )
    lines = [heading.rstrip() if heading != "### " else "### (untitled)"]
    check_in = _check_in(entry)
    if check_in:
        lines += ["", f"*{check_in}*"]
    body = entry.get("body", "").strip("\n")
    if body:
        lines += ["", body]
    return "\n".join(lines) + "\n"


def _live(entries: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [e for e in entries if not e.get("deleted_utc")]


def _year_text(entries: list[Mapping[str, Any]], *, title: str) -> str:
    parts = [title, ""]
    for day, of_day in groupby(entries, key=lambda e: str(e["local_date"])):
        parts += [f"## {day}", ""]
        parts += [_entry(e) for e in of_day]
    return "\n".join(parts).rstrip("\n") + "\n"


def markdown_file(entries: Iterable[Mapping[str, Any]]) -> bytes:
    """Every entry not in the trash in one Markdown document (UTF-8)."""
    live = _live(entries)
    parts = [TITLE, ""]
    for year, of_year in groupby(live, key=lambda e: str(e["local_date"])[:4]):
        parts.append(_year_text(list(of_year), title=f"# {year}"))
    return "\n".join(parts).encode("utf-8")


def markdown_years(entries: Iterable[Mapping[str, Any]]) -> dict[str, bytes]:
    """One Markdown document per year: ``{"2024.md": …}``."""
    live = _live(entries)
    return {
        f"{year}.md": _year_text(list(of_year), title=f"# {year}").encode("utf-8")
        for year, of_year in groupby(live, key=lambda e: str(e["local_date"])[:4])
    }
