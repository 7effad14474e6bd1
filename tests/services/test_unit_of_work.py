"""Services need only the unit-of-work protocol, not the whole JournalSession."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy.orm import Session

from recovery_journal.domain.tracking import Trigger, TriggerCategory
from recovery_journal.services.session import JournalSession
from recovery_journal.services.tracking import TrackingService
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage.database import DBAPIConnection


class CountingUnitOfWork:
    """A unit of work that is not a JournalSession: it counts the transactions it opens."""

    def __init__(self, journal: JournalSession) -> None:
        self.journal = journal
        self.transactions = 0

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        self.transactions += 1
        with self.journal.transaction() as session:
            yield session

    def reading(self) -> AbstractContextManager[DBAPIConnection]:
        return self.journal.reading()


def test_a_service_runs_on_any_unit_of_work_one_transaction_per_use_case(
    journal: JournalSession,
) -> None:
    uow = CountingUnitOfWork(journal)
    typed: UnitOfWork = uow  # mypy checks the protocol here
    tracking = TrackingService(typed)
    crowd = tracking.triggers.add(Trigger("Crowds", TriggerCategory.PLACES))
    assert crowd.id is not None
    logged = tracking.log_trigger_and_plan(crowd.id, 5, link_entry=False)
    assert logged.trigger == crowd and uow.transactions == 2
    assert journal.tracking.events_of(crowd.id) == [logged.event]


def test_the_journal_session_is_a_unit_of_work(journal: JournalSession) -> None:
    typed: UnitOfWork = journal
    with typed.transaction() as session:
        assert session.is_active
