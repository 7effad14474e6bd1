"""Own daily measures through the service: define, rename, archive (history kept), reorder,
one value per measure and day, all-or-nothing days, the export and its restore, Insights."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.measures import Measure, MeasureKind
from recovery_journal.errors import ValidationError
from recovery_journal.services.export import export_document
from recovery_journal.services.insights import measure_factors
from recovery_journal.services.restoring import import_export
from recovery_journal.services.session import JournalSession
from recovery_journal.words import factor_words
from tests.services.test_restoring import new_journal, records

DAY = date(2026, 3, 2)


def _three(journal: JournalSession) -> tuple[Measure, Measure, Measure]:
    add = journal.measures.add
    craving = add(Measure("Craving"))
    meds = add(Measure("Took my medication", MeasureKind.YES_NO))
    drinks = add(Measure("Drinks", MeasureKind.NUMBER, "drinks"))
    return craving, meds, drinks


def _id(measure: Measure) -> int:
    assert measure.id is not None
    return measure.id


def test_measures_are_listed_in_the_order_they_were_added(journal: JournalSession) -> None:
    craving, meds, drinks = _three(journal)
    assert [m.name for m in journal.measures.list()] == [
        "Craving",
        "Took my medication",
        "Drinks",
    ]
    assert [m.position for m in journal.measures.list()] == [0, 1, 2]
    journal.measures.reorder([_id(drinks), _id(craving), _id(meds)])
    assert journal.measures.list()[0].name == "Drinks"


def test_a_day_holds_one_value_per_measure_and_setting_again_replaces_it(
    journal: JournalSession,
) -> None:
    craving, meds, drinks = _three(journal)
    journal.measures.set_day(DAY, {_id(craving): 7, _id(meds): 1, _id(drinks): 2.5})
    day = journal.measures.set_day(DAY, {_id(craving): 3, _id(drinks): None})
    assert day.values == {_id(craving): 3.0, _id(meds): 1.0}
    assert journal.measures.values.count() == 2
    assert journal.measures.day(DAY + timedelta(days=1)).values == {}


def test_a_bad_value_leaves_the_day_as_it_was(journal: JournalSession) -> None:
    craving, meds, _drinks = _three(journal)
    journal.measures.set_day(DAY, {_id(craving): 4})
    with pytest.raises(ValidationError):
        journal.measures.set_day(DAY, {_id(craving): 9, _id(meds): 3})
    assert journal.measures.day(DAY).values == {_id(craving): 4.0}


def test_archiving_hides_a_measure_and_keeps_its_history(journal: JournalSession) -> None:
    _craving, meds, _drinks = _three(journal)
    journal.measures.set_day(DAY, {_id(meds): 1})
    journal.measures.archive(_id(meds))
    assert "Took my medication" not in [m.name for m in journal.measures.list()]
    assert len(journal.measures.list(include_archived=True)) == 3
    # The day that has its value still shows it; a new day doesn't offer it.
    assert _id(meds) in [m.id for m in journal.measures.day(DAY).measures]
    assert _id(meds) not in [m.id for m in journal.measures.day(DAY + timedelta(1)).measures]
    assert journal.measures.day(DAY).values[_id(meds)] == 1.0
    journal.measures.unarchive(_id(meds))
    assert len(journal.measures.list()) == 3


def test_rename_keeps_values_but_the_kind_stays_once_there_are_values(
    journal: JournalSession,
) -> None:
    craving, _meds, drinks = _three(journal)
    journal.measures.set_day(DAY, {_id(craving): 8})
    renamed = journal.measures.update(Measure("Urge", id=craving.id, position=craving.position))
    assert renamed.name == "Urge"
    assert journal.measures.day(DAY).values[_id(craving)] == 8.0
    with pytest.raises(ValidationError):
        journal.measures.update(Measure("Urge", MeasureKind.YES_NO, id=craving.id))
    # No values yet: the kind may still change.
    changed = journal.measures.update(Measure("Cigarettes", MeasureKind.NUMBER, "", id=drinks.id))
    assert changed.kind is MeasureKind.NUMBER


def test_measures_and_values_round_trip_through_the_export(
    journal: JournalSession, tmp_path: Path
) -> None:
    craving, meds, drinks = _three(journal)
    journal.measures.set_day(DAY, {_id(craving): 6, _id(meds): 0, _id(drinks): 1.5})
    journal.measures.archive(_id(meds))
    doc = json.loads(json.dumps(export_document(journal)))
    assert [m["kind"] for m in doc["measures"]] == ["scale", "yes_no", "number"]
    assert doc["measures"][2]["unit"] == "drinks"
    assert doc["measures"][1]["archived_utc"] is not None
    assert {v["value"] for v in doc["measure_values"]} == {6.0, 0.0, 1.5}
    with new_journal(tmp_path, "restored") as restored:
        summary = import_export(restored, doc)
        assert summary.records["measure_values"] == 3
        again = json.loads(json.dumps(export_document(restored)))
        assert restored.measures.day(DAY).values == {
            _id(craving): 6.0,
            _id(meds): 0.0,
            _id(drinks): 1.5,
        }
    assert records(again)["measures"] == records(doc)["measures"]
    assert records(again)["measure_values"] == records(doc)["measure_values"]


def test_each_measure_is_a_factor_of_what_goes_with_better_days(
    journal: JournalSession,
) -> None:
    """Days with a yes / a high scale / any of a number are the factor's days; with three mood
    days on each side the factor is compared (and named in words)."""
    craving, meds, drinks = _three(journal)
    start = date(2026, 1, 1)
    for i in range(12):
        day = start + timedelta(days=i)
        took = i % 2 == 0
        journal.entries.add(Entry(day, "", check_in=CheckIn(mood=8 if took else 4)))
        journal.measures.set_day(
            day, {_id(meds): int(took), _id(craving): 2 if took else 8, _id(drinks): i % 3}
        )
    period = journal.insights.period()
    with journal.reading() as conn:
        factors = measure_factors(conn, period)
    assert factors[("measure-yes", "Took my medication")] == {
        start + timedelta(days=i) for i in range(0, 12, 2)
    }
    assert len(factors[("measure-scale", "Craving")]) == 6
    assert len(factors[("measure-number", "Drinks")]) == 8
    found = {
        (a.kind, a.factor): a for a in journal.insights.associations(period) if a.lag_days == 0
    }
    meds_found = found[("measure-yes", "Took my medication")]
    assert (meds_found.n_with, meds_found.n_without) == (6, 6)
    assert meds_found.difference == pytest.approx(4.0)
    assert factor_words("measure-yes", "Took my medication") == "“Took my medication”: yes"
    assert factor_words("measure-scale", "Craving") == "“Craving” at 6 or more"
    assert factor_words("measure-number", "Drinks") == "any “Drinks”"
