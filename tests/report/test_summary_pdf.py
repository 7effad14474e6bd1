"""The therapist summary, parsed back from real PDFs: what it says, what it leaves out, its pages.

The numbers are computed here independently, from the journal's own JSON export, and looked for in
the text of the PDF (pypdf).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from recovery_journal.domain.report import (
    ExcerptMode,
    Period,
    Preset,
    ReportOptions,
    Section,
)
from recovery_journal.report import words
from recovery_journal.report.summary import summary_document
from recovery_journal.services import report as report_service
from recovery_journal.services.session import JournalSession
from tests.report.conftest import END, PRIVATE, SHARED, pdf_pages

JUNE = Period(date(2025, 6, 1), END)


@dataclass
class Expected:
    written_days: int
    mood_mean: float | None
    lowest: int | None
    highest: int | None
    low_days: int
    sleep_mean: float | None
    sleep_nights: int
    trigger_events: int
    coping_uses: int
    stage_days: dict[str, int]


def _day(record: dict[str, Any]) -> date:
    return date.fromisoformat(record["local_date"])


def expected(doc: dict[str, Any], period: Period) -> Expected:
    """The key numbers, from the export alone."""
    moods: dict[date, list[int]] = defaultdict(list)
    sleep: dict[date, list[float]] = defaultdict(list)
    written = set()
    for entry in doc["entries"]:
        if entry["deleted_utc"] is not None or _day(entry) not in period:
            continue
        written.add(_day(entry))
        if entry["mood"] is not None:
            moods[_day(entry)].append(entry["mood"])
        if entry["sleep_hours"] is not None:
            sleep[_day(entry)].append(entry["sleep_hours"])
    daily = [statistics.fmean(v) for v in moods.values()]
    stage_of = {s["id"]: s["stage"] for s in doc["warning_signs"]}
    stage_days: dict[str, set[date]] = defaultdict(set)
    for seen in doc["warning_sign_observations"]:
        if _day(seen) in period:
            stage_days[stage_of[seen["sign_id"]]].add(_day(seen))
    every = [m for v in moods.values() for m in v]
    return Expected(
        written_days=len(written),
        mood_mean=statistics.fmean(daily) if daily else None,
        lowest=min(every) if every else None,
        highest=max(every) if every else None,
        low_days=sum(m <= 3 for m in daily),
        sleep_mean=statistics.fmean(statistics.fmean(v) for v in sleep.values()) if sleep else None,
        sleep_nights=len(sleep),
        trigger_events=sum(_day(e) in period for e in doc["trigger_events"]),
        coping_uses=sum(_day(u) in period for u in doc["coping_uses"]),
        stage_days={k: len(v) for k, v in stage_days.items()},
    )


def render(session: JournalSession, options: ReportOptions, today: date = END) -> tuple[bytes, int]:
    document = summary_document(report_service.gather(session, options, today))
    return document.pdf(), document.page_count


def test_brief_is_one_page_with_the_disclaimer_period_and_the_numbers(
    qtbot: QtBot, demo: JournalSession, exported: dict[str, Any]
) -> None:
    data, pages = render(demo, ReportOptions(JUNE, Preset.BRIEF, display_name="Sam"))
    [text] = pdf_pages(data)
    assert pages == 1
    assert words.DISCLAIMER in text
    assert "1 – 30 June 2025" in text and "Sam" in text and "Page 1 of 1" in text
    now, before = expected(exported, JUNE), expected(exported, JUNE.previous())
    assert f"I wrote on {now.written_days} of 30 days" in text
    assert now.mood_mean is not None and before.mood_mean is not None
    assert f"Mood, average of daily averages {now.mood_mean:.1f} {before.mood_mean:.1f}" in text
    assert f"rating {now.lowest} to {now.highest} {before.lowest} to {before.highest}" in text
    assert f"or less) {now.low_days} {before.low_days}" in text
    assert now.sleep_mean is not None
    assert f"a night {now.sleep_mean:.1f} ({now.sleep_nights} nights)" in text
    assert f"Trigger events {now.trigger_events} {before.trigger_events}" in text
    assert f"Coping strategies used {now.coping_uses} {before.coping_uses}" in text
    crisis_days = now.stage_days.get("crisis", 0)
    assert f"warning signs: crisis {crisis_days} " in text
    assert "Most common kinds of trigger:" in text and "What helped most:" in text
    assert words.MOOD_SCALE in text


def test_brief_stays_one_page_over_a_long_period(qtbot: QtBot, demo: JournalSession) -> None:
    long = Period(date(2025, 3, 1), END)
    options = ReportOptions(long, Preset.BRIEF, talk_about=("Sleep", "Work", "My sister " * 20))
    assert render(demo, options)[1] == 1


def test_the_brief_is_one_page_even_when_everything_is_long(qtbot: QtBot) -> None:
    from recovery_journal.domain.report import EntryRef

    model = _longest_page_one()
    assert model.flagged and isinstance(model.flagged[0], EntryRef)
    document = summary_document(model)
    assert document.page_count == 1
    [text] = pdf_pages(document.pdf())
    assert words.DISCLAIMER in text and "more flagged entries" in text


def _longest_page_one() -> Any:
    """A model with the longest page 1 the app can produce (no journal needed)."""
    from recovery_journal.domain.report import (
        Counted,
        Dated,
        EntryRef,
        KeyNumbers,
        MoodNumbers,
        SafetyNumbers,
        SleepNumbers,
        StrategyHelp,
        SummaryData,
    )

    long = "a rather long line that someone wrote about something that matters " * 3
    numbers = KeyNumbers(
        MoodNumbers(30, 5.5, 0, 10, 9),
        SleepNumbers(30, 6.5),
        99,
        tuple(Counted(c, 9) for c in ("people", "places", "situations")),
        tuple(Counted(s, 9) for s in ("early", "breaking_down", "crisis")),
        99,
        tuple(StrategyHelp(long[:200], 9, 3.5) for _ in range(3)),
    )
    days = [date(2025, 6, d) for d in range(1, 31)]
    return SummaryData(
        options=ReportOptions(JUNE, talk_about=(long[:200],) * 3, display_name=long[:80]),
        generated=END,
        days_with_entry=30,
        current=numbers,
        previous=numbers,
        safety=SafetyNumbers(
            tuple(Dated(d, long[:120]) for d in days),
            tuple(days),
            tuple(Dated(d, long[:120]) for d in days),
        ),
        flagged=tuple(EntryRef(i, d, long[:200], True) for i, d in enumerate(days)),
        excerpts=(),
        milestones=(),
        goals_reached=(),
        associations=(),
    )


def test_flagged_entries_are_listed_and_no_entry_text_without_excerpts(
    qtbot: QtBot, demo: JournalSession
) -> None:
    data, _ = render(demo, ReportOptions(JUNE, Preset.FULL, excerpts=ExcerptMode.NONE))
    text = " ".join(pdf_pages(data))
    assert "My entry of 20 June 2025: For Thursday (flagged to bring)" in text
    assert SHARED not in text and PRIVATE not in text


def test_full_with_flagged_excerpts(qtbot: QtBot, demo: JournalSession) -> None:
    options = ReportOptions(JUNE, Preset.FULL, excerpts=ExcerptMode.FLAGGED)
    model = report_service.gather(demo, options, END)
    document = summary_document(model)
    pages = pdf_pages(document.pdf())
    assert document.pages_of_part(0) == 1 and document.pages_of_part(1) <= 2
    appendix = " ".join(pages[1 + document.pages_of_part(1) :])
    assert "Entries I chose to share" in appendix and SHARED in appendix
    assert PRIVATE not in " ".join(pages)
    assert all(x.flagged for x in model.excerpts) and model.excerpts
    assert all(words.DISCLAIMER in page for page in pages)
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert "Mood over time" in pages[1] and "What seems to go with my mood" in " ".join(pages)


def test_chosen_excerpts_are_exactly_the_ticked_entries(qtbot: QtBot, demo: JournalSession) -> None:
    refs = report_service.entries_to_choose(demo, JUNE)
    private = next(r for r in refs if r.title == "Mine")
    options = ReportOptions(
        JUNE, Preset.FULL, excerpts=ExcerptMode.CHOSEN, chosen_ids=frozenset({private.entry_id})
    )
    text = " ".join(pdf_pages(render(demo, options)[0]))
    assert PRIVATE in text and SHARED not in text


def test_chosen_ids_outside_the_period_are_never_read(qtbot: QtBot, demo: JournalSession) -> None:
    refs = report_service.entries_to_choose(demo, JUNE)
    ids = frozenset(r.entry_id for r in refs)
    may = Period(date(2025, 5, 1), date(2025, 5, 31))
    options = ReportOptions(may, Preset.FULL, excerpts=ExcerptMode.CHOSEN, chosen_ids=ids)
    assert report_service.gather(demo, options, END).excerpts == ()


def test_sections_switch_off(qtbot: QtBot, demo: JournalSession) -> None:
    sections = frozenset(Section) - {Section.NUMBERS, Section.CHARTS, Section.SAFETY}
    options = ReportOptions(JUNE, Preset.FULL, sections=sections)
    text = " ".join(pdf_pages(render(demo, options)[0]))
    assert "Key numbers" not in text and "Mood over time" not in text
    assert "Crisis-stage" not in text
    assert "How complete this is" in text and "Milestones and goals" in text


def test_safety_plan_section_is_optional(qtbot: QtBot, demo: JournalSession) -> None:
    without = " ".join(pdf_pages(render(demo, ReportOptions(JUNE, Preset.FULL))[0]))
    with_plan = ReportOptions(JUNE, Preset.FULL, sections=frozenset(Section))
    text = " ".join(pdf_pages(render(demo, with_plan)[0]))
    assert "My current safety plan" not in without
    assert "My current safety plan" in text and "My reasons for living" in text


def test_safety_summary_lists_crisis_signs_slips_and_plan_openings(
    qtbot: QtBot, demo: JournalSession, exported: dict[str, Any]
) -> None:
    report_service.note_safety_plan_opened(demo, date(2025, 6, 12))
    report_service.note_safety_plan_opened(demo, date(2025, 6, 12))  # once a day is enough
    model = report_service.gather(demo, ReportOptions(JUNE), END)
    assert model.safety.safety_plan_opened == (date(2025, 6, 12),)
    quarter = Period(date(2025, 3, 3), END)
    crisis_ids = {s["id"] for s in exported["warning_signs"] if s["stage"] == "crisis"}
    crisis = sorted(
        _day(o)
        for o in exported["warning_sign_observations"]
        if o["sign_id"] in crisis_ids and _day(o) in quarter
    )
    slips = sorted(_day(s) for s in exported["slips"] if _day(s) in quarter)
    wide = report_service.gather(demo, ReportOptions(quarter), END)
    assert [d.day for d in wide.safety.crisis_signs] == crisis
    assert [d.day for d in wide.safety.slips] == slips
    [text] = pdf_pages(render(demo, ReportOptions(quarter))[0])
    if slips:
        assert words.day(slips[0]) in text
    [june] = pdf_pages(render(demo, ReportOptions(JUNE))[0])
    assert "(“I need help now”): 12 June 2025" in june


def test_milestones_and_goals_in_the_period(
    qtbot: QtBot, demo: JournalSession, exported: dict[str, Any]
) -> None:
    reached = sorted(
        (_day(m), m["title"]) for m in exported["milestones"] if _day(m) in JUNE.previous()
    )
    model = report_service.gather(demo, ReportOptions(JUNE.previous(), Preset.FULL), END)
    assert [(m.day, m.text) for m in model.milestones] == reached
    everything = Period(date(2000, 1, 1), END)
    done = sorted(
        (date.fromisoformat(g["completed_utc"][:10]), g["title"])
        for g in exported["goals"]
        if g["completed_utc"]
    )
    assert done  # the demo completes some goals
    whole = report_service.gather(demo, ReportOptions(everything, Preset.FULL), END)
    assert [(g.day, g.text) for g in whole.goals_reached] == done
    text = " ".join(pdf_pages(summary_document(whole).pdf()))
    for day, title in done[:3]:
        assert f"{words.day(day)}: goal reached — {title}" in text


def test_change_against_the_previous_period(qtbot: QtBot, demo: JournalSession) -> None:
    model = report_service.gather(demo, ReportOptions(JUNE), END)
    assert (
        model.previous == report_service.gather(demo, ReportOptions(JUNE.previous()), END).current
    )
    now, before = model.current.mood.mean, model.previous.mood.mean
    assert now is not None and before is not None
    [text] = pdf_pages(render(demo, ReportOptions(JUNE))[0])
    assert words.change(now, before) in text


def test_an_empty_period_says_so_kindly(qtbot: QtBot, demo: JournalSession) -> None:
    empty = Period(date(2030, 1, 1), date(2030, 1, 7))
    data, pages = render(demo, ReportOptions(empty, Preset.FULL), today=date(2030, 1, 7))
    text = " ".join(pdf_pages(data))
    assert pages <= 3 and "I wrote on 0 of 7 days" in text
    assert "No mood ratings in this period." in text


def test_since_the_last_summary(qtbot: QtBot, demo: JournalSession) -> None:
    today = date(2025, 7, 20)
    report_service.remember_summary(demo, Period(date(2025, 6, 1), date(2025, 7, 3)))
    assert report_service.since_last_summary(demo, today) == Period(date(2025, 7, 4), today)


@pytest.mark.parametrize("days", [1, 7, 365])
def test_any_period_length_renders(qtbot: QtBot, demo: JournalSession, days: int) -> None:
    period = report_service.last_days(END, days)
    assert render(demo, ReportOptions(period, Preset.FULL))[1] <= 3


def test_pages_are_black_ink_on_white_whatever_the_theme(
    qtbot: QtBot, demo: JournalSession
) -> None:
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e6e3"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8e6e3"))
    app.setPalette(dark)
    try:
        document = summary_document(report_service.gather(demo, ReportOptions(JUNE), END))
        image = document.image(0, 600)
    finally:
        app.setPalette(before)
    darkest = min(
        QColor(image.pixel(x, y)).lightness()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height() // 3, 2)
    )
    assert darkest < 60  # real black text, not the dark theme's light grey


QUARTER = Period(date(2025, 4, 1), END)


def test_top_trigger_kinds_and_what_helped_most_match_the_export(
    qtbot: QtBot, demo: JournalSession, exported: dict[str, Any]
) -> None:
    kind_of = {t["id"]: t["category"] for t in exported["triggers"]}
    kinds: dict[str, int] = defaultdict(int)
    for event in exported["trigger_events"]:
        if _day(event) in QUARTER:
            kinds[kind_of[event["trigger_id"]]] += 1
    name_of = {s["id"]: s["name"] for s in exported["coping_strategies"]}
    drops: dict[int, list[int]] = defaultdict(list)
    for use in exported["coping_uses"]:
        rated = use["distress_before"] is not None and use["distress_after"] is not None
        if rated and _day(use) in QUARTER:
            drops[use["strategy_id"]].append(use["distress_before"] - use["distress_after"])
    ranked = sorted(
        ((statistics.fmean(d), len(d), name_of[s]) for s, d in drops.items() if len(d) >= 3),
        key=lambda r: (-r[0], -r[1]),
    )[:3]
    assert ranked and kinds  # the demo quarter has both, so the comparison means something
    model = report_service.gather(demo, ReportOptions(QUARTER), END)
    top = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    assert [(c.label, c.count) for c in model.current.trigger_categories] == top
    assert [(h.name, h.n) for h in model.current.helped_most] == [(r[2], r[1]) for r in ranked]
    [text] = pdf_pages(render(demo, ReportOptions(QUARTER))[0])
    label, count = top[0]
    assert f"Most common kinds of trigger: {words.category(label)} ({count})" in text
    for drop, n, _name in ranked:
        assert f"(distress down {drop:.1f} on average, n = {n})" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_every_page_renders_in_another_reader(
    qtbot: QtBot, demo: JournalSession, tmp_path: Path
) -> None:
    """poppler draws every page of a full summary with excerpts, without a complaint."""
    from PySide6.QtGui import QColor, QImage

    options = ReportOptions(JUNE, Preset.FULL, excerpts=ExcerptMode.FLAGGED)
    data, pages = render(demo, options)
    pdf = tmp_path / "full.pdf"
    pdf.write_bytes(data)
    done = subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stderr == ""
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    for path in images:
        image = QImage(str(path))
        inked = sum(
            QColor(image.pixel(x, y)).lightness() < 128
            for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)
        )
        assert inked > 20, path.name


def test_the_preview_pages_are_the_pages_that_are_written(
    qtbot: QtBot, demo: JournalSession
) -> None:
    """Save and Print lay the previewed model out again: page for page, pixel for pixel."""
    from PySide6.QtCore import QThreadPool

    from recovery_journal.report.preview import Preview, render_preview

    options = ReportOptions(JUNE, Preset.FULL, excerpts=ExcerptMode.FLAGGED)
    data = report_service.gather(demo, options, END)
    previews: list[Preview] = []
    pool = QThreadPool()  # built off the UI thread on a Qt worker, as the Export page's tasks do
    pool.start(lambda: previews.append(render_preview(data, 400)))
    assert pool.waitForDone(60_000)
    [preview] = previews
    written = summary_document(data)
    assert len(preview.pages) == written.page_count
    for index, image in enumerate(preview.pages):
        assert image == written.image(index, 400), f"page {index + 1}"
