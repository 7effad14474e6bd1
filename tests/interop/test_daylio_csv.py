"""Daylio CSV export: every header version and the quirks of IMPORT-FORMATS §1.1-1.2."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.interop import DAYLIO_DEFAULT_SUGGESTION, ImportRefused, read_daylio_csv

SECRET = "QZXSECRETNOTE42"

V1 = "year,date,weekday,time,mood,activities,note"
V2 = "full_date,date,weekday,time,mood,activities,note"
V3 = "full_date,date,weekday,time,mood,activities,note_title,note"
V4 = "full_date,date,weekday,time,mood,activities,scales,note_title,note"


def csv_bytes(*lines: str, bom: bool = False, crlf: bool = False) -> bytes:
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_v3_with_bom_and_crlf_reads_every_field() -> None:
    data = csv_bytes(
        V3,
        '2024-03-02,March 2,Saturday,20:39,good,"work |  Sick | ","Title","Line one<br>Line two"',
        '2024-03-01,March 1,Friday,5:01 PM,sad ,"","",""',
        bom=True,
        crlf=True,
    )
    result = read_daylio_csv(data)
    assert result.format == "daylio-csv"
    first, second = result.entries
    assert first.local_date == dt.date(2024, 3, 2)
    assert first.local_time == "20:39"
    assert first.utc_offset_minutes is None
    assert (first.title, first.body) == ("Title", "Line one\nLine two")
    assert first.tags == ("work", "Sick")
    assert first.mood is None and first.mood_label == "good"
    assert second.local_time == "17:01"
    assert second.mood_label == "sad"
    assert second.title == "" and second.body == ""
    assert first.source_app == "daylio"
    assert dict(result.mood_labels) == {"good": 1, "sad": 1}
    assert [n.code for n in result.notes] == ["mood_unmapped"]


def test_mood_set_only_through_an_explicit_map() -> None:
    data = csv_bytes(
        V2, "2024-01-01,Jan 1,Monday,08:00,rad,,", "2024-01-01,Jan 1,Monday,09:00,Meh,,"
    )
    assert [e.mood for e in read_daylio_csv(data).entries] == [None, None]
    mapped = read_daylio_csv(data, mood_map=DAYLIO_DEFAULT_SUGGESTION)
    assert [e.mood for e in mapped.entries] == [9, 5]  # "Meh" matches "meh" ignoring case
    assert mapped.notes == ()


def test_a_mood_map_outside_0_to_10_is_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(csv_bytes(V2), mood_map={"rad": 11})
    assert caught.value.code == "bad_mood_map"


def test_v1_combines_year_with_the_localised_date() -> None:
    data = csv_bytes(
        V1,
        '2017,28 September,Thursday,11:54 pm,rad,"",""',
        '2017,June 22,Thursday,12:00 AM,good,"",""',
        '2017,7 września,czwartek,12:30 PM,dobrze,"",""',
        '2018,Dec 17,Monday,6:50 pm,meh,"",""',
    )
    entries = read_daylio_csv(data).entries
    assert [(e.local_date, e.local_time) for e in entries] == [
        (dt.date(2017, 9, 28), "23:54"),
        (dt.date(2017, 6, 22), "00:00"),
        (dt.date(2017, 9, 7), "12:30"),
        (dt.date(2018, 12, 17), "18:50"),
    ]


def test_v1_date_in_an_unknown_language_is_refused_with_a_hint() -> None:
    data = csv_bytes(V1, '2017,7 Kuukausi,x,10:00,ok,"",""')
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(data)
    assert caught.value.code == "localised_date"
    assert caught.value.position.row == 2 and caught.value.position.column == "date"
    assert "full_date" in str(caught.value)


def test_full_date_is_preferred_over_the_display_date() -> None:
    data = csv_bytes(V2, '2023-03-01,1 Lutego,sobota,14:58,meh,"",""')
    assert read_daylio_csv(data).entries[0].local_date == dt.date(2023, 3, 1)


def test_v4_scales_and_html_notes() -> None:
    data = csv_bytes(
        V4,
        '2026-01-05,Jan 5,Monday,07:10,good,"sos | ""quoted activity""",'
        '"Sleep Quality: 8/10 points | Sleep Time: 8:00","","Never mind<b>d</b>.<br><br>'
        'Am I [[virtual]]? &amp; <ol><li>one</li><li>two</li></ol>"',
    )
    entry = read_daylio_csv(data).entries[0]
    assert entry.tags == ("sos", '"quoted activity"')
    assert entry.body == (
        "Never mind**d**.\n\nAm I [[virtual]]? &\n1. one\n2. two\n\n"
        "Sleep Quality: 8/10 points\nSleep Time: 8:00"
    )


def test_plain_notes_with_angle_brackets_are_not_html() -> None:
    data = csv_bytes(V2, '2024-01-01,x,x,08:00,rad,"<c_sy> sleep rhythm distur","I <3 this\r\nyes"')
    entry = read_daylio_csv(data).entries[0]
    assert entry.body == "I <3 this\nyes"
    assert entry.tags == ("<c_sy> sleep rhythm distur",)


