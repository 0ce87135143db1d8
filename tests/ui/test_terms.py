"""The Terms screen driven by real key presses, on the demo portfolio."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from negtui.domain.models import Deal, Term
from negtui.domain.templates import TEMPLATES
from negtui.domain.vocab import ContractType
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.all_terms import AllTermsScreen
from negtui.ui.screens.term_form import TermForm
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.term_grid import TermGrid
from tests.ui.conftest import until
from tests.ui.keyboard import burst

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"


def rows(app: NegtuiApp, selector: str = "#terms-table") -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def keyed(app: NegtuiApp, selector: str) -> list[dict[str, str]]:
    """Each row's cells by column key: a narrow window leaves some columns out."""
    table = app.screen.query_one(selector, DataTable)
    keys = [str(column.key.value) for column in table.ordered_columns]
    return [dict(zip(keys, (str(cell) for cell in table.get_row_at(i)), strict=True))
            for i in range(table.row_count)]


def row_of(app: NegtuiApp, name: str) -> list[str]:
    return next(row for row in rows(app) if row[0] == name)


def text_of(app: NegtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def stored_term(folder: Path, app: NegtuiApp, name: str) -> Term:
    deal_id = app.session.deal_id
    assert deal_id is not None
    book = Store(folder).open().read_book(deal_id)
    return next(t for t in book.terms if t.name == name)


async def go_to(pilot: object, app: NegtuiApp, name: str) -> None:
    names = [row[0] for row in rows(app)]
    for _ in range(names.index(name)):
        await pilot.press("down")  # type: ignore[attr-defined]


async def test_two_opens_the_terms_of_the_deal_in_focus(demo_folder: Path,
                                                        make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, TermsScreen)
        assert NORTHWIND in text_of(app, "#deal-line")
        assert [row[0] for row in rows(app)][:3] == ["Day rate", "Payment terms", "Tooling IP"]
        day_rate = row_of(app, "Day rate")
        assert day_rate[1:4] == ["9", "8", "non-negotiable"]
        assert day_rate[4] == "▼ 740 EUR/day"  # below acceptable, in the term's unit
        assert row_of(app, "Payment terms")[4] == "✗ 60 days"  # past walk-away
        band = text_of(app, "#score-band")
        assert "Offer score 9/100" in band
        assert "BATNA 68" in band
        assert "Pulling it down: Tooling IP -27" in band
        # The summary is read from the very package scores listed under it.
        lines = band.splitlines()
        shown = [int(line.split()[1]) for line in lines if re.match(r" [ABC] ", line)]
        assert len(shown) >= 2 and min(shown) < max(shown)
        assert f"Packages worth {min(shown)}-{max(shown)} to us" in band


async def test_add_a_term_from_the_keyboard(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "a")
        assert isinstance(app.screen, TermForm)
        await pilot.press(*"Late fees")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TermsScreen)
        assert row_of(app, "Late fees")[1:4] == ["5", "5", "tradeable"]
        assert stored_term(demo_folder, app, "Late fees").impact_deal == 5


async def test_the_term_form_sets_when_the_offer_expires(demo_folder: Path,
                                                         make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "Payment terms")
        await pilot.press("e")
        assert isinstance(app.screen, TermForm)
        field = app.screen.query_one("#field-offer_expires", Input)
        assert field.value == ""
        field.focus()
        await pilot.press(*"friday 17:00")
        assert "Fri 27 Nov 2026 17:00" in text_of(app, "#preview-offer_expires")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        saved = stored_term(demo_folder, app, "Payment terms").offer_expires
        assert saved is not None and saved.isoformat() == "2026-11-27T17:00:00+00:00"
        await pilot.press("e")
        assert app.screen.query_one("#field-offer_expires", Input).value == "27 Nov 2026 17:00"


async def test_rating_keys_move_the_class_at_once_and_save(demo_folder: Path,
                                                           make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "Travel")
        assert row_of(app, "Travel")[1:4] == ["3", "2", "tradeable"]
        await pilot.press("plus", "plus", "plus", "plus")
        assert row_of(app, "Travel")[1:4] == ["7", "2", "flexible"]
        assert stored_term(demo_folder, app, "Travel").impact_deal == 7
        await pilot.press("minus")
        assert row_of(app, "Travel")[1:4] == ["6", "2", "tradeable"]
        await pilot.press("right_square_bracket")
        assert row_of(app, "Travel")[2] == "3"
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert row_of(app, "Travel")[2] == "1"  # never below 1
        assert stored_term(demo_folder, app, "Travel").impact_portfolio == 1


