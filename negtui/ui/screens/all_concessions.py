"""Concessions across every deal, newest first, with the deals they were traded against.

A term conceded in one deal constrains the others: this is where to see it. ``l`` shows
only the entries linked to another deal; ``enter`` opens the entry's deal.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from negtui.domain.dates import other_years, short_when
from negtui.domain.models import Concession
from negtui.domain.words import counted
from negtui.ui.palette import Role, style
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.widgets.concession_log import side_text
from negtui.ui.widgets.fit_table import Column, FitTable
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.shown import DataTable, Static, plain

# What was conceded is the point of a line: it stays, cut with "…" when it must be.
COLUMNS = [Column("When", "when"), Column("Deal", "deal", 0, 16), Column("Side", "side"),
           Column("What", "what", 0, 28), Column("Term", "term", 2, 10),
           Column("Us", "us", 4), Column("Them", "them", 5),
           Column("Traded against", "linked", 3, 12)]
# The newest entries shown; a portfolio can hold tens of thousands of them.
SHOWN_AT_MOST = 1000


def _value(number: int | None) -> Text:
    return Text("·" if number is None else str(number), justify="right")


class AllConcessionsScreen(NegtuiScreen):
    SCREEN_TITLE = "Concessions in all deals"
    BINDINGS = [
        Binding("l", "toggle_linked", "Linked only / all", id="all_concessions.linked"),
        Binding("enter", "open_deal", "Open its deal", id="all_concessions.open",
                priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.linked_only = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="all-summary")
        yield FitTable(COLUMNS, id="all-log", hint="all-log-hint")
        yield Static(id="all-log-hint", classes="column-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fill()

    def entries(self) -> list[tuple[str, Concession]]:
        """(deal id, concession) for every live entry, newest first."""
        found = [
            (book.id, concession)
            for book in self.session.portfolio.books.values()
            for concession in book.concessions
            if not concession.deleted and (concession.linked_deal_id or not self.linked_only)
        ]
        found.sort(key=lambda entry: entry[1].at, reverse=True)
        return found

    def fill(self) -> None:
        self.frame_with_zone("all-log")
        portfolio = self.session.portfolio
        names = {book.id: book.deal.name for book in portfolio.books.values()}
        term_names = {term.id: term.name for book in portfolio.books.values()
                      for term in book.terms}
        timezone = portfolio.settings.timezone
        entries = self.entries()
        shown_entries = entries[:SHOWN_AT_MOST]
        # Entries from another year than this one: every row carries its year.
        year = other_years((c.at for _, c in shown_entries), self.session.clock().datetime,
                           timezone)
        rows: list[tuple[str | None, list[str | Text]]] = []
        for deal_id, concession in shown_entries:
            linked = concession.linked_deal_id
            rows.append((f"{deal_id}/{concession.id}", [
                short_when(concession.at, timezone, year=year),
                plain(names.get(deal_id, deal_id), one_line=True),
                side_text(concession.direction),
                plain(concession.what, one_line=True),
                plain(term_names.get(concession.term_id or "", ""), one_line=True),
                _value(concession.value_us), _value(concession.value_them),
                plain(names.get(linked, linked) if linked else "", style(Role.LINK), one_line=True),
            ]))
        self.query_one("#all-log", FitTable).show(rows)
        linked_count = sum(1 for _, c in entries if c.linked_deal_id)
        scope = "linked to another deal" if self.linked_only else "in all deals"
        shown = (f", newest {SHOWN_AT_MOST:,} shown" if len(entries) > SHOWN_AT_MOST else "")
        self.query_one("#all-summary", Static).update(Text.assemble(
            (f"{counted(len(entries), 'concession')} {scope}{shown}", "bold"),
            f"  ·  {linked_count} traded against another deal  ·  ",
            ("l: linked only / all · enter: open the deal · escape: back", "dim"),
        ))

    def action_toggle_linked(self) -> None:
        self.linked_only = not self.linked_only
        self.fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_deal":
            return self.query_one("#all-log", DataTable).row_count > 0
        return True

    @on(DataTable.RowSelected, "#all-log")
    def _selected(self) -> None:
        self.action_open_deal()

    def action_open_deal(self) -> None:
        table = self.query_one("#all-log", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        deal_id = key.split("/", 1)[0]
        if deal_id not in self.session.portfolio.books:
            return
        self.session.focus(deal_id)
        # The Concessions screen underneath follows the deal in focus when it resumes.
        self.dismiss()
