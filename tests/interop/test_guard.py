"""Safety caps shared by the importers: zip bombs, unsafe names, huge or deep JSON, encodings."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from recovery_journal.interop import ImportRefused, read
from recovery_journal.interop.guard import MAX_JSON_DEPTH, SafeZip, decode_text, load_json
from tests.interop.builders import daylio_backup, daylio_document, dayone_entry, zip_bytes

SECRET = "QZXSECRETNOTE42"


def _zip_with_name(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Journal.json", b"{}")
        archive.writestr(zipfile.ZipInfo(name), b"x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name", ["../evil.json", "photos/../../evil", "/etc/passwd", "\\\\server\\x", "C:/x.json"]
)
def test_unsafe_member_names_refuse_the_archive(name: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        read(_zip_with_name(name))
    assert caught.value.code == "zip_unsafe_name"


def test_a_member_that_compresses_suspiciously_well_is_refused() -> None:
    bomb = zip_bytes({"Journal.json": b'{"entries": [' + b" " * (4 * 1024 * 1024) + b"]}"})
    with pytest.raises(ImportRefused) as caught:
        read(bomb)
    assert caught.value.code == "zip_bomb"
    assert caught.value.position.member == "Journal.json"


def test_member_count_and_total_size_caps() -> None:
    data = zip_bytes({f"photos/{i}.jpeg": b"x" * 100 for i in range(5)})
    with pytest.raises(ImportRefused) as caught:
        SafeZip(data, max_members=4)
    assert caught.value.code == "zip_bomb"
    with pytest.raises(ImportRefused) as caught:
        SafeZip(data, max_total=499)
    assert caught.value.code == "zip_bomb"
    assert len(SafeZip(data).names) == 5


def test_members_are_read_in_memory_with_a_limit() -> None:
    archive = SafeZip(zip_bytes({"a.json": b"x" * 100}))
    assert archive.read("a.json") == b"x" * 100
    with pytest.raises(ImportRefused) as caught:
        archive.read("a.json", limit=99)
    assert caught.value.code == "zip_member_too_big"


def test_a_damaged_zip_is_refused() -> None:
    data = daylio_backup(daylio_document())
    with pytest.raises(ImportRefused) as caught:
        read(data[: len(data) // 2])
    assert caught.value.code == "bad_zip"


def test_json_nesting_and_size_caps() -> None:
    deep = b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1)
    with pytest.raises(ImportRefused) as caught:
        load_json(deep)
    assert caught.value.code == "json_too_deep"
    brackets_in_strings = b'{"a": "' + b"[" * 500 + b'"}'
    assert load_json(brackets_in_strings) == {"a": "[" * 500}
    with pytest.raises(ImportRefused) as caught:
        load_json(b'{"a": 1}', max_bytes=7)
    assert caught.value.code == "json_too_big"
    with pytest.raises(ImportRefused) as caught:
        load_json(b'{"a": NaN}')
    assert caught.value.code == "bad_json"


def test_deeply_nested_day_one_json_is_refused() -> None:
    entry = dayone_entry("A" * 32)
    nested: object = entry
    for _ in range(MAX_JSON_DEPTH):
        nested = {"x": nested}
    data = zip_bytes(
        {"Journal.json": json.dumps({"metadata": {"version": "1.0"}, "entries": [nested]}).encode()}
    )
    with pytest.raises(ImportRefused) as caught:
        read(data, "dayone")
    assert caught.value.code == "json_too_deep"


def test_encodings() -> None:
    assert decode_text(b"\xef\xbb\xbfabc") == "abc"
    with pytest.raises(ImportRefused) as caught:
        decode_text("abc".encode("utf-16"))
    assert caught.value.code == "utf16"
    assert "spreadsheet" in str(caught.value) and "CSV UTF-8" in str(caught.value)
    data = b"line one\n" + SECRET.encode() + b" \xc3\x28 rest"
    with pytest.raises(ImportRefused) as caught:
        decode_text(data)
    assert caught.value.position.offset == data.index(b"\xc3")
    assert caught.value.position.line == 2
    assert SECRET not in str(caught.value)
    assert "byte" in str(caught.value)


def test_lone_surrogates_in_json_are_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        load_json(b'{"text": "\\ud83d alone"}')
    assert caught.value.code == "bad_json"
    assert load_json(b'{"text": "\\ud83d\\udcaf"}') == {"text": "💯"}
