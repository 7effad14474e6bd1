"""jrnl: the text journal (plain and encrypted) and the JSON export (IMPORT-FORMATS §2)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.errors import ErrorKind
from recovery_journal.interop import ImportRefused, read_jrnl, read_jrnl_json
from tests.interop.jrnl_builders import jrnl_v1, jrnl_v2, jrnl_v3

SECRET = "QZXSECRETNOTE42"
PASSWORD = "a jrnl password"

JOURNAL = (
    "[2020-08-29 11:11] Entry the first.\n"
    "Lorem @ipsum dolor, mail me@example.com #TagOne.\n"
    "\n"
    "[2020-08-31 14:32] A second entry in a long series. *\n"
    "Sed sit amet @TagTwo.\n"
    "\n"
    "[2020-09-24 09:14] The third entry.\n"
    "\n"
    "I'm so excited about emojis. 💯 🎶\n"
)


def text(journal: str) -> bytes:
    return journal.encode("utf-8")


def test_the_default_format_title_body_star_and_tags() -> None:
    result = read_jrnl(text(JOURNAL))
    assert result.format == "jrnl"
    one, two, three = result.entries
    assert (one.local_date, one.local_time) == (dt.date(2020, 8, 29), "11:11")
    assert (one.title, one.body) == (
        "Entry the first.",
        "Lorem @ipsum dolor, mail me@example.com #TagOne.",
    )
    assert one.tags == ("ipsum", "tagone")
    assert (two.title, two.starred, two.tags) == (
        "A second entry in a long series.",
        True,
        ("tagtwo",),
    )
    assert not one.starred
    assert three.body == "I'm so excited about emojis. 💯 🎶"
    assert {e.source_app for e in result.entries} == {"jrnl"}
    assert {e.utc_offset_minutes for e in result.entries} == {None}


def test_one_line_entries_split_by_position_like_jrnl() -> None:
    line = "Slept badly. Coffee helped though."
    journal = f"[2024-01-05 08:00] {line}\n[2024-01-06 09:00] {line}\n"
    middle, last = read_jrnl(text(journal)).entries
    assert (middle.title, middle.body) == ("Slept badly.", "Coffee helped though.")
    assert (last.title, last.body) == ("Slept badly. Coffee helped though.", "")


def test_extra_spaces_after_the_bracket_do_not_cut_the_title() -> None:
    entry = read_jrnl(text("[2024-01-05 08:00]    Three spaces title\nbody\n")).entries[0]
    assert (entry.title, entry.body) == ("Three spaces title", "body")


def test_cjk_full_stop_splits_without_a_space() -> None:
    journal = "[2024-01-05 08:00] 今日は晴れ。散歩した\n[2024-01-06 08:00] x\n"
    entry = read_jrnl(text(journal)).entries[0]
    assert (entry.title, entry.body) == ("今日は晴れ。", "散歩した")


def test_a_bracketed_line_that_is_not_a_date_stays_in_the_body() -> None:
    journal = (
        "[2019-07-08 05:42] Entry subject\n[1] line starting with 1\n[2019-07 14:23] half a date\n"
    )
    (entry,) = read_jrnl(text(journal)).entries
    assert entry.body == "[1] line starting with 1\n[2019-07 14:23] half a date"


def test_a_header_without_its_trailing_space_still_starts_an_entry() -> None:
    journal = "[2024-01-05 08:00] First\n\n[2024-01-06 09:00]\nA body with no title line\n"
    first, second = read_jrnl(text(journal)).entries
    assert first.body == ""
    assert (second.local_date, second.title, second.body) == (
        dt.date(2024, 1, 6),
        "",
        "A body with no title line",
    )


@pytest.mark.parametrize(
    ("stamp", "day", "clock"),
    [
        ("2020-08-31 02:32:00 PM", dt.date(2020, 8, 31), "14:32:00"),
        ("2020-08-31 12:05 AM", dt.date(2020, 8, 31), "00:05"),
        ("2020-08-31 14:32:07", dt.date(2020, 8, 31), "14:32:07"),
        ("2020/08/31 14:32", dt.date(2020, 8, 31), "14:32"),
        ("2020-08-31T14:32", dt.date(2020, 8, 31), "14:32"),
        ("31.08.2020 14:32", dt.date(2020, 8, 31), "14:32"),
        ("31/08/2020 14:32", dt.date(2020, 8, 31), "14:32"),
        ("08/31/2020 2:32 pm", dt.date(2020, 8, 31), "14:32"),
        ("Aug 31, 2020 02:32 PM", dt.date(2020, 8, 31), "14:32"),
        ("Monday, 31 August 2020 14:32", dt.date(2020, 8, 31), "14:32"),
        ("2020-08-31", dt.date(2020, 8, 31), None),
    ],
)
def test_every_time_format_family(stamp: str, day: dt.date, clock: str | None) -> None:
    (entry,) = read_jrnl(text(f"[{stamp}] Title\nBody\n")).entries
    assert (entry.local_date, entry.local_time) == (day, clock)


def test_day_month_against_month_day_is_refused_not_guessed() -> None:
    journal = f"[03/04/2020 10:00] A\n{SECRET}\n\n[05/06/2020 10:00] B\n"
    with pytest.raises(ImportRefused) as caught:
        read_jrnl(text(journal))
    assert caught.value.code == "ambiguous_dates"
    assert caught.value.position.line == 1
    assert SECRET not in str(caught.value)
    # one day above 12 settles it
    journal += "\n[25/06/2020 10:00] C\n"
    assert [e.local_date.month for e in read_jrnl(text(journal)).entries] == [4, 6, 6]


def test_jrnl_1x_legacy_journal_without_brackets() -> None:
    journal = (
        "2010-06-10 15:00 A life without chocolate is like a bad analogy.\n\n"
        '2013-06-10 15:40 He said "[this] is the best time to be alive". *\n'
        "[2019-08-03 12:55] kept as body\n"
    )
    one, two = read_jrnl(text(journal)).entries
    assert (one.local_date, one.title) == (
        dt.date(2010, 6, 10),
        "A life without chocolate is like a bad analogy.",
    )
    assert two.starred and two.body == "[2019-08-03 12:55] kept as body"


def test_text_before_the_first_entry_or_no_entry_at_all_is_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_jrnl(text(f"{SECRET}\n[2024-01-05 08:00] First\n"))
    assert caught.value.code == "text_before_first_entry"
    assert SECRET not in str(caught.value)
    with pytest.raises(ImportRefused) as caught:
        read_jrnl(text(f"[ashasd7zdskhz7asdkjasd] {SECRET}\n"))
    assert caught.value.code == "no_entries"
    assert read_jrnl(b"\n\n").entries == ()


def test_crlf_journal_reads_like_lf() -> None:
    crlf = read_jrnl(text(JOURNAL.replace("\n", "\r\n"))).entries
    assert crlf == read_jrnl(text(JOURNAL)).entries


@pytest.mark.parametrize(
    "encrypt",
    [
        jrnl_v3,
        lambda plain, password: jrnl_v3(plain, password, raw_json_header=True),
        jrnl_v2,
        jrnl_v1,
    ],
    ids=["v3", "v3-raw-json-header", "v2-fernet", "v1-aes-cbc"],
)
def test_encrypted_journals_open_with_the_password(encrypt: object) -> None:
    journal = (
        JOURNAL if encrypt is not jrnl_v1 else "2020-08-29 11:11 Entry the first.\nBody @ipsum\n"
    )
    data = encrypt(journal, PASSWORD)  # type: ignore[operator]
    result = read_jrnl(data, password=PASSWORD)
    assert result.entries[0].title == "Entry the first."
    assert result.entries[0].tags == ("ipsum",) if encrypt is jrnl_v1 else ("ipsum", "tagone")
    assert result.notes[0].code == "decrypted"
    with pytest.raises(ImportRefused) as caught:
        read_jrnl(data, password="not the password")
    assert caught.value.code == "wrong_password"
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    with pytest.raises(ImportRefused) as caught:
        read_jrnl(data)
    assert caught.value.code == "password_required"


def test_a_damaged_v3_header_is_refused() -> None:
    data = jrnl_v3(JOURNAL, PASSWORD)
    for broken in (data[:7], data[:8] + b"!!!!" + data[12:], b"JRNLv3\x00\x05{}{}{" + data[20:]):
        with pytest.raises(ImportRefused) as caught:
            read_jrnl(broken, password=PASSWORD)
        assert caught.value.code in {"bad_encrypted_journal", "wrong_password"}


def _export(entries: list[dict[str, object]]) -> bytes:
    # jrnl writes json.dumps(indent=2) with ensure_ascii: emoji arrive as surrogate pairs
    return json.dumps({"tags": {"@tagone": 1}, "entries": entries}, indent=2).encode("ascii")


def _json_entry(**fields: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "title": "Entry the first.",
        "body": "Lorem @ipsum 💯",
        "date": "2020-08-29",
        "time": "11:11",
        "tags": ["@ipsum", "@tagone"],
        "starred": False,
    }
    entry.update(fields)
    return entry


def test_json_export_whole_journal_and_single_entry() -> None:
    data = _export(
        [
            _json_entry(),
            _json_entry(title="Starred", starred=True, uuid="4BB1F46946AD439996C9B59DE7C4DDC1"),
        ]
    )
    assert b"\\ud83d\\udcaf" in data
    result = read_jrnl_json(data)
    assert result.format == "jrnl-json"
    one, two = result.entries
    assert (one.local_date, one.local_time, one.body) == (
        dt.date(2020, 8, 29),
        "11:11",
        "Lorem @ipsum 💯",
    )
    assert one.tags == ("ipsum", "tagone")
    assert two.starred and two.source_id == "jrnl-uuid:4BB1F46946AD439996C9B59DE7C4DDC1"
    single = read_jrnl_json(json.dumps(_json_entry()).encode() + b"\n")
    assert single.entries[0].source_id == one.source_id


def test_text_and_json_of_the_same_journal_give_the_same_keys() -> None:
    from_text = read_jrnl(text(JOURNAL)).entries
    exported = _export(
        [
            _json_entry(
                title=e.title,
                body=e.body,
                date=e.local_date.isoformat(),
                time=e.local_time,
                tags=["@" + t for t in e.tags],
                starred=e.starred,
            )
            for e in from_text
        ]
    )
    assert [e.source_id for e in read_jrnl_json(exported).entries] == [
        e.source_id for e in from_text
    ]


def test_source_ids_are_stable_and_distinct_for_identical_entries() -> None:
    journal = "[2024-01-05 08:00] Same\n\n[2024-01-05 08:00] Same\n"
    first = [e.source_id for e in read_jrnl(text(journal)).entries]
    assert first == [e.source_id for e in read_jrnl(text(journal)).entries]
    assert len(set(first)) == 2


@pytest.mark.parametrize(
    ("bad", "key"),
    [
        ({"date": "29/08/2020"}, "entries[2].date"),
        ({"time": "25:00"}, "entries[2].time"),
        ({"tags": "@ipsum"}, "entries[2].tags"),
        ({"starred": "yes"}, "entries[2].starred"),
        ({"body": 5}, "entries[2].body"),
    ],
)
def test_a_bad_last_json_entry_is_refused_by_its_key(bad: dict[str, object], key: str) -> None:
    last = {**_json_entry(body=SECRET), **bad}
    entries = [_json_entry(body=SECRET), _json_entry(body=SECRET), last]
    with pytest.raises(ImportRefused) as caught:
        read_jrnl_json(_export(entries))
    assert caught.value.position.key == key
    assert SECRET not in str(caught.value)


def test_broken_json_names_line_and_column_not_the_note() -> None:
    data = b'{"tags": {}, "entries": [\n  {"title": "' + SECRET.encode() + b'" "body": ""}]}'
    with pytest.raises(ImportRefused) as caught:
        read_jrnl_json(data)
    assert caught.value.code == "bad_json"
    assert caught.value.position.line == 2
    assert SECRET not in str(caught.value)


def test_json_that_is_not_a_jrnl_export_is_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_jrnl_json(b'{"metadata": {"version": "1.0"}, "entries": []}')
    assert caught.value.code == "wrong_format"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("[]0123456789-: APM*@#.\nab"), max_size=200))
def test_arbitrary_journal_text_only_ever_raises_import_refused(journal: str) -> None:
    with contextlib.suppress(ImportRefused):
        read_jrnl(text(journal))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_only_ever_raise_import_refused(data: bytes) -> None:
    with contextlib.suppress(ImportRefused):
        read_jrnl(data, password="x")
    with contextlib.suppress(ImportRefused):
        read_jrnl_json(data)


@pytest.mark.parametrize("stamp", ["2024-02-30 10:00", "2024-01-05 25:00", "31.13.2024 10:00"])
def test_a_date_line_with_an_impossible_date_refuses_the_journal(stamp: str) -> None:
    journal = (
        f"[2024-01-05 08:00] First\n{SECRET}\n\n[2024-01-06 08:00] Second\n\n[{stamp}] {SECRET}\n"
    )
    with pytest.raises(ImportRefused) as caught:
        read_jrnl(text(journal))
    assert caught.value.code == "bad_date"
    assert caught.value.position.line == 6
    assert SECRET not in str(caught.value)


def test_text_before_the_first_entry_is_located() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_jrnl(text(f"\n\n  {SECRET}\n[2024-01-05 08:00] First\n"))
    assert caught.value.position.line == 3
