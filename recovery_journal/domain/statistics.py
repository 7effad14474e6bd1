"""Honest numbers: bootstrap intervals, Benjamini–Hochberg, and "what seems to go with better days".

Everything is reproducible: each bootstrap draws from its own ``random.Random`` seeded with
:data:`SEED` and a stable checksum of what it is about, so a factor's interval never depends on
which other factors exist or in which order they were computed.

**Bootstrap.** Percentile intervals from :data:`RESAMPLES` resamples. A side with up to
:data:`EXACT_MAX` values is resampled exactly (draws with replacement). A bigger side's resampled
mean is drawn from its large-sample limit, the normal distribution with the side's mean and
standard error (plug-in standard deviation / √n): at that size the two agree to well under the
intervals' own Monte Carlo noise, and a ten-year journal's patterns stay well under a second.

**Associations** (DESIGN.md principle 3, issue 10 §2). A *mood day* is a day with at least one
mood; its value is the mean of that day's moods. For a factor and a lag of 0 or 1 days, *with* is
the mood days on which the factor happened (lag 1: the day before), *without* the other mood days
of the period. A comparison is reported only with at least :data:`MIN_DAYS` days on each side.
Its difference is mean(with) − mean(without), with a 95 % bootstrap interval and a two-sided
bootstrap p-value; it is **called out** only when the Benjamini–Hochberg procedure at
:data:`FDR` across every comparison reported keeps it *and* its 95 % interval excludes 0.
Words for people: "seems to go with", "association, not cause".

**Other outcomes.** The same comparison runs with an own 0–10 scale or number as the outcome
(:class:`~recovery_journal.domain.insights.Outcome`): its days are the days with a value, the
value is that day's value (one a day), and the outcome's own measure is not among the factors.
"""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

SEED = 20_260_101
RESAMPLES = 1000
EXACT_MAX = 50
MIN_DAYS = 3
MIN_USES = 3
FDR = 0.05
LEVEL = 0.95


def mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _rng(label: str) -> random.Random:
    return random.Random(SEED + zlib.crc32(label.encode("utf-8")))


def _resampled_means(values: Sequence[float], rng: random.Random, count: int) -> list[float]:
    n = len(values)
    if n <= EXACT_MAX:
        return [math.fsum(rng.choices(values, k=n)) / n for _ in range(count)]
    centre = mean(values)
    spread = math.sqrt(math.fsum((v - centre) ** 2 for v in values) / n) / math.sqrt(n)
    return [rng.gauss(centre, spread) for _ in range(count)]


def _percentile(ordered: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True, slots=True)
class Interval:
    """An estimate with its percentile bootstrap interval and two-sided bootstrap p-value."""

    estimate: float
    low: float
    high: float
    p_value: float

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def _interval(estimate: float, draws: list[float]) -> Interval:
    draws.sort()
    tail = (1 - LEVEL) / 2
    below = sum(1 for d in draws if d <= 0)
    above = sum(1 for d in draws if d >= 0)
    p_value = min(1.0, 2 * (min(below, above) + 1) / (len(draws) + 1))
    return Interval(estimate, _percentile(draws, tail), _percentile(draws, 1 - tail), p_value)


def bootstrap_mean(values: Sequence[float], label: str = "") -> Interval:
    """The mean of ``values`` with its 95 % interval (needs at least one value)."""
    if not values:
        raise ValueError("no values")
    return _interval(mean(values), _resampled_means(values, _rng(label), RESAMPLES))


def bootstrap_difference(
    first: Sequence[float], second: Sequence[float], label: str = ""
) -> Interval:
    """mean(first) − mean(second), each side resampled on its own, with its 95 % interval."""
    if not first or not second:
        raise ValueError("no values")
    rng = _rng(label)
    a = _resampled_means(first, rng, RESAMPLES)
    b = _resampled_means(second, rng, RESAMPLES)
    return _interval(mean(first) - mean(second), [x - y for x, y in zip(a, b, strict=True)])


def benjamini_hochberg(p_values: Sequence[float], fdr: float = FDR) -> list[bool]:
    """Which hypotheses the Benjamini–Hochberg step-up procedure rejects at ``fdr``: all those
    ranked at or below the largest rank k with p₍ₖ₎ ≤ k·fdr/m."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    cut = 0
    for rank, index in enumerate(order, start=1):
        if p_values[index] <= rank * fdr / m:
            cut = rank
    kept = set(order[:cut])
    return [i in kept for i in range(m)]


@dataclass(frozen=True, slots=True)
class Association:
    """The outcome (mood, or an own measure named by ``outcome``) on days with vs without a
    factor (see the module docstring)."""

    factor: str
    kind: str
    lag_days: int
    n_with: int
    n_without: int
    mean_with: float
    mean_without: float
    difference: float
    ci_low: float
    ci_high: float
    p_value: float
    called_out: bool = False
    outcome: str = "mood"


FactorKey = tuple[str, str]
"""(kind, factor): ``("tag", "walk")``, ``("trigger-category", "people")``…"""


def associations(
    moods: Mapping[date, float],
    factors: Mapping[FactorKey, set[date]],
    lags: Sequence[int] = (0, 1),
    outcome: str = "mood",
) -> list[Association]:
    """Every comparison with at least :data:`MIN_DAYS` outcome days on each side, BH-corrected.

    ``moods`` holds the outcome days of the period: day → mean mood, or for an own measure as
    the ``outcome`` (named so in each result) day → that day's value; ``factors`` the days each
    factor happened (days outside the period are fine: lag 1 looks at the day before)."""
    found: list[Association] = []
    days = sorted(moods)
    for (kind, factor), happened in sorted(factors.items()):
        for lag in lags:
            shift = timedelta(days=lag)
            with_ = [moods[d] for d in days if d - shift in happened]
            without = [moods[d] for d in days if d - shift not in happened]
            if len(with_) < MIN_DAYS or len(without) < MIN_DAYS:
                continue
            found_interval = bootstrap_difference(with_, without, f"{kind}\x00{factor}\x00{lag}")
            found.append(
                Association(
                    factor,
                    kind,
                    lag,
                    len(with_),
                    len(without),
                    mean(with_),
                    mean(without),
                    found_interval.estimate,
                    found_interval.low,
                    found_interval.high,
                    found_interval.p_value,
                    outcome=outcome,
                )
            )
    kept = benjamini_hochberg([a.p_value for a in found])
    return [
        replace(a, called_out=True) if keep and a.ci_low * a.ci_high > 0 else a
        for a, keep in zip(found, kept, strict=True)
    ]
