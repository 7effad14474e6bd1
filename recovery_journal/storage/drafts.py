"""Autosaved drafts in and out of storage (one per slot, JSON payload inside the encrypted file)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from recovery_journal.domain.clock import utc_now
from recovery_journal.domain.entries import CheckIn, Draft, Emotion
from recovery_journal.storage.orm import DraftRow


def _payload(draft: Draft) -> str:
    return json.dumps(
        {
            "local_date": draft.local_date.isoformat(),
            "body": draft.body,
            "title": draft.title,
            "mood": draft.check_in.mood,
            "anxiety": draft.check_in.anxiety,
            "energy": draft.check_in.energy,
            "sleep_hours": draft.check_in.sleep_hours,
            "sleep_quality": draft.check_in.sleep_quality,
            "emotions": [[e.name, e.intensity] for e in draft.check_in.emotions],
            "tags": list(draft.tags),
            "bring_to_therapy": draft.bring_to_therapy,
            "entry_id": draft.entry_id,
        },
        ensure_ascii=False,
    )


def _from_row(row: DraftRow) -> Draft:
    data = json.loads(row.payload)
    return Draft(
        slot=row.slot,
        local_date=date.fromisoformat(data["local_date"]),
        body=data["body"],
        title=data["title"],
        check_in=CheckIn(
            mood=data["mood"],
            anxiety=data["anxiety"],
            energy=data["energy"],
            sleep_hours=data["sleep_hours"],
            sleep_quality=data["sleep_quality"],
            emotions=tuple(Emotion(n, i) for n, i in data["emotions"]),
        ),
        tags=tuple(data["tags"]),
        bring_to_therapy=data["bring_to_therapy"],
        entry_id=data["entry_id"],
        saved_utc=row.saved_utc,
    )


def save(session: Session, draft: Draft) -> Draft:
    row = session.get(DraftRow, draft.slot)
    if row is None:
        row = DraftRow(slot=draft.slot)
        session.add(row)
    row.payload = _payload(draft)
    row.saved_utc = utc_now()
    session.flush()
    return _from_row(row)


def load(session: Session, slot: str) -> Draft | None:
    row = session.get(DraftRow, slot)
    return None if row is None else _from_row(row)


def discard(session: Session, slot: str) -> None:
    row = session.get(DraftRow, slot)
    if row is not None:
        session.delete(row)
        session.flush()


def all_drafts(session: Session) -> list[Draft]:
    return [_from_row(r) for r in session.scalars(select(DraftRow).order_by(DraftRow.slot))]
