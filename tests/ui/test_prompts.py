"""Writing prompts: an answer typed where the cursor rests is its own Markdown paragraph."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from recovery_journal.ui.prompts import Prompt, insert_template, load_prompts

ANSWER = "my own answer"


def _blocks(markdown: str) -> list[str]:
    document = QTextDocument()
    document.setMarkdown(markdown)
    block, texts = document.begin(), []
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    return texts


@pytest.mark.parametrize("prompt", load_prompts(), ids=lambda p: p.kind + ":" + p.title)
def test_an_answer_never_runs_into_the_prompt(qtbot: QtBot, prompt: Prompt) -> None:
    """Issue 13 §3: "Use this prompt" then typing made one paragraph of prompt and answer."""
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    insert_template(editor, prompt.text)
    qtbot.keyClicks(editor, ANSWER)
    assert ANSWER in _blocks(editor.toPlainText())  # a paragraph (or list item) of its own


def test_an_answer_after_own_writing_is_its_own_paragraph_too(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "Some words first.")
    prompt = next(p for p in load_prompts() if p.kind == "thought-record")
    insert_template(editor, prompt.text)
    qtbot.keyClicks(editor, ANSWER)
    blocks = _blocks(editor.toPlainText())
    assert blocks[:3] == ["Some words first.", "Situation — where was I, what happened?", ANSWER]
