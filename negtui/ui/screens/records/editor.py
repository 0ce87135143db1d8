"""One keyboard table for any list of records kept in a deal file: add, edit, delete.

Each record kind (scenarios, risks, the value map, ...) describes itself with a
``RecordSpec`` (``spec.py``): its columns, its form fields and the words used on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from negtui.actions.records import remove_record
from negtui.domain.book import DealBook
from negtui.domain.dates import short_when, times_in
from negtui.domain.elsewhere import from_other_deals
from negtui.domain.models import Record
from negtui.ui.keys import DELETE, bound_key
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.records.detail import left_out, record_pieces, spelled_out
from negtui.ui.screens.records.record_form import record_form
from negtui.ui.screens.records.spec import Column, RecordSpec
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.deal_facts import Hanging, Piece
from negtui.ui.widgets.fit_table import Column as FitColumn
from negtui.ui.widgets.fit_table import FitTable
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.room import Pane, stack, table_rows, text_rows, unstack
from negtui.ui.widgets.shown import DataTable, Static, markup, plain

if TYPE_CHECKING:
    pass


SPELL_OUT_FROM = 32
"""From this many rows, the detail spells out every record, not only the one in focus."""
ELSEWHERE_FROM = 50
"""From this many rows, records of the same kind from the other deals follow."""
ELSEWHERE_MOST = 40
"""More than a tall window has rows for; the pane's last line counts the rest."""
TALL_FROM = 40
"""From this many rows, the table, the detail and the other deals' records are each as
tall as what they hold, the rows short of that shared between them, and the table's rows
may take two lines to show their texts whole."""


MORE = "… and "


def _others_left_out(beyond: int) -> Callable[[list[Piece]], Text]:
    """The last line of the other deals' records when the pane has no room for the
    pieces it is given: how many records they are, with the ``beyond`` never listed."""

    def line(pieces: list[Piece]) -> Text:
        count = sum(not isinstance(piece, Text) for piece in pieces) + beyond
        return Text(f"{MORE}{count} more", "dim")

    return line


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def _cell(text: str) -> str:
    return " ".join(text.split()) or "—"


def _shown(column: Column, record: Any, zone: str, book: DealBook) -> str:
    if column.of_deal is not None:
        return column.of_deal(record, book)
    if column.moment is None:
        return column.value(record)
    moment = column.moment(record)
    return short_when(moment, zone) if moment is not None else ""


