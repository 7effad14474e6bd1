"""The small plain-text syntax ``recovery-journal add`` reads from standard input or its prompt.

Journal text given as command-line arguments is visible to other local users while the command
runs (``/proc/PID/cmdline``) and stays in the shell's history, so the command line reads an entry
from standard input instead. The syntax (README, “From the terminal”)::

    # A title                      optional: a first line starting with "# "
    tags: walk, evening            optional: a line starting with "tags:" (commas or spaces)

    Everything else is the body, as written (Markdown welcome).

The two header lines may come in either order, before any other text; blank lines before and
after them are dropped. A body that itself starts with "# " needs a ``# Title`` line first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAGS = re.compile(r"^tags:(.*)$", re.IGNORECASE)
_TITLE = re.compile(r"^#\s+(.*\S)\s*$")


@dataclass(frozen=True, slots=True)
class EntryText:
    """What a piece of typed or piped text says: title, tags and body."""

    title: str
    tags: tuple[str, ...]
    body: str


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(tag for tag in re.split(r"[,\s]+", text.strip()) if tag.strip("#"))


def parse_entry_text(text: str) -> EntryText:
    """Split ``text`` into an optional ``# Title`` line, an optional ``tags:`` line and the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = ""
    tags: tuple[str, ...] = ()
    seen_title = seen_tags = False
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        title_match = _TITLE.match(line)
        tags_match = _TAGS.match(line)
        if title_match and not seen_title:
            title, seen_title = title_match.group(1).strip(), True
        elif tags_match and not seen_tags:
            tags, seen_tags = _split_tags(tags_match.group(1)), True
        else:
            break
        index += 1
    body = "\n".join(lines[index:]).strip("\n").rstrip()
    return EntryText(title, tags, body)
