"""The 'when peer support isn't enough' rules: thresholds, the 7-day window and local dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from recovery_journal.domain.escalation import (
    RULES,
    Reading,
    RecentDays,
    SignSeen,
    evaluate,
    format_days,
    window_start,
)
from recovery_journal.domain.tracking import WarningStage

TODAY = date(2024, 11, 17)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def ids(snap: RecentDays) -> list[str]:
    return [m.rule.id for m in evaluate(snap)]


def distress(*pairs: tuple[int, int]) -> tuple[Reading, ...]:
    return tuple(Reading(ago(days), value) for days, value in pairs)


def test_nothing_recorded_matches_nothing() -> None:
    assert evaluate(RecentDays(TODAY)) == []


def test_high_distress_on_exactly_three_days_matches_with_its_days() -> None:
    snap = RecentDays(TODAY, distress=distress((3, 8), (2, 9), (0, 10)))
    [match] = evaluate(snap)
    assert match.rule.id == "high-distress"
    assert match.evidence.text == "on 3 of the last 7 days: 14, 15, 17 Nov"
    assert match.evidence.days == (ago(3), ago(2), ago(0))
    assert match.sentence == "Distress of 8 or more on 3 of the last 7 days: 14, 15, 17 Nov."


def test_high_distress_on_two_days_does_not_match() -> None:
    assert ids(RecentDays(TODAY, distress=distress((3, 9), (2, 9)))) == []


def test_seven_is_not_high_distress_eight_is() -> None:
    assert ids(RecentDays(TODAY, distress=distress((3, 7), (2, 7), (1, 7)))) == []
    assert ids(RecentDays(TODAY, distress=distress((3, 8), (2, 8), (1, 8)))) == ["high-distress"]


def test_several_readings_on_one_day_count_as_one_day() -> None:
    snap = RecentDays(TODAY, distress=distress((1, 9), (1, 9), (1, 10), (0, 9)))
    assert ids(snap) == []


def test_coping_distress_and_trigger_intensity_combine_across_days() -> None:
    snap = RecentDays(
        TODAY,
        distress=distress((5, 8)),
        trigger_intensity=(Reading(ago(4), 9), Reading(ago(1), 8), Reading(ago(0), 7)),
    )
    [match] = evaluate(snap)
    assert match.evidence.days == (ago(5), ago(4), ago(1))


def test_window_is_today_and_the_six_days_before() -> None:
    assert window_start(TODAY) == date(2024, 11, 11)
    inside = RecentDays(TODAY, distress=distress((6, 9), (5, 9), (0, 9)))
    outside = RecentDays(TODAY, distress=distress((7, 9), (5, 9), (0, 9)))
    assert ids(inside) == ["high-distress"]
    assert ids(outside) == []


def test_later_days_than_today_are_ignored() -> None:
    snap = RecentDays(TODAY, distress=distress((1, 9), (0, 9), (-1, 9)))
    assert ids(snap) == []


def test_local_dates_decide_the_window_not_utc() -> None:
    # 20:00 UTC on 10 Nov is already 09:00 on 11 Nov in Auckland: the person's day is inside.
    instant = datetime(2024, 11, 10, 20, 0, tzinfo=UTC)
    auckland_day = instant.astimezone(ZoneInfo("Pacific/Auckland")).date()
    utc_day = instant.date()
    rest = (Reading(ago(3), 9), Reading(ago(1), 9))
    assert ids(RecentDays(TODAY, distress=(Reading(auckland_day, 9), *rest))) == ["high-distress"]
    assert ids(RecentDays(TODAY, distress=(Reading(utc_day, 9), *rest))) == []


def test_window_across_the_new_year_and_a_dst_change() -> None:
    new_year = date(2025, 1, 2)
    snap = RecentDays(
        new_year,
        moods=(
            Reading(date(2024, 12, 27), 2),
            Reading(date(2024, 12, 31), 1),
            Reading(date(2025, 1, 1), 0),
        ),
    )
    [match] = evaluate(snap)
    assert match.evidence.text == "on 3 of the last 7 days: 27, 31 Dec 2024, 1 Jan"
    # 27 Oct 2024 (clocks changed in Europe) is inside a window ending 2 Nov.
    dst = RecentDays(
        date(2024, 11, 2), moods=tuple(Reading(date(2024, 10, d), 2) for d in (27, 28, 29))
    )
    assert ids(dst) == ["low-mood"]


def test_low_mood_two_matches_three_does_not() -> None:
    low = RecentDays(TODAY, moods=tuple(Reading(ago(n), 2) for n in (0, 2, 4)))
    okay = RecentDays(TODAY, moods=tuple(Reading(ago(n), 3) for n in (0, 2, 4)))
    assert ids(low) == ["low-mood"]
    assert ids(okay) == []


def test_three_breaking_down_signs_in_a_week_match_even_on_one_day() -> None:
    three = tuple(SignSeen(ago(1), WarningStage.BREAKING_DOWN) for _ in range(3))
    [match] = evaluate(RecentDays(TODAY, signs=three))
    assert match.rule.id == "breaking-down-signs"
    assert match.evidence.text == "noticed 3 times in the last 7 days: 16 Nov"
    assert ids(RecentDays(TODAY, signs=three[:2])) == []


def test_early_signs_never_count_and_old_signs_fall_out() -> None:
    early = tuple(SignSeen(ago(1), WarningStage.EARLY) for _ in range(5))
    old = (
        SignSeen(ago(7), WarningStage.BREAKING_DOWN),
        SignSeen(ago(2), WarningStage.BREAKING_DOWN),
        SignSeen(ago(1), WarningStage.BREAKING_DOWN),
        SignSeen(ago(8), WarningStage.CRISIS),
    )
    assert ids(RecentDays(TODAY, signs=early + old)) == []


def test_any_crisis_sign_in_the_window_matches() -> None:
    [match] = evaluate(RecentDays(TODAY, signs=(SignSeen(ago(6), WarningStage.CRISIS),)))
    assert match.rule.id == "crisis-sign"
    assert (
        match.sentence == "A sign from your 'crisis' stage noticed once in the last 7 days: 11 Nov."
    )


def test_rules_are_listed_in_order_and_all_can_match_together() -> None:
    snap = RecentDays(
        TODAY,
        distress=distress((0, 9), (1, 9), (2, 9)),
        moods=tuple(Reading(ago(n), 1) for n in (0, 1, 2)),
        signs=(
            *(SignSeen(ago(0), WarningStage.BREAKING_DOWN) for _ in range(3)),
            SignSeen(ago(0), WarningStage.CRISIS),
        ),
    )
    assert ids(snap) == [rule.id for rule in RULES]


def test_descriptions_are_plain_and_never_diagnose() -> None:
    banned = ("disorder", "diagnos", "symptom", "relapse", "suicid", "patient", "failure")
    for rule in RULES:
        assert rule.description.endswith(".")
        assert not any(word in rule.description.lower() for word in banned)
    assert len({rule.id for rule in RULES}) == len(RULES)


def test_format_days_groups_by_month() -> None:
    assert format_days([date(2024, 11, 1), date(2024, 10, 30), date(2024, 11, 1)]) == (
        "30 Oct, 1 Nov"
    )


def test_every_rule_is_listed_word_for_word_in_the_docs() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "WHEN-TO-SEEK-HELP.md"
    listed = doc.read_text(encoding="utf-8")
    for rule in RULES:
        assert f"- {rule.description}\n" in listed, rule.id
