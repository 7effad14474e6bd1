"""Every script renders: Polish, Hebrew, Arabic, Japanese and emoji in an excerpt never crash the
summary, and characters no installed font can draw are found (for the preview to say so)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.report import ExcerptMode, Period, Preset, ReportOptions
from recovery_journal.report.glyphs import missing_characters
from recovery_journal.report.summary import summary_document
from recovery_journal.services import report as report_service
from recovery_journal.services.session import JournalSession
from tests.report.conftest import pdf_pages

POLISH = "Zażółć gęślą jaźń"
HEBREW = "שלום, היום היה יום טוב"
ARABIC = "مرحبا، كان اليوم جيدا"
JAPANESE = "今日はいい日でした"
EMOJI = "🙂🌧️👩‍👩‍👧"
NO_FONT = "\U000f0041"  # a private-use character: no font draws it


def test_every_script_renders_in_an_excerpt(
    qtbot: QtBot, journal: JournalSession, tmp_path: Path
) -> None:
    body = "\n\n".join((POLISH, HEBREW, ARABIC, JAPANESE, EMOJI, NO_FONT))
    saved = journal.entries.add(Entry(date(2026, 3, 2), body, POLISH, check_in=CheckIn(mood=6)))
    assert saved.id is not None
    period = Period(date(2026, 3, 1), date(2026, 3, 7))
    options = ReportOptions(
        period, Preset.FULL, excerpts=ExcerptMode.CHOSEN, chosen_ids=frozenset({saved.id})
    )
    data = report_service.gather(journal, options, period.end)
    document = summary_document(data)
    text = " ".join(pdf_pages(document.pdf()))
    assert POLISH in text
    families = set(QFontDatabase.families())
    # Text extraction gives right-to-left text in visual order and Arabic as presentation forms;
    # what matters is that the letters are there (when this machine has fonts for them).
    if any("CJK" in f for f in families):
        assert "でした" in text
    if any("Hebrew" in f or "DejaVu" in f for f in families):
        assert any("\u0590" <= c <= "\u05ff" for c in text)
    if any("Arabic" in f or "DejaVu" in f for f in families):
        assert any("\u0600" <= c <= "\u06ff" or "\ufe70" <= c <= "\ufeff" for c in text)
    image = document.image(document.page_count - 1, 600)
    image.save(str(tmp_path / "scripts.png"))
    assert image.width() == 600


def test_characters_without_a_font_are_found(qtbot: QtBot) -> None:
    missing = missing_characters([POLISH, f"fine {NO_FONT} text", EMOJI])
    assert NO_FONT in missing
    assert not set(POLISH) & set(missing)
    assert "\u200d" not in missing and "\ufe0f" not in missing  # joiners draw nothing anyway
