"""Version 4: enumerations are stored as stable codes (``breaking_down``), not English phrases.

Versions 1–3 stored each enumeration by its English words ("things are breaking down"), so
rewording one needed a migration and translating the app was impossible. From version 4 the
database holds short codes that never change; the words live in one module
(``recovery_journal/words.py``), ready for translation. Only values whose words differ from their
code change; the others (``early``, ``people``…) were codes already. Frozen: this table is the
history, not the current enums.
"""

from __future__ import annotations

# (table, column) → the version-3 words and the version-4 code of every value that changes.
RENAMED: dict[tuple[str, str], dict[str, str]] = {
    ("triggers", "category"): {
        "dates and anniversaries": "dates",
        "internal states": "internal",
        "HALT (hungry, angry, lonely, tired)": "halt",
    },
    ("warning_signs", "stage"): {"things are breaking down": "breaking_down"},
    ("coping_plan_items", "warning_stage"): {"things are breaking down": "breaking_down"},
    ("coping_strategies", "category"): {"social/peer": "social"},
    ("coping_strategies", "source"): {"peer meeting": "peer_meeting"},
    ("counters", "convention"): {"day 1": "day_one", "day 0": "day_zero"},
    ("support_contacts", "role"): {"crisis line": "crisis_line"},
}
_SAFETY_STEPS = {
    "my warning signs": "warning_signs",
    "things I can do on my own": "internal_coping",
    "people and places that take my mind off things": "distraction",
    "people I can ask for help": "ask_for_help",
    "professionals and crisis lines": "professionals",
    "making my environment safer": "safe_environment",
    "my reasons for living": "reasons_for_living",
}
RENAMED[("safety_plan_items", "step")] = _SAFETY_STEPS
RENAMED[("support_contacts", "safety_step")] = _SAFETY_STEPS


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _update(table: str, column: str, renamed: dict[str, str]) -> str:
    cases = " ".join(f"WHEN {_literal(old)} THEN {_literal(new)}" for old, new in renamed.items())
    olds = ", ".join(_literal(old) for old in renamed)
    return f"UPDATE {table} SET {column} = CASE {column} {cases} END WHERE {column} IN ({olds});\n"


SQL = "".join(_update(table, column, renamed) for (table, column), renamed in RENAMED.items())