async def test_a_rating_tabbed_into_is_replaced_by_what_is_typed_over_it(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "Travel")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, TermForm))
        rating = app.screen.query_one("#field-impact_deal", Input)
        assert rating.value == "3"
        for _ in range(10):  # the name, the category, then the rating
            if app.focused is rating:
                break
            await pilot.press("tab")
        assert app.focused is rating
        await pilot.press("9", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        assert row_of(app, "Travel")[1] == "9"
        assert stored_term(demo_folder, app, "Travel").impact_deal == 9


async def test_rating_keys_typed_on_past_the_form_for_reasons_stay_out_of_it(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "On-call")
        await pilot.press("plus", "plus")
        # One burst: the first ] makes it non-negotiable and opens the form for reasons.
        burst(pilot, ["]", "]", "]", "e"])
        await until(pilot, lambda: isinstance(app.screen, TermForm)
                    and "not taken: ]]e" in text_of(app, "#form-set-aside"))
        assert app.screen.query_one("#field-rationale", Input).value == ""
        await pilot.press(*"Nights on call")  # typed once the form is there: taken
        await until(pilot, lambda: app.screen.query_one("#field-rationale", Input).value
                    == "Nights on call")


async def test_a_non_negotiable_is_refused_without_its_reasons(demo_folder: Path,
                                                               make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "On-call")
        await pilot.press("plus", "plus")
        assert row_of(app, "On-call")[1:4] == ["7", "6", "flexible"]
        await pilot.press("right_square_bracket")
        # Both ratings high: the form asks for the reasons; nothing changes on disk yet.
        assert isinstance(app.screen, TermForm)
        assert "needs the reason" in text_of(app, "#error-rationale")
        assert stored_term(demo_folder, app, "On-call").impact_portfolio == 6
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TermForm)
        await pilot.press("escape")
        assert isinstance(app.screen, TermsScreen)
        assert row_of(app, "On-call")[1:4] == ["7", "6", "flexible"]
        await pilot.press("right_square_bracket")
        app.screen.query_one("#field-rationale", Input).value = (
            "Nights on call break the other deals")
        app.screen.query_one("#field-consequence", Input).value = "Tired at Atlas workshops"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TermsScreen)
        assert row_of(app, "On-call")[1:4] == ["7", "7", "non-negotiable"]
        saved = stored_term(demo_folder, app, "On-call")
        assert saved.rationale == "Nights on call break the other deals"


