"""The Today page, used the way a person would: typing, arrow keys, clicks and Ctrl+S.

Every check of what was stored reads the real encrypted journal through the services.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Draft, Emotion, Entry
from recovery_journal.errors import ErrorKind, ValidationError
from recovery_journal.resources_path import resource
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.today import DRAFT_SLOT, TodayPage
from recovery_journal.ui.prompts import PromptDeck, load_prompts, writing_spot
from tests.ui.conftest import wait_tasks

DAY = date(2026, 11, 22)  # a Sunday
FAST_AUTOSAVE_MS = 50
NEVER_MS = 10 * 60 * 1000


@pytest.fixture(autouse=True)
def english_dates() -> Iterator[None]:
    """Dates in the heading are localised; pin a locale so the expected words are known."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def open_page(qtbot: QtBot, ctx: UiContext, autosave_ms: int = FAST_AUTOSAVE_MS) -> TodayPage:
    """A Today page on screen, active, with its draft and tags loaded."""
    page = TodayPage(ctx, today=lambda: DAY)
    page.autosave_interval_ms = autosave_ms
    qtbot.addWidget(page)
    page.resize(1100, 720)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.waitUntil(lambda: not page.editor.isReadOnly())
    wait_tasks(qtbot, ctx)
    return page


@pytest.fixture
def page(qtbot: QtBot, ui_ctx: UiContext) -> TodayPage:
    return open_page(qtbot, ui_ctx)


def press_ctrl_s(qtbot: QtBot, page: TodayPage) -> None:
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def saved_entries(qtbot: QtBot, ctx: UiContext, count: int) -> list[Entry]:
    """Wait until the journal holds ``count`` entries and return them (newest first)."""
    qtbot.waitUntil(lambda: len(ctx.session.entries.list()) == count, timeout=5000)
    return ctx.session.entries.list()


def stored_draft(ctx: UiContext) -> Draft | None:
    return ctx.session.entries.draft(DRAFT_SLOT)


def test_heading_is_the_date_without_any_guilt(page: TodayPage) -> None:
    assert page.heading.text() == "Sunday, 22 November"
    assert page.nav_title == "Today"


def test_a_new_day_starts_fresh_only_when_nothing_is_being_written(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    clock = [DAY]
    page = TodayPage(ui_ctx, today=lambda: clock[0])
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.editor.isReadOnly())
    clock[0] = date(2026, 11, 23)
    page.activated()
    assert page.heading.text() == "Monday, 23 November"
    qtbot.keyClicks(page.editor, "written just before midnight")
    clock[0] = date(2026, 11, 24)
    page.activated()
    assert page.heading.text() == "Monday, 23 November"  # the writing keeps its day
    wait_tasks(qtbot, ui_ctx)


def test_ctrl_s_saves_the_entry_with_its_check_in_and_clears_the_form(
    qtbot: QtBot, page: TodayPage, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "A hard day, but I went for a walk.")
    slider = page.checkin.mood.slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # "not set" rests at 5: the first press picks it
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert page.checkin.mood.text() == "7 — good"
    qtbot.keyClicks(page.checkin.tags, "walk, family")
    name = page.checkin.emotions.name_input
    name.setFocus()
    qtbot.keyClicks(name, "hopeful")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.keyClicks(page.title_edit, "Getting through")
    page.therapy_check.setFocus()
    qtbot.keyClick(page.therapy_check, Qt.Key.Key_Space)

    with qtbot.waitSignal(page.entry_saved, timeout=5000) as saved:
        press_ctrl_s(qtbot, page)

    [entry] = saved_entries(qtbot, ui_ctx, 1)
    assert saved.args == [entry.id]
    assert entry.body == "A hard day, but I went for a walk."
    assert entry.title == "Getting through"
    assert entry.check_in.mood == 7
    assert entry.tags == ("walk", "family")
    assert entry.check_in.emotions == (Emotion("hopeful", 5),)
    assert entry.bring_to_therapy
    assert entry.local_date == DAY
    assert entry.check_in.anxiety is None and entry.check_in.sleep_hours is None  # "not set"
    assert page.editor.toPlainText() == ""
    assert page.title_edit.text() == "" and page.checkin.tags.text() == ""
    assert page.checkin.mood.value() is None
    assert page.checkin.emotions.emotions() == ()
    assert not page.therapy_check.isChecked()
    assert page.status_label.text().startswith("Saved.")
    assert page.pending_drafts() == []
    wait_tasks(qtbot, ui_ctx)
    assert stored_draft(ui_ctx) is None  # the draft went with the save
    assert reported == []


