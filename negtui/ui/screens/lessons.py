"""Every lesson learned across the portfolio, searchable; those that bear on a deal marked."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Input

from negtui.domain.dates import day_text, moment_in
from negtui.domain.field_labels import label
from negtui.domain.lessons import LessonEntry, all_lessons, related, search
from negtui.domain.words import counted
from negtui.ui.palette import Role, style
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.widgets.fit_table import Column, FitTable
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.shown import DataTable, Static, markup, plain

EMPTY_TEXT = markup(
    "[b]No lessons learned yet.[/b]\n\n"
    "After a deal closes, open its checklist (5), go to phase 10 and write what worked,\n"
    "what did not, and why. Lessons come back here, and as hints when you prepare\n"
    "a deal with the same counterparty or contract type."
)
NO_MATCH = "No lesson holds every word typed. Clear the search to see them all."


def lesson_summary(entry: LessonEntry) -> str:
    lesson = entry.lesson
    parts = []
    if lesson.worked:
        parts.append(f"{label('lessons', 'worked')}: {lesson.worked}")
    if lesson.did_not:
        parts.append(f"{label('lessons', 'did_not')}: {lesson.did_not}")
    return "; ".join(parts) or "(empty lesson)"


# The table cuts long text with "…" to its pane; the panel below shows the whole lesson.
COLUMNS = [Column("", "mark"), Column("Deal", "deal", 0, 16), Column("Type", "type", 1),
           Column("Lesson", "lesson", 0, 24)]


class LessonsScreen(NegtuiScreen):
    SCREEN_TITLE = "Lessons from every deal"
    BINDINGS = [
        Binding("slash", "search", "Search", id="lessons.search"),
        Binding("down", "to_table", "To the list", show=False, id="lessons.to_table"),
    ]

    def __init__(self, deal_id: str | None = None) -> None:
        super().__init__()
        self.deal_id = deal_id
        self.shown: list[LessonEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search lessons: words from any field, deal or contract type",
                    id="lessons-search")
        yield Static(id="lessons-note")
        yield FitTable(COLUMNS, id="lessons", hint="lessons-hint")
        yield Static(id="lessons-hint", classes="column-hint")
        yield Static(id="lesson-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#lessons", DataTable)
        self.fill()
        table.focus()

    def _relevant(self, entries: list[LessonEntry]) -> dict[str, str]:
        book = self.session.portfolio.books.get(self.deal_id or "")
        if book is None:
            return {}
        return {entry.lesson.id: reason for entry, reason in related(entries, book.deal)}

    def fill(self) -> None:
        portfolio = self.session.portfolio
        entries = all_lessons(portfolio.books.values(), portfolio.lessons)
        query = self.query_one("#lessons-search", Input).value
        relevant = self._relevant(entries)
        found = search(entries, query)
        # Lessons that bear on the deal being prepared come first.
        found.sort(key=lambda entry: entry.lesson.id not in relevant)
        self.shown = found
        rows: list[tuple[str | None, list[str | Text]]] = []
        for entry in found:
            mark = Text("★", style=style(Role.WARNING)) if entry.lesson.id in relevant else Text("")
            kind = entry.deal.contract_type.value if entry.deal else "—"
            rows.append((entry.lesson.id, [mark, plain(entry.source, one_line=True), kind,
                                           plain(lesson_summary(entry), one_line=True)]))
        table = self.query_one("#lessons", FitTable)
        table.show(rows)
        note = self.query_one("#lessons-note", Static)
        book = portfolio.books.get(self.deal_id or "")
        if not entries:
            note.update(EMPTY_TEXT)
        elif not found:
            note.update(NO_MATCH)
        elif relevant and book is not None:
            note.update(f"★ bears on {book.deal.name} (same counterparty or contract type)"
                        " · / to search")
        else:
            note.update(f"{len(found)} of {counted(len(entries), 'lesson')} · / to search")
        table.display = bool(found)
        self.query_one("#lesson-detail").display = bool(found)
        self._show_detail(0 if found else None)

    def _show_detail(self, row: int | None) -> None:
        detail = self.query_one("#lesson-detail", Static)
        if row is None or not 0 <= row < len(self.shown):
            detail.border_title = None
            detail.update("")
            return
        entry = self.shown[row]
        lesson = entry.lesson
        zone = self.session.settings.timezone
        when = f" · {day_text(moment_in(lesson.at, zone))}" if lesson.at else ""
        detail.border_title = f"{entry.source}{when}"
        detail.update(Text.assemble(
            (f"{label('lessons', 'worked')}: ", "bold " + style(Role.GOOD)),
            lesson.worked or "—", "\n",
            (f"{label('lessons', 'did_not')}: ", style(Role.ALARM)), lesson.did_not or "—", "\n",
            ("Why: ", "bold"), lesson.why or "—",
        ))

    @on(DataTable.RowHighlighted, "#lessons")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    @on(Input.Changed, "#lessons-search")
    def _searched(self) -> None:
        self.fill()

    @on(Input.Submitted, "#lessons-search")
    def _done_searching(self) -> None:
        self.query_one("#lessons", DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#lessons-search", Input).focus()

    def action_to_table(self) -> None:
        table = self.query_one("#lessons", DataTable)
        if self.focused is not table and table.display:
            table.focus()
        else:
            table.action_cursor_down()
