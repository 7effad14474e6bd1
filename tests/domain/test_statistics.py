"""Bootstrap intervals, Benjamini–Hochberg and the with/without comparisons, by hand."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.domain import statistics as S

D0 = date(2026, 3, 1)


def day(i: int) -> date:
    return D0 + timedelta(days=i)


def test_benjamini_hochberg_keeps_the_hypotheses_below_the_step_up_line() -> None:
    # m = 4, q = 0.05: thresholds 0.0125, 0.025, 0.0375, 0.05 by rank.
    assert S.benjamini_hochberg([0.01, 0.04, 0.03, 0.20]) == [True, False, False, False]
    assert S.benjamini_hochberg([0.01, 0.02, 0.03, 0.04]) == [True, True, True, True]
    # Step-up: 0.02 misses its own line (0.0167) but rank 2 (0.03 ≤ 0.0333) keeps both.
    assert S.benjamini_hochberg([0.02, 0.03, 0.9]) == [True, True, False]
    assert S.benjamini_hochberg([]) == []


def test_percentile_interpolates_like_numpy() -> None:
    assert S._percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert S._percentile([1.0, 2.0, 3.0, 4.0], 0.025) == 1.075


def test_bootstrap_of_identical_values_is_a_point() -> None:
    found = S.bootstrap_mean([3.0, 3.0, 3.0, 3.0])
    assert (found.estimate, found.low, found.high) == (3.0, 3.0, 3.0)


def test_bootstrap_of_two_values_spans_both() -> None:
    # Resampled means of [0, 10] are 0, 5 or 10 (¼, ½, ¼): the 2.5th and 97.5th percentiles of
    # 1,000 such draws are 0 and 10.
    found = S.bootstrap_mean([0.0, 10.0], "x")
    assert (found.estimate, found.low, found.high) == (5.0, 0.0, 10.0)


def test_bootstrap_is_reproducible_and_keyed_by_its_label() -> None:
    values = [1.0, 4.0, 2.0, 8.0, 5.0, 7.0]
    assert S.bootstrap_mean(values, "a") == S.bootstrap_mean(values, "a")
    assert S.bootstrap_mean(values, "a") != S.bootstrap_mean(values, "b")


def test_a_large_side_uses_the_normal_limit_of_the_bootstrap() -> None:
    values = [4.0, 6.0] * 100  # mean 5, plug-in sd 1, standard error 1/√200 ≈ 0.0707
    found = S.bootstrap_mean(values)
    assert found.estimate == 5.0
    assert abs(found.low - (5 - 1.96 * 0.0707)) < 0.02
    assert abs(found.high - (5 + 1.96 * 0.0707)) < 0.02


def test_with_and_without_on_the_same_day_and_the_next() -> None:
    moods = {day(i): m for i, m in enumerate([8.0, 8.0, 8.0, 4.0, 4.0, 4.0, 4.0, 4.0])}
    walk = {day(0), day(1), day(2)}
    found = {a.lag_days: a for a in S.associations(moods, {("tag", "walk"): walk})}
    same = found[0]
    assert (same.n_with, same.n_without, same.mean_with, same.mean_without) == (3, 5, 8.0, 4.0)
    assert (same.difference, same.ci_low, same.ci_high) == (4.0, 4.0, 4.0)
    assert same.called_out and same.kind == "tag" and same.outcome == "mood"
    # Lag 1: the days after a walk are days 1, 2, 3 → moods 8, 8, 4; the rest 8, 4, 4, 4, 4.
    after = found[1]
    assert (after.n_with, after.n_without) == (3, 5)
    assert abs(after.mean_with - 20 / 3) < 1e-12 and abs(after.mean_without - 4.8) < 1e-12
    assert abs(after.difference - (20 / 3 - 4.8)) < 1e-12
    assert after.ci_low <= after.difference <= after.ci_high


def test_lag_one_counts_a_factor_the_day_before_the_period() -> None:
    moods = {day(i): float(i % 3) for i in range(1, 10)}
    found = S.associations(moods, {("meeting", "peer meeting"): {day(0), day(3), day(6)}}, [1])
    assert [(a.n_with, a.n_without) for a in found] == [(3, 6)]


def test_fewer_than_three_days_on_a_side_is_never_reported() -> None:
    moods = {day(i): float(i) for i in range(10)}
    assert S.associations(moods, {("tag", "rare"): {day(1), day(2)}}) == []
    everyday = {day(i) for i in range(-1, 9)}  # all but day 9 (lag 0), all (lag 1)
    assert S.associations(moods, {("tag", "always"): everyday}) == []


def test_called_out_needs_the_correction_across_all_factors() -> None:
    moods = {day(i): float(5 + (i % 2)) for i in range(40)}
    odd = {day(i) for i in range(40) if i % 2}
    alone = S.associations(moods, {("tag", "odd"): odd}, [0])
    assert alone[0].called_out and alone[0].p_value == 2 / 1001  # every draw above 0
    # Among 30 factors that go with nothing, p = 0.002 misses BH's first step (0.05/31).
    noise = {("tag", f"t{k:02}"): {day(i) for i in range(k % 5, 40, 5)} for k in range(30)}
    many = S.associations(moods, {**noise, ("tag", "odd"): odd}, [0])
    odd_result = next(a for a in many if a.factor == "odd")
    assert odd_result.ci_low == odd_result.ci_high == 1.0  # the same interval as alone…
    assert not odd_result.called_out  # …but not called out after the correction
    kept = S.benjamini_hochberg([a.p_value for a in many])
    assert [a.called_out for a in many] == [
        k and (a.ci_low > 0 or a.ci_high < 0) for a, k in zip(many, kept, strict=True)
    ]


@settings(max_examples=40, deadline=None)
@given(
    moods=st.dictionaries(st.integers(0, 20), st.integers(0, 10), max_size=21),
    factors=st.dictionaries(
        st.sampled_from(["a", "b", "c"]), st.sets(st.integers(-1, 20), max_size=21), max_size=3
    ),
    outcome=st.sampled_from(["mood", "Craving", "Drinks"]),
)
def test_no_association_with_fewer_than_three_days_a_side_is_ever_reported(
    moods: dict[int, int], factors: dict[str, set[int]], outcome: str
) -> None:
    """For mood and for an own measure as the outcome (whose values may be any number)."""
    scale = 1.0 if outcome != "Drinks" else 2.5
    mood_days = {day(i): m * scale for i, m in moods.items()}
    found = S.associations(
        mood_days,
        {("tag", name): {day(i) for i in days} for name, days in factors.items()},
        outcome=outcome,
    )
    for a in found:
        assert a.outcome == outcome
        assert a.n_with >= 3 and a.n_without >= 3
        assert a.n_with + a.n_without == len(mood_days)
        if a.called_out:
            assert a.ci_low > 0 or a.ci_high < 0