def test_two_entries_on_the_same_day_are_both_kept(
    qtbot: QtBot, page: TodayPage, ui_ctx: UiContext
) -> None:
    qtbot.keyClicks(page.editor, "Morning: tired.")
    with qtbot.waitSignal(page.entry_saved, timeout=5000):
        press_ctrl_s(qtbot, page)
    qtbot.keyClicks(page.editor, "Evening: a bit better.")
    with qtbot.waitSignal(page.entry_saved, timeout=5000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    entries = saved_entries(qtbot, ui_ctx, 2)
    assert sorted(e.body for e in entries) == ["Evening: a bit better.", "Morning: tired."]
    assert {e.local_date for e in entries} == {DAY}


def test_an_empty_form_saves_nothing_and_says_so_gently(
    qtbot: QtBot, page: TodayPage, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    assert not page.save_button.isEnabled()
    qtbot.keyClicks(page.editor, "   ")
    assert not page.save_button.isEnabled()
    press_ctrl_s(qtbot, page)
    wait_tasks(qtbot, ui_ctx)
    assert "Nothing to save yet" in page.status_label.text()
    assert ui_ctx.session.entries.count() == 0
    assert reported == []


def test_a_mood_alone_is_enough_to_save(qtbot: QtBot, page: TodayPage, ui_ctx: UiContext) -> None:
    page.checkin.mood.slider.setFocus()
    qtbot.keyClick(page.checkin.mood.slider, Qt.Key.Key_Home)
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.entry_saved, timeout=5000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    [entry] = saved_entries(qtbot, ui_ctx, 1)
    assert entry.check_in.mood == 0 and entry.body == ""


def test_invalid_input_is_reported_and_nothing_is_written(
    qtbot: QtBot, page: TodayPage, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    qtbot.keyClicks(page.editor, "so many tags")
    page.checkin.tags.setText(", ".join(f"t{i}" for i in range(51)))
    press_ctrl_s(qtbot, page)
    wait_tasks(qtbot, ui_ctx)
    assert [type(e) for e in reported] == [ValidationError]
    assert ui_ctx.session.entries.count() == 0
    assert page.editor.toPlainText() == "so many tags"  # nothing lost


def test_a_failed_save_keeps_every_word_and_says_so(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    page = open_page(qtbot, ui_ctx, autosave_ms=NEVER_MS)
    qtbot.keyClicks(page.editor, "still here")
    ui_ctx.session.lock()  # e.g. locked from elsewhere: the save cannot reach the journal
    press_ctrl_s(qtbot, page)
    qtbot.waitUntil(lambda: bool(reported))
    assert [getattr(e, "kind", None) for e in reported] == [ErrorKind.JOURNAL_LOCKED]
    assert page.editor.toPlainText() == "still here"
    assert not page.editor.isReadOnly()
    assert page.status_label.text().startswith("Not saved yet")
    assert [d.body for d in page.pending_drafts()] == ["still here"]


def test_autosave_keeps_a_draft_after_the_interval(
    qtbot: QtBot, page: TodayPage, ui_ctx: UiContext
) -> None:
    qtbot.keyClicks(page.editor, "half a thought")
    page.checkin.mood.slider.setFocus()
    qtbot.keyClick(page.checkin.mood.slider, Qt.Key.Key_Left)  # 5, the middle
    qtbot.keyClick(page.checkin.mood.slider, Qt.Key.Key_Left)

    def kept() -> bool:
        draft = stored_draft(ui_ctx)
        return draft is not None and draft.body == "half a thought" and draft.check_in.mood == 4

    qtbot.waitUntil(kept, timeout=5000)
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Draft kept"))
    assert page.pending_drafts() == []  # what is on screen is what is kept
    assert ui_ctx.session.entries.count() == 0  # a draft is not an entry


def test_a_new_page_restores_the_draft_exactly(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    yesterday = date(2026, 11, 21)
    draft = Draft(
        DRAFT_SLOT,
        yesterday,
        body="Started this last night.",
        title="Late",
        check_in=CheckIn(
            mood=3,
            anxiety=6,
            energy=2,
            sleep_hours=5.5,
            sleep_quality=2,
            emotions=(Emotion("lonely", 7), Emotion("hopeful", 2)),
        ),
        tags=("night", "family"),
        bring_to_therapy=True,
    )
    ui_ctx.session.entries.save_draft(draft)

    page = open_page(qtbot, ui_ctx)

    assert page.current_draft() == draft
    assert page.heading.text() == "Saturday, 21 November"  # the day the writing belongs to
    assert page.checkin.more_toggle.isChecked()  # the folded measures are shown when set
    assert page.checkin.emotions.chip_texts() == ["lonely · 7 — strong", "hopeful · 2 — mild"]
    assert "back" in page.status_label.text()
    assert page.pending_drafts() == []
    assert reported == []


def test_what_one_page_autosaved_the_next_page_picks_up(
    qtbot: QtBot, page: TodayPage, ui_ctx: UiContext
) -> None:
    qtbot.keyClicks(page.editor, "words before the lock")
    qtbot.keyClicks(page.checkin.tags, "evening")
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Draft kept"), timeout=5000)

    again = open_page(qtbot, ui_ctx)
    assert again.editor.toPlainText() == "words before the lock"
    assert again.checkin.tags.tags() == ("evening",)


def test_pending_drafts_hold_unsaved_writing_for_the_lock(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx, autosave_ms=NEVER_MS)
    assert page.pending_drafts() == []
    qtbot.keyClicks(page.editor, "not saved yet")
    [pending] = page.pending_drafts()
    assert pending.slot == DRAFT_SLOT and pending.body == "not saved yet"

    # What the app does before locking: keep the pending drafts. The next page has the words.
    ui_ctx.session.entries.save_draft(pending)
    again = open_page(qtbot, ui_ctx, autosave_ms=NEVER_MS)
    assert again.editor.toPlainText() == "not saved yet"
    assert again.pending_drafts() == []

    # Deleting every word is a change too: the stale draft must not come back.
    again.editor.selectAll()
    qtbot.keyClick(again.editor, Qt.Key.Key_Delete)
    [emptied] = again.pending_drafts()
    assert emptied.is_empty


def test_another_prompt_changes_the_prompt(qtbot: QtBot, page: TodayPage) -> None:
    first = page.prompt_card.prompt
    assert first == PromptDeck(load_prompts(), DAY).current  # the prompt of the day
    qtbot.mouseClick(page.prompt_card.another_button, Qt.MouseButton.LeftButton)
    assert page.prompt_card.prompt != first
    assert page.prompt_card.accessibleName().endswith(page.prompt_card.prompt.title)


def test_use_this_prompt_fills_an_empty_writing_area(qtbot: QtBot, page: TodayPage) -> None:
    prompt = page.prompt_card.prompt
    qtbot.mouseClick(page.prompt_card.use_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText() == prompt.text
    assert page.editor.textCursor().position() == writing_spot(prompt.text)
    assert page.editor.hasFocus()


def test_use_this_prompt_never_replaces_what_is_written(qtbot: QtBot, page: TodayPage) -> None:
    qtbot.keyClicks(page.editor, "My own words.")
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.Start)
    prompt = page.prompt_card.prompt
    qtbot.mouseClick(page.prompt_card.use_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText() == "My own words.\n\n" + prompt.text
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.toPlainText() == "My own words."  # one undo takes it back out


def test_prompts_load_from_resources_and_rotate_by_day() -> None:
    assert resource("prompts.json").is_file()
    prompts = load_prompts()
    kinds = {p.kind for p in prompts}
    assert {"gratitude", "what-helped", "proud", "thought-record", "peer-meeting"} <= kinds
    assert PromptDeck(prompts, DAY).current == PromptDeck(prompts, DAY).current
    assert PromptDeck(prompts, DAY).current != PromptDeck(prompts, date(2026, 11, 23)).current
    deck = PromptDeck(prompts, DAY)
    seen = [deck.another() for _ in prompts]
    assert set(seen) == set(prompts)  # "Another prompt" walks through every prompt


def test_writing_spot_is_the_first_open_line() -> None:
    assert writing_spot("Three things:\n\n1. \n2. \n") == len("Three things:\n\n1. ")
    assert writing_spot("Who and why:\n\n\n") == len("Who and why:\n\n")
    assert writing_spot("**Situation**\n\n\n\n**Thought**\n") == len("**Situation**\n\n")
    assert writing_spot("Just a line") == len("Just a line")


def test_every_control_is_named_and_tab_follows_the_layout(qtbot: QtBot, page: TodayPage) -> None:
    page.checkin.mood.set_value(5)  # enables Save, so it is a tab stop too
    page.checkin.emotions.set_emotions([Emotion("calm", 3)])
    page.checkin.more_toggle.setChecked(True)
    page.checkin.anxiety.set_value(2)
    internal = (QComboBox, QAbstractSpinBox)  # their line edits speak for them
    for widget in page.findChildren(QWidget):
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
        if focusable and widget.isVisibleTo(page) and not isinstance(widget.parent(), internal):
            assert widget.accessibleName(), f"{type(widget).__name__} has no accessible name"

    page.checkin.mood.slider.setFocus()
    order: list[str] = []
    for _ in range(30):
        focused = QApplication.focusWidget()
        assert focused is not None
        order.append(focused.accessibleName())
        if focused is page.save_button:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    expected = [
        "Mood", "Show faces next to the mood",
        "Show anxiety, energy and sleep", "Anxiety", "Energy", "Hours slept",
        "Sleep quality", "Emotion", "How strong", "Remove calm", "Tags", "Show another prompt",
        "Use this prompt", "Title", "Journal entry", "Bring to therapy", "Save entry",
    ]  # fmt: skip
    assert [name for name in order if name in expected] == expected
