"""The Terms screen fitted to its window: bands of the grid alike, the deal's line said
whole, the focused term grown into the rows it has, names given their width first."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp
from tests.ui.conftest import on_screen, screen_lines, until

AppMaker = Callable[[Path], NegtuiApp]


def rating_rows(app: NegtuiApp) -> dict[int, int]:
    """The screen line where each rating, 10 down to 1, is written on the grid's axis."""
    found: dict[int, int] = {}
    for index, line in enumerate(screen_lines(app)):
        match = re.match(r"(?:.*│)?( ?\d{1,2}) +·", line)
        if match and int(match.group(1)) not in found:
            found[int(match.group(1))] = index
    return found


@pytest.mark.parametrize("size, keys", [((80, 24), ["2", "g"]), ((120, 40), ["2", "g"]),
                                        ((200, 60), ["2"])],
                         ids=["80x24", "120x40", "200x60"])
async def test_every_rating_of_the_grid_is_as_tall_as_the_others(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int], keys: list[str]) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, size, keys, "deal impact →"):
        rows = rating_rows(app)
        assert sorted(rows) == list(range(1, 11)), rows
        lines = screen_lines(app)
        # Each rating down to the next; the line of the threshold (high from 7) aside.
        heights = [rows[rating - 1] - rows[rating]
                   - ("┼" in "".join(lines[rows[rating]:rows[rating - 1]]))
                   for rating in range(10, 1, -1)]
        assert len(set(heights)) == 1, heights


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_deals_line_says_its_counts_and_threshold_whole(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int]) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, size, ["2"], "Northwind data platform"):
        line = next(line for line in screen_lines(app) if "Northwind data platform" in line)
        assert "…" not in line, line
        assert "7 terms" in line and line.rstrip().endswith("high from 7"), line
        for count in ("3 non-neg", "1 flex", "3 trade"):
            assert count in line, line


async def test_at_200x60_the_focused_term_goes_on_over_the_rows_it_has_not_cut(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["2"], "Conceded on Day rate"):
        lines = screen_lines(app)
        top = next(i for i, line in enumerate(lines) if line.startswith("╭─ Day rate"))
        bottom = next(i for i in range(top, len(lines)) if lines[i].startswith("╰"))
        pane = [line.split("│")[0].strip() for line in lines[top + 1:bottom]]
        said = " ".join(part for part in pane if part)
        assert "…" not in said, pane
        assert "impact 9 on the deal, 8 on the portfolio" in said, pane
        assert "offered 740 for a 9-month commitment" in said.casefold()


async def open_deal(app: NegtuiApp, pilot: object, steps: int, name: str) -> None:
    """From the portfolio, the Terms screen of the deal ``steps`` rows down, once drawn."""
    for _ in range(steps):
        await pilot.press("down")  # type: ignore[attr-defined]
    await pilot.press("2")  # type: ignore[attr-defined]
    await until(pilot, lambda: any(line.startswith(f" {name}")  # type: ignore[arg-type]
                                   for line in screen_lines(app)))
    await until(pilot, lambda: any(line.startswith(" Term ")  # type: ignore[arg-type]
                                   for line in screen_lines(app)))


@pytest.mark.parametrize("steps, deal, term", [
    (5, "Meridian analytics extension", "Exclusivity in health analytics"),
    (1, "Atlas pricing study", "Exclusivity in retail pricing")], ids=["meridian", "atlas"])
async def test_at_120x40_a_long_term_name_is_whole_before_one_long_offer_is(
        demo_folder: Path, make_app: AppMaker, steps: int, deal: str, term: str) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), [], deal) as pilot:
        await open_deal(app, pilot, steps, deal)
        row = next(line for line in screen_lines(app) if line.startswith(" Exclusivity"))
        assert row.startswith(f" {term} "), row
        # The ratings are still there beside it.
        assert re.match(rf" {term} +\d+ ", row), row


async def test_all_terms_at_120_columns_name_the_deals_whole(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["2", "A"], "Terms in all deals"):
        shown = "\n".join(screen_lines(app))
        for deal in ("Northwind data platform", "Harbor retainer renewal",
                     "Lumen onboarding audit", "Tidewater platform bid"):
            assert f" {deal} " in shown, deal
        # The term's category and its group still lead each row.
        assert any(line.startswith(" Category ") for line in screen_lines(app))
