"""Passphrase strength: weak choices are refused with a helpful hint."""

from __future__ import annotations

import pytest

from recovery_journal.domain.passphrase import assess


@pytest.mark.parametrize(
    "weak", ["", "short", "password123", "aaaaaaaaaaaa", "abcdefghijkl", "1234567890", "qwertyuiop"]
)
def test_weak_passphrases_are_refused_with_a_hint(weak: str) -> None:
    verdict = assess(weak)
    assert not verdict.acceptable
    assert verdict.hint and "Strong enough" not in verdict.hint


@pytest.mark.parametrize(
    "strong", ["correct horse battery staple", "Tea at 4, then the long walk!", "7v#Lq2!xZp9@"]
)
def test_strong_passphrases_are_accepted(strong: str) -> None:
    verdict = assess(strong)
    assert verdict.acceptable and verdict.score >= 3


def test_length_hint_names_the_minimum() -> None:
    assert "10" in assess("Ab1!").hint


def test_score_grows_with_length() -> None:
    scores = [assess("river stone " * n).bits for n in (1, 2, 3)]
    assert scores == sorted(scores)
