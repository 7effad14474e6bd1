"""An own 0–10 scale or number as the patterns' outcome, checked against a small journal worked
out by hand: its days are the days with a value, it is left out of its own factors, a yes/no
is never an outcome, and mood stays the default."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.insights import MOOD, Outcome, Period
from recovery_journal.domain.measures import Measure, MeasureKind
from recovery_journal.domain.statistics import Association
from recovery_journal.services.insights import UnknownOutcomeError
from recovery_journal.services.session import JournalSession

MON = date(2026, 3, 2)
PERIOD = Period(MON, MON + timedelta(days=7))


def d(i: int) -> date:
    return MON + timedelta(days=i)


def _id(measure: Measure) -> int:
    assert measure.id is not None
    return measure.id


@pytest.fixture
def small(journal: JournalSession) -> tuple[JournalSession, Measure, Measure]:
    """Days 0–7 from Monday 2 March 2026, mood 5 on days 0–6:

    ======  =====  =======  ======  ====
    day     #walk  craving  drinks  meds
    ======  =====  =======  ======  ====
    0       yes    2        0       yes
    1       yes    3        0       yes
    2       yes    2        1       yes
    3       yes    1        –       yes
    4              6        3       no
    5              7        4       no
    6              6        2       no
    7       (nothing at all)
    ======  =====  =======  ======  ====
    """
    add = journal.measures.add
    craving = add(Measure("Craving"))
    drinks = add(Measure("Drinks", MeasureKind.NUMBER, "drinks"))
    meds = add(Measure("Took my medication", MeasureKind.YES_NO))
    table = {
        0: (2, 0, 1),
        1: (3, 0, 1),
        2: (2, 1, 1),
        3: (1, None, 1),
        4: (6, 3, 0),
        5: (7, 4, 0),
        6: (6, 2, 0),
    }
    for i, (c, n, m) in table.items():
        tags = ("walk",) if i <= 3 else ()
        journal.entries.add(Entry(d(i), "a day", check_in=CheckIn(mood=5), tags=tags))
        values = {_id(craving): c, _id(meds): m} | ({} if n is None else {_id(drinks): n})
        journal.measures.set_day(d(i), values)
    return journal, craving, drinks


def _by_factor(found: tuple[Association, ...]) -> dict[tuple[str, str, int], Association]:
    return {(a.kind, a.factor, a.lag_days): a for a in found}


def test_the_outcomes_are_mood_then_the_scales_and_numbers(
    small: tuple[JournalSession, Measure, Measure],
) -> None:
    journal, craving, drinks = small
    assert journal.insights.outcomes() == (
        MOOD,
        Outcome("Craving", _id(craving), MeasureKind.SCALE),
        Outcome("Drinks", _id(drinks), MeasureKind.NUMBER, "drinks"),
    )


def test_a_scale_as_the_outcome_by_hand(small: tuple[JournalSession, Measure, Measure]) -> None:
    journal, _craving, _drinks = small
    outcome = journal.insights.outcome_named("craving")
    found = _by_factor(journal.insights.associations(PERIOD, outcome))
    assert {a.outcome for a in found.values()} == {"Craving"}
    # #walk on days 0–3 (craving 2, 3, 2, 1) vs days 4–6 (6, 7, 6); day 7 has no craving.
    walk = found[("tag", "walk", 0)]
    assert (walk.n_with, walk.n_without) == (4, 3)
    assert walk.mean_with == pytest.approx(2.0)
    assert walk.mean_without == pytest.approx(19 / 3)
    assert walk.difference == pytest.approx(2.0 - 19 / 3)
    # Every resampled mean lies within its side's range: with 1–3, without 6–7.
    assert -6.0 <= walk.ci_low <= walk.difference <= walk.ci_high <= -3.0
    # Lag 1: the days after a walk are 1–4 (3, 2, 1, 6), the others 0, 5, 6 (2, 7, 6).
    after = found[("tag", "walk", 1)]
    assert (after.n_with, after.n_without) == (4, 3)
    assert after.difference == pytest.approx(3.0 - 5.0)
    # Any drinks (days 2, 4, 5, 6: craving 2, 6, 7, 6) vs none or none noted (0, 1, 3: 2, 3, 1).
    any_drinks = found[("measure-number", "Drinks", 0)]
    assert (any_drinks.n_with, any_drinks.n_without) == (4, 3)
    assert any_drinks.difference == pytest.approx(21 / 4 - 2.0)
    # A yes/no is still a factor: medication on days 0–3, as #walk.
    assert found[("measure-yes", "Took my medication", 0)].difference == walk.difference
    # The outcome is never its own factor (days 4–6 are at 6 or more: it would be compared).
    assert not [k for k in found if k[1] == "Craving"]


def test_a_number_as_the_outcome_counts_only_days_with_a_value(
    small: tuple[JournalSession, Measure, Measure],
) -> None:
    journal, _craving, drinks = small
    outcome = journal.insights.outcome_named("DRINKS ")
    assert outcome == Outcome("Drinks", _id(drinks), MeasureKind.NUMBER, "drinks")
    found = _by_factor(journal.insights.associations(PERIOD, outcome))
    # Drinks noted on days 0, 1, 2, 4, 5, 6 (day 3 has none noted: not a 0).
    walk = found[("tag", "walk", 0)]
    assert (walk.n_with, walk.n_without) == (3, 3)
    assert (walk.mean_with, walk.mean_without) == pytest.approx((1 / 3, 3.0))
    assert walk.difference == pytest.approx(1 / 3 - 3.0)
    # Craving at 6 or more (days 4, 5, 6: drinks 3, 4, 2) vs days 0, 1, 2 (0, 0, 1).
    high = found[("measure-scale", "Craving", 0)]
    assert high.difference == pytest.approx(3.0 - 1 / 3)
    assert high.outcome == "Drinks"
    assert not [k for k in found if k[1] == "Drinks"]


def test_mood_stays_the_default_and_a_report_carries_the_outcome(
    small: tuple[JournalSession, Measure, Measure],
) -> None:
    journal, _craving, _drinks = small
    by_default = journal.insights.associations(PERIOD)
    assert by_default == journal.insights.associations(PERIOD, MOOD)
    assert {a.outcome for a in by_default} == {"mood"}
    walk = _by_factor(by_default)[("tag", "walk", 0)]
    assert (walk.n_with, walk.n_without, walk.difference) == (4, 3, 0.0)  # mood 5 every day
    # With mood as the outcome every measure is a factor, the scale included.
    assert ("measure-scale", "Craving", 0) in _by_factor(by_default)
    shape = journal.insights.report(PERIOD, journal.insights.outcome_named("Craving")).to_json()
    assert {a["outcome"] for a in shape["associations"]} == {"Craving"}
    assert shape["summary"]["mood_mean"] == 5.0  # the summary is the journal's, always
    assert journal.insights.outcome_named("Mood") is MOOD


def test_a_yes_no_an_unknown_or_a_shared_name_is_no_outcome(
    small: tuple[JournalSession, Measure, Measure],
) -> None:
    journal, _craving, _drinks = small
    for name in ("Took my medication", "sleep", ""):
        with pytest.raises(UnknownOutcomeError) as raised:
            journal.insights.outcome_named(name)
        assert not raised.value.several
    journal.measures.add(Measure("craving", MeasureKind.NUMBER))
    with pytest.raises(UnknownOutcomeError) as raised:
        journal.insights.outcome_named("Craving")
    assert raised.value.several


def test_an_archived_measure_stays_an_outcome_and_a_renamed_one_keeps_its_id(
    small: tuple[JournalSession, Measure, Measure],
) -> None:
    journal, craving, _drinks = small
    journal.measures.update(Measure("Urge", id=craving.id, position=craving.position))
    journal.measures.archive(_id(craving))
    urge = journal.insights.outcome_named("urge")
    assert urge.measure_id == craving.id
    assert journal.insights.associations(PERIOD, urge)[0].outcome == "Urge"
