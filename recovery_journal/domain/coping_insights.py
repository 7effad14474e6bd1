"""What works for me: which coping strategies have tended to lower distress, with the evidence.

A use counts towards a strategy's average only when it has both a "before" and an "after"
distress rating; ``n`` is the number of such uses. Strategies with fewer than :data:`MIN_USES`
rated uses are not ranked (three uses are the least that says anything at all) and are listed
apart as "not enough uses yet to compare". A negative average drop — distress went up on
average — is kept and shown as it is, never hidden.

Order of the ranking: larger average drop first; on a tie, more rated uses (more evidence), then
higher average helpfulness, then the name (then the id, so the order never wobbles). Averages are
compared exactly (as fractions): two equal averages tie whatever floating point makes of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction

from recovery_journal.domain.coping import CopingStrategy, CopingUse

MIN_USES = 3


@dataclass(frozen=True, slots=True)
class StrategyEvidence:
    """How one strategy has gone: average distress drop over its ``n`` fully rated uses."""

    strategy_id: int
    name: str
    n: int
    """Uses with both a before and an after distress rating."""
    total_uses: int
    """Every logged use, rated or not."""
    average_drop: float | None
    """Mean of (before − after) over the ``n`` rated uses; None when n is 0. May be negative."""
    average_helpfulness: float | None
    """Mean helpfulness (1–5) over the uses that have one; None when none do."""
    helpfulness_n: int
    rank: int | None = None
    """1 for the strategy that has helped most; None when not ranked (n < MIN_USES)."""
    archived: bool = False

    @property
    def got_worse(self) -> bool:
        """Distress was higher afterwards, on average."""
        return self.average_drop is not None and self.average_drop < 0


@dataclass(frozen=True, slots=True)
class WhatWorks:
    """The ranking (n ≥ ``min_uses``) and the strategies without enough rated uses yet."""

    ranked: tuple[StrategyEvidence, ...]
    not_enough: tuple[StrategyEvidence, ...]
    min_uses: int = MIN_USES

    @property
    def empty(self) -> bool:
        return not self.ranked and not self.not_enough


@dataclass
class _Tally:
    drops: list[int]
    helpfulness: list[int]
    total: int = 0


def _mean(values: list[int]) -> Fraction | None:
    return Fraction(sum(values), len(values)) if values else None


def _evidence(strategy: CopingStrategy, tally: _Tally) -> tuple[StrategyEvidence, Fraction | None]:
    assert strategy.id is not None
    drop = _mean(tally.drops)
    helped = _mean(tally.helpfulness)
    evidence = StrategyEvidence(
        strategy_id=strategy.id,
        name=strategy.name,
        n=len(tally.drops),
        total_uses=tally.total,
        average_drop=None if drop is None else float(drop),
        average_helpfulness=None if helped is None else float(helped),
        helpfulness_n=len(tally.helpfulness),
        archived=strategy.archived_utc is not None,
    )
    return evidence, drop


def what_works(
    strategies: Iterable[CopingStrategy],
    uses: Iterable[CopingUse],
    *,
    min_uses: int = MIN_USES,
) -> WhatWorks:
    """Rank ``strategies`` by average distress drop over ``uses``.

    Strategies never used are left out; uses of strategies not given are ignored.
    """
    by_id = {s.id: s for s in strategies if s.id is not None}
    tallies: dict[int, _Tally] = {}
    for use in uses:
        if use.strategy_id not in by_id:
            continue
        tally = tallies.setdefault(use.strategy_id, _Tally([], []))
        tally.total += 1
        if use.distress_drop is not None:
            tally.drops.append(use.distress_drop)
        if use.helpfulness is not None:
            tally.helpfulness.append(use.helpfulness)

    rankable: list[tuple[StrategyEvidence, Fraction]] = []
    waiting: list[StrategyEvidence] = []
    for strategy_id, tally in tallies.items():
        evidence, drop = _evidence(by_id[strategy_id], tally)
        if drop is not None and evidence.n >= min_uses:
            rankable.append((evidence, drop))
        else:
            waiting.append(evidence)

    def order(item: tuple[StrategyEvidence, Fraction]) -> tuple[object, ...]:
        evidence, drop = item
        helped = evidence.average_helpfulness
        return (
            -drop,
            -evidence.n,
            helped is None,
            -(helped or 0),
            evidence.name.casefold(),
            evidence.strategy_id,
        )

    rankable.sort(key=order)
    ranked = tuple(
        _with_rank(evidence, rank) for rank, (evidence, _) in enumerate(rankable, start=1)
    )
    waiting.sort(key=lambda e: (-e.n, -e.total_uses, e.name.casefold(), e.strategy_id))
    return WhatWorks(ranked, tuple(waiting), min_uses)


def _with_rank(evidence: StrategyEvidence, rank: int) -> StrategyEvidence:
    return replace(evidence, rank=rank)
