"""Render example therapist summaries from an invented demo journal to docs/report/ (PNG pages).

Builds a one-year demo journal in a temporary folder, writes the brief and the full summary of its
last 30 days as real PDFs, and turns every page into a PNG with poppler's ``pdftoppm`` (the PDF as
any reader shows it). Without poppler the pages are painted by the report engine itself.

    .venv/bin/python scripts/report_examples.py [--out docs/report] [--dpi 70]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.report import ExcerptMode, Preset, ReportOptions
from recovery_journal.report.summary import summary_document
from recovery_journal.services import report as report_service
from recovery_journal.services.access import BackupSettings, KeySettings, create_journal
from recovery_journal.storage.keys import FLOOR_PARAMS

PASS = "examples are only pretend"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/report")
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication(sys.argv[:1])
    today = local_today()
    with tempfile.TemporaryDirectory() as work:
        session, _ = create_journal(
            Path(work) / "demo.rjournal",
            PASS,
            KeySettings(params=FLOOR_PARAMS),
            BackupSettings(daily=False),
        )
        try:
            fill_demo_journal(session, days=365, seed=7, end=today)
            report_service.note_safety_plan_opened(session, today - timedelta(days=9))
            period = report_service.last_days(today, 30)
            for name, preset, excerpts in (
                ("brief", Preset.BRIEF, ExcerptMode.NONE),
                ("full", Preset.FULL, ExcerptMode.FLAGGED),
            ):
                options = ReportOptions(
                    period,
                    preset,
                    excerpts=excerpts,
                    display_name="Alex (invented demo)",
                    talk_about=("Sleep has been patchy since the move", "Visiting my family"),
                )
                document = summary_document(report_service.gather(session, options, today))
                for old in out.glob(f"{name}-*.png"):
                    old.unlink()
                pdf = Path(work) / f"{name}.pdf"
                pdf.write_bytes(document.pdf())
                if shutil.which("pdftoppm"):
                    prefix = str(out / name)
                    subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), str(pdf), prefix])
                else:
                    width = round(210 / 25.4 * args.dpi)
                    for i in range(document.page_count):
                        document.image(i, width).save(str(out / f"{name}-{i + 1}.png"))
                print(f"{name}: {document.page_count} pages", file=sys.stderr)
        finally:
            session.lock()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
