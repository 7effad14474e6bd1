"""Turning other apps' rich text into this journal's plain Markdown.

Daylio writes notes as a little HTML (``<br>``, ``<b>``, lists, entities); Day One writes Markdown
with backslash escapes, photo placeholders and invisible characters. Both become readable text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import ClassVar

_LOOKS_HTML = re.compile(
    r"</?(?:br|b|i|u|s|p|div|span|ol|ul|li|em|strong|strike|del|h[1-6]|font|a)\b[^<>]{0,300}>"
    r"|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});",
    re.IGNORECASE,
)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Tags whose markup is dropped and whose content is kept.
_DROPPED = frozenset({"span", "font", "a", "u", "del", "ins", "mark", "small", "sub", "sup"})


def newlines(text: str) -> str:
    """CRLF and lone CR become LF (applied inside fields, after CSV parsing)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _TextMaker(HTMLParser):
    """Collects text from a note's HTML: line breaks, paragraphs, lists, bold and italics."""

    _INLINE: ClassVar[dict[str, str]] = {
        "b": "**",
        "strong": "**",
        "i": "*",
        "em": "*",
        "s": "~~",
        "strike": "~~",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._lists: list[list[int]] = []  # per open list: [is_ordered, counter]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "div") or (tag.startswith("h") and tag[1:].isdigit()):
            self._break()
        elif tag in ("ol", "ul"):
            self._break()
            self._lists.append([tag == "ol", 0])
        elif tag == "li":
            self._break()
            if self._lists and self._lists[-1][0]:
                self._lists[-1][1] += 1
                marker = f"{self._lists[-1][1]}. "
            else:
                marker = "- "
            self.parts.append("  " * max(len(self._lists) - 1, 0) + marker)
        elif tag in self._INLINE:
            self.parts.append(self._INLINE[tag])
        elif tag not in _DROPPED:
            # Not HTML Daylio writes (a note saying "<c_sy>"): keep it as text.
            self.parts.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li") or (tag.startswith("h") and tag[1:].isdigit()):
            self._break()
        elif tag in ("ol", "ul"):
            if self._lists:
                self._lists.pop()
            self._break()
        elif tag in self._INLINE:
            self.parts.append(self._INLINE[tag])
        elif tag not in _DROPPED and tag != "br":
            self.parts.append(f"</{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def _break(self) -> None:
        if self.parts and not "".join(self.parts[-2:]).endswith("\n"):
            self.parts.append("\n")


def html_to_text(text: str) -> str:
    """Plain text of a note that may be HTML; text without any tag or entity is left alone
    (an old note saying ``I <3 this`` is not HTML)."""
    text = newlines(text)
    if not _LOOKS_HTML.search(text):
        return text.strip()
    # In HTML a newline is a space; Daylio's older notes mix real newlines with <br>, keep both.
    maker = _TextMaker()
    maker.feed(text)
    maker.close()
    # Entities were decoded by the parser (convert_charrefs); drop spaces left before a break.
    joined = "".join(maker.parts).replace("\xa0", " ")
    result = "\n".join(line.rstrip() for line in joined.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", result).strip()


# Day One escapes punctuation that needs no escape (``\.``, ``\!``, ``\(``). Those escapes are
# undone; escapes that still mean something in Markdown stay: inline markers (``\*``, ``\_``,
# backquote, brackets, angle brackets, backslash) and a line-start ``\#``, ``\-``, ``\+`` or
# ``1\.`` that would otherwise become a heading or a list.
_MD_ESCAPE = re.compile(r"(?m)(^[ \t]*\d*)?\\([{}()#+\-.!|~=\"'&:;,/?@$%^])")


def _unescape(match: re.Match[str]) -> str:
    line_start, char = match.group(1), match.group(2)
    if line_start is not None and (
        (line_start.strip() == "" and char in "#-+") or (line_start.strip() and char == ".")
    ):
        return match.group(0)
    return (line_start or "") + char


# Bounded repeats: an unbounded one made crafted text take quadratic time.
_DAYONE_MEDIA = re.compile(r"!\[[^\]\n]{0,300}\]\(dayone-moment:[^)\s]{0,300}\)\n?")
_INVISIBLE = re.compile("[\ufffc\u200b]")


_ANY_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def dayone_markdown(text: str, *, plain: bool = False) -> tuple[str, int]:
    """Day One's Markdown cleaned: photo/audio placeholders removed (their count returned),
    U+FFFC and zero-width spaces dropped, needless backslash escapes undone (all of them when
    ``plain``, for a title that is shown as plain text)."""
    text = newlines(text)
    text, media = _DAYONE_MEDIA.subn("", text)
    text = _INVISIBLE.sub("", text)
    text = _ANY_ESCAPE.sub(r"\1", text) if plain else _MD_ESCAPE.sub(_unescape, text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip(), media
