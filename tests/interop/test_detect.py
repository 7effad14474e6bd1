"""Format detection from content, and ``read`` refusing the wrong importer with a hint."""

from __future__ import annotations

import base64
import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.interop import FORMATS, ImportRefused, detect, needs_password, read
from tests.interop.builders import (
    day_entry,
    daylio_backup,
    daylio_document,
    dayone_entry,
    dayone_export,
    zip_bytes,
)
from tests.interop.jrnl_builders import jrnl_v1, jrnl_v2, jrnl_v3

DAYLIO_CSV = (
    b"\xef\xbb\xbffull_date,date,weekday,time,mood,activities,note\n"
    b'2024-01-01,x,x,08:00,rad,"",""\n'
)
JRNL = b"[2024-01-05 08:00] Title\nbody\n"
JRNL_JSON = json.dumps(
    {
        "tags": {},
        "entries": [
            {
                "title": "T",
                "body": "",
                "date": "2024-01-05",
                "time": "08:00",
                "tags": [],
                "starred": False,
            }
        ],
    },
    indent=2,
).encode()
DAYONE = dayone_export(("Journal", [dayone_entry("A" * 32)]))
BACKUP = daylio_backup(daylio_document([day_entry(1)]))


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (DAYLIO_CSV, "daylio-csv"),
        (DAYLIO_CSV.replace(b"\n", b"\r\n"), "daylio-csv"),
        (b"year,date,weekday,time,mood,activities,note\n", "daylio-csv"),
        (BACKUP, "daylio-backup"),
        (base64.b64encode(json.dumps(daylio_document()).encode()), "daylio-backup"),
        (json.dumps(daylio_document()).encode(), "daylio-backup"),
        (JRNL, "jrnl"),
        (b"2010-06-10 15:00 A legacy jrnl 1.x entry.\n", "jrnl"),
        (jrnl_v3("[2024-01-05 08:00] x\n", "pw"), "jrnl"),
        (jrnl_v2("[2024-01-05 08:00] x\n", "pw"), "jrnl"),
        (JRNL_JSON, "jrnl-json"),
        (DAYONE, "dayone"),
        (b'{"metadata": {"version": "1.0"}, "entries": []}', "dayone"),
        (b'{"format": "recovery-journal-export", "version": 1, "entries": []}', "json"),
    ],
)
def test_detects_every_format_from_content(data: bytes, name: str) -> None:
    assert detect(data) == name
    assert name in FORMATS


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"date,weekday,time of day,category,rating/amount,detail,notes\n", "not_supported"),
        (b"ID,DATE (YYYY-MM-DD),IRRITABILITY,ANXIETY\n", "not_supported"),
        (b'[{"date": "2023-1-5", "type": "Mood", "scores": [4]}]', "not_supported"),
        (zip_bytes({"eMoods-data/entry.csv": b"ID\n"}), "not_supported"),
        (zip_bytes({"entries/ABC.doentry": b"<plist/>"}), "not_supported"),
        (zip_bytes({"readme.txt": b"hello"}), "unknown_format"),
        (b'{"something": "else"}', "unknown_format"),
        (b"just some words\n", "unknown_format"),
        (b"[ashasd7zdskhz7asdkjasd] Entry subject\n", "no_entries"),
        ("full_date,date\n".encode("utf-16"), "utf16"),
        (b"\x89PNG\r\n\x1a\n" + bytes(24), "not_utf8"),
    ],
)
def test_refuses_what_it_cannot_import(data: bytes, code: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        detect(data)
    assert caught.value.code == code


def test_jrnl_1x_encryption_is_read_only_when_chosen() -> None:
    data = jrnl_v1("2024-01-05 08:00 Title\n", "pw")
    with pytest.raises(ImportRefused):
        detect(data)
    assert read(data, "jrnl", password="pw").entries[0].title == "Title"


def test_read_auto_uses_the_detected_importer() -> None:
    assert read(DAYLIO_CSV).format == "daylio-csv"
    assert read(DAYLIO_CSV, mood_map={"rad": 10}).entries[0].mood == 10
    assert read(BACKUP).format == "daylio-backup"
    assert read(JRNL).format == "jrnl"
    assert read(JRNL_JSON).format == "jrnl-json"
    assert read(DAYONE).format == "dayone"
    assert read(jrnl_v3(JRNL.decode(), "pw"), password="pw").format == "jrnl"


def test_the_wrong_importer_is_refused_with_the_right_one_named() -> None:
    with pytest.raises(ImportRefused) as caught:
        read(DAYONE, "daylio-csv")
    assert caught.value.code == "wrong_format"
    assert "Day One" in str(caught.value)
    with pytest.raises(ImportRefused) as caught:
        read(JRNL, "jrnl-json")
    assert "jrnl journal" in str(caught.value)
    with pytest.raises(ImportRefused) as caught:
        read(JRNL, "nonsense")
    assert caught.value.code == "unknown_format"


def test_our_own_export_is_left_to_the_journal_import() -> None:
    with pytest.raises(ImportRefused) as caught:
        read(b'{"format": "recovery-journal-export", "version": 1}')
    assert caught.value.code == "own_export"


def test_needs_password() -> None:
    assert needs_password(jrnl_v3("x", "pw")) and needs_password(jrnl_v2("x", "pw"))
    assert not needs_password(JRNL) and not needs_password(DAYLIO_CSV)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=500))
def test_arbitrary_bytes_only_ever_raise_import_refused(data: bytes) -> None:
    with contextlib.suppress(ImportRefused):
        read(data)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([DAYLIO_CSV, JRNL, JRNL_JSON, DAYONE, BACKUP]), st.data())
def test_truncated_or_flipped_files_only_ever_raise_import_refused(
    data: bytes, draw: st.DataObject
) -> None:
    cut = draw.draw(st.integers(0, len(data)))
    flip = draw.draw(st.integers(0, max(len(data) - 1, 0)))
    broken = bytearray(data[:cut] + data[cut:])
    if broken:
        broken[flip % len(broken)] ^= draw.draw(st.integers(1, 255))
    for candidate in (data[:cut], bytes(broken)):
        with contextlib.suppress(ImportRefused):
            read(candidate, password="pw", mood_map={"rad": 9})