async def test_the_grid_shows_terms_and_the_cursor_moves_between_them(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g")
        screen = app.screen
        assert isinstance(screen, TermsScreen)
        grid = screen.query_one(TermGrid)
        assert screen.query_one("#grid-column").display and grid.has_focus
        assert not screen.query_one("#terms-table").display
        rendered = grid.render().plain
        for label in ("DR", "PT", "TI", "Ex", "Tr", "Re", "OC"):
            assert label in rendered
        first = screen.focused_term()
        assert first is not None and first.name == "Day rate"
        await pilot.press("left")
        term = screen.focused_term()
        assert term is not None and term.name == "Tooling IP"  # at 8/9, left of Day rate 9/8
        await pilot.press("down", "down")
        term = screen.focused_term()
        assert term is not None and term.impact_portfolio < 9
        # Rating keys work in the grid too.
        before = term.impact_deal
        await pilot.press("plus")
        moved = screen.focused_term()
        assert moved is not None and moved.impact_deal == min(before + 1, 10)
        await pilot.press("enter")
        assert isinstance(app.screen, TermForm)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("g")
        assert screen.query_one("#terms-table").display
        assert not screen.query_one("#grid-column").display


async def test_template_adds_the_usual_terms_of_the_contract_type(
        empty_folder: Path, make_app: AppMaker) -> None:
    store = Store(empty_folder).open()
    store.create_deal(Deal(id="d-new", name="Fresh retainer",
                           contract_type=ContractType.RETAINER))
    app = make_app(empty_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        empty = text_of(app, "#terms-empty")
        assert "press a to add a term" in empty.lower() and "t to add the usual" in empty
        await pilot.press("t")
        names = [row[0] for row in rows(app)]
        assert names == [item.name for item in TEMPLATES[ContractType.RETAINER]]
        assert len(Store(empty_folder).open().read_book("d-new").terms) == len(names)
        await pilot.press("t")  # a second time adds nothing twice
        assert len(rows(app)) == len(names)


async def test_no_deal_in_focus_says_where_to_pick_one(empty_folder: Path,
                                                      make_app: AppMaker) -> None:
    app = make_app(empty_folder)
    async with app.run_test() as pilot:
        await pilot.press("2")
        assert "No deal in focus" in text_of(app, "#terms-empty")
        assert "Portfolio screen" in text_of(app, "#terms-empty")
        await pilot.press("a")
        assert isinstance(app.screen, TermsScreen)


async def test_offer_key_updates_the_verdict(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "o")
        await pilot.press("ctrl+a", "ctrl+k", *"790 EUR", "ctrl+s")
        await pilot.pause()
        assert row_of(app, "Day rate")[4] == "✓ 790 EUR/day"
        assert stored_term(demo_folder, app, "Day rate").on_table == "790 EUR"


async def test_delete_asks_first(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "Exclusivity")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert "Exclusivity" in [row[0] for row in rows(app)]
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Exclusivity" not in [row[0] for row in rows(app)]


async def test_a_term_concessions_name_is_not_deleted(demo_folder: Path,
                                                      make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "Reporting")
        before = (demo_folder / "deals" / f"{app.session.deal_id}.json").read_bytes()
        await pilot.press("d")
        await until(pilot, lambda: "Reporting has 1 concession logged against it"
                    in " ".join(str(toast.render()) for toast in app.screen.query("Toast")))
        assert isinstance(app.screen, TermsScreen)
        assert "Reporting" in [row[0] for row in rows(app)]
        assert (demo_folder / "deals" / f"{app.session.deal_id}.json").read_bytes() == before


async def test_every_term_of_every_deal_filtered_by_category(demo_folder: Path,
                                                              make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "A")
        await until(pilot, lambda: isinstance(app.screen, AllTermsScreen))
        total = sum(len(book.terms) for book in app.session.portfolio.books.values())
        await until(pilot, lambda: len(rows(app, "#all-terms")) == total)
        await pilot.press("c")  # the first category present: scope
        await until(pilot, lambda: "category scope" in text_of(app, "#all-filters"))
        found = keyed(app, "#all-terms")
        assert 0 < len(found) < total
        assert found[0]["category"] == "scope"
        await pilot.press("escape", "s", "s")  # status: agreed
        await until(pilot, lambda: "status agreed" in text_of(app, "#all-filters"))
        agreed = keyed(app, "#all-terms")
        assert agreed and all(row["status"] == "agreed" for row in agreed)
        await pilot.press("escape")
        liability = next(row for row in keyed(app, "#all-terms") if row["term"] == "Liability")
        while True:
            table = app.screen.query_one("#all-terms", DataTable)
            if str(table.get_row_at(table.cursor_row)[1]) == "Liability":
                break
            await pilot.press("down")
        await pilot.press("enter")
        assert isinstance(app.screen, TermsScreen)
        deal = app.session.current_deal()
        assert deal is not None and deal.name == liability["deal"]
        term = app.screen.focused_term()
        assert term is not None and term.name == "Liability"


async def test_the_all_deals_view_flags_terms_that_clash_with_other_deals(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("2", "A")
        await until(pilot, lambda: isinstance(app.screen, AllTermsScreen)
                    and len(rows(app, "#all-terms")) > 0)
        flagged = {(row["term"], row["deal"]): row["clashes"]
                   for row in keyed(app, "#all-terms") if row["clashes"]}
        # Atlas's non-compete in retail pricing covers Harbor, whose clients are retailers
        # asking about pricing; the exclusivities in logistics and in health analytics
        # cover no other deal, though those two deals share a market tag.
        assert flagged == {
            ("Exclusivity in retail pricing", "Atlas pricing study"): "Harbor retainer renewal",
        }


async def test_the_offer_key_also_sets_when_the_offer_expires(demo_folder: Path,
                                                              make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "Payment terms")
        await pilot.press("o")
        await until(pilot, lambda: bool(app.screen.query("#field-offer_expires")))
        await pilot.press("ctrl+a", "ctrl+k", *"45 days", "tab", *"friday 17:00")
        assert "Fri 27 Nov 2026 17:00" in text_of(app, "#preview-offer_expires")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        term = stored_term(demo_folder, app, "Payment terms")
        assert term.on_table == "45 days"
        assert term.offer_expires is not None
        assert term.offer_expires.isoformat() == "2026-11-27T17:00:00+00:00"
        # A date it cannot read is said at the field, and nothing is saved.
        await pilot.press("o")
        await until(pilot, lambda: bool(app.screen.query("#field-offer_expires")))
        await pilot.press("tab", "ctrl+a", "ctrl+k", *"someday", "ctrl+s")
        await until(pilot, lambda: "not a date" in text_of(app, "#error-offer_expires"))
    assert stored_term(demo_folder, app, "Payment terms").offer_expires == term.offer_expires


async def test_all_terms_lists_numbered_names_in_number_order_and_explains_its_marks(
        empty_folder: Path, make_app: AppMaker) -> None:
    store = Store(empty_folder).open()
    store.create_deal(Deal(id="d-one", name="Fresh retainer"))
    store.put("d-one", *(Term(id=f"t-{n}", name=f"Term {n}") for n in (13, 7, 2)))
    app = make_app(empty_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "A")
        await until(pilot, lambda: isinstance(app.screen, AllTermsScreen))
        await until(pilot, lambda: len(rows(app, "#all-terms")) == 3)
        assert [row["term"] for row in keyed(app, "#all-terms")] == ["Term 2", "Term 7",
                                                                     "Term 13"]
        legend = text_of(app, "#all-terms-marks")
        for said in ("★ ideal", "✓ acceptable", "▼ below acceptable", "✗ past walk-away",
                     "· not comparable"):
            assert said in legend


async def test_a_small_window_shows_every_position_of_the_term_under_the_cursor(
        demo_folder: Path, make_app: AppMaker) -> None:
    """At 80x24 the positions' columns make way for others; the lines under the table
    still give the focused term's ideal, acceptable and walk-away positions."""
    from tests.ui.test_fit import screen_lines

    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        term = next(t for book in Store(demo_folder).load().books.values()
                    for t in book.terms if t.name == "Payment terms")
        while "Payment terms ·" not in "\n".join(screen_lines(app)):
            await pilot.press("down")
            await pilot.pause()
        lines = screen_lines(app)
        at = next(i for i, line in enumerate(lines) if "Payment terms ·" in line)
        assert f"Ideal {term.ideal}" in lines[at + 1]
        assert f"acceptable {term.acceptable}" in lines[at + 1]
        assert f"walk-away {term.walk_away}" in lines[at + 1]
        assert lines[at + 2].lstrip().startswith(("Fallback", "Why"))


async def test_the_term_form_measures_only_the_offer_and_batna_against_the_bank(
        demo_folder: Path, make_app: AppMaker) -> None:
    """The ideal, acceptable and walk-away points make the bank: their hint says how the
    text is read, not "at or beyond ideal" about the ideal itself. A figure in words
    counts in full."""
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")
        await go_to(pilot, app, "Day rate")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, TermForm))
        for name in ("ideal", "acceptable", "walk_away", "on_table"):
            await until(pilot, lambda name=name: text_of(app, f"#preview-{name}") != "")
        for name in ("ideal", "acceptable", "walk_away"):
            assert " — " not in text_of(app, f"#preview-{name}"), name
        assert " — " in text_of(app, "#preview-on_table")
        field = app.screen.query_one("#field-on_table", Input)
        field.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"45 thousand")
        await until(pilot, lambda: "read as 45,000" in text_of(app, "#preview-on_table"))
        assert "at or beyond ideal" in text_of(app, "#preview-on_table")
