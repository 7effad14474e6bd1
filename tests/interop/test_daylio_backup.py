"""Daylio .daylio backups: exact mood levels, tags by name, local time from UTC + offset."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.interop import ImportRefused, read_daylio_backup
from tests.interop.builders import day_entry, daylio_backup, daylio_document, zip_bytes

SECRET = "QZXSECRETNOTE42"


def test_levels_tags_local_time_and_photos() -> None:
    document = daylio_document(
        [
            day_entry(
                1,
                note="Note body<br>second &amp; last",
                note_title="Note title",
                tags=[1, 3, 4, 99],
                assets=[7, 8],
            ),
            day_entry(2, mood=5, datetime=1700408759432, timeZoneOffset=-18000000),
            day_entry(3, mood=8, datetime=1431799200000, timeZoneOffset=7200000),
            day_entry(4, mood=9, isFavorite=True),
        ]
    )
    result = read_daylio_backup(
        daylio_backup(document, {"assets/photos/2023/1/abc123": b"\xff\xd8 not really a jpeg"})
    )
    assert result.format == "daylio-backup"
    one, two, three, four = result.entries
    assert (one.local_date, one.local_time, one.utc_offset_minutes) == (
        dt.date(2023, 1, 24),
        "09:59",
        60,
    )
    assert (one.title, one.body) == ("Note title", "Note body\nsecond & last")
    assert one.tags == ("dormir tôt", "jeu vidéo", "Family")
    assert (one.mood, one.mood_label) == (9, "rad")
    assert (two.local_date, two.local_time, two.utc_offset_minutes) == (
        dt.date(2023, 11, 19),
        "10:45",
        -300,
    )
    assert (two.mood, two.mood_label) == (1, "awful")
    assert (three.local_date, three.local_time) == (dt.date(2015, 5, 16), "20:00")
    assert (three.mood, three.mood_label) == (3, "null")  # a mood literally named "null"
    assert (four.mood, four.mood_label, four.starred) == (5, "Tired", True)
    assert [(n.code, n.count) for n in result.skipped] == [("photos", 2)]
    assert dict(result.mood_labels) == {"rad": 1, "awful": 1, "null": 1, "Tired": 1}


def test_every_level_maps_to_9_7_5_3_1() -> None:
    document = daylio_document([day_entry(i, mood=i) for i in range(1, 6)])
    assert [e.mood for e in read_daylio_backup(daylio_backup(document)).entries] == [9, 7, 5, 3, 1]


def test_the_bare_backup_member_is_read_too() -> None:
    encoded = base64.b64encode(json.dumps(daylio_document([day_entry(1)])).encode())
    assert len(read_daylio_backup(encoded).entries) == 1


def test_source_ids_are_stable_and_distinct_for_the_same_instant() -> None:
    data = daylio_backup(daylio_document([day_entry(1), day_entry(2)]))
    first = [e.source_id for e in read_daylio_backup(data).entries]
    assert first == [e.source_id for e in read_daylio_backup(data).entries]
    assert len(set(first)) == 2


@pytest.mark.parametrize(
    ("bad", "code", "key"),
    [
        ({"mood": 77}, "bad_backup", "dayEntries[2].mood"),
        ({"datetime": "yesterday"}, "bad_backup", "dayEntries[2].datetime"),
        ({"timeZoneOffset": 10**9}, "bad_backup", "dayEntries[2].timeZoneOffset"),
        ({"note": ["not", "text"]}, "bad_backup", "dayEntries[2].note"),
        ({"datetime": 10**18}, "bad_backup", "dayEntries[2].datetime"),
    ],
)
def test_a_bad_last_entry_refuses_the_backup(bad: dict[str, object], code: str, key: str) -> None:
    entries = [day_entry(1, note=SECRET), day_entry(2, note=SECRET), day_entry(3, **bad)]
    with pytest.raises(ImportRefused) as caught:
        read_daylio_backup(daylio_backup(daylio_document(entries)))
    assert caught.value.code == code
    assert caught.value.position.key == key
    assert SECRET not in str(caught.value)


def test_not_a_backup_and_damaged_contents_are_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_daylio_backup(zip_bytes({"something.json": b"{}"}))
    assert caught.value.code == "wrong_format"
    with pytest.raises(ImportRefused) as caught:
        read_daylio_backup(zip_bytes({"backup.daylio": b"%%% not base64 %%%"}))
    assert caught.value.code == "bad_backup"
    broken_json = base64.b64encode(b'{"dayEntries": [' + SECRET.encode() + b"]}")
    with pytest.raises(ImportRefused) as caught:
        read_daylio_backup(zip_bytes({"backup.daylio": broken_json}))
    assert caught.value.code == "bad_json"
    assert caught.value.position.line == 1
    assert SECRET not in str(caught.value)


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_arbitrary_entries_only_ever_raise_import_refused(value: object) -> None:
    document = daylio_document([day_entry(1), value])  # type: ignore[list-item]
    with contextlib.suppress(ImportRefused):
        read_daylio_backup(daylio_backup(document))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_only_ever_raise_import_refused(data: bytes) -> None:
    with contextlib.suppress(ImportRefused):
        read_daylio_backup(data)
    with contextlib.suppress(ImportRefused):
        read_daylio_backup(b"PK\x03\x04" + data)


@pytest.mark.parametrize("tags", [5, "abc", {"1": 2}])
def test_tags_that_are_not_a_list_are_refused(tags: object) -> None:
    with pytest.raises(ImportRefused) as caught:
        read_daylio_backup(daylio_backup(daylio_document([day_entry(1, tags=tags)])))
    assert caught.value.position.key == "dayEntries[0].tags"