class RecordEditorScreen(NegtuiScreen):
    """The records of one kind for the deal in focus when it was opened."""

    BINDINGS = [
        Binding("a", "add", "Add", id="records.add", priority=True),
        Binding("e", "edit", "Edit", id="records.edit", priority=True),
        Binding(DELETE, "delete", "Delete", id="records.delete"),
    ]

    def __init__(self, spec: RecordSpec, deal_id: str) -> None:
        super().__init__()
        self.spec = spec
        self.deal_id = deal_id
        self._brought: str | None = None
        """A record just saved, for the cursor to go to once the table holds it."""
        self.SCREEN_TITLE = spec.title
        if spec.not_added_here:
            # Records made elsewhere (calls) have no add key: the footer and help leave
            # it out, and the list's purpose line says where they come from.
            self._bindings.key_to_bindings = {
                key: kept for key, bindings in self._bindings.key_to_bindings.items()
                if (kept := [b for b in bindings if b.id != "records.add"])}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="records-heading")
        empty = Static(markup(self.spec.empty), id="records-empty", classes="empty")
        empty.border_title = self.spec.title  # the list's name, with no list to frame yet
        yield empty
        # The first column names the record and stays; the others leave from the right
        # when the window is narrow, and the detail under the table shows them whole.
        table = FitTable([FitColumn(column.label, f"c{index}", index, 16 if index == 0 else 14,
                                    wrap=True)
                          for index, column in enumerate(self.spec.columns)],
                         id="records", hint="records-hint")
        table.border_title = self.spec.title
        yield table
        yield Static(id="records-hint", classes="column-hint")
        yield Hanging(id="records-detail")
        yield Hanging(id="records-elsewhere")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#records", DataTable)
        self.fill()
        table.focus()

    def book(self) -> DealBook | None:
        return self.session.portfolio.books.get(self.deal_id)

    def records(self) -> list[Any]:
        book = self.book()
        if book is None:
            return []
        found = list(getattr(book, self.spec.table))
        return sorted(found, key=self.spec.order) if self.spec.order else found

    def fill(self) -> None:
        book = self.book()
        heading = self.query_one("#records-heading", Static)
        table = self.query_one("#records", DataTable)
        if book is None:
            heading.update("This deal is no longer in the folder. Press escape to go back.")
            table.display = False
            self.query_one("#records-empty").display = False
            return
        # Each said once: the title bar names the deal, the pane's frame the record kind,
        # and the line above it what the records are for.
        self.sub_title = f"{book.deal.name} — {self.negtui.sub_title}"
        keep = table.cursor_row
        records = self.records()
        tally = self.spec.tally(records) if self.spec.tally and records else ""
        heading.update(Text(self.spec.purpose + (f" {tally}." if tally else ""), "dim"))
        zone = self.session.portfolio.settings.timezone
        # Times are shown in one zone, named once in the frame rather than in every cell.
        dated = any(column.moment is not None for column in self.spec.columns)
        table.border_title = self.spec.title + (f" · {times_in(zone)}" if dated else "")
        self._allow_two_lines(len(records))
        self.query_one("#records", FitTable).show([
            (record.id, [plain(_cell(_shown(column, record, zone, book)), one_line=True)
                         for column in self.spec.columns])
            for record in records])
        table.display = bool(records)
        self.query_one("#records-detail").display = bool(records)
        self.show_elsewhere()
        self.query_one("#records-empty").display = not records
        if records:
            ids = [record.id for record in records]
            if self._brought in ids:
                keep, self._brought = ids.index(self._brought), None
            table.move_cursor(row=min(keep, len(records) - 1), animate=False)
        self.show_detail()
        self._fit_room()

    def _allow_two_lines(self, count: int) -> None:
        """In a tall window, rows whose texts go on over a second line where that shows
        them whole, while that takes no more than half the rows."""
        height = self.app.size.height
        self.query_one("#records", FitTable).allow_two_lines(
            height >= TALL_FROM and 2 * count + 3 <= (height - 3) // 2)

    def _fit_room(self) -> None:
        """In a tall window, the table, the detail and the other deals' records one
        under the other, each as tall as what it holds; where the rows are too few, each
        has a few and the rest go evenly to those that hold more. The rows nobody needs
        are left at the bottom. Worked out from the window's size, so it holds at the
        first paint."""
        table = self.query_one("#records", FitTable)
        detail = self.query_one("#records-detail", Hanging)
        elsewhere = self.query_one("#records-elsewhere", Hanging)
        width, height = self.app.size
        if height < TALL_FROM or not table.display:
            unstack([table, detail, elsewhere])
            return
        heading = self.query_one("#records-heading", Static)
        hint = self.query_one("#records-hint", Static)
        # The rows of the header, the footer, the purpose over the table and the note
        # of the columns the window has no room for.
        used = 2 + heading.get_content_height(self.app.size, self.app.size,
                                              width - heading.styles.gutter.width)
        used += 1 if hint.has_class("-shown") else 0
        total = height - used
        wants = table_rows(table)
        panes = [Pane(table, wants, min(wants, total // 3))]
        wants = text_rows(detail, width)
        panes.append(Pane(detail, wants, min(wants, 6)))
        if elsewhere.display:
            wants = text_rows(elsewhere, width)
            panes.append(Pane(elsewhere, wants, min(wants, 4)))
        stack(total, panes)

    def show_detail(self) -> None:
        """The whole of the highlighted record: the table cuts long text short. A tall
        window spells it out with the fields still to write, then the others, in the
        rows it has under the table."""
        record = self.selected()
        detail = self.query_one("#records-detail", Hanging)
        if record is None:
            detail.border_title = None
            detail.show([])
            return
        detail.border_title = self.spec.label(record)
        book = self.book()
        zone = self.session.portfolio.settings.timezone

        def about(one: Record) -> list[tuple[str, list[str]]]:
            return (self.spec.about(one, book, zone)
                    if self.spec.about is not None and book is not None else [])

        # Every field, those still empty too, so the detail says what can still be
        # filled in; what the pane has no rows for is counted on its last line.
        if self.size.height >= SPELL_OUT_FROM:
            others = [r for r in self.records() if r.id != record.id]
            pieces = spelled_out(self.spec, record, others, about(record), about)
        else:
            pieces = record_pieces(self.spec, record, unwritten=True, before=about(record))
        edit_key = bound_key(self, "records.edit", "e")
        detail.show(pieces, lambda rest: left_out(rest, self.spec.noun, edit_key, pieces))

    def show_elsewhere(self) -> None:
        """In a tall window, the records of this kind in the other deals (the same
        organisation's people first), each after the deal's name: what was written for
        one deal is there to draw on for this one."""
        pane = self.query_one("#records-elsewhere", Hanging)
        shown = (self.size.height or self.app.size.height) >= ELSEWHERE_FROM
        found = []
        if shown:
            record = self.selected()
            organisation = getattr(record, "organisation", "") if record else ""
            alike = ((lambda other: getattr(other, "organisation", "") == organisation)
                     if organisation else None)
            found = from_other_deals(self.session.portfolio.books.values(), self.deal_id,
                                     self.spec.table, alike)
        pane.display = bool(found)
        if not found:
            pane.show([])
            return
        title = self.spec.title
        pane.border_title = f"{title} in your other deals"
        width = min(28, max(len(book.deal.name) for book, _ in found) + 2)
        lines: list[Piece] = [
            (_cut(book.deal.name, width - 2), plain(self.spec.label(other), one_line=True),
             width)
            for book, other in found[:ELSEWHERE_MOST]]
        beyond = max(0, len(found) - ELSEWHERE_MOST)
        if beyond:
            lines.append(Text(f"{MORE}{beyond} more", "dim"))
        # What the pane's rows cannot hold is counted on its last line.
        pane.show(lines, _others_left_out(beyond))

    def on_resize(self) -> None:
        self._allow_two_lines(len(self.records()))
        self._show_room()

    @on(DataTable.RowHighlighted, "#records")
    def _highlighted(self) -> None:
        self._show_room()

    def _show_room(self) -> None:
        self.show_detail()
        self.show_elsewhere()
        self._fit_room()

    def selected(self) -> Record | None:
        table = self.query_one("#records", DataTable)
        records = self.records()
        if not records or not table.display:
            return None
        row = table.cursor_row
        return records[row] if 0 <= row < len(records) else None

    @on(DataTable.RowSelected, "#records")
    def _open_row(self, _: DataTable.RowSelected) -> None:
        self.action_edit()

    def _form(self, existing: Record | None) -> None:
        book = self.book()
        if book is not None:
            self.app.push_screen(record_form(self.negtui, self.spec, book, existing,
                                             on_saved=self._bring))

    def _bring(self, record_id: str) -> None:
        """Put the cursor on the record just saved (a new one may sort anywhere)."""
        self._brought = record_id
        self.fill()

    def action_add(self) -> None:
        self._form(None)

    def action_edit(self) -> None:
        record = self.selected()
        if record is None:
            self.notify(self.spec.not_added_here or
                        f"Nothing to edit yet; press a to add a {self.spec.noun}.", timeout=3)
            return
        self._form(record)

    def action_delete(self) -> None:
        record = self.selected()
        if record is None:
            self.notify(self.spec.not_added_here or
                        f"Nothing to delete; press a to add a {self.spec.noun}.", timeout=3)
            return
        spec = self.spec
        deal_id = self.deal_id

        def decided(yes: bool | None) -> None:
            if yes:
                label = f"Deleted {spec.noun}: {spec.label(record)}"
                self.save(lambda store: remove_record(store, deal_id, record, label),
                          f"{spec.noun.capitalize()} deleted (u undoes)", deal_id=deal_id)

        self.app.push_screen(
            ConfirmScreen(f"Delete this {spec.noun}?",
                          f"{spec.label(record)}\n\nIt is removed from the deal file.",
                          yes="Delete", no="Keep"),
            decided,
        )
