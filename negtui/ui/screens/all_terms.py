"""Every term of every deal, to see what was agreed elsewhere before conceding it here."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from negtui.domain.clashes import restrictive_clashes
from negtui.domain.models import Term
from negtui.domain.positions import Verdict
from negtui.domain.terms import class_of
from negtui.domain.vocab import TermCategory, TermStatus
from negtui.domain.words import counted
from negtui.ui.palette import Role, style
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.widgets.fit_table import Column, FitTable
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.shown import DataTable, Static, plain
from negtui.ui.widgets.term_grid import verdict_mark
from negtui.ui.widgets.term_rows import class_text, marked, rating_text

# Two terms of one name ("Day rate") are told apart by their deal, so it stays beside them.
COLUMNS = [Column("Category", "category", 4, 11), Column("Term", "term", 0, 20, name=True),
           Column("Deal", "deal", 0, 20, name=True), Column("On table", "on_table", 0, 16),
           Column("Status", "status", 1), Column("Class", "class", 3),
           Column("Clashes with", "clashes", 2, 12), Column("Deal imp", "deal_imp", 5),
           Column("Port imp", "port_imp", 6)]


def marks_legend() -> Text:
    """What the mark before each offer on the table says."""
    parts: list[str | tuple[str, str]] = []
    for index, where in enumerate(Verdict):
        mark, shade = verdict_mark(where)
        words = "ideal" if where is Verdict.IDEAL else where.value
        parts += ["  " if index else "", (mark, shade), f" {words}"]
    return Text.assemble(*parts)


def _in_number_order(name: str) -> tuple[tuple[int, int | str], ...]:
    """'Term 7' before 'Term 13': runs of digits compare as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", name.casefold()) if part)


class AllTermsScreen(NegtuiScreen):
    """Pushed over the Terms screen; enter opens the chosen term in its own deal."""

    SCREEN_TITLE = "All terms"

    BINDINGS = [
        Binding("c", "cycle_category", "Category", id="all_terms.category"),
        Binding("s", "cycle_status", "Status", id="all_terms.status"),
        Binding("escape", "clear_filters", "Clear filters", id="all_terms.clear"),
        Binding("enter", "open_term", "Open in its deal", id="all_terms.open", priority=True),
    ]

    def __init__(self, on_pick: Callable[[str, str], None]) -> None:
        super().__init__()
        self.on_pick = on_pick
        self.category: TermCategory | None = None
        self.status: TermStatus | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="all-filters")
        yield Static(id="all-empty", classes="empty")
        yield FitTable(COLUMNS, id="all-terms", hint="all-terms-hint")
        yield Static(marks_legend(), id="all-terms-marks", classes="band")
        yield Static(id="all-terms-hint", classes="column-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fill()

    def rows(self) -> list[tuple[str, str, Term]]:
        """(deal id, deal name, term) for every term that passes the filters."""
        found = []
        for book in self.session.portfolio.books.values():
            if book.deal.archived:
                continue
            for term in book.terms:
                if self.category is not None and term.category is not self.category:
                    continue
                if self.status is not None and term.status is not self.status:
                    continue
                found.append((book.id, book.deal.name, term))
        order = list(TermCategory)
        found.sort(key=lambda row: (order.index(row[2].category), _in_number_order(row[1]),
                                    _in_number_order(row[2].name)))
        return found

    def fill(self) -> None:
        threshold = self.session.portfolio.settings.high_threshold
        table = self.query_one("#all-terms", FitTable)
        rows = self.rows()
        clashes = {
            (book.id, term.id): ", ".join(deal.name for deal, _ in others)
            for book, term, others in restrictive_clashes(self.session.portfolio.books.values())
        }
        previous = None
        shown: list[tuple[str | None, list[str | Text]]] = []
        for deal_id, deal_name, term in rows:
            # The category is written once per group so terms of one kind read together.
            category = "" if term.category is previous else term.category.value
            previous = term.category
            shown.append((f"{deal_id}/{term.id}", [
                Text(category, style="bold"), plain(term.name, one_line=True),
                plain(deal_name, one_line=True), marked(term), term.status.value,
                class_text(class_of(term, threshold)),
                plain(clashes.get((deal_id, term.id), ""), style(Role.ALARM), one_line=True),
                rating_text(term.impact_deal), rating_text(term.impact_portfolio),
            ]))
        table.show(shown)
        category = self.category.value if self.category else "all"
        status = self.status.value if self.status else "all"
        deals = len({deal_id for deal_id, _, _ in rows})
        self.query_one("#all-filters", Static).update(Text.assemble(
            (f"{counted(len(rows), 'term')} in {counted(deals, 'deal')}", "bold"),
            "  ·  category ", (category, "bold"), " (c)  ·  status ", (status, "bold"),
            " (s)  ·  escape clears", no_wrap=True, overflow="ellipsis",
        ))
        empty = self.query_one("#all-empty", Static)
        empty.display = not rows
        table.display = bool(rows)
        self.query_one("#all-terms-marks", Static).display = bool(rows)
        if not rows:
            filtered = self.category is not None or self.status is not None
            empty.update("No terms match these filters: press escape to clear them." if filtered
                         else "No deal has terms yet. Press escape, then a to add one.")

    def action_cycle_category(self) -> None:
        present = {
            term.category for book in self.session.portfolio.books.values() for term in book.terms
        }
        choices: list[TermCategory | None] = [None, *(c for c in TermCategory if c in present)]
        self.category = choices[(choices.index(self.category) + 1) % len(choices)]
        self.fill()
        self.refresh_bindings()

    def action_cycle_status(self) -> None:
        choices: list[TermStatus | None] = [None, *TermStatus]
        self.status = choices[(choices.index(self.status) + 1) % len(choices)]
        self.fill()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            # Without a filter to clear, escape goes back as it does everywhere.
            return self.category is not None or self.status is not None
        return True

    def action_clear_filters(self) -> None:
        self.category = None
        self.status = None
        self.fill()
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#all-terms")
    def _selected(self) -> None:
        self.action_open_term()

    def action_open_term(self) -> None:
        table = self.query_one("#all-terms", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        deal_id, _, term_id = key.partition("/")
        self.on_pick(deal_id, term_id)
        self.app.pop_screen()
