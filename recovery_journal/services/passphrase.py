"""Passphrase strength: Dropbox's zxcvbn estimate (offline, pure Python), with a documented
threshold and its feedback as the hint.

zxcvbn estimates how many guesses an attacker who knows common passwords, names, words, dates,
keyboard patterns, repeats and l33t substitutions would need. The earlier home-made estimate gave
``Password2024!``, ``password password`` and ``a a a a a a a a a a`` its top score; zxcvbn sees
through all three.

**Threshold** (docs/SECURITY.md): a new passphrase is accepted when it has at least
:data:`MIN_LENGTH` characters *and* zxcvbn estimates at least 10^:data:`MIN_GUESSES_LOG10` guesses
(10 billion). Against the journal's Argon2id (256 MiB, t = 3) even a well-equipped attacker
manages thousands of guesses a second, so that is decades of guessing. Only the first
:data:`ESTIMATE_CHARS` characters are estimated (zxcvbn's limit); a longer one is judged by those.
The passphrase is estimated as it will be stored: Unicode NFC (see :func:`normalise`).

It lives in ``services`` because ``domain`` imports only the standard library; zxcvbn (pure
Python, no I/O, ~40 ms to import) is imported where it is first used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from recovery_journal.domain.passphrase import normalise

MIN_LENGTH = 10
MIN_GUESSES_LOG10 = 10.0
ESTIMATE_CHARS = 72
# Words this app's people are likelier than most to use: zxcvbn treats them as known words.
_APP_WORDS = (
    "recovery",
    "journal",
    "recoveryjournal",
    "passphrase",
    "sober",
    "sobriety",
    "clean",
    "therapy",
    "diary",
)
_ACCEPTED = "Strong enough. Only you can unlock this journal, so keep it somewhere safe."
_DEFAULT_ADVICE = "Add a word or two; avoid years, names and common phrases."


@dataclass(frozen=True, slots=True)
class Strength:
    """Score 0–4 (for a meter), zxcvbn's estimate in bits (log2 of the guesses), whether it is
    accepted, the hint to show, and zxcvbn's own warning and suggestions."""

    score: int
    bits: float
    acceptable: bool
    hint: str
    warning: str = ""
    suggestions: tuple[str, ...] = ()


def _estimate(text: str) -> tuple[float, str, tuple[str, ...]]:
    from zxcvbn import zxcvbn

    result = zxcvbn(text[:ESTIMATE_CHARS], user_inputs=list(_APP_WORDS))
    feedback = result.get("feedback") or {}
    return (
        float(result["guesses_log10"]),
        str(feedback.get("warning") or ""),
        tuple(str(s) for s in feedback.get("suggestions") or ()),
    )


def assess(passphrase: str) -> Strength:
    """How guessable ``passphrase`` is, whether it is accepted, and what to change if not."""
    text = normalise(passphrase)
    if not text:
        return Strength(0, 0.0, False, "Choose a passphrase: a few words only you would pick.")
    log10, warning, suggestions = _estimate(text)
    bits = round(log10 * math.log2(10), 1)
    long_enough = len(text) >= MIN_LENGTH
    acceptable = long_enough and log10 >= MIN_GUESSES_LOG10
    if acceptable:
        return Strength(3 if log10 < 12 else 4, bits, True, _ACCEPTED)
    # A refused passphrase never reads better than "Weak" on the meter, whatever the count.
    score = 0 if log10 < 6 else 1
    if not long_enough:
        hint = f"Make it longer: at least {MIN_LENGTH} characters. Four ordinary words work well."
    else:
        hint = " ".join([*(s for s in (warning,) if s), *suggestions]) or _DEFAULT_ADVICE
        if _DEFAULT_ADVICE not in hint and not suggestions:
            hint = f"{hint} {_DEFAULT_ADVICE}".strip()
    return Strength(score, bits, False, hint, warning, suggestions)
