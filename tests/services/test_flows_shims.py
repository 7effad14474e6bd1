"""The deprecated ``*_flows`` modules still work for one release: each delegates to the service."""

from __future__ import annotations

from datetime import date

from recovery_journal.domain.coping import CopingCategory, CopingStrategy, PlanTarget
from recovery_journal.domain.tracking import Trigger, TriggerCategory
from recovery_journal.services import coping_flows, progress_flows, tracking_flows
from recovery_journal.services.session import JournalSession

TODAY = date(2026, 4, 1)


def test_the_old_module_functions_reach_the_services(journal: JournalSession) -> None:
    walk = coping_flows.save_strategy(journal, CopingStrategy("Walk", CopingCategory.PHYSICAL))
    crowd = journal.tracking.triggers.add(Trigger("Crowds", TriggerCategory.PLACES))
    assert walk.id is not None and crowd.id is not None
    coping_flows.set_plan(journal, PlanTarget(trigger_id=crowd.id), [walk.id])
    logged = tracking_flows.log_trigger(journal, crowd.id, 6, link_entry=False)
    assert [s.name for s in logged.plan] == ["Walk"]
    assert tracking_flows.overview(journal, TODAY).triggers == [crowd]
    counter = progress_flows.add_counter(journal, "Sober since", date(2026, 1, 1))
    status = progress_flows.counter_status(journal, counter.id or 0, TODAY)
    assert status.stats.current > 0
