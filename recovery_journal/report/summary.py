"""The therapist summary as pages: page 1 (the brief), up to two pages more, the excerpts.

:func:`summary_document` lays out the report model with the shared engine; the brief is always
exactly one page (its text is made smaller until it fits, and its lists are capped), the pages
after it at most two. Everything the person typed is escaped; entry text appears only as the
excerpts the model carries. Greyscale-safe: black text, grey rules, no colour carries meaning.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QTextDocument

from recovery_journal.domain.insight_text import TOP_TRIGGER_COLUMNS
from recovery_journal.domain.report import (
    LOW_MOOD,
    Dated,
    KeyNumbers,
    Preset,
    Section,
    SummaryData,
)
from recovery_journal.domain.support import SafetyStep
from recovery_journal.report import words
from recovery_journal.report.engine import Frame, Paged, Part
from recovery_journal.report.figures import ReportFigure, report_figures, to_vector
from recovery_journal.report.safety_plan import STEP_TITLES
from recovery_journal.report.vector import placeholder

TITLE = "Summary for my therapist"
BRIEF_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
MORE_SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0)
MAX_FLAGGED = 6
MAX_DATED = 6
TABLE = (
    '<table width="100%" cellspacing="0" cellpadding="3" border="1" '
    'style="border-collapse: collapse; border-color: #999999;">'
)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str) -> str:
    return _e(text).replace("\n", "<br>")


def _dated_list(items: Sequence[Dated], limit: int = MAX_DATED) -> str:
    shown = [f"{words.day(i.day)}: {_e(i.text)}" for i in items[:limit]]
    if len(items) > limit:
        shown.append(f"and {len(items) - limit} more")
    return "; ".join(shown)


def _completeness(data: SummaryData) -> str:
    total, written = data.period.days, data.days_with_entry
    share = round(100 * written / total)
    return (
        f"<p><b>How complete this is:</b> I wrote on {written} of {total} days ({share} %). "
        "Days without an entry are simply missing, not counted as good or bad days.</p>"
    )


def _talk_about(data: SummaryData) -> str:
    items = [f"<li>{_e(t)}</li>" for t in data.options.talk_about if t.strip()]
    flagged = data.flagged
    for ref in flagged[:MAX_FLAGGED]:
        title = f": {_e(ref.title)}" if ref.title else ""
        items.append(f"<li>My entry of {words.day(ref.day)}{title} (flagged to bring)</li>")
    if len(flagged) > MAX_FLAGGED:
        items.append(f"<li>and {len(flagged) - MAX_FLAGGED} more flagged entries</li>")
    if not items:
        return "<h3>What I want to talk about</h3><p>Nothing noted this time.</p>"
    return "<h3>What I want to talk about</h3><ul>" + "".join(items) + "</ul>"


def _safety(data: SummaryData) -> str:
    s = data.safety
    crisis = _dated_list(s.crisis_signs) if s.crisis_signs else "none noted"
    days = [words.day(d) for d in s.safety_plan_opened[:MAX_DATED]]
    if len(s.safety_plan_opened) > MAX_DATED:
        days.append(f"and {len(s.safety_plan_opened) - MAX_DATED} more")
    opened = ", ".join(days) if days else "not opened"
    slips = _dated_list(s.slips) if s.slips else "none"
    return (
        "<h3>Safety</h3><ul>"
        f"<li><b>Crisis-stage warning signs:</b> {crisis}</li>"
        f"<li><b>Safety plan opened</b> (“I need help now”): {opened}</li>"
        f"<li><b>Slips:</b> {slips}</li></ul>"
    )


def _row(label: str, now: str, before: str, delta: str) -> str:
    return (
        f"<tr><td>{label}</td><td align='right'>{now}</td>"
        f"<td align='right'>{before}</td><td align='right'>{delta}</td></tr>"
    )


def _range(k: KeyNumbers) -> str:
    if k.mood.lowest is None:
        return "—"
    return f"{k.mood.lowest} to {k.mood.highest}"


def _numbers(data: SummaryData) -> str:
    now, before = data.current, data.previous
    prev = data.period.previous()
    rows = [
        _row(
            "Mood, average of daily averages",
            words.one_decimal(now.mood.mean),
            words.one_decimal(before.mood.mean),
            words.change(now.mood.mean, before.mood.mean),
        ),
        _row("Mood, lowest to highest rating", _range(now), _range(before), ""),
        _row(
            f"Low days (day's average {LOW_MOOD} or less)",
            str(now.mood.low_days),
            str(before.mood.low_days),
            words.change(now.mood.low_days, before.mood.low_days, decimals=0),
        ),
        _row(
            "Sleep, average hours a night",
            f"{words.one_decimal(now.sleep.mean_hours)} ({now.sleep.nights} nights)",
            f"{words.one_decimal(before.sleep.mean_hours)} ({before.sleep.nights} nights)",
            words.change(now.sleep.mean_hours, before.sleep.mean_hours),
        ),
        _row(
            "Trigger events",
            str(now.trigger_events),
            str(before.trigger_events),
            words.change(now.trigger_events, before.trigger_events, decimals=0),
        ),
    ]
    for stage_now, stage_before in zip(now.warning_days, before.warning_days, strict=True):
        rows.append(
            _row(
                f"Days with warning signs: {words.stage(stage_now.label).lower()}",
                str(stage_now.count),
                str(stage_before.count),
                words.change(stage_now.count, stage_before.count, decimals=0),
            )
        )
    rows.append(
        _row(
            "Coping strategies used",
            str(now.coping_uses),
            str(before.coping_uses),
            words.change(now.coping_uses, before.coping_uses, decimals=0),
        )
    )
    top = ", ".join(f"{words.category(c.label)} ({c.count})" for c in now.trigger_categories[:3])
    helped = "; ".join(
        f"{_e(h.name)} (distress down {h.average_drop:.1f} on average, n = {h.n})"
        for h in now.helped_most
    )
    return (
        "<h3>Key numbers</h3>"
        f"{TABLE}<tr><th align='left'>&nbsp;</th><th align='right'>This period</th>"
        f"<th align='right'>The {prev.days} days before</th><th align='right'>Change</th></tr>"
        + "".join(rows)
        + "</table>"
        f"<p><b>Most common kinds of trigger:</b> {top or 'none logged'}.<br>"
        f"<b>What helped most:</b> {helped or 'not enough rated uses yet (3 or more each)'}.</p>"
        f"<p><small>{words.MOOD_SCALE}. {words.DISTRESS_SCALE}. "
        f"“The {prev.days} days before”: {words.period(prev.start, prev.end)}.</small></p>"
    )


def page_one(data: SummaryData) -> str:
    o = data.options
    name = f" — {_e(o.display_name)}" if o.display_name.strip() else ""
    when = words.period(data.period.start, data.period.end)
    parts = [f"<h2>{TITLE}{name}</h2>", f"<p>{when} ({words.days(data.period.days)})</p>"]
    builders = {
        Section.COMPLETENESS: _completeness,
        Section.TALK_ABOUT: _talk_about,
        Section.SAFETY: _safety,
        Section.NUMBERS: _numbers,
    }
    parts += [build(data) for section, build in builders.items() if o.shows(section)]
    return "\n".join(parts)


def _associations(data: SummaryData) -> str:
    head = "<h3>What seems to go with my mood</h3>"
    if not data.associations:
        return head + (
            "<p>Nothing stood out clearly enough in this period (a pattern is shown only when "
            "it holds after allowing for how many were compared).</p>"
        )
    items = [f"<li>{_e(words.association(a))}</li>" for a in data.associations]
    return (
        head + "<ul>" + "".join(items) + "</ul>"
        "<p><small>An association, not a cause: patterns in my own notes, shown only when they "
        "stand out after allowing for how many were compared (n = days).</small></p>"
    )


def _reached(data: SummaryData) -> str:
    if not data.milestones and not data.goals_reached:
        return "<h3>Milestones and goals</h3><p>None in this period.</p>"
    text = "<h3>Milestones and goals</h3><ul>"
    text += "".join(f"<li>{words.day(m.day)}: {_e(m.text)}</li>" for m in data.milestones[:10])
    text += "".join(
        f"<li>{words.day(g.day)}: goal reached — {_e(g.text)}</li>" for g in data.goals_reached[:10]
    )
    return text + "</ul>"


def _safety_plan(data: SummaryData) -> str:
    parts = ["<h3>My current safety plan</h3>"]
    for code, lines in data.safety_plan:
        title = STEP_TITLES.get(SafetyStep(code), code)
        parts.append(f"<p><b>{_e(title)}:</b> " + "; ".join(_e(x) for x in lines) + "</p>")
    if len(parts) == 1:
        parts.append("<p>My safety plan is empty.</p>")
    return "".join(parts)


def _charts(charts: Sequence[ReportFigure]) -> list[str]:
    """Each chart with its title and sentence; the third drawn one starts page 3, so no chart is
    parted from its title (two charts fill a page)."""
    parts, drawn = [], 0
    for chart in charts:
        drawing = ""
        if chart.figure is not None:
            drawing = f"<p>{placeholder(drawn)}</p>"
            drawn += 1
        brk = ' style="page-break-before: always"' if drawing and drawn == 3 else ""
        table = _rows_table(chart.rows)
        parts.append(f"<h3{brk}>{_e(chart.title)}</h3>{drawing}<p>{_e(chart.summary)}</p>{table}")
    return parts


def _rows_table(rows: Sequence[Sequence[str]]) -> str:
    """The most frequent triggers under their chart, as text (numbers right-aligned)."""
    if not rows:
        return ""
    right = (1, 2)
    head = "".join(
        f"<th align='{'right' if i in right else 'left'}'>{_e(c)}</th>"
        for i, c in enumerate(TOP_TRIGGER_COLUMNS)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td align='{'right' if i in right else 'left'}'>{_e(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<p><b>Most frequent triggers</b></p>{TABLE}<tr>{head}</tr>{body}</table>"


def more_pages(data: SummaryData, charts: Sequence[ReportFigure]) -> str:
    """The pages after the brief (``charts``: from :func:`report_figures`, in order)."""
    o = data.options
    parts: list[str] = []
    if o.shows(Section.CHARTS):
        parts += _charts(charts)
    if o.shows(Section.ASSOCIATIONS):
        parts.append(_associations(data))
    if o.shows(Section.REACHED):
        parts.append(_reached(data))
    if o.shows(Section.SAFETY_PLAN):
        parts.append(_safety_plan(data))
    return "\n".join(p for p in parts if p)


def markdown_html(body: str) -> str:
    """An entry's Markdown as HTML for the page (raw HTML in it is shown as text, not obeyed)."""
    document = QTextDocument()
    features = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | (
        QTextDocument.MarkdownFeature.MarkdownNoHTML
    )
    document.setMarkdown(body, features)
    text = document.toHtml()
    start, end = text.find("<body"), text.rfind("</body>")
    if start < 0 or end < 0:
        return f"<p>{_lines(body)}</p>"
    return text[text.index(">", start) + 1 : end]


