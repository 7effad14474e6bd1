"""``chart`` (the only command that imports matplotlib, inside it) and ``insights``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from recovery_journal.cli.common import EXIT_OK, UsageError
from recovery_journal.cli.opening import open_for_reading, safe_output


def cmd_chart(args: argparse.Namespace, out: TextIO) -> int:
    """Draw one chart to a PNG or SVG file (the only command that imports matplotlib)."""
    if Path(args.output).suffix.lower() not in (".png", ".svg"):
        raise UsageError("The output file must end in .png or .svg.")
    target = safe_output(args)
    journal = open_for_reading(args)
    try:
        period = journal.insights.period(args.date_from, args.date_to)
        data = journal.insights.chart_data(args.kind, period)
    finally:
        journal.lock()
    from recovery_journal.charts.common import caption
    from recovery_journal.charts.registry import LIGHT, build_chart, chart_summary, save_chart

    figure = build_chart(args.kind, data, LIGHT, standalone=True)  # a file stands alone
    caption(figure, chart_summary(args.kind, data), LIGHT)
    save_chart(figure, target)
    print(f"Wrote the {args.kind} chart ({period.start} to {period.end}) to {target}.", file=out)
    print("This file is NOT encrypted: keep it somewhere private.", file=out)
    return EXIT_OK


def cmd_insights(args: argparse.Namespace, out: TextIO) -> int:
    """The summary numbers and the honest patterns (docs/INSIGHTS.md)."""
    from recovery_journal.services.insights import UnknownOutcomeError

    journal = open_for_reading(args)
    try:
        try:
            outcome = journal.insights.outcome_named(args.outcome)
        except UnknownOutcomeError as error:
            raise UsageError(_unknown_outcome(args.outcome, several=error.several)) from None
        report = journal.insights.report(
            journal.insights.period(args.date_from, args.date_to), outcome
        )
    finally:
        journal.lock()
    shape = report.to_json()
    if args.json:
        json.dump(shape, out, ensure_ascii=False, indent=1)
        print(file=out)
        return EXIT_OK
    print(f"From {shape['from']} to {shape['to']}:", file=out)
    if not outcome.is_mood:
        print(f"Patterns of “{outcome.name}”: higher or lower, not better or worse.", file=out)
    for key, value in shape["summary"].items():
        print(f"  {key.replace('_', ' ')}: {'–' if value is None else value}", file=out)
    called = [a for a in shape["associations"] if a["called_out"]]
    print(
        f"{len(shape['associations'])} comparisons with at least 3 days on each side; "
        f"{len(called)} stand out (associations, not causes):",
        file=out,
    )
    for a in called:
        when = "the day after" if a["lag_days"] else "same day"
        print(
            f"  {a['kind']} “{a['factor']}” ({when}): {a['outcome']} {a['difference']:+.1f} "
            f"[{a['ci_low']:+.1f}, {a['ci_high']:+.1f}], {a['n_with']} days with, "
            f"{a['n_without']} without",
            file=out,
        )
    return EXIT_OK


def _unknown_outcome(name: str, *, several: bool) -> str:
    """A kind usage message naming only what the person typed (never the journal's measures)."""
    if several:
        return (
            f"--outcome: more than one of your measures is called “{name}”. "
            "Give one of them another name in Settings ▸ My measures, then ask again."
        )
    return (
        f"--outcome: “{name}” isn't one of your own 0–10 scales or numbers. Use mood (the "
        "default) or a scale's or number's name as it is in Settings ▸ My measures; "
        "a yes/no can't be an outcome."
    )
