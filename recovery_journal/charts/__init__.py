"""Chart builders: domain series in, :class:`matplotlib.figure.Figure` out (DESIGN.md §5).

Pure: no stateful plotting interface, no Qt, no database. The screen
(``ui/pages/insights.py``), the command line (``recovery-journal chart``) and the therapist
report embed the same figures. The stable entry
points are in :mod:`recovery_journal.charts.registry`: ``build_chart(kind, data, theme)``,
``chart_summary(kind, data)`` and ``save_chart(figure, path)``; or one builder per kind
(``mood_figure(data, theme)``…). This package's ``__init__`` imports nothing, so importing
``recovery_journal.charts.theme`` alone does not load matplotlib.
"""
