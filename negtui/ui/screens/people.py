"""The relationship map: everyone across the portfolio, and the deals they sit on."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header
from textual.widgets.option_list import Option

from negtui.domain.people import Person, people
from negtui.domain.words import counted
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.widgets.deal_facts import Hanging, HangingLine, Piece
from negtui.ui.widgets.fit_table import PAD, Column, FitTable, natural_widths
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.shown import DataTable, OptionList, plain

# Under a deal's name: the label, then the value, which wraps under itself.
DETAIL_INDENT = 11
PEOPLE_COLUMNS = [Column("Name", "name", 0, 14), Column("Deals", "deals"),
                  Column("Organisations", "organisations", 0, 12)]
# The person's detail keeps at least this many columns when the list would take them.
SIDE_AT_LEAST = 44


class PeopleScreen(NegtuiScreen):
    SCREEN_TITLE = "People"
    BINDINGS = [
        Binding("enter", "choose", "Their deals / open deal", id="people.choose", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Person] = []
        self._rows: list[list[str | Text]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="people-split"):
            # The organisations are cut with "…" before a name is: the detail shows them whole.
            table = FitTable(PEOPLE_COLUMNS, id="people-list")
            table.border_title = "People across deals"
            yield table
            with Vertical(id="person-side"):
                yield Hanging(id="person-detail")
                deals = OptionList(id="person-deals")
                deals.border_title = "Deals — enter opens"
                yield deals
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#people-list").focus()

    def fill(self) -> None:
        self.found = people(self.session.portfolio.books.values())
        rows: list[tuple[str | None, list[str | Text]]] = [
            (str(index), [plain(person.name, one_line=True), str(len(person.appearances)),
                          plain(", ".join(person.organisations), one_line=True)])
            for index, person in enumerate(self.found)]
        self._rows = [cells for _, cells in rows]
        self._fit_list(self.size.width or self.app.size.width)
        self.query_one("#people-list", FitTable).show(rows)
        if not self.found:
            self.query_one("#person-detail", Hanging).show([Text(
                "No stakeholders recorded yet. Open a deal (enter on the Portfolio screen) "
                "and press a to add the people you negotiate with.")])
            return
        self.show_person(0)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_list(event.size.width)

    def _fit_list(self, width: int) -> None:
        """The list as wide as its columns need, up to half the window, or more while the
        detail keeps its room; only past that are the organisations cut."""
        table = self.query_one("#people-list", FitTable)
        need = sum(cells + 2 * PAD for cells in natural_widths(PEOPLE_COLUMNS, self._rows))
        need += table.styles.gutter.width
        if len(self._rows) + 1 > table.size.height - table.styles.gutter.height:
            need += table.styles.scrollbar_size_vertical
        table.styles.width = min(need, max(width // 2, width - SIDE_AT_LEAST))

    @on(DataTable.RowHighlighted, "#people-list")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.show_person(int(event.row_key.value))

    def show_person(self, index: int) -> None:
        person = self.found[index]
        pieces: list[Piece] = [Text.assemble(plain(person.name, "bold"),
                                             f"  on {counted(len(person.appearances), 'deal')}")]
        for appearance in person.appearances:
            who = appearance.stakeholder
            pieces += [Text(""), plain(appearance.deal_name, "bold"),
                       ("  Role", plain(f"{who.role or 'no role'} at {who.organisation or '?'}"
                                        f" · {who.influence}"), DETAIL_INDENT)]
            if who.style:
                pieces.append(("  Style", plain(who.style), DETAIL_INDENT))
            if who.history:
                pieces.append(("  History", plain(who.history, "italic"), DETAIL_INDENT))
        self.query_one("#person-detail", Hanging).show(pieces)
        deals = self.query_one("#person-deals", OptionList)
        deals.clear_options()
        # A line that wraps goes on set in, so it does not read as another deal.
        deals.add_options(Option(HangingLine(plain(
            f"{a.deal_name} — {a.stakeholder.role or a.stakeholder.influence}")), id=a.deal_id)
            for a in person.appearances)

    def action_choose(self) -> None:
        deals = self.query_one("#person-deals", OptionList)
        if deals.has_focus:
            if deals.highlighted is not None:
                option = deals.get_option_at_index(deals.highlighted)
                self._open(option.id or "")
        elif self.found:
            deals.focus()
            deals.highlighted = 0

    @on(OptionList.OptionSelected, "#person-deals")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id or "")

    def _open(self, deal_id: str) -> None:
        """Open the deal's workspace over this list; escape comes back here."""
        from negtui.ui.screens.preparation import open_workspace

        if deal_id in self.session.portfolio.books:
            self.session.focus(deal_id)
            open_workspace(self, deal_id)
