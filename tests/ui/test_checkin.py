"""The check-in widgets, driven with keyboard and mouse the way a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from recovery_journal.domain.entries import Emotion
from recovery_journal.domain.scales import MOOD, SLEEP_QUALITY
from recovery_journal.ui.checkin import (
    CheckIn,
    CheckInPanel,
    EmotionsInput,
    ScaleInput,
    SleepHoursInput,
    TagsInput,
    mood_face,
)
from recovery_journal.ui.mood_faces import FACES, face_pixmap


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def test_scale_shows_number_and_anchor_words(qtbot: QtBot) -> None:
    scale = ScaleInput(MOOD, "Mood", initial=6)
    qtbot.addWidget(scale)
    assert scale.value() == 6
    assert scale.value_label.text() == "6 — okay"
    assert scale.slider.accessibleName() == "Mood"
    assert scale.slider.accessibleDescription() == "6 — okay"


def test_scale_starts_not_set_and_can_go_back_to_not_set(qtbot: QtBot) -> None:
    scale = _shown(qtbot, ScaleInput(MOOD, "Mood"))
    assert isinstance(scale, ScaleInput)
    assert scale.value() is None
    assert scale.value_label.text() == "Not set"
    assert scale.slider.accessibleDescription() == "Not set"
    assert not scale.clear_button.isVisible()

    scale.set_value(3)
    assert scale.clear_button.isVisible()
    with qtbot.waitSignal(scale.value_changed):
        qtbot.mouseClick(scale.clear_button, Qt.MouseButton.LeftButton)
    assert scale.value() is None
    assert scale.value_label.text() == "Not set"


def test_scale_is_operated_with_the_keyboard(qtbot: QtBot) -> None:
    scale = _shown(qtbot, ScaleInput(MOOD, "Mood"))
    assert isinstance(scale, ScaleInput)
    slider = scale.slider
    slider.setFocus()
    # From "not set" the handle rests in the middle (5); the first arrow chooses the middle.
    with qtbot.waitSignal(scale.value_changed):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert scale.value() == 5
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert scale.value() == 6
    assert slider.accessibleDescription() == "6 — okay"
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert scale.text() == "4 — low"
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert scale.text() == "10 — the best I can imagine"
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert scale.text() == "0 — the worst I can imagine"
    qtbot.keyClick(slider, Qt.Key.Key_Delete)
    assert scale.value() is None


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp])
def test_the_first_arrow_on_an_unset_scale_starts_at_the_middle(qtbot: QtBot, key: Qt.Key) -> None:
    scale = _shown(qtbot, ScaleInput(MOOD, "Mood"))
    assert isinstance(scale, ScaleInput)
    with qtbot.waitSignal(scale.value_changed):
        qtbot.keyClick(scale.slider, key)
    assert scale.text() == "5 — okay"


def test_tab_leaves_the_mood_past_clear_and_a_clear_can_be_undone(qtbot: QtBot) -> None:
    panel = _shown(qtbot, CheckInPanel())
    assert isinstance(panel, CheckInPanel)
    mood = panel.mood
    mood.slider.setFocus()
    qtbot.keyClick(mood.slider, Qt.Key.Key_End)
    assert mood.value() == 10 and mood.clear_button.isVisible()
    qtbot.keyClick(mood.slider, Qt.Key.Key_Tab)
    assert panel.faces_toggle.hasFocus()  # not the Clear button that just appeared
    qtbot.keyClick(panel.faces_toggle, Qt.Key.Key_Space)  # meant for "Show faces"
    assert mood.value() == 10 and panel.faces_toggle.isChecked()
    mood.slider.setFocus()
    qtbot.keyClick(mood.slider, Qt.Key.Key_Delete)
    assert mood.value() is None
    assert mood.clear_button.text() == "Undo" and mood.clear_button.isVisible()
    assert mood.clear_button.accessibleName() == "Undo clearing mood"
    with qtbot.waitSignal(mood.value_changed):
        qtbot.mouseClick(mood.clear_button, Qt.MouseButton.LeftButton)
    assert mood.value() == 10 and mood.clear_button.text() == "Clear"
    qtbot.mouseClick(mood.clear_button, Qt.MouseButton.LeftButton)
    assert mood.value() is None
    qtbot.keyClick(mood.slider, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mood.value() == 10
    qtbot.keyClick(mood.slider, Qt.Key.Key_Delete)
    mood.set_value(None)  # the form filled from code (a new entry): nothing left to undo
    assert not mood.clear_button.isVisible()


def test_first_key_on_an_unset_scale_counts_even_without_moving(qtbot: QtBot) -> None:
    scale = _shown(qtbot, ScaleInput(SLEEP_QUALITY, "Sleep quality"))
    assert isinstance(scale, ScaleInput)
    scale.set_value(5)
    scale.set_value(None)  # the handle rests at the middle, 3
    with qtbot.waitSignal(scale.value_changed):
        qtbot.keyClick(scale.slider, Qt.Key.Key_Home)
    assert scale.text() == "1 — very poor"


def test_scale_without_not_set_always_has_a_value(qtbot: QtBot) -> None:
    scale = ScaleInput(MOOD, "Mood", allow_unset=False, initial=5)
    qtbot.addWidget(scale)
    qtbot.keyClick(scale.slider, Qt.Key.Key_Delete)
    assert scale.value() == 5
    with pytest.raises(ValueError):
        scale.set_value(None)


def test_faces_are_extra_never_the_only_meaning(qtbot: QtBot) -> None:
    scale = ScaleInput(MOOD, "Mood", initial=8, face=mood_face)
    qtbot.addWidget(scale)
    scale.show()
    assert scale.value_label.text() == "8 — good"  # the words never change
    assert scale.face_label.isVisible() and not scale.face_label.pixmap().isNull()
    assert scale.slider.accessibleDescription() == "8 — good"
    scale.set_faces_visible(False)
    assert scale.value_label.text() == "8 — good"
    assert not scale.face_label.isVisible()
    assert [mood_face(v) for v in (0, 4, 5, 7, 9)] == [kind for _, kind in FACES]


def test_faces_are_drawn_not_emoji(qtbot: QtBot) -> None:
    """Issue 13 §2: emoji faces were empty boxes without an emoji font; now they are drawn."""
    scale = ScaleInput(MOOD, "Mood", initial=1, face=mood_face)
    qtbot.addWidget(scale)
    assert all(ord(c) < 0x1F000 for c in scale.value_label.text())  # no emoji
    ink = QColor("#000000")
    images = [face_pixmap(kind, 32, ink).toImage() for _, kind in FACES]
    for image in images:
        inked = sum(image.pixelColor(x, y).alpha() > 128 for x in range(32) for y in range(32))
        assert inked > 40  # a circle, eyes and a mouth, not an empty box
    assert len({bytes(image.constBits()) for image in images}) == len(FACES)  # five faces


def test_sleep_hours_start_at_a_typical_night_and_can_be_unset(qtbot: QtBot) -> None:
    hours = _shown(qtbot, SleepHoursInput())
    assert isinstance(hours, SleepHoursInput)
    assert hours.hours() is None and hours.text() == "Not set"
    hours.setFocus()
    qtbot.keyClick(hours, Qt.Key.Key_Up)
    assert hours.hours() == 7.0
    qtbot.keyClick(hours, Qt.Key.Key_Up)
    assert hours.hours() == 7.5
    hours.set_hours(0.0)
    qtbot.keyClick(hours, Qt.Key.Key_Down)
    assert hours.hours() is None


def test_emotions_are_added_with_intensity_updated_and_removed(qtbot: QtBot) -> None:
    emotions = _shown(qtbot, EmotionsInput())
    assert isinstance(emotions, EmotionsInput)
    assert not emotions.add_button.isEnabled()
    qtbot.keyClicks(emotions.name_input, "hopeful")
    emotions.intensity.slider.setFocus()
    qtbot.keyClick(emotions.intensity.slider, Qt.Key.Key_Right)
    qtbot.keyClick(emotions.intensity.slider, Qt.Key.Key_Right)
    with qtbot.waitSignal(emotions.changed):
        qtbot.mouseClick(emotions.add_button, Qt.MouseButton.LeftButton)
    assert emotions.emotions() == (Emotion("hopeful", 7),)
    assert emotions.chip_texts() == ["hopeful · 7 — strong"]
    assert emotions.name_input.currentText() == ""

    qtbot.keyClicks(emotions.name_input, "tired")
    qtbot.keyClick(emotions.name_input, Qt.Key.Key_Return)
    qtbot.keyClicks(emotions.name_input, "Hopeful")
    qtbot.keyClick(emotions.name_input, Qt.Key.Key_Return)
    assert emotions.emotions() == (Emotion("Hopeful", 5), Emotion("tired", 5))

    remove = [
        b
        for b in emotions.findChildren(QWidget)
        if b.accessibleName() == "Remove tired" and b.isVisible()
    ]
    assert len(remove) == 1
    qtbot.mouseClick(remove[0], Qt.MouseButton.LeftButton)
    assert emotions.emotions() == (Emotion("Hopeful", 5),)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_tags_complete_the_tag_after_the_last_comma(qtbot: QtBot) -> None:
    tags = _shown(qtbot, TagsInput())
    assert isinstance(tags, TagsInput)
    tags.set_known_tags(["family", "friends", "work"])
    tags.setFocus()
    qtbot.keyClicks(tags, "work, fam")
    completer = tags.completer()
    assert completer is not None
    assert completer.splitPath(tags.text()) == ["fam"]
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "work, family"
    popup = completer.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text() == "work, family"
    assert tags.tags() == ("work", "family")
    # Offscreen, the hidden popup's window becomes the focus window once its owner closes,
    # which later tests would see; delete the owner (and its popup) instead.
    tags.deleteLater()
    qtbot.waitUntil(lambda: not isValid(tags))
    assert QGuiApplication.focusWindow() is None


def test_panel_round_trips_every_value_and_unfolds_more(qtbot: QtBot) -> None:
    panel = CheckInPanel()
    qtbot.addWidget(panel)
    values = CheckIn(
        mood=4,
        anxiety=7,
        energy=2,
        sleep_hours=5.5,
        sleep_quality=2,
        emotions=(Emotion("lonely", 6),),
    )
    assert not panel.more_toggle.isChecked()
    panel.set_check_in(values)
    panel.tags.set_tags(("evening", "family"))
    assert panel.check_in() == values
    assert panel.more_toggle.isChecked()
    panel.clear()
    assert panel.check_in() == CheckIn() and panel.tags.tags() == ()
