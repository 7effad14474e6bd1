"""One plain sentence per chart, computed from the same series it draws; and the gentle
empty states. The sentence is the chart's caption and its accessible description, so it must
stand on its own: numbers with one decimal, no jargon, no judgement, no guilt for gaps.
"""

from __future__ import annotations

from collections import Counter

from recovery_journal.domain.insights import (
    CheckinSeries,
    CopingSeries,
    MoodSeries,
    Period,
    ProgressSeries,
    Reflection,
    TriggerSeries,
    WarningSeries,
)
from recovery_journal.domain.statistics import MIN_USES, Association

QUARTERS = ("at night", "in the morning", "in the afternoon", "in the evening")
STAGE_WORDS = {
    "early": "early",
    "breaking_down": "things-breaking-down",
    "crisis": "crisis",
}


def _n(value: float) -> str:
    return f"{value:.1f}"


def _days(period: Period) -> str:
    return "this day" if period.days == 1 else f"these {period.days} days"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def mood_sentence(data: MoodSeries) -> str:
    average = data.mean
    if average is None:
        return f"No moods recorded in {_days(data.period)} yet — the chart fills in as you write."
    text = f"Your mood averaged {_n(average)} over {_days(data.period)}"
    if data.previous_mean is not None:
        change = round(average, 1) - round(data.previous_mean, 1)
        same = f"the {data.period.days} days before" if data.period.days > 1 else "the day before"
        if abs(change) < 0.05:
            text += f", about the same as {same}"
        else:
            text += f", {_n(abs(change))} {'higher' if change > 0 else 'lower'} than {same}"
    return text + "."


def calendar_sentence(data: MoodSeries) -> str:
    if not data.days:
        return (
            f"No moods recorded in {_days(data.period)} yet; each day you note one fills a square."
        )
    best = max(data.days, key=lambda d: (d.mean, d.day))
    return (
        f"You noted a mood on {len(data.days)} of {_days(data.period)}; the brightest day "
        f"averaged {_n(best.mean)} ({best.day:%d %b %Y})."
    )


def triggers_sentence(data: TriggerSeries) -> str:
    if data.total == 0:
        return f"No triggers logged in {_days(data.period)}."
    text = (
        f"{data.total} trigger {'event' if data.total == 1 else 'events'} in {_days(data.period)}"
    )
    if data.top:
        text += f", most often “{data.top[0].name}” ({_times(data.top[0].count)})"
    by_quarter = [sum(row[q] for row in data.heat) for q in range(4)]
    if sum(by_quarter):
        text += f"; mostly {QUARTERS[by_quarter.index(max(by_quarter))]}"
    return text + "."


TOP_TRIGGER_COLUMNS = ("Trigger", "Times", "Mean intensity (0–10)", "Last seen")


def top_trigger_rows(data: TriggerSeries) -> list[tuple[str, str, str, str]]:
    """The most frequent triggers as a table's rows (:data:`TOP_TRIGGER_COLUMNS`), most
    frequent first: what the triggers chart draws in a file, shown as real text in the app
    and the therapist summary (selectable, read out by a screen reader)."""
    return [
        (t.name, str(t.count), _n(t.mean_intensity), f"{t.last_seen:%d %b %Y}") for t in data.top
    ]


def warning_signs_sentence(data: WarningSeries) -> str:
    if data.total == 0:
        return f"No warning signs noted in {_days(data.period)}."
    stages: Counter[str] = Counter()
    for sign in data.signs:
        stages[sign.stage] += sum(sign.counts)
    stage, _ = max(stages.items(), key=lambda kv: (kv[1], kv[0] == "early"))
    top = max(data.signs, key=lambda s: sum(s.counts))
    return (
        f"Warning signs were noted {_times(data.total)} in {_days(data.period)}, mostly "
        f"{STAGE_WORDS.get(stage, stage)} ones; “{top.name}” came up most."
    )


def coping_sentence(data: CopingSeries) -> str:
    if not data.drawn:
        if data.not_enough:
            return (
                f"No strategy has {MIN_USES} rated uses in {_days(data.period)} yet, so none "
                "is compared."
            )
        return f"No coping strategies with a before and after rating in {_days(data.period)}."
    best = data.drawn[0]
    assert best.mean_drop is not None
    if best.mean_drop <= 0:
        return (
            f"None of your strategies lowered distress on average in {_days(data.period)}; "
            "hard stretches happen, and trying was worth it."
        )
    return (
        f"“{best.name}” lowered distress the most, by {_n(best.mean_drop)} points on average "
        f"over {best.n} rated uses."
    )


def milestones_sentence(data: ProgressSeries) -> str:
    reached = [m for m in data.markers if m.kind == "milestone"]
    goals = [m for m in data.markers if m.kind == "goal"]
    longest = max(((b - a).days + 1 for t in data.counters for a, b in t.runs), default=0)
    if not (reached or goals or data.counters):
        return f"No counters, milestones or goals in {_days(data.period)} yet."
    parts = [f"{len(reached)} {'milestone' if len(reached) == 1 else 'milestones'} reached"]
    if goals:
        parts.append(f"{len(goals)} {'goal' if len(goals) == 1 else 'goals'} completed")
    text = " and ".join(parts) + f" in {_days(data.period)}"
    if longest:
        text += f"; the longest streak here ran {longest} {'day' if longest == 1 else 'days'}"
    return text + "."


def checkins_sentence(data: CheckinSeries) -> str:
    def avg(name: str) -> float | None:
        values = [getattr(d, name) for d in data.days if getattr(d, name) is not None]
        return sum(values) / len(values) if values else None

    parts = []
    for name, words in (("anxiety", "anxiety"), ("energy", "energy")):
        value = avg(name)
        if value is not None:
            parts.append(f"{words} {_n(value)}")
    sleep = avg("sleep_hours")
    if sleep is not None:
        parts.append(f"sleep {_n(sleep)} hours a night")
    if not parts:
        return f"No check-ins in {_days(data.period)} yet."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Over {_days(data.period)} you averaged {listed}."


def association_sentence(found: Association, factor_words: str) -> str:
    """'On days with X your mood was 0.8 higher (… days with, … without)' — never a cause."""
    when = "the day after" if found.lag_days else "on days with"
    direction = "higher" if found.difference > 0 else "lower"
    return (
        f"{when.capitalize()} {factor_words}, mood was {_n(abs(found.difference))} {direction} "
        f"on average ({found.n_with} days with, {found.n_without} without; 95 % interval "
        f"{found.ci_low:+.1f} to {found.ci_high:+.1f}). An association, not a cause."
    )


def reflection_sentence(data: Reflection) -> str:
    """'This week' in a few kind words (nothing about days not written)."""
    if data.entries == 0 and data.trigger_events == 0:
        return "A quiet week in the journal. Whenever you want to write, it's here."
    parts = [f"You wrote {data.entries} {'entry' if data.entries == 1 else 'entries'}"]
    if data.mood_low is not None and data.mood_high is not None:
        parts.append(
            f"mood was {data.mood_low}"
            if data.mood_low == data.mood_high
            else f"mood ranged from {data.mood_low} to {data.mood_high}"
        )
    if data.trigger_events:
        parts.append(
            f"{data.trigger_events} {'trigger' if data.trigger_events == 1 else 'triggers'} logged"
        )
    text = "; ".join(parts) + "."
    if data.helped:
        text += " What helped: " + ", ".join(data.helped) + "."
    if data.milestones:
        text += " Milestones: " + ", ".join(data.milestones) + "."
    return text
