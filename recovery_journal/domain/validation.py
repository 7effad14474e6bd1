"""Small validators shared by the domain values; each raises ValidationError naming the field."""

from __future__ import annotations

import math
from datetime import date, datetime

from recovery_journal.errors import ValidationError

MAX_NAME = 200
MAX_TEXT = 1_000_000  # about 150,000 words: far beyond a day's entry, stops runaway pastes


def text(field: str, value: str, *, required: bool = False, max_len: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, f"{field.replace('_', ' ').capitalize()} must be text.")
    if required and not value.strip():
        raise ValidationError(field, f"Please give a {field.replace('_', ' ')}.")
    if len(value) > max_len:
        raise ValidationError(
            field, f"The {field.replace('_', ' ')} is too long (at most {max_len:,} characters)."
        )
    return value


def name(field: str, value: str) -> str:
    return text(field, value, required=True, max_len=MAX_NAME)


def int_range(field: str, value: int | None, low: int, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            field,
            f"{field.replace('_', ' ').capitalize()} must be a whole number from {low} to {high}.",
        )
    return value


def float_range(field: str, value: float | None, low: float, high: float) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or math.isnan(value)
        or not (low <= value <= high)
    ):
        raise ValidationError(
            field, f"{field.replace('_', ' ').capitalize()} must be between {low:g} and {high:g}."
        )
    return float(value)


def aware(field: str, value: datetime | None) -> datetime | None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValidationError(field, f"{field} must carry a time zone (a bug if you see this).")
    return value


def a_date(field: str, value: date | None) -> date | None:
    if value is not None and (isinstance(value, datetime) or not isinstance(value, date)):
        raise ValidationError(field, f"{field.replace('_', ' ').capitalize()} must be a date.")
    return value
