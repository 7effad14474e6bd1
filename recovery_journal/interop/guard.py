"""Safe first steps shared by every importer: decoding text, parsing JSON, opening zips.

Everything stays in memory. Text must be UTF-8 (a UTF-8 BOM is dropped; a UTF-16 BOM is refused
with a hint, because that is what a spreadsheet's "Unicode text" re-save produces). JSON has a
size and nesting cap; zip archives have caps on members, total size and compression ratio, and
names that are absolute or contain ``..`` are refused before anything is read.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from typing import Any

from recovery_journal.interop.records import ImportRefused, Position

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_JSON_BYTES = 128 * 1024 * 1024
MAX_JSON_DEPTH = 64
MAX_ZIP_MEMBERS = 50_000
MAX_ZIP_TOTAL_BYTES = 8 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 200
_RATIO_FREE_BYTES = 1024 * 1024  # tiny members may compress extremely well; only cap big ones

_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def decode_text(data: bytes, *, member: str | None = None) -> str:
    """UTF-8 text of ``data`` (BOM dropped), or a refusal naming the byte offset."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused("too_big", "the file is larger than an import can be (256 MB).")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(
            "utf16",
            "the file is saved as UTF-16 text, not UTF-8.",
            Position(member=member),
            hint="If Excel or another spreadsheet re-saved it, export it again from the app, "
            'or save it from the spreadsheet as "CSV UTF-8".',
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportRefused(
            "not_utf8",
            "the file is not valid UTF-8 text.",
            Position(line=line, offset=error.start, member=member),
            hint="Export it again from the app it came from, without re-saving it elsewhere.",
        ) from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def load_json(data: bytes, *, member: str | None = None, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Parse UTF-8 JSON with the size and depth caps; errors give the line and column."""
    if len(data) > max_bytes:
        raise ImportRefused(
            "json_too_big", "the JSON is larger than an import can be.", Position(member=member)
        )
    text = decode_text(data, member=member)
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            "bad_json",
            f"this is not valid JSON ({error.msg}).",
            Position(line=error.lineno, column=str(error.colno), member=member),
        ) from None
    except RecursionError:
        raise _too_deep(member) from None
    except ValueError:
        raise ImportRefused(
            "bad_json", "this is not valid JSON.", Position(member=member)
        ) from None
    _check_depth(value, member)
    if _ESCAPED_SURROGATE.search(text) and _has_lone_surrogate(value):
        raise ImportRefused(
            "bad_json",
            "the JSON holds a broken character (half of a UTF-16 pair).",
            Position(member=member),
        )
    return value


def _too_deep(member: str | None) -> ImportRefused:
    return ImportRefused(
        "json_too_deep",
        f"the JSON is nested more than {MAX_JSON_DEPTH} levels deep.",
        Position(member=member),
    )


def _check_depth(value: Any, member: str | None) -> None:
    # Walks the parsed value (linear); scanning the raw text with a regex was quadratic on
    # crafted input. The parser itself stops at Python's recursion limit (RecursionError).
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_JSON_DEPTH:
            raise _too_deep(member)
        stack.extend((child, depth + 1) for child in children)


def _has_lone_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def is_zip(data: bytes) -> bool:
    """Whether the bytes start like a zip archive."""
    return data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06")


def _bad_name(name: str) -> bool:
    parts = re.split(r"[\\/]", name)
    return (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in parts
        or "\x00" in name
    )


class SafeZip:
    """A zip archive checked for bombs and unsafe names, whose members are read into memory."""

    def __init__(
        self,
        data: bytes,
        *,
        max_members: int = MAX_ZIP_MEMBERS,
        max_total: int = MAX_ZIP_TOTAL_BYTES,
    ) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            ValueError,
            OSError,
            EOFError,
            NotImplementedError,
        ):
            raise ImportRefused("bad_zip", "the zip archive is damaged.") from None
        if len(infos) > max_members:
            raise ImportRefused("zip_bomb", "the zip archive has too many files in it.")
        total = 0
        for info in infos:
            if _bad_name(info.filename):
                raise ImportRefused(
                    "zip_unsafe_name",
                    "the zip archive holds a file whose name points outside the archive.",
                )
            total += info.file_size
        if total > max_total:
            raise ImportRefused("zip_bomb", "the zip archive unpacks to too much data.")
        self.names: tuple[str, ...] = tuple(i.filename for i in infos if not i.is_dir())

    def read(self, name: str, *, limit: int = MAX_JSON_BYTES) -> bytes:
        """The member's bytes; refused if larger than ``limit`` or compressed suspiciously well."""
        info = self._zip.getinfo(name)
        if info.file_size > limit:
            raise ImportRefused(
                "zip_member_too_big", "a file in the archive is too large.", Position(member=name)
            )
        if info.file_size > _RATIO_FREE_BYTES and info.file_size > MAX_ZIP_RATIO * max(
            info.compress_size, 1
        ):
            raise ImportRefused(
                "zip_bomb",
                "a file in the archive is compressed suspiciously well.",
                Position(member=name),
            )
        try:
            with self._zip.open(info) as handle:
                # The header's size may lie: never read more than the limit allows.
                data = handle.read(limit + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            ValueError,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ):
            raise ImportRefused(
                "bad_zip",
                "a file in the zip archive is damaged or encrypted.",
                Position(member=name),
            ) from None
        if len(data) > limit:
            raise ImportRefused(
                "zip_member_too_big", "a file in the archive is too large.", Position(member=name)
            )
        return data
