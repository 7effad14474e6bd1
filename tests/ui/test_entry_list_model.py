"""The Journal list model: Qt's model contract, paging, search snippets, stale results, Trash."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from recovery_journal.domain.entries import MATCH_END, MATCH_START, CheckIn, Entry
from recovery_journal.errors import ValidationError
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_list_model import (
    ENTRY_ROLE,
    PREVIEW_ROLE,
    SNIPPET_ROLE,
    EntryFilter,
    EntryListModel,
)
from recovery_journal.ui.entry_text import body_preview, entry_heading, lead_to_match, snippet_html
from tests.ui.conftest import wait_tasks

DAY = date(2026, 3, 1)
ROOT = QModelIndex()


def _add(ctx: UiContext, count: int, body: str = "An ordinary day, nothing special.") -> None:
    ctx.session.entries.add_many(
        [
            Entry(DAY - timedelta(days=i), body=f"{body} #{i}", check_in=CheckIn(mood=i % 11))
            for i in range(count)
        ]
    )


def _loaded(qtbot: QtBot, model: EntryListModel, wanted: EntryFilter) -> None:
    with qtbot.waitSignal(model.rows_loaded, timeout=10_000):
        model.set_filter(wanted)


def test_the_whole_length_is_known_at_once_and_pages_load_when_shown(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    _add(ui_ctx, 45)
    model = EntryListModel(ui_ctx, page_size=20)
    _loaded(qtbot, model, EntryFilter())
    assert model.rowCount() == 45  # the scroll bar is honest from the start
    assert not model.canFetchMore(ROOT)  # rows are never inserted while scrolling
    assert model.index(0, 0).data(ENTRY_ROLE) is not None  # the first page came with the count
    assert model.index(44, 0).data(ENTRY_ROLE) is None  # not loaded yet: asked for now …
    with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
        pass
    assert [changed.args[0].row(), changed.args[1].row()] == [40, 44]  # … and arrives in place
    assert model.rowCount() == 45
    for row in range(model.rowCount()):
        model.index(row, 0).data(ENTRY_ROLE)
    wait_tasks(qtbot, ui_ctx)
    days = [model.index(r, 0).data(ENTRY_ROLE).local_date for r in range(model.rowCount())]
    assert days == sorted(days, reverse=True)
    assert model.row_of(model.index(30, 0).data(ENTRY_ROLE).id) == 30


def test_search_hits_arrive_page_by_page_on_fetch_more(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _add(ui_ctx, 45, body="A walk by the lighthouse")
    model = EntryListModel(ui_ctx, page_size=20)
    _loaded(qtbot, model, EntryFilter(query="lighthouse"))
    sizes = [model.rowCount()]
    while model.canFetchMore(ROOT):
        with qtbot.waitSignal(model.rows_loaded, timeout=10_000):
            model.fetchMore(ROOT)
        sizes.append(model.rowCount())
    assert sizes == [20, 40, 45]


def test_a_change_elsewhere_while_scrolling_counts_again(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _add(ui_ctx, 45)
    model = EntryListModel(ui_ctx, page_size=20)
    _loaded(qtbot, model, EntryFilter())
    ui_ctx.session.entries.add(Entry(DAY, body="written in another window"))
    with qtbot.waitSignal(model.rows_loaded, timeout=10_000):
        model.index(44, 0).data(ENTRY_ROLE)  # its page says there are 46 now
    assert model.rowCount() == 46


def test_model_contract_holds_while_pages_load(
    qtbot: QtBot, ui_ctx: UiContext, qtmodeltester: ModelTester
) -> None:
    _add(ui_ctx, 45)
    model = EntryListModel(ui_ctx, page_size=20)
    qtmodeltester.check(model)
    _loaded(qtbot, model, EntryFilter())
    for row in range(model.rowCount()):
        model.index(row, 0).data(ENTRY_ROLE)
    wait_tasks(qtbot, ui_ctx)
    assert model.rowCount() == 45
    model.refresh()
    wait_tasks(qtbot, ui_ctx)
    assert model.rowCount() == 45


def test_model_contract_holds_in_search_mode(
    qtbot: QtBot, ui_ctx: UiContext, qtmodeltester: ModelTester
) -> None:
    _add(ui_ctx, 10)
    ui_ctx.session.entries.add(Entry(DAY, body="Walked to the lighthouse at dawn."))
    model = EntryListModel(ui_ctx)
    qtmodeltester.check(model)
    _loaded(qtbot, model, EntryFilter())
    _loaded(qtbot, model, EntryFilter(query="lighthouse"))
    assert model.rowCount() == 1
    assert "<b>lighthouse</b>" in model.index(0, 0).data(SNIPPET_ROLE)
    assert not model.canFetchMore(ROOT)
    _loaded(qtbot, model, EntryFilter())
    assert model.rowCount() == 11
    assert model.index(0, 0).data(SNIPPET_ROLE) is None


def test_an_older_search_finishing_late_is_ignored(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.entries.add_many(
        [Entry(DAY, body="apples in the market"), Entry(DAY, body="bananas at home")]
    )
    model = EntryListModel(ui_ctx)
    model.set_filter(EntryFilter(query="apples"))  # still running when the next one starts
    model.set_filter(EntryFilter(query="bananas"))
    wait_tasks(qtbot, ui_ctx)
    assert [model.index(r, 0).data(ENTRY_ROLE).body for r in range(model.rowCount())] == [
        "bananas at home"
    ]


def test_trash_mode_lists_trashed_entries_and_searches_them(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    kept = ui_ctx.session.entries.add(Entry(DAY, body="a walk by the river"))
    gone = ui_ctx.session.entries.add(Entry(DAY, body="a letter I regret"))
    ui_ctx.session.entries.move_to_trash(gone.id or 0)
    model = EntryListModel(ui_ctx)
    _loaded(qtbot, model, EntryFilter(trash=True))
    assert [model.index(0, 0).data(ENTRY_ROLE).id] == [gone.id]
    _loaded(qtbot, model, EntryFilter(trash=True, query="letter"))
    assert "<b>letter</b>" in model.index(0, 0).data(SNIPPET_ROLE)
    _loaded(qtbot, model, EntryFilter(trash=True, query="river"))
    assert model.rowCount() == 0
    _loaded(qtbot, model, EntryFilter())
    assert model.index(0, 0).data(ENTRY_ROLE).id == kept.id


def test_snippet_html_marks_matches_and_escapes_everything_else() -> None:
    raw = f"a <script>x</script> & {MATCH_START}walk{MATCH_END} <b>"
    html = snippet_html(raw)
    assert "<b>walk</b>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "&amp;" in html and html.endswith("&lt;b&gt;")


def test_heading_and_preview_fall_back_to_the_body() -> None:
    entry = Entry(DAY, body="## A *hard* morning\n\n- then **better**\n- tea")
    assert entry_heading(entry) == "A *hard* morning"
    assert body_preview(entry) == "then better tea"
    titled = Entry(DAY, title="Sunday", body="first line\nsecond")
    assert entry_heading(titled) == "Sunday"
    assert body_preview(titled) == "first line second"


def test_rows_describe_themselves_for_screen_readers(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.entries.add(Entry(DAY, check_in=CheckIn(mood=6)))
    model = EntryListModel(ui_ctx)
    _loaded(qtbot, model, EntryFilter())
    index = model.index(0, 0)
    assert index.data() == "Mood check-in"
    assert "mood 6 of 10" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert index.data(PREVIEW_ROLE) == ""


def test_long_snippets_lead_with_the_match() -> None:
    raw = f"…one two three four five {MATCH_START}sleep{MATCH_END} after"
    assert lead_to_match(raw) == f"…three four five {MATCH_START}sleep{MATCH_END} after"
    short = f"a {MATCH_START}b{MATCH_END}"
    assert lead_to_match(short) == short


def test_a_damaged_row_shows_empty_and_is_told_once_kindly(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    _add(ui_ctx, 5)
    with ui_ctx.session.transaction() as s:  # as a damaged or hand-edited file might hold them
        s.execute(text("UPDATE entries SET mood = 42 WHERE body LIKE '%#2' OR body LIKE '%#3'"))
    model = EntryListModel(ui_ctx, page_size=20)
    _loaded(qtbot, model, EntryFilter())
    assert model.rowCount() == 5
    for _ in range(2):  # painted twice
        shown = [model.index(r, 0).data(ENTRY_ROLE) for r in range(5)]
        assert [entry is None for entry in shown] == [False, False, True, True, False]
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    wait_tasks(qtbot, ui_ctx)
    assert len(reported) == 1 and isinstance(reported[0], ValidationError)