def test_unquoted_and_missing_activities_and_literal_newlines() -> None:
    data = csv_bytes(
        V2,
        '2024-01-02,x,x,14:58,rad,friends | gaming | programming | nap,"Awesome"',
        '2024-01-01,x,x,6:50 pm,meh,,"two\nlines, with comma"',
        "| at the office | lunch |",
    )
    # the pipe line is a third row with one field: refused (row 4)
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(data)
    assert caught.value.code == "field_count" and caught.value.position.row == 4
    good = read_daylio_csv(data.rsplit(b"| at", 1)[0])
    assert good.entries[0].tags == ("friends", "gaming", "programming", "nap")
    assert good.entries[1].body == "two\nlines, with comma"
    assert good.entries[1].local_time == "18:50"


def test_leading_and_trailing_pipes_give_no_empty_tags() -> None:
    data = csv_bytes(V2, '2024-01-01,x,x,08:00,rad,"| at the office |  | lunch |",""')
    assert read_daylio_csv(data).entries[0].tags == ("at the office", "lunch")


@pytest.mark.parametrize(
    ("line", "code", "column"),
    [
        ('2024-01-01,x,x,08:00,rad,"",' + f'"{SECRET}",extra', "field_count", None),
        ('2024-01-01,x,x,08:00,rad,""', "field_count", None),
        ('2024-13-01,x,x,08:00,rad,"",' + f'"{SECRET}"', "bad_date", "full_date"),
        ('2024-01-01,x,x,25:00,rad,"",' + f'"{SECRET}"', "bad_time", "time"),
        ('2024-01-01,x,x,13:00 PM,rad,"",' + f'"{SECRET}"', "bad_time", "time"),
        ('2024-01-01,x,x,08:00,rad,"",' + f'"{SECRET}', "bad_csv", None),
        ('2024-01-01,x,x,08:00,rad,"",' + f'"{SECRET}"x', "bad_csv", None),
    ],
)
def test_a_bad_last_row_refuses_the_file_naming_the_row_not_the_note(
    line: str, code: str, column: str | None
) -> None:
    good = f'2024-01-02,x,x,08:00,rad,"","{SECRET}"'
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(csv_bytes(V2, good, good, line))
    error = caught.value
    assert error.code == code
    assert error.position.row == 4
    assert error.position.column == column
    assert "row 4" in str(error).lower()
    assert SECRET not in str(error) and SECRET not in repr(error.args)


def test_unknown_and_missing_columns_are_refused() -> None:
    bad = "full_date,another_field,date,weekday,time,mood,activities,note"
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(csv_bytes(bad))
    assert caught.value.code == "wrong_format"
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(csv_bytes(V2 + ",weird"))
    assert caught.value.code == "unknown_column"
    assert caught.value.position.column == "8"
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(csv_bytes("full_date,date,weekday,time,mood,activities,mood"))
    assert caught.value.code == "duplicate_column"


def test_utf16_and_invalid_utf8_are_refused_with_position() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv((V2 + "\n").encode("utf-16"))
    assert caught.value.code == "utf16"
    assert "CSV UTF-8" in str(caught.value)
    data = csv_bytes(V2) + b'2024-01-01,x,x,08:00,rad,"","caf\xe9"\n'
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(data)
    assert caught.value.code == "not_utf8"
    assert caught.value.position.offset == data.index(b"\xe9")
    assert caught.value.position.line == 2


def test_rtl_text_and_emoji_survive() -> None:
    note = "שלום עולם 🎉"
    data = csv_bytes(V2, f'2018-06-10,June 10,Sunday,21:00,rad,"","{note}"')
    assert read_daylio_csv(data).entries[0].body == note


def test_source_ids_are_stable_and_distinct_for_identical_rows() -> None:
    row = '2024-01-01,x,x,08:00,rad,"",""'
    data = csv_bytes(V2, row, row, '2024-01-01,x,x,08:00,rad,"","other"')
    first = [e.source_id for e in read_daylio_csv(data).entries]
    second = [e.source_id for e in read_daylio_csv(data).entries]
    assert first == second
    assert len(set(first)) == 3
    # the mood map does not change the key: a second import with a mapping still matches
    mapped = [e.source_id for e in read_daylio_csv(data, mood_map={"rad": 9}).entries]
    assert mapped == first


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_only_ever_raise_import_refused(data: bytes) -> None:
    with contextlib.suppress(ImportRefused):
        read_daylio_csv(V2.encode() + b"\n" + data)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=7, max_size=7))
def test_arbitrary_cells_only_ever_raise_import_refused(cells: list[str]) -> None:
    quoted = ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)
    with contextlib.suppress(ImportRefused):
        read_daylio_csv(csv_bytes(V2, quoted))


def test_a_header_merged_with_a_row_does_not_leak_the_note() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_daylio_csv(csv_bytes(V2 + f',"{SECRET}"'))
    assert caught.value.code == "unknown_column"
    assert SECRET not in str(caught.value)


def test_html_notes_keep_text_that_only_looks_like_a_tag() -> None:
    note = "Slept&nbsp;well<br><c_sy> sleep rhythm</c_sy> <span>fine</span><p>next</p>"
    data = csv_bytes(V3, f'2024-01-01,x,x,08:00,rad,"","","{note}"')
    assert read_daylio_csv(data).entries[0].body == (
        "Slept well\n<c_sy> sleep rhythm</c_sy> fine\nnext"
    )