def excerpts(data: SummaryData) -> str:
    parts = ["<h3>Entries I chose to share</h3>"]
    for x in data.excerpts:
        mood = f" · mood {x.mood}" if x.mood is not None else ""
        title = f" — {_e(x.title)}" if x.title else ""
        parts.append(f"<p><b>{words.day(x.day)}{title}</b>{mood}</p>{markdown_html(x.body)}")
    return "\n".join(parts)


def frame(data: SummaryData) -> Frame:
    name = data.options.display_name.strip()
    return Frame(
        top_left=f"{TITLE}" + (f" · {name}" if name else ""),
        top_right=words.period(data.period.start, data.period.end),
        bottom_left=f"{words.DISCLAIMER} · generated {words.day(data.generated)}",
    )


def summary_document(data: SummaryData) -> Paged:
    """The whole summary laid out on A4 pages."""
    parts = [Part(page_one(data), max_pages=1, font_sizes=BRIEF_SIZES, zoom_to_fit=True)]
    if data.options.preset is Preset.FULL:
        charts = report_figures(data) if data.options.shows(Section.CHARTS) else []
        more = more_pages(data, charts)
        if more:
            vectors = [to_vector(c.figure) for c in charts if c.figure is not None]
            parts.append(Part(more, max_pages=2, font_sizes=MORE_SIZES, figures=vectors))
    if data.excerpts:
        parts.append(Part(excerpts(data)))
    return Paged(parts, frame(data), title=TITLE)
