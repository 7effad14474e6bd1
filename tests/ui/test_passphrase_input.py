"""The reusable passphrase widget: strength feedback, confirmation, show/hide."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from recovery_journal.ui.passphrase_input import PassphraseInput


def test_weak_passphrase_is_not_accepted_and_says_why(qtbot: QtBot) -> None:
    widget = PassphraseInput(new=True, confirm=True)
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.field, "short")
    assert not widget.valid
    assert "longer" in widget.hint.text()


def test_strong_and_confirmed_passphrase_becomes_valid(qtbot: QtBot) -> None:
    widget = PassphraseInput(new=True, confirm=True)
    qtbot.addWidget(widget)
    assert widget.confirm_field is not None
    qtbot.keyClicks(widget.field, "tea by the window at dawn")
    assert not widget.valid and "once more" in widget.hint.text()
    qtbot.keyClicks(widget.confirm_field, "tea by the window at daw")
    assert not widget.valid and "match" in widget.hint.text()
    with qtbot.waitSignal(widget.validity_changed) as signal:
        qtbot.keyClicks(widget.confirm_field, "n")
    assert signal.args == [True] and widget.valid
    assert widget.meter.value() >= 3


def test_show_what_i_type(qtbot: QtBot) -> None:
    widget = PassphraseInput(new=False, confirm=False)
    qtbot.addWidget(widget)
    assert widget.field.echoMode() is QLineEdit.EchoMode.Password
    widget.show_box.click()
    assert widget.field.echoMode() is QLineEdit.EchoMode.Normal


def test_a_common_passphrase_shows_zxcvbns_feedback(qtbot: QtBot) -> None:
    """`Password2024!` used to fill the meter; now it is refused with zxcvbn's advice."""
    widget = PassphraseInput(new=True, confirm=True)
    qtbot.addWidget(widget)
    assert widget.confirm_field is not None
    qtbot.keyClicks(widget.field, "Password2024!")
    qtbot.keyClicks(widget.confirm_field, "Password2024!")
    assert not widget.valid and widget.meter.format() == "Weak"
    assert "commonly used password" in widget.hint.text()
    assert "Add another word" in widget.hint.text()


def test_repeated_words_are_not_strong(qtbot: QtBot) -> None:
    widget = PassphraseInput(new=True, confirm=False)
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.field, "a a a a a a a a a a")
    assert not widget.valid and "Repeats" in widget.hint.text()
