"""Names and notes holding escape sequences or markup are drawn as they are, never obeyed.

A concession logged from a script or a deal renamed in its JSON file may carry ESC, BEL
or a bidi override; each shows as a visible mark and none reaches the terminal. Text in
square brackets shows as typed, and never breaks a screen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.domain.book import DealBook
from negtui.domain.vocab import Direction
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"
ATTACK = "CLR\x1b[2J\x1b]0;pwned\x07END"
SHOWN = "CLR␛[2J␛]0;pwned␇END"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
WIDE = (160, 40)


def screen_text(app: NegtuiApp) -> str:
    """Every character the screen shows, as the terminal would get it (the SVG's text)."""
    svg = app.export_screenshot()
    drawn = "".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S))
    return html.unescape(re.sub(r"<[^>]+>", "", drawn)).replace("\xa0", " ")


def rename(folder: Path, name: str, term: str | None = None) -> DealBook:
    """Give Northwind a new name (and its first term one), as an edit of its file would."""
    store = Store(folder)
    (book,) = [b for b in store.load().books.values() if b.deal.name == NORTHWIND]
    book.deal.name = name
    if term is not None:
        book.terms[0].name = term
    store.write_book(book)
    return book


async def test_an_escape_sequence_in_names_and_concessions_shows_as_marks(
        demo_folder: Path, make_app: AppMaker) -> None:
    book = rename(demo_folder, f"{ATTACK} \u202eCorp")
    log_concession(Store(demo_folder), ConcessionRequest(
        deal=book.id, direction=Direction.GIVEN, what=ATTACK, note=ATTACK))
    app = make_app(demo_folder)
    async with app.run_test(size=WIDE) as pilot:
        await until(pilot, lambda: SHOWN in screen_text(app))
        portfolio = screen_text(app)
        assert f"{SHOWN} <U+202E>Corp" in portfolio
        assert RAW.search(portfolio) is None

        # A field holding the name for editing draws none of its controls either.
        app.open_deal(book.id)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        assert app.screen.query_one("#field-name", Input).value == f"{ATTACK} \u202eCorp"
        assert RAW.search(screen_text(app)) is None
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FormScreen))

        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        await until(pilot, lambda: screen_text(app).count(SHOWN) >= 2)
        log = screen_text(app)
        assert RAW.search(log) is None


async def test_markup_in_a_deal_name_shows_as_typed(demo_folder: Path,
                                                    make_app: AppMaker) -> None:
    name = "[bold]Acme[/bold] [/]"
    book = rename(demo_folder, name, term="[red]Rate[/red]")
    app = make_app(demo_folder)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await until(pilot, lambda: name in screen_text(app))
        app.open_deal(book.id)
        await pilot.press("2")
        await until(pilot, lambda: "[red]Rate[/red]" in screen_text(app))
        assert name in screen_text(app)

        await pilot.press("1", "d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert f"Delete {name} and everything" in screen_text(app)
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))

        # What the app says after a change, and the command palette, quote it as typed.
        await pilot.press("a")
        await until(pilot, lambda: f"Archived: {name} (u undoes)" in screen_text(app))
        # Every record of the deal is a command naming it too: ask for the deal itself.
        await pilot.press("u", "ctrl+p", *"dealacme")
        await until(pilot, lambda: f"Deal: {name}" in screen_text(app))
        await pilot.press("escape")
        assert Store(demo_folder).load().books[book.id].deal.name == name
