"""Every app setting declared once, with its type and default (the Picard/Electrum ``ConfigVar``).

Settings live in QSettings and hold preferences only — never journal content. The one thing that
points at personal data, the list of recently used journal paths, can be switched off (and is then
erased).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from recovery_journal.paths import make_private_file

T = TypeVar("T", int, bool, str)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared setting: key, default (whose type is the setting's type) and a description."""

    key: str
    default: T
    description: str


AUTO_LOCK_MINUTES = Setting("privacy/auto_lock_minutes", 5, "Lock after this many idle minutes")
LOCK_ON_MINIMISE = Setting("privacy/lock_on_minimise", False, "Lock when minimised")
QUICK_HIDE_KEY = Setting("privacy/quick_hide_key", "Ctrl+Shift+H", "Hide everything and lock")
NEUTRAL_TITLE = Setting(
    "privacy/neutral_title", False, "Windows are titled 'Journal': no app or file name"
)
REMEMBER_RECENT = Setting("privacy/remember_recent", True, "Remember recently used journals")
RECENT_JOURNALS = Setting("journals/recent", "", "Recently used journal paths (newline-separated)")
THEME = Setting("appearance/theme", "system", "light, dark or system")
TEXT_SCALE = Setting(
    "appearance/text_scale", 100, "Text size in percent of the system size (100: the same)"
)
REDUCE_MOTION = Setting(
    "appearance/reduce_motion", False, "No fading in, no growing square: changes happen at once"
)
BACKUPS_FOLDER = Setting("backups/folder", "", "Empty: a folder beside the journal")
# The daily reminder (issue 13 §5) runs while the journal is locked, so it lives here, outside
# the encrypted file: a time of day and on/off reveal nothing of the journal.
REMINDER_ON = Setting("reminders/daily", False, "A gentle daily reminder (off by default)")
REMINDER_TIME = Setting("reminders/time", "20:00", "When, HH:MM on a 24-hour clock")
MAX_RECENT = 8


def _keep_private(store: QSettings) -> None:
    """The settings file names the journal's path: 0600 in a 0700 folder (Qt writes it with the
    umask, 0644, unless the file is already there: it keeps the mode of the file it replaces).
    Windows keeps native settings in the registry, under the user's own key."""
    if os.name == "nt" and store.format() == QSettings.Format.NativeFormat:
        return
    with contextlib.suppress(OSError):  # unwritable: Qt then keeps settings in memory only
        make_private_file(Path(store.fileName()))


class AppSettings:
    """Typed access to QSettings for the declared settings."""

    def __init__(self, store: QSettings) -> None:
        self._store = store
        _keep_private(store)

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key, setting.default)
        kind = type(setting.default)
        if kind is bool:
            value: object = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
        else:
            try:
                value = kind(raw)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                value = setting.default
        return value  # type: ignore[return-value]

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)
        if setting is REMEMBER_RECENT and not value:
            self._store.remove(RECENT_JOURNALS.key)
        self._store.sync()

    def recent_journals(self) -> list[str]:
        return [p for p in self.get(RECENT_JOURNALS).split("\n") if p]

    def remember_journal(self, path: str) -> None:
        if not self.get(REMEMBER_RECENT):
            return
        paths = [path, *(p for p in self.recent_journals() if p != path)][:MAX_RECENT]
        self.set(RECENT_JOURNALS, "\n".join(paths))
