"""Own daily measures: define, rename, reorder and archive them, and set a day's values.

Each call is one transaction. Values are checked against their measure's kind before anything is
written (a bad value leaves the day exactly as it was). A measure's kind can't change once it
has values; archiving hides it from the check-in and keeps every value (it still counts in the
export and in Insights).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date

from recovery_journal.domain.measures import DayValues, Measure, MeasureValue
from recovery_journal.errors import ValidationError
from recovery_journal.services.collection import Collection
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import measures as repo
from recovery_journal.storage.measures import MEASURE_VALUES, MEASURES


class MeasuresService:
    """The person's own measures and their daily values."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self.definitions = Collection(uow, MEASURES)
        self.values = Collection(uow, MEASURE_VALUES)

    def list(self, *, include_archived: bool = False) -> list[Measure]:
        """The measures in the check-in's order (active ones unless asked)."""
        return self.definitions.list(include_archived=include_archived)

    def add(self, measure: Measure) -> Measure:
        """A new measure, placed after every other one."""
        with self._uow.transaction() as s:
            last = max((m.position for m in MEASURES.active(s, include_archived=True)), default=-1)
            return MEASURES.add(s, dataclasses.replace(measure, position=last + 1, id=None))

    def update(self, measure: Measure) -> Measure:
        """Rename a measure or change a number's unit; its kind stays once it has values."""
        if measure.id is None:
            raise ValidationError("measure", "That measure isn't in this journal.")
        with self._uow.transaction() as s:
            stored = MEASURES.get(s, measure.id)
            if measure.kind is not stored.kind and repo.has_values(s, measure.id):
                raise ValidationError(
                    "kind",
                    "This measure already has values, so its kind stays. "
                    "Archive it and add a new one instead.",
                )
            return MEASURES.update(s, measure)

    def archive(self, ident: int) -> Measure:
        return self.definitions.archive(ident)

    def unarchive(self, ident: int) -> Measure:
        return self.definitions.unarchive(ident)

    def reorder(self, ids: Sequence[int]) -> None:
        """Put the measures in this order in the check-in."""
        with self._uow.transaction() as s:
            repo.set_positions(s, {ident: place for place, ident in enumerate(ids)})

    def day(self, day: date) -> DayValues:
        """What the check-in shows for ``day``: the active measures (and archived ones that
        have a value that day), with the day's values."""
        with self._uow.transaction() as s:
            values = repo.values_on(s, day)
            measures = tuple(
                m
                for m in MEASURES.active(s, include_archived=True)
                if m.archived_utc is None or m.id in values
            )
            return DayValues(day, measures, values)

    def set_day(self, day: date, values: Mapping[int, float | None]) -> DayValues:
        """Set the day's values (measure id → value; None clears it), all or nothing."""
        with self._uow.transaction() as s:
            checked = {
                ident: None if value is None else MEASURES.get(s, ident).check(value)
                for ident, value in values.items()
            }
            for ident, value in checked.items():
                repo.set_value(s, ident, day, value)
        return self.day(day)

    def add_values(self, values: Sequence[MeasureValue]) -> int:
        """Many values at once (the demo journal, an import), each checked against its measure,
        in one transaction; a day that already has a value for a measure is refused."""
        with self._uow.transaction() as s:
            kinds = {m.id: m for m in MEASURES.active(s, include_archived=True)}
            for value in values:
                measure = kinds.get(value.measure_id)
                if measure is None:
                    raise ValidationError("measure", "That measure isn't in this journal.")
                measure.check(value.value)
            repo.add_values(s, values)
        return len(values)
