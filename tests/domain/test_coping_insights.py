"""The "what works for me" ranking: n ≥ 3 threshold, missing ratings, ties, negative drops."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from recovery_journal.domain.coping import CopingCategory, CopingStrategy, CopingUse
from recovery_journal.domain.coping_insights import MIN_USES, what_works

WHEN = datetime(2024, 5, 1, 12, tzinfo=UTC)


def strategy(ident: int, name: str | None = None, *, archived: bool = False) -> CopingStrategy:
    return CopingStrategy(
        name or f"Strategy {ident}",
        CopingCategory.GROUNDING,
        id=ident,
        archived_utc=WHEN if archived else None,
    )


def use(
    strategy_id: int, before: int | None, after: int | None, helped: int | None = None
) -> CopingUse:
    return CopingUse(strategy_id, WHEN, date(2024, 5, 1), before, after, helped)


def uses(strategy_id: int, *pairs: tuple[int, int]) -> list[CopingUse]:
    return [use(strategy_id, before, after) for before, after in pairs]


def test_three_rated_uses_are_the_least_that_get_ranked() -> None:
    result = what_works(
        [strategy(1), strategy(2)],
        uses(1, (8, 4), (6, 3), (7, 5)) + uses(2, (9, 1), (9, 1)),
    )
    assert MIN_USES == 3
    assert [(e.strategy_id, e.rank, e.n) for e in result.ranked] == [(1, 1, 3)]
    assert result.ranked[0].average_drop == pytest.approx(3.0)
    # Two big drops are not enough to compare: listed apart, with their n, without a rank.
    assert [(e.strategy_id, e.rank, e.n) for e in result.not_enough] == [(2, None, 2)]
    assert result.not_enough[0].average_drop == pytest.approx(8.0)


def test_uses_missing_a_rating_do_not_count_towards_n() -> None:
    rated = uses(1, (8, 4), (6, 3))
    unrated = [use(1, 8, None, 4), use(1, None, 2, 5), use(1, None, None, 3)]
    result = what_works([strategy(1)], rated + unrated)
    assert result.ranked == ()
    (evidence,) = result.not_enough
    assert (evidence.n, evidence.total_uses) == (2, 5)
    assert evidence.average_drop == pytest.approx(3.5)
    # Helpfulness is averaged over every use that has one, rated distress or not.
    assert evidence.helpfulness_n == 3
    assert evidence.average_helpfulness == pytest.approx(4.0)


def test_a_strategy_used_but_never_rated_is_listed_without_an_average() -> None:
    result = what_works([strategy(1)], [use(1, None, None), use(1, 5, None)])
    (evidence,) = result.not_enough
    assert evidence.n == 0
    assert evidence.average_drop is None
    assert evidence.average_helpfulness is None


def test_strategies_never_used_and_unknown_strategies_are_left_out() -> None:
    result = what_works([strategy(1), strategy(2)], uses(3, (5, 1), (5, 1), (5, 1)))
    assert result.empty


def test_ranked_by_average_drop_largest_first() -> None:
    result = what_works(
        [strategy(1, "Walk"), strategy(2, "Breathe"), strategy(3, "Call")],
        uses(1, (5, 4), (5, 4), (5, 4))
        + uses(2, (8, 2), (8, 3), (8, 4))
        + uses(3, (6, 3), (6, 3), (6, 3)),
    )
    assert [(e.name, e.rank) for e in result.ranked] == [("Breathe", 1), ("Call", 2), ("Walk", 3)]
    assert [e.average_drop for e in result.ranked] == pytest.approx([5.0, 3.0, 1.0])


def test_a_negative_drop_is_ranked_and_shown_honestly() -> None:
    result = what_works(
        [strategy(1, "Scroll my phone"), strategy(2, "Walk")],
        uses(1, (4, 6), (5, 6), (3, 6)) + uses(2, (6, 4), (6, 4), (6, 4)),
    )
    assert [e.name for e in result.ranked] == ["Walk", "Scroll my phone"]
    worse = result.ranked[1]
    assert worse.rank == 2
    assert worse.average_drop == pytest.approx(-2.0)
    assert worse.got_worse
    assert not result.ranked[0].got_worse


def test_ties_go_to_more_evidence_then_helpfulness_then_name() -> None:
    strategies = [strategy(1, "b"), strategy(2, "A"), strategy(3, "c"), strategy(4, "d")]
    result = what_works(
        strategies,
        # Strategies 1 and 2: drop 2 over three uses each, no helpfulness — the name decides.
        uses(1, (5, 3), (5, 3), (5, 3))
        + uses(2, (5, 3), (5, 3), (5, 3))
        # Strategy 3: same drop, four uses: more evidence comes first.
        + uses(3, (5, 3), (5, 3), (5, 3), (5, 3))
        # Strategy 4: same drop and n as 1 and 2, but rated helpful.
        + [use(4, 5, 3, 4), use(4, 5, 3, 4), use(4, 5, 3)],
    )
    assert [e.strategy_id for e in result.ranked] == [3, 4, 2, 1]
    assert [e.rank for e in result.ranked] == [1, 2, 3, 4]


def test_equal_averages_tie_exactly_whatever_floating_point_says() -> None:
    # 1/3-ish averages built differently: 4/3 twice over different uses.
    result = what_works(
        [strategy(1, "Z"), strategy(2, "A")],
        uses(1, (2, 1), (2, 1), (3, 1)) + uses(2, (3, 1), (2, 1), (2, 1)),
    )
    assert [e.name for e in result.ranked] == ["A", "Z"]


def test_archived_strategies_keep_their_history_and_say_so() -> None:
    result = what_works([strategy(1, archived=True)], uses(1, (6, 2), (6, 2), (6, 2)))
    (evidence,) = result.ranked
    assert evidence.archived


def test_the_threshold_can_be_chosen() -> None:
    result = what_works([strategy(1)], uses(1, (6, 2)), min_uses=1)
    assert [e.rank for e in result.ranked] == [1]
