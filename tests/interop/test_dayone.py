"""Day One JSON export (zip): local time from creationDate + timeZone, Markdown cleaned."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.interop import ImportRefused, read_dayone
from tests.interop.builders import apple_json, dayone_entry, dayone_export, zip_bytes

SECRET = "QZXSECRETNOTE42"
UUID = "2F8DDCA258634D9994DF3A4FEE328035"
PHOTO = "![](dayone-moment://76F9B0AC37954B51BF8B9146498B29C2)"


def test_local_time_title_escapes_photos_tags_and_star() -> None:
    text = (
        "# All packed up finally \\.\\. still checking on weather \\.\\.\\. \n\n"
        f"{PHOTO}\n\n\ufffcCairns here we come\\. Gud nit canberra\\.\u200b"
    )
    entry = dayone_entry(
        UUID,
        text=text,
        tags=["Travel", "family ", "Travel"],
        starred=True,
        photos=[{"identifier": "76F9B0AC37954B51BF8B9146498B29C2", "md5": "abc", "type": "jpeg"}],
        location={"placeName": "Somewhere", "latitude": 1.0, "longitude": 2.0},
        richText='{"meta":{"version":1},"contents":[]}',
    )
    result = read_dayone(dayone_export(("Journal", [entry]), media=1))
    assert result.format == "dayone"
    (one,) = result.entries
    assert (one.local_date, one.local_time, one.utc_offset_minutes) == (
        dt.date(2021, 3, 3),
        "22:48:50",
        660,
    )
    assert one.title == "All packed up finally .. still checking on weather ..."
    assert one.body == "Cairns here we come. Gud nit canberra."
    assert one.tags == ("Travel", "family")
    assert one.starred
    assert (one.source_app, one.source_id) == ("dayone", f"dayone:{UUID}")
    assert {(n.code, n.count) for n in result.skipped} == {("media", 1), ("location", 1)}


def test_missing_text_and_plain_first_line() -> None:
    entries = [
        dayone_entry("A" * 32, timeZone="Europe/Berlin", creationDate="2019-03-26T21:44:20Z"),
        dayone_entry("B" * 32, text="No heading here\nsecond line \\* not a list"),
    ]
    del entries[0]["text"]
    one, two = read_dayone(dayone_export(("Journal", entries))).entries
    assert (one.title, one.body, one.local_time, one.utc_offset_minutes) == ("", "", "22:44:20", 60)
    assert (two.title, two.body) == ("", "No heading here\nsecond line \\* not a list")


def test_escapes_that_still_mean_something_in_markdown_are_kept_in_the_text() -> None:
    text = "# A \\*starred\\* title\\!\n\\- not a list\n1\\. not a list\nmid \\- dash\\. \\_u\\_"
    (entry,) = read_dayone(dayone_export(("Journal", [dayone_entry("A" * 32, text=text)]))).entries
    assert entry.title == "A *starred* title!"
    assert entry.body == "\\- not a list\n1\\. not a list\nmid - dash. \\_u\\_"


def test_unknown_or_missing_time_zone_keeps_utc_and_says_so() -> None:
    entries = [
        dayone_entry("A" * 32, timeZone="Mars/Olympus_Mons"),
        dayone_entry("B" * 32, timeZone="../../etc/passwd"),
        dayone_entry("C" * 32),
    ]
    del entries[2]["timeZone"]
    result = read_dayone(dayone_export(("Journal", entries)))
    assert {(e.local_time, e.utc_offset_minutes) for e in result.entries} == {("11:48:50", None)}
    assert [(n.code, n.count) for n in result.notes] == [("timezone_unknown", 3)]


def test_several_journals_and_the_bare_json_file() -> None:
    data = dayone_export(("Journal", [dayone_entry("A" * 32)]), ("Work", [dayone_entry("B" * 32)]))
    assert len(read_dayone(data).entries) == 2
    bare = apple_json({"metadata": {"version": "1.0"}, "entries": [dayone_entry("C" * 32)]})
    assert b"\\/" in bare
    assert read_dayone(bare).entries[0].source_id == "dayone:" + "C" * 32


def test_source_ids_are_the_uuids_and_stable() -> None:
    data = dayone_export(("Journal", [dayone_entry("A" * 32), dayone_entry("B" * 32)]))
    first = [e.source_id for e in read_dayone(data).entries]
    assert (
        first
        == [e.source_id for e in read_dayone(data).entries]
        == [
            "dayone:" + "A" * 32,
            "dayone:" + "B" * 32,
        ]
    )


@pytest.mark.parametrize(
    ("bad", "key"),
    [
        ({"creationDate": "03/03/2021 11:48"}, "entries[2].creationDate"),
        ({"uuid": None}, "entries[2].uuid"),
        ({"tags": "travel"}, "entries[2].tags"),
        ({"starred": 1}, "entries[2].starred"),
        ({"text": ["x"]}, "entries[2].text"),
    ],
)
def test_a_bad_last_entry_is_refused_by_its_key(bad: dict[str, object], key: str) -> None:
    entries = [dayone_entry(str(i) * 32, text=SECRET) for i in range(2)]
    entries.append({**dayone_entry("9" * 32, text=SECRET), **bad})
    with pytest.raises(ImportRefused) as caught:
        read_dayone(dayone_export(("Journal", entries)))
    assert caught.value.position.key == key
    assert caught.value.position.member == "Journal.json"
    assert SECRET not in str(caught.value)


def test_zips_without_a_journal_and_classic_exports_are_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_dayone(zip_bytes({"photos/a.jpeg": b"x"}))
    assert caught.value.code == "wrong_format"
    with pytest.raises(ImportRefused) as caught:
        read_dayone(zip_bytes({"notes.json": b'{"something": "else"}'}))
    assert caught.value.code == "wrong_format"


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.sampled_from(["uuid", "text", "tags", "timeZone", "x"]), inner)
        ),
        max_leaves=15,
    )
)
def test_arbitrary_entries_only_ever_raise_import_refused(value: object) -> None:
    with contextlib.suppress(ImportRefused):
        read_dayone(dayone_export(("Journal", [dayone_entry("A" * 32), value])))  # type: ignore[list-item]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_entry_text_never_fails(text: str) -> None:
    read_dayone(dayone_export(("Journal", [dayone_entry("A" * 32, text=text)])))
