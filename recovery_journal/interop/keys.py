"""Stable dedupe keys for sources that have no ids of their own (IMPORT-FORMATS §0.7).

A key is a hash of what the entry says (when, mood word, title, text), never the timestamp alone:
two entries at the same minute are legitimate. Identical entries in one file are told apart by
their occurrence number, so re-reading the same file always yields the same keys.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter


class KeyMaker:
    """Makes ``<prefix>:<sha256>`` keys, with ``#2``, ``#3``… for exact repeats in one file."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._seen: Counter[str] = Counter()

    def key(self, *parts: str | int | None) -> str:
        """The key of an entry made of these parts."""
        canonical = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        self._seen[digest] += 1
        count = self._seen[digest]
        return f"{self._prefix}:{digest}" + (f"#{count}" if count > 1 else "")
