"""The deal's terms: rate and classify them, set positions, and score the offer on the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Header

from negtui.actions.history import conflicted_records
from negtui.actions.records import change_records, remove_record, save_records
from negtui.domain.book import DealBook
from negtui.domain.integrity import term_in_use
from negtui.domain.models import Term
from negtui.domain.positions import position_problems, verdict
from negtui.domain.terms import class_of, term_problems
from negtui.domain.words import counted
from negtui.ui.keys import ALL_DEALS, DELETE, HISTORY
from negtui.ui.saving import save_from_form
from negtui.ui.screens.terms_keys import TermKeys
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.deal_line import DealLine
from negtui.ui.widgets.fit_table import FitTable
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.score_band import ScoreBand
from negtui.ui.widgets.shown import DataTable, Static, markup, plain
from negtui.ui.widgets.term_detail import TermDetail
from negtui.ui.widgets.term_grid import TermGrid
from negtui.ui.widgets.term_legend import GridKey, TermLegend
from negtui.ui.widgets.term_rows import TERM_COLUMNS, term_row

if TYPE_CHECKING:
    from negtui.ui.widgets.form import Values

# Wide enough to show the table beside the grid.
WIDE = 120
# Large enough to draw the grid beside the focused term, under the whole table.
ROOMY = (160, 45)

NO_DEAL = markup(
    "[b]No deal in focus.[/b]\n\n"
    "Pick a deal on the Portfolio screen: press [b]1[/b], move to the deal, "
    "then press [b]2[/b] to come back here."
)

# The footer shows each pair as one label ("+/- Deal impact"); help lists every key.
DEAL_IMPACT = Binding.Group("Deal impact")
PORTFOLIO_IMPACT = Binding.Group("Portfolio impact")


class TermsScreen(TermKeys):
    SCREEN_TITLE = "Terms"

    BINDINGS = [
        Binding("a", "add", "Add", id="terms.add", priority=True),
        Binding("e", "edit", "Edit", id="terms.edit", priority=True),
        Binding("enter", "edit", "Edit", show=False, id="terms.edit_enter", priority=True),
        Binding("plus,equals_sign", "rate('impact_deal', 1)", "Deal impact +",
                key_display="+", id="terms.deal_up", group=DEAL_IMPACT),
        Binding("minus", "rate('impact_deal', -1)", "Deal impact -", key_display="-",
                id="terms.deal_down", group=DEAL_IMPACT),
        Binding("right_square_bracket", "rate('impact_portfolio', 1)", "Portfolio impact +",
                key_display="]", id="terms.portfolio_up", group=PORTFOLIO_IMPACT),
        Binding("left_square_bracket", "rate('impact_portfolio', -1)", "Portfolio impact -",
                key_display="[", id="terms.portfolio_down", group=PORTFOLIO_IMPACT),
        Binding("g", "toggle_grid", "Grid", id="terms.grid"),
        Binding("o", "offer", "Offer", id="terms.offer", priority=True),
        Binding("s", "cycle_status", "Status", show=False, id="terms.status"),
        Binding("m", "toggle_must", "Must-have", show=False, id="terms.must"),
        Binding("t", "template", "Template", id="terms.template"),
        Binding(ALL_DEALS, "all_terms", "All deals", id="terms.all"),
        Binding(DELETE, "delete", "Delete", show=False, id="terms.delete"),
        Binding(HISTORY, "history", "History", show=False, id="terms.history"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.focused_id: str | None = None
        self.deal_id: str | None = None
        self.grid_view = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield DealLine(id="deal-line")
        yield Static(id="terms-empty", classes="empty")
        with Horizontal(id="terms-body"):
            with Vertical(id="grid-column"):
                yield TermGrid(id="term-grid")
                yield GridKey(id="grid-key")
            yield FitTable(TERM_COLUMNS, id="terms-table", hint="terms-hint")
            yield TermLegend(id="grid-legend")
        yield Static(id="terms-hint", classes="column-hint")
        with Horizontal(id="terms-lower"):
            yield TermDetail(id="term-detail")
            with Vertical(id="side-column"):
                side = TermGrid(id="side-grid")
                side.can_focus = False
                side.border_title = "Grid"
                yield side
                yield GridKey(id="side-key")
        yield ScoreBand(id="score-band")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fit(self.size.width, self.size.height)
        self.fill()

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        self.set_class(width >= ROOMY[0] and height >= ROOMY[1], "-roomy")
        self._allow_two_lines()

    def _allow_two_lines(self) -> None:
        """A large window with the table across it has the rows to spare: a row may take
        two lines there, so that every column is shown with nothing cut."""
        self.query_one("#terms-table", FitTable).allow_two_lines(
            self.has_class("-roomy") and not self.grid_view)

    # What is shown

    @property
    def threshold(self) -> int:
        return self.session.settings.high_threshold

    def book(self) -> DealBook | None:
        return self.session.current_book()

    def focused_term(self) -> Term | None:
        book = self.book()
        if book is None:
            return None
        return next((t for t in book.terms if t.id == self.focused_id), None)

    def fill(self) -> None:
        book = self.book()
        if book is None or self.deal_id != book.id:
            self.focused_id = None
        self.deal_id = book.id if book else None
        terms = book.terms if book else []
        if terms and self.focused_term() is None:
            self.focused_id = terms[0].id
        empty = self.query_one("#terms-empty", Static)
        self.set_class(not terms, "-empty")
        self.set_class(self.grid_view, "-grid")
        self._name_grid_key()
        self._fill_deal_line(book)
        if book is None:
            empty.update(NO_DEAL)
        elif not terms:
            empty.update(Text.assemble(
                plain(f"No terms yet for {book.deal.name}.", "bold", one_line=True), "\n\n",
                markup("Press [b]a[/b] to add a term, or [b]t[/b] to add the usual terms of a "),
                f"{book.deal.contract_type.value} contract and then rate them.",
            ))
        if terms:
            self._fill_table(terms)
            self._show_focus()
            self._fill_score(terms)
        self.refresh_bindings()
        self._focus_view()

    def _focus_view(self) -> None:
        if self.has_class("-empty"):
            return
        if self.grid_view:
            self.query_one("#term-grid", TermGrid).focus()
        else:
            self.query_one("#terms-table", DataTable).focus()

    def _fill_deal_line(self, book: DealBook | None) -> None:
        self.query_one("#deal-line", DealLine).show(book, self.threshold)

    def _fill_table(self, terms: list[Term]) -> None:
        table = self.query_one("#terms-table", FitTable)
        now = self.session.clock()
        zone = self.session.settings.timezone
        clashed = conflicted_records(self.session.store.root)
        table.show([(term.id, term_row(term, self.threshold, now, zone, term.id in clashed))
                    for term in terms])
        if self.focused_id is not None:
            table.move_cursor(row=table.get_row_index(self.focused_id), animate=False)

    def _show_focus(self) -> None:
        """Bring the grid, the legend and the detail line to the focused term."""
        book = self.book()
        if book is None:
            return
        self.query_one("#term-grid", TermGrid).show(book.terms, self.threshold, self.focused_id)
        term = self.focused_term()
        now, zone = self.session.clock(), self.session.settings.timezone
        self.query_one("#term-detail", TermDetail).show(term, self.threshold, now, zone,
                                                         book.concessions)
        self.query_one("#grid-legend", TermLegend).show(book.terms, term, self.threshold,
                                                        now, zone)
        self.query_one("#grid-key", GridKey).show(book.terms, self.threshold)
        self.query_one("#side-grid", TermGrid).show(book.terms, self.threshold,
                                                   self.focused_id)
        self.query_one("#side-key", GridKey).show(book.terms, self.threshold)

    def _fill_score(self, terms: list[Term]) -> None:
        self.query_one("#score-band", ScoreBand).show(terms, self.threshold)

    # Moving around

    @on(DataTable.RowHighlighted, "#terms-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and event.row_key.value != self.focused_id:
            self.focused_id = event.row_key.value
            self._show_focus()

    @on(DataTable.RowSelected, "#terms-table")
    def _row_selected(self) -> None:
        self.action_edit()

    @on(TermGrid.Moved)
    def _grid_moved(self, event: TermGrid.Moved) -> None:
        self.focused_id = event.term_id
        table = self.query_one("#terms-table", DataTable)
        table.move_cursor(row=table.get_row_index(event.term_id), animate=False)
        self._show_focus()

    def show_term(self, term_id: str) -> None:
        """Select the term ``term_id`` of the deal in focus, in the table (or the grid)."""
        book = self.book()
        if book is None or not any(term.id == term_id for term in book.terms):
            return
        self.deal_id = book.id
        self.focused_id = term_id
        if self.is_mounted:
            self.fill()

    def action_toggle_grid(self) -> None:
        self.grid_view = not self.grid_view
        self.set_class(self.grid_view, "-grid")
        self._allow_two_lines()
        self._name_grid_key()
        self._show_focus()
        self._focus_view()

    def _name_grid_key(self) -> None:
        """Beside the grid, the columns the table has no room for come back with the grid
        hidden: the hint says which key does it, as the user's keymap binds it."""
        other_way = ""
        if self.grid_view:
            grid = next((active.binding for active in self.active_bindings.values()
                         if active.binding.id == "terms.grid"), None)
            if grid is not None:
                other_way = f"press {self.app.get_key_display(grid)} to hide the grid"
        self.query_one("#terms-table", FitTable).hint_other_way(other_way)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        book = self.book()
        if action in ("add", "template", "all_terms"):
            return True if action == "all_terms" else book is not None
        if action in ("edit", "rate", "toggle_grid", "offer", "cycle_status", "toggle_must",
                      "delete"):
            return book is not None and bool(book.terms)
        return True

    # Changing terms (one key each: terms_keys)

    def action_add(self) -> None:
        if self.book() is not None:
            self._open_form(None, {})

    def action_edit(self) -> None:
        term = self.focused_term()
        if term is not None:
            self._open_form(term, {}, existing=term)

    def action_history(self) -> None:
        term, book = self.focused_term(), self.book()
        if term is not None and book is not None:
            self.show_history(book.id, term.id, term.name)

    def action_offer(self) -> None:
        term = self.focused_term()
        if term is None:
            return

        # The forms' code loads when the first form is opened, not with the screen.
        from negtui.ui.screens.term_form import OfferForm

        def save(updated: Term) -> None:
            self._save_term(updated, f"{term.name}: offer {updated.on_table or 'cleared'}"
                                     f" — {verdict(updated).value}")

        session = self.session
        self.app.push_screen(OfferForm(term, session.clock, session.settings.timezone, save))

    def action_delete(self) -> None:
        term = self.focused_term()
        book = self.book()
        if term is None or book is None:
            return
        in_use = term_in_use(book, term)
        if in_use is not None:
            # Its concessions would point at nothing and show a blank term.
            self.notify(in_use, title="Not deleted", severity="warning", timeout=8)
            return
        deal_id = book.id

        def decided(yes: bool | None) -> None:
            if yes:
                index = [t.id for t in book.terms].index(term.id)
                rest = [t for t in book.terms if t.id != term.id]
                self.focused_id = rest[min(index, len(rest) - 1)].id if rest else None
                label = f"Deleted {term.name}"
                self.save(lambda store: remove_record(store, deal_id, term, label),
                          f"{label} (u undoes)", deal_id=deal_id)

        self.app.push_screen(ConfirmScreen(
            f"Delete the term “{term.name}”?",
            "Its ratings, positions and fallback go with it.", yes="Delete", no="Keep"),
            decided)

    def action_template(self) -> None:
        book = self.book()
        if book is None:
            return
        from negtui.domain.templates import new_terms

        kind = book.deal.contract_type
        added = new_terms(kind, book.terms)
        if not added:
            self.notify(f"The usual terms of a {kind.value} contract are all here already",
                        timeout=3)
            return
        deal_id = book.id
        self.focused_id = added[0].id
        label = f"Added {counted(len(added), 'usual term')} of a {kind.value} contract"
        self.save(lambda store: change_records(store, deal_id, *added, before=(), label=label),
                  f"{label}: rate each with + - ] [ (u undoes)", deal_id=deal_id)

    def action_all_terms(self) -> None:
        from negtui.ui.screens.all_terms import AllTermsScreen

        def pick(deal_id: str, term_id: str) -> None:
            self.session.focus(deal_id)
            self.focused_id = term_id
            self.deal_id = deal_id

        self.negtui.open_over("all_terms", lambda: AllTermsScreen(pick))

    # The form

    def _open_form(self, term: Term | None, problems: dict[str, str],
                   existing: Term | None = None) -> None:
        from negtui.domain.term_input import term_from_values
        from negtui.ui.screens.term_form import TermForm

        session = self.session
        threshold = self.threshold
        zone = session.settings.timezone
        book_id = self.deal_id or ""

        def submit(values: Values) -> dict[str, str]:
            built, errors = term_from_values(values, existing, session.clock(), zone)
            if built is None:
                return errors
            errors = {**term_problems(built, threshold), **position_problems(built)}
            if errors:
                return errors
            verb = "Saved" if existing else "Added"
            self.focused_id = built.id
            current = session.book(book_id)
            started = [t for t in current.terms if t.id == built.id] if current else []
            return save_from_form(self, session,
                                  lambda store: save_records(store, book_id, built,
                                                             expected=started),
                                  f"{verb} {built.name}: {class_of(built, threshold).value}",
                                  deal_id=book_id)

        form = TermForm(term, existing, threshold, session.clock, zone, submit,
                        problems=problems)
        # Opened by a rating key that needs reasons, not by a key asking for the form: the
        # rest of a burst of rating keys is kept out of its fields.
        form.unasked = bool(problems)
        self.app.push_screen(form)
