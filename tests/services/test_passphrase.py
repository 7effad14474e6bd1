"""Passphrase strength (zxcvbn, offline): common weak choices are refused with zxcvbn's advice."""

from __future__ import annotations

import unicodedata

import pytest

from recovery_journal.domain.passphrase import normalise
from recovery_journal.services.passphrase import MIN_GUESSES_LOG10, assess

# Passphrases people really choose (and that the old estimate let through at the top score).
COMMON_WEAK = [
    "",
    "short",
    "password123",
    "aaaaaaaaaaaa",
    "abcdefghijkl",
    "1234567890",
    "qwertyuiop",
    "Password2024!",
    "password password",
    "a a a a a a a a a a",
    "P@ssw0rd123456",
    "iloveyou iloveyou",
    "letmein letmein letmein",
    "monkey monkey monkey",
    "Sommer2024!!",
    "qwertyuiop123",
    "1234567890abcdef",
    "recovery recovery",
    "sober sober sober",
    "journal2024!",
]


@pytest.mark.parametrize("weak", COMMON_WEAK)
def test_common_weak_passphrases_are_refused_with_advice(weak: str) -> None:
    verdict = assess(weak)
    assert not verdict.acceptable
    assert verdict.score <= 1  # never more than "Weak" on the meter
    assert verdict.hint and "Strong enough" not in verdict.hint


@pytest.mark.parametrize(
    "strong",
    [
        "correct horse battery staple",
        "Tea at 4, then the long walk!",
        "7v#Lq2!xZp9@",
        "quiet river evening light",
        "café au lait mornings by the river",
    ],
)
def test_strong_passphrases_are_accepted(strong: str) -> None:
    verdict = assess(strong)
    assert verdict.acceptable and verdict.score >= 3
    assert verdict.bits >= MIN_GUESSES_LOG10 * 3.3


def test_the_hint_is_zxcvbns_feedback() -> None:
    verdict = assess("Password2024!")
    assert verdict.warning and "common" in verdict.warning.lower()
    assert verdict.warning in verdict.hint
    assert any("word" in s.lower() for s in verdict.suggestions)


def test_a_repeated_word_gets_generic_advice_when_zxcvbn_has_none() -> None:
    verdict = assess("password password")
    assert "Add a word or two" in verdict.hint or verdict.suggestions


def test_length_hint_names_the_minimum() -> None:
    assert "10" in assess("Ab1!").hint


def test_score_grows_with_length() -> None:
    scores = [assess("river stone " * n).bits for n in (1, 2, 3)]
    assert scores == sorted(scores)


def test_very_long_passphrases_are_estimated_quickly_and_accepted() -> None:
    assert assess("the long road home under a wide sky " * 10).acceptable


def test_nfc_and_nfd_are_the_same_passphrase() -> None:
    nfc = "café au lait mornings"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc and normalise(nfd) == nfc and assess(nfd) == assess(nfc)
