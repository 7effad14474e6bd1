"""A reusable passphrase field: optional confirmation, show/hide, and a strength meter with a hint.

The Vorta ``password_input`` habit: one widget owns the rules (strength via
:func:`recovery_journal.services.passphrase.assess`, both fields equal) and tells its parent whether
the choice is acceptable through :attr:`PassphraseInput.validity_changed`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.services.passphrase import assess

_WORDS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


class PassphraseInput(QWidget):
    """Passphrase (+ confirmation when ``confirm``) with strength feedback when ``new``."""

    validity_changed = Signal(bool)
    submitted = Signal()

    def __init__(
        self, *, new: bool, confirm: bool, label: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._new, self._valid = new, False
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(label or self.tr("Passphrase"))
        self.field.textChanged.connect(self._on_changed)
        self.field.returnPressed.connect(self.submitted)
        form.addRow(label or self.tr("Passphrase"), self.field)
        self.confirm_field: QLineEdit | None = None
        if confirm:
            self.confirm_field = QLineEdit()
            self.confirm_field.setEchoMode(QLineEdit.EchoMode.Password)
            self.confirm_field.setAccessibleName(self.tr("Type the passphrase again"))
            self.confirm_field.textChanged.connect(self._on_changed)
            self.confirm_field.returnPressed.connect(self.submitted)
            form.addRow(self.tr("Again"), self.confirm_field)
        self.show_box = QCheckBox(self.tr("Show what I type"))
        self.show_box.setAccessibleName(self.tr("Show passphrase"))
        self.show_box.toggled.connect(self._on_show_toggled)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Passphrase hint"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.show_box)
        if new:
            layout.addWidget(self.meter)
            layout.addWidget(self.hint)
        self._on_changed()

    def text(self) -> str:
        return self.field.text()

    def clear(self) -> None:
        self.field.clear()
        if self.confirm_field is not None:
            self.confirm_field.clear()

    @property
    def valid(self) -> bool:
        return self._valid

    def focus_field(self) -> None:
        self.field.setFocus()

    @Slot(bool)
    def _on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.field.setEchoMode(mode)
        if self.confirm_field is not None:
            self.confirm_field.setEchoMode(mode)

    @Slot()
    def _on_changed(self) -> None:
        text = self.field.text()
        valid = bool(text)
        if self._new:
            verdict = assess(text)
            self.meter.setValue(verdict.score)
            self.meter.setFormat(self.tr(_WORDS[verdict.score]))
            self.meter.setAccessibleDescription(self.tr(_WORDS[verdict.score]))
            hint = verdict.hint
            valid = verdict.acceptable
            if valid and self.confirm_field is not None:
                if not self.confirm_field.text():
                    hint = self.tr("Now type it once more below.")
                    valid = False
                elif self.confirm_field.text() != text:
                    hint = self.tr("The two don't match yet.")
                    valid = False
            self.hint.setText(hint)
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
