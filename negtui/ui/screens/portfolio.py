"""Home: every deal with what is at stake, what is due, and where deals collide."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Input
from textual.widgets.data_table import RowDoesNotExist

from negtui.actions.deals import delete_deal, toggle_archive
from negtui.actions.undo import Change
from negtui.domain.audit import Alert, Review, for_deals, review
from negtui.domain.calendar import calendar_entries
from negtui.domain.deal_table import SORTS, DealRow, make_row, matches, sort_rows
from negtui.domain.models import Deal
from negtui.domain.schedule import user_zone
from negtui.domain.summary import pipeline
from negtui.domain.text import quoted
from negtui.domain.vocab import DealStatus
from negtui.domain.words import counted
from negtui.ui import saving
from negtui.ui.keys import DELETE
from negtui.ui.screens.base import DEEP_FROM
from negtui.ui.screens.portfolio_alerts import AlertKeys
from negtui.ui.widgets.alerts_box import AlertsBox
from negtui.ui.widgets.coming_up import coming_up_pieces, items_left_out
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.deal_facts import Hanging
from negtui.ui.widgets.drawn import DEAL_COLUMNS, Drawn, row_cells
from negtui.ui.widgets.fit_table import FilterField, FitTable
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.portfolio_band import band_text, problem_lines, with_filters
from negtui.ui.widgets.shown import DataTable, OptionList, Static, markup, plain

EMPTY_TEXT = markup(
    "[b]No deals here yet.[/b]\n\n"
    "Press [b]n[/b] to add your first deal.\n\n"
    "To explore with sample data instead, quit (ctrl+q) and run [b]negtui demo[/b].\n"
    "To bring in deals you already have: [b]negtui import json FILE[/b]."
)
COMING_TITLE = "Coming up in every deal"
NOTHING_MATCHES = "No deal matches the filter. Press escape in the filter, or f to show all."


class PortfolioScreen(AlertKeys):
    SCREEN_TITLE = "Portfolio"
    # The table takes the first focus, not the filter field before it (hidden): focused
    # and left again, the field would have the table fit its columns a second time and
    # the footer lay out its keys twice more, all after the first frame.
    AUTO_FOCUS = "#deals"
    ROOMY_FOOTER = ("portfolio.status", "portfolio.archived", "portfolio.people",
                    "portfolio.alerts", "portfolio.settings", "portfolio.sort")
    BINDINGS = [
        Binding("enter", "open_deal", "Open", id="portfolio.open", priority=True),
        Binding("n", "new_deal", "New", id="portfolio.new", priority=True),
        Binding("e", "edit_deal", "Edit", id="portfolio.edit", priority=True),
        Binding("a", "archive_deal", "Archive", id="portfolio.archive"),
        Binding(DELETE, "delete_deal", "Delete", id="portfolio.delete"),
        Binding("slash", "filter", "Filter", id="portfolio.filter", priority=True),
        Binding("f", "status_filter", "Status filter", show=False, id="portfolio.status"),
        Binding("h", "toggle_archived", "Show archived", show=False, id="portfolio.archived"),
        Binding("s", "sort", "Sort by next column", show=False, id="portfolio.sort"),
        Binding("S", "reverse", "Reverse sort", show=False, id="portfolio.reverse"),
        Binding("p", "people", "People", show=False, id="portfolio.people"),
        Binding("comma", "settings", "Settings", show=False, id="portfolio.settings",
                priority=True),
        Binding("exclamation_mark", "alerts", "Go to alerts", show=False, id="portfolio.alerts"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="portfolio.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort_column = "Status"
        self.sort_reverse = False
        self.status_filter: DealStatus | None = None
        self.show_archived = False
        self.filter_text = ""
        self._shown_ids: frozenset[str] = frozenset()
        self.alerts: list[Alert] = []
        self._alerts_for: tuple[Review, frozenset[str], Review] | None = None
        self.review: Review | None = None
        self._filled_for: object | None = None
        self._rows_for: tuple[object, object] | None = None
        self._rows: list[DealRow] = []
        # Cells, band and alerts are made again only when what they show changed.
        self._cells: dict[str, tuple[Text, ...]] = {}
        self._drawn = Drawn()
        self._band = Text()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield Static(id="problems", classes="problems")
        yield FilterField(placeholder="filter: name, counterparty, status or market — escape "
                          "clears", id="filter", table="deals")
        yield Static(EMPTY_TEXT, id="empty", classes="empty")
        # The deals and the alerts share the rows left under the band and the filter.
        with Vertical(id="portfolio-body"):
            yield FitTable(DEAL_COLUMNS, id="deals", hint="deals-hint", ahead=True)
            yield Static(id="deals-hint", classes="column-hint")
            yield AlertsBox(id="alerts", title="Alerts")
            # A tall window shares the alerts' rows with what is coming up in every deal.
            coming = Hanging(id="coming-up")
            coming.border_title = COMING_TITLE
            yield coming
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.fill()
        self.query_one("#deals").focus()

    def resume(self) -> None:
        # Back from another screen: drawn again only if the data or the theme changed.
        if self._filled_for is not self.session.glance() or not self._drawn.same(
                "theme", self.app.theme):
            self.fill()
        else:
            self.follow_current_deal()

    def deal_changed(self) -> None:
        self.follow_current_deal()

    def follow_current_deal(self) -> None:
        table = self.query_one("#deals", DataTable)
        wanted = self.session.deal_id
        if wanted is None:
            return
        try:
            index = table.get_row_index(wanted)
        except RowDoesNotExist:
            # Hidden by the filter or archived: show everything so the deal can be seen.
            self.filter_text = ""
            self.status_filter = None
            self.show_archived = self.show_archived or bool(
                (book := self.session.glance().books.get(wanted)) and book.deal.archived)
            self.fill()
            return
        table.move_cursor(row=index, animate=False)

    # Filling the screen

    def rows(self) -> list[DealRow]:
        """Every deal's row and the alerts, worked out again only when the data changed or
        a minute passed: a key typed in the filter must not audit the whole portfolio."""
        session = self.session
        now = session.clock().datetime
        # Painted from what is known now (maybe partly summaries): the full read replaces
        # it moments later, with a reload.
        glance = session.glance()
        key = (glance, now.replace(second=0, microsecond=0))
        if self._rows_for is not None and self._rows_for[0] is key[0] \
                and self._rows_for[1] == key[1]:
            return self._rows
        books = list(glance.books.values())
        found = self.review = review(books, session.settings, now)
        self.alerts = found.alerts
        progress = session.checklist_progress
        tz = user_zone(session.settings)
        self._rows = [make_row(book, now, found.about(book.id), progress(book),
                               found.next_due.get(book.id), tz)
                      for book in books]
        self._cells = {}
        self._rows_for = key
        return self._rows

    def fill(self) -> None:
        session = self.session
        if not self._drawn.unchanged("theme", self.app.theme):
            # Cells and bands carry the colours of the theme they were made in.
            self._cells = {}
            self._drawn = Drawn()
            self._drawn.unchanged("theme", self.app.theme)
        portfolio = session.glance()
        self._filled_for = portfolio
        all_rows = self.rows()
        shown = sort_rows(
            [r for r in all_rows
             if matches(r, self.filter_text, self.status_filter, self.show_archived)],
            self.sort_column, self.sort_reverse,
        )
        table = self.query_one("#deals", FitTable)
        keep = session.deal_id
        arrow = " ▼" if self.sort_reverse else " ▲"
        table.relabel({title: title + (arrow if title == self.sort_column else "")
                       for title in SORTS})
        table.show([(row.deal_id, list(self._row_cells(row))) for row in shown])
        empty = self.query_one("#empty", Static)
        empty.display = not shown
        empty.update(EMPTY_TEXT if not portfolio.books else NOTHING_MATCHES)
        if not shown and table.has_focus:  # hidden, it would hand the keys to the filter
            self.set_focus(None)
        table.display = bool(shown)
        self._fill_summary(all_rows)
        shown_ids = [r.deal_id for r in shown]
        self._fill_alerts(shown_ids)
        # Replaced only when other deals are shown: what is drawn from it (coming up) is
        # compared by identity, so the same deals must stay the same object.
        if frozenset(shown_ids) != self._shown_ids:
            self._shown_ids = frozenset(shown_ids)
        self._fill_coming_up()
        self._fill_problems()
        if keep in shown_ids:
            table.move_cursor(row=shown_ids.index(keep), animate=False)
        elif shown_ids:
            session.focus(shown_ids[0])
            table.move_cursor(row=0, animate=False)

    def _row_cells(self, row: DealRow) -> tuple[Text, ...]:
        if row.deal_id not in self._cells:
            self._cells[row.deal_id] = row_cells(row)
        return self._cells[row.deal_id]

    def _fill_summary(self, rows: list[DealRow]) -> None:
        deals = [r.book.deal for r in rows]
        filters = []
        if self.status_filter is not None:
            filters.append(f"status: {self.status_filter} (f for the next)")
        if self.filter_text:
            filters.append(f"filter: {quoted(self.filter_text)} (escape clears)")
        if self.show_archived:
            filters.append("archived deals too (h hides them)")
        if self.review is None or self._drawn.unchanged("summary", self.review, rows, *filters):
            return
        if not self._drawn.unchanged("band", self.review, rows):  # the same whatever is typed
            self._band = band_text(pipeline(deals, self.session.settings), self.review)
        self.query_one("#summary", Static).update(with_filters(self._band, filters))

    def _fill_alerts(self, shown_ids: list[str]) -> None:
        """The alerts of the deals shown, all of them unless a filter hides some deals."""
        review = self.review
        if review is None:
            return
        if self.filter_text or self.status_filter is not None:
            # The same review for the same deals, so the box does not list it again.
            ids = frozenset(shown_ids)
            cached = self._alerts_for
            if cached is None or cached[0] is not review or cached[1] != ids:
                cached = self._alerts_for = (review, ids, for_deals(review, ids))
            review = cached[2]
        # The deals are drawn first: the box lists its alerts once they are on screen.
        self.query_one("#alerts", AlertsBox).show(review, deals_shown=bool(shown_ids))

    def _fill_coming_up(self, again: bool = False) -> None:
        """In a tall window, every item still ahead in the deals not archived, or while a
        filter is on, in the deals it shows: read again when the review is (the data
        changed or a minute passed) or the deals shown are others, not at each key typed
        in the filter that leaves the same deals, or ``again`` when the pane has just come
        into sight."""
        pane = self.query_one("#coming-up", Hanging)
        if not self.has_class("-deep"):
            pane.show([])
            return
        session = self.session
        filtered = bool(self.filter_text) or self.status_filter is not None
        shown = self._shown_ids if filtered else None
        if self._drawn.unchanged("coming-up", self.review, session.settings.timezone,
                                 shown) and not again:
            return
        tz = user_zone(session.settings)
        now = session.clock().datetime
        books = [book for book in session.glance().books.values()
                 if shown is None or book.id in shown]
        pane.border_title = "Coming up in the deals shown" if filtered else COMING_TITLE
        pane.show(coming_up_pieces(calendar_entries(books, tz), now, tz), items_left_out)

    def on_resize(self) -> None:
        deep = self.app.size.height >= DEEP_FROM
        if deep != self.has_class("-deep"):
            self.set_class(deep, "-deep")
            self._fill_coming_up(again=True)

    def _fill_problems(self) -> None:
        store = self.session.store
        paths = {problem.path for problem in self.session.glance().problems}
        lines = problem_lines(store.read_only, paths, store.summaries.last_name)
        banner = self.query_one("#problems", Static)
        banner.display = bool(lines)
        banner.update("\n".join(lines))

    # Following the cursor

    @on(DataTable.RowHighlighted, "#deals")
    def remember_deal(self, event: DataTable.RowHighlighted) -> None:
        # Read the cursor now rather than the event's row: a refill queues highlights of
        # rows the cursor has already left.
        table = event.data_table
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key is not None:
                self.session.focus(key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, Input)
        if action in ("new_deal", "filter", "settings"):
            return not typing
        needs_deal = {"open_deal", "edit_deal", "archive_deal", "delete_deal"}
        if action in needs_deal:
            if typing or isinstance(self.focused, OptionList):
                return False
            return self.session.current_deal() is not None
        if action == "clear_filter":
            return (self.query_one("#filter", Input).display or bool(self.filter_text)
                    or self.status_filter is not None)
        return True

    # Actions

    def action_open_deal(self) -> None:
        from negtui.ui.screens.preparation import open_workspace

        deal = self.session.current_deal()
        if deal is not None:
            open_workspace(self, deal.id)

    def _remember(self, change: Change | None) -> None:
        if change is not None:
            saving.remember(self, self.session, change)

    async def action_new_deal(self) -> None:
        from negtui.ui.screens.deal_form import deal_form  # loaded when first asked for
        from negtui.ui.widgets.form import open_form

        def saved(deal: Deal, change: Change | None) -> None:
            self.session.focus(deal.id)
            self._remember(change)

        await open_form(self.app, deal_form(self.negtui, None, saved))

    async def action_edit_deal(self) -> None:
        from negtui.ui.screens.deal_form import deal_form
        from negtui.ui.widgets.form import open_form

        deal = self.session.current_deal()
        if deal is not None:
            await open_form(self.app, deal_form(self.negtui, deal,
                                                lambda _, change: self._remember(change)))

    def action_archive_deal(self) -> None:
        deal = self.session.current_deal()
        if deal is None:
            return
        done: list[tuple[Deal, Change]] = []
        verb = "Restored from archive" if deal.archived else "Archived"
        if self.save(lambda store: done.append(toggle_archive(store, deal)),
                     f"{verb}: {deal.name} (u undoes)", deal_id=deal.id):
            self._remember(done[0][1])

    def action_delete_deal(self) -> None:
        book = self.session.current_book()
        if book is None:
            return
        parts = [counted(len(book.terms), "term"), counted(len(book.concessions), "concession"),
                 counted(len(book.milestones), "milestone"),
                 counted(len(book.stakeholders), "person", "people"),
                 counted(len(book.calls), "call")]
        body = Text.assemble("Delete ", plain(book.deal.name, "bold", one_line=True),
                             f" and everything recorded with it: {', '.join(parts)}?\n\nThe "
                             "file moves to the data folder's .trash; u undoes it in this "
                             "session.")

        def decided(yes: bool | None) -> None:
            if not yes:
                return
            # The change that brings it back goes on the undo stack.
            self.save(lambda store: delete_deal(store, book.deal),
                      f"Deleted {book.deal.name} (u undoes)", deal_id=book.id)

        self.app.push_screen(ConfirmScreen("Delete this deal?", body, yes="Delete", no="Keep"),
                             decided)

    def action_people(self) -> None:
        from negtui.ui.screens.people import PeopleScreen

        self.negtui.open_over("people", PeopleScreen)

    def action_settings(self) -> None:
        from negtui.ui.screens.settings_form import settings_form

        self.app.push_screen(settings_form(self.negtui))
