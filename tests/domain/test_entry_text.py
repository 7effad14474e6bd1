"""The small syntax `add` reads from standard input: `# Title`, `tags:`, then the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recovery_journal.domain.entry_text import EntryText, parse_entry_text


def test_title_tags_and_body() -> None:
    parsed = parse_entry_text("# Evening\ntags: walk, #canal  quiet\n\nA walk.\n\n# not a title\n")
    assert parsed == EntryText("Evening", ("walk", "#canal", "quiet"), "A walk.\n\n# not a title")


def test_header_lines_in_either_order_and_optional() -> None:
    assert parse_entry_text("Tags: a\n# T\nbody") == EntryText("T", ("a",), "body")
    assert parse_entry_text("just words\n# later") == EntryText("", (), "just words\n# later")
    assert parse_entry_text("") == EntryText("", (), "")


def test_windows_line_endings() -> None:
    assert parse_entry_text("# T\r\ntags: x\r\n\r\nline one\r\nline two\r\n") == EntryText(
        "T", ("x",), "line one\nline two"
    )


_LINE = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=30
)


@given(
    title=_LINE.filter(lambda t: t.strip() == t and t != ""),
    tags=st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), max_size=4),
    body=st.lists(_LINE, max_size=5).map("\n".join),
)
def test_what_is_written_in_the_syntax_reads_back(title: str, tags: list[str], body: str) -> None:
    body = "text: " + body  # a body that can't be mistaken for a header line
    text = f"# {title}\ntags: {', '.join(tags)}\n\n{body}\n"
    parsed = parse_entry_text(text)
    assert parsed == EntryText(title, tuple(tags), body.rstrip())
