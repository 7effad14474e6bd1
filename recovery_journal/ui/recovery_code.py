"""Showing a recovery code once: large and legible, save as a file, print, and a gentle check.

The person confirms they kept it by typing one group of it back. The code is never stored anywhere
by the app; "Save as file…" writes only where the person chooses.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase, QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.errors import UserError
from recovery_journal.report.code_sheet import code_sheet_document
from recovery_journal.report.engine import set_page


def code_sheet(code: str) -> str:
    return (
        "Recovery Journal — recovery code\n\n"
        f"    {code}\n\n"
        "This code opens your journal if you forget your passphrase. Nobody else can reset it.\n"
        "Keep this somewhere safe and private (not next to your computer).\n"
    )


class RecoveryCodePanel(QWidget):
    """The code, ways to keep it, and a one-group check; emits ``confirmed`` when done."""

    confirmed = Signal()

    def __init__(
        self, code: str, parent: QWidget | None = None, *, rng: random.Random | None = None
    ) -> None:
        super().__init__(parent)
        self.code = code
        groups = code.split("-")
        self.asked_group = (rng or random.SystemRandom()).randrange(len(groups))
        self._expected = groups[self.asked_group]
        intro = QLabel(
            self.tr(
                "<h2>Your recovery code</h2><p>If you ever forget your passphrase, this code is "
                "the only way back into your journal. It is shown <b>only now</b>.</p>"
                "<p>Write it down, print it, or save it somewhere private — not on this "
                "computer's "
                "desktop.</p>"
            )
        )
        intro.setWordWrap(True)
        self.code_label = QLabel(two_lines(code))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(max(mono.pointSize(), 10) + 5)
        mono.setWeight(QFont.Weight.DemiBold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setStyleSheet(
            "padding: 14px; border: 1px solid palette(mid);"
            "border-radius: 6px; background: palette(base);"
        )
        self.save_button = QPushButton(self.tr("Save as file…"))
        self.save_button.setAccessibleName(self.tr("Save the recovery code as a file"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print the recovery code"))
        self.print_button.clicked.connect(self._on_print_clicked)
        keep = QHBoxLayout()
        keep.addStretch(1)
        keep.addWidget(self.save_button)
        keep.addWidget(self.print_button)
        keep.addStretch(1)
        self.check_label = QLabel(
            self.tr(
                "To be sure you kept it, type group {n} of the code (the {nth} block of four):"
            ).format(n=self.asked_group + 1, nth=_ordinal(self.asked_group + 1))
        )
        self.check_label.setWordWrap(True)
        self.check_field = QLineEdit()
        self.check_field.setAccessibleName(
            self.tr("Group {n} of the recovery code").format(n=self.asked_group + 1)
        )
        self.check_field.setMaxLength(8)
        self.check_field.textChanged.connect(self._on_check_changed)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Recovery code check"))
        self.done_button = QPushButton(self.tr("I've kept it — continue"))
        self.done_button.setEnabled(False)
        self.done_button.setDefault(True)
        self.done_button.setAccessibleName(self.tr("Continue"))
        self.done_button.clicked.connect(self.confirmed)
        self.check_field.returnPressed.connect(self._on_return)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addLayout(keep)
        layout.addSpacing(12)
        layout.addWidget(self.check_label)
        layout.addWidget(self.check_field)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.done_button, alignment=Qt.AlignmentFlag.AlignRight)

    def matches(self, typed: str) -> bool:
        cleaned = "".join(c for c in typed.upper() if c.isalnum())
        cleaned = cleaned.translate(str.maketrans("018", "OIB"))
        return cleaned == self._expected

    @Slot(str)
    def _on_check_changed(self, text: str) -> None:
        ok = self.matches(text)
        self.done_button.setEnabled(ok)
        if ok:
            self.status.setText(self.tr("That's right. Thank you."))
        elif len("".join(c for c in text if c.isalnum())) >= 4:
            self.status.setText(self.tr("Not quite — check that group against your copy."))
        else:
            self.status.clear()

    @Slot()
    def _on_return(self) -> None:
        if self.done_button.isEnabled():
            self.confirmed.emit()

    @Slot()
    def _on_save_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save recovery code"),
            "recovery-journal-recovery-code.txt",
            self.tr("Text files (*.txt)"),
        )
        if name:
            self.save_to(name)

    def save_to(self, filename: str) -> None:
        from pathlib import Path

        from recovery_journal.services.files import write_private_file

        try:
            write_private_file(
                Path(filename), code_sheet(self.code).encode("utf-8"), "the recovery code"
            )
            self.status.setText(self.tr("Saved. Keep that file somewhere private."))
        except UserError as error:
            self.status.setText(error.message)

    @Slot()
    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_page(printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, device: QPagedPaintDevice) -> None:
        """The code sheet on one page, through the same engine as every printed page."""
        code_sheet_document(self.code).print_to(device)


def two_lines(code: str) -> str:
    """The 8 groups as two rows of four, so the code stays large without being cut off."""
    groups = code.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])


def _ordinal(n: int) -> str:
    return {
        1: "first",
        2: "second",
        3: "third",
        4: "fourth",
        5: "fifth",
        6: "sixth",
        7: "seventh",
        8: "eighth",
    }.get(n, f"{n}th")
