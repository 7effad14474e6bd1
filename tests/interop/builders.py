"""Small builders for synthetic import fixtures (never a real person's export)."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from typing import Any


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def daylio_document(entries: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "version": 15,
        "pin": "1234",
        "customMoods": [
            {"id": 1, "custom_name": "", "mood_group_id": 1, "predefined_name_id": 1},
            {"id": 2, "custom_name": "", "mood_group_id": 2, "predefined_name_id": 2},
            {"id": 3, "custom_name": "", "mood_group_id": 3, "predefined_name_id": 3},
            {"id": 4, "custom_name": "", "mood_group_id": 4, "predefined_name_id": 4},
            {"id": 5, "custom_name": "", "mood_group_id": 5, "predefined_name_id": 5},
            {"id": 8, "custom_name": "null", "mood_group_id": 4, "predefined_name_id": -1},
            {"id": 9, "custom_name": " Tired ", "mood_group_id": 3, "predefined_name_id": -1},
        ],
        "tags": [
            {"id": 1, "name": "dormir tôt"},
            {"id": 3, "name": "jeu vidéo"},
            {"id": 4, "name": "Family"},
        ],
        "dayEntries": entries if entries is not None else [],
        "metadata": {"number_of_entries": len(entries or []), "platform": "android"},
    }


def day_entry(entry_id: int, **fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": entry_id,
        "minute": 59,
        "hour": 9,
        "day": 24,
        "month": 0,
        "year": 2023,
        "datetime": 1674550757766,
        "timeZoneOffset": 3600000,
        "mood": 1,
        "note": "",
        "note_title": "",
        "tags": [],
        "assets": [],
    }
    entry.update(fields)
    return entry


def daylio_backup(document: dict[str, Any], extra: dict[str, bytes] | None = None) -> bytes:
    encoded = base64.b64encode(json.dumps(document).encode("utf-8"))
    return zip_bytes({"backup.daylio": encoded, **(extra or {})})


def apple_json(document: dict[str, Any]) -> bytes:
    """JSON the way Day One writes it: `" : "` separators and escaped slashes."""
    text = json.dumps(document, indent=2, separators=(",", " : "), ensure_ascii=False)
    return text.replace("/", "\\/").encode("utf-8")


def dayone_entry(uuid: str, **fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "starred": False,
        "creationDate": "2021-03-03T11:48:50Z",
        "timeZone": "Australia/Sydney",
        "uuid": uuid,
        "modifiedDate": "2021-03-03T11:59:09Z",
        "creationDevice": "Someone’s iPhone",
        "text": "Plain entry",
    }
    entry.update(fields)
    return entry


def dayone_export(*journals: tuple[str, list[dict[str, Any]]], media: int = 0) -> bytes:
    members = {
        f"{name}.json": apple_json({"metadata": {"version": "1.0"}, "entries": entries})
        for name, entries in journals
    }
    for number in range(media):
        members[f"photos/{number:032x}.jpeg"] = b"\xff\xd8 not a real photo"
    return zip_bytes(members)
