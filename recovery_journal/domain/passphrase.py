"""Passphrase strength: a local, explainable estimate that refuses weak choices with a hint.

No external service and no word lists beyond a few very common choices. The estimate is
deliberately simple (length and variety, penalties for repeats, sequences and common words) so the
hint can say exactly what to change. A long phrase of ordinary words is the recommended shape.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

MIN_LENGTH = 10
ACCEPTABLE_BITS = 50.0
_COMMON = frozenset(
    {
        "password",
        "passphrase",
        "123456",
        "12345678",
        "qwerty",
        "letmein",
        "iloveyou",
        "welcome",
        "admin",
        "recovery",
        "journal",
        "sobriety",
        "monkey",
        "dragon",
        "sunshine",
        "princess",
    }
)
_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm")


@dataclass(frozen=True, slots=True)
class Strength:
    """Score 0–4 (for a meter), an estimate in bits, whether it is accepted, and a hint."""

    score: int
    bits: float
    acceptable: bool
    hint: str


def _pool(text: str) -> int:
    pool = 0
    if any(c in string.ascii_lowercase for c in text):
        pool += 26
    if any(c in string.ascii_uppercase for c in text):
        pool += 26
    if any(c in string.digits for c in text):
        pool += 10
    if any(c in string.punctuation or c == " " for c in text):
        pool += 33
    if any(ord(c) > 127 for c in text):
        pool += 100
    return max(pool, 1)


def _effective_length(text: str) -> float:
    """Length, discounting repeated characters and runs of keyboard/alphabet sequences."""
    lowered = text.lower()
    length = 0.0
    for i, ch in enumerate(lowered):
        prev = lowered[i - 1] if i else ""
        if ch == prev:
            length += 0.25
        elif prev and any(prev + ch in seq for seq in _SEQUENCES):
            length += 0.35
        else:
            length += 1.0
    return length


def assess(passphrase: str) -> Strength:
    text = passphrase
    if not text:
        return Strength(0, 0.0, False, "Choose a passphrase: a few words only you would pick.")
    folded = "".join(c for c in text.lower() if c.isalnum())
    bits = _effective_length(text) * math.log2(_pool(text))
    words = [w for w in text.replace("-", " ").split() if w]
    if len(words) >= 4:
        bits = max(bits, len(words) * 11.0)  # several words: at least ~11 bits each
    if folded in _COMMON or any(folded.startswith(c) and len(folded) < len(c) + 4 for c in _COMMON):
        bits = min(bits, 10.0)
    score = (
        0
        if bits < 28
        else 1
        if bits < 40
        else 2
        if bits < ACCEPTABLE_BITS
        else 3
        if bits < 70
        else 4
    )
    acceptable = len(text) >= MIN_LENGTH and bits >= ACCEPTABLE_BITS
    if acceptable:
        hint = "Strong enough. Only you can unlock this journal, so keep it somewhere safe."
    elif len(text) < MIN_LENGTH:
        hint = f"Make it longer: at least {MIN_LENGTH} characters. Four ordinary words work well."
    elif bits <= 10.0:
        hint = "That one is very common. Try a few words that mean something only to you."
    else:
        hint = "Add another word or two, or mix in a number or symbol."
    return Strength(score, round(bits, 1), acceptable, hint)
