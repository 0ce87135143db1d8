"""Home: every deal with what is at stake and what is due."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from negtui.domain.schedule import days_until, describe_days, next_milestone
from negtui.domain.summary import STATUS_ORDER, capacity, money
from negtui.ui.messages import DealFocused, PortfolioReloaded
from negtui.ui.screens.base import NegtuiScreen

EMPTY_TEXT = (
    "[b]No deals here yet.[/b]\n\n"
    "To explore with sample data, quit (ctrl+q) and run:\n"
    "    [b]negtui demo[/b]\n\n"
    "To bring in deals you already have, run:\n"
    "    [b]negtui import json FILE[/b]\n"
)

COLUMNS = ["Deal", "Status", "Value", "h/wk", "Next milestone", "Counterparty", "Type"]


class PortfolioScreen(NegtuiScreen):
    BINDINGS = [
        Binding("enter", "open_deal", "Open deal", id="portfolio.open", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield Static(id="problems", classes="problems")
        yield Static(EMPTY_TEXT, id="empty", classes="empty")
        table: DataTable[str | Text] = DataTable(id="deals", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    SCREEN_TITLE = "Portfolio"

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#deals", DataTable)
        table.add_columns(*COLUMNS)
        self.fill()

    def on_screen_resume(self) -> None:
        self.fill()

    def on_portfolio_reloaded(self, _: PortfolioReloaded) -> None:
        self.fill()

    def on_deal_focused(self, _: DealFocused) -> None:
        self.fill()

    def fill(self) -> None:
        app = self.negtui
        portfolio = app.portfolio
        now = app.clock().datetime
        table = self.query_one("#deals", DataTable)
        keep = app.current_deal_id
        table.clear()
        books = sorted(
            (b for b in portfolio.books.values() if not b.deal.archived),
            key=lambda b: (STATUS_ORDER.index(b.deal.status), b.deal.name.casefold()),
        )
        for book in books:
            deal = book.deal
            upcoming = next_milestone(book, now)
            when = (
                f"{describe_days(days_until(upcoming.due, now))} {upcoming.title or upcoming.kind}"
                if upcoming else "—"
            )
            table.add_row(
                deal.name, deal.status.value,
                Text(money(deal.value, deal.currency), justify="right"),
                Text(f"{deal.hours_per_week:g}", justify="right"), when, deal.counterparty,
                deal.contract_type.value, key=deal.id,
            )
        self.query_one("#empty").display = not books
        table.display = bool(books)
        load = capacity((b.deal for b in books), portfolio.settings)
        style = "bold red" if load.over else "bold"
        self.query_one("#summary", Static).update(Text.assemble(
            (f"{len(books)} deals", "bold"), "  ·  hours a week ",
            (f"{load.committed:g}/{load.available:g}", style),
            "  ·  ", (app.store.root.name, "dim"),
        ))
        problems = self.query_one("#problems", Static)
        problems.display = bool(portfolio.problems)
        if portfolio.problems:
            names = sorted({p.path.name for p in portfolio.problems})
            problems.update(
                f"{len(names)} file(s) could not be read and are left untouched: "
                f"{', '.join(names[:3])}{' …' if len(names) > 3 else ''} — run negtui check"
            )
        if keep is not None and keep in portfolio.books:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        elif books:
            app.current_deal_id = books[0].id

    @on(DataTable.RowHighlighted, "#deals")
    def remember_deal(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.negtui.current_deal_id = event.row_key.value

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_deal":
            return bool(self.negtui.portfolio.books)
        return True

    def action_open_deal(self) -> None:
        deal = self.negtui.current_deal()
        if deal is not None:
            self.negtui.open_deal(deal.id)
