"""The terms screen at every size: positions read whole where there is room, the offer's
expiry in a column of its own, a grid whose every label and mark is explained."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from negtui.ui.app import NegtuiApp
from tests.ui.conftest import on_screen, open_screen, screen_lines, until
from tests.ui.conftest import screen_text as text

AppMaker = Callable[[Path], NegtuiApp]


def table_lines(app: NegtuiApp) -> list[str]:
    """The header and rows of the terms table as drawn."""
    lines = screen_lines(app)
    start = next(i for i, line in enumerate(lines) if line.startswith(" Term "))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("╰"))
    return lines[start:end]


LABELS = ("Term", "Deal", "Port", "Class", "On table", "Expires", "Status", "Wt", "Must",
          "Category", "Ideal", "Acceptable", "Walk-away", "BATNA", "Fallback", "Decide by")


def table_cells(table: list[str]) -> dict[str, dict[str, str]]:
    """Each term's cells by column label, read as drawn: a cell that goes on over the
    row's following lines is joined up with a space."""
    header = table[0]
    starts = [header.index(f" {label} ") for label in LABELS if f" {label} " in header]
    bounds = list(zip(starts, [*starts[1:], len(header)], strict=True))
    labels = [header[a:b].strip() for a, b in bounds]
    rows: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for line in table[1:]:
        parts = [line[a:b].strip() for a, b in bounds]
        if parts[0]:
            current = rows.setdefault(parts[0], {label: [] for label in labels})
        for label, part in zip(labels, parts, strict=True):
            if part:
                current[label].append(part)
    return {name: {label: " ".join(bits) for label, bits in cells.items()}
            for name, cells in rows.items()}


async def test_at_200x60_every_column_is_shown_and_every_position_whole(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["2"], "Day rate"):
        table = table_lines(app)
        assert all(f" {label} " in table[0] for label in LABELS), table[0]
        cells = table_cells(table)
        day_rate = cells["Day rate"]
        assert day_rate["Fallback"] == "780 EUR with a 6-month review"
        assert day_rate["Ideal"] == "820 EUR/day"
        assert day_rate["Walk-away"] == "700 EUR/day"
        assert day_rate["On table"] == "▼ 740 EUR/day"
        assert day_rate["Status"] == "open" and day_rate["Must"] == "must"
        assert re.fullmatch(r"\d\d \w{3} \(in \d+d\)", day_rate["Decide by"])
        assert cells["Payment terms"]["Fallback"] == "30 days with 2% early payment discount"
        assert cells["Payment terms"]["Category"] == "payment schedule"
        assert cells["Exclusivity"]["On table"] == "✗ logistics, 12 months"
        assert cells["Reporting"]["Category"] == "governance/reporting"
        assert "…" not in "\n".join(table)
        # Nothing is left out, so no line asks for a wider window.
        assert "Widen the window" not in text(app)


async def test_at_200x60_the_grid_beside_the_table_still_names_what_it_hides(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_screen(app, pilot, ["2", "g"])
        await until(pilot, lambda: "press g to hide the grid" in text(app))
        assert "Widen the window or press g to hide the grid for" in text(app)


async def test_the_offer_expiry_has_a_column_in_the_users_zone(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["2"], "Day rate"):
        table = table_lines(app)
        assert " Expires " in table[0]
        day_rate = next(line for line in table if line.startswith(" Day rate "))
        # The same day as the detail pane gives, in the same words.
        card = next(line for line in screen_lines(app) if "offer expires" in line)
        day = card.split("offer expires ")[1][:6]
        assert f" {day} " in day_rate


MEANINGS = {"★": "at or beyond ideal", "✓": "acceptable", "▼": "below acceptable",
            "✗": "past walk-away", "·": "not comparable", "—": "no offer yet"}


def grid_labels(app: NegtuiApp) -> set[str]:
    """The two-character labels drawn in the grid's cells."""
    found: set[str] = set()
    for line in screen_lines(app):
        if re.match(r" ?\d{1,2} ", line) and "·" in line:
            row = line.split("││")[0].split("│╭")[0]
            found |= set(re.findall(r"(?<= )([A-Z][A-Za-z0-9])(?= )", row[3:]))
    return found


async def test_at_80x24_the_legend_explains_every_class_and_mark_beside_the_grid(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (80, 24), ["2", "g"], "deal impact →"):
        shown = text(app)
        for name in ("non-negotiable", "flexible", "tradeable"):
            assert name in shown.split("Legend")[1], name
        marks = {line.rstrip()[-1] for line in screen_lines(app)
                 if re.search(r"\d+/\d+ +\S$", line.rstrip())}
        assert marks
        for mark in marks:
            assert f"{mark} {MEANINGS[mark]}" in shown, mark


async def test_at_120_columns_the_key_under_the_grid_names_every_label(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["2", "g"], "deal impact →"):
        labels = grid_labels(app)
        assert {"DR", "PT", "TI", "Ex"} <= labels
        shown = text(app)
        for label, name in [("DR", "Day rate"), ("PT", "Payment terms"),
                            ("TI", "Tooling IP"), ("Ex", "Exclusivity"), ("Tr", "Travel")]:
            assert f"{label} {name}" in shown, label
        assert "non-negotiable" in shown.split("deal impact →")[1]


async def test_at_200x60_the_grid_fills_the_room_beside_the_focused_term(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["2"], "Day rate"):
        lines = screen_lines(app)
        # The table, the focused term and the grid at once, the grid's labels explained.
        assert any(line.startswith(" Term ") for line in lines)
        assert any("╭─ Day rate" in line and "╭─ Grid" in line for line in lines)
        assert "deal impact →" in text(app)
        assert "DR Day rate" in text(app) and "OC On-call" in text(app)
        # The grid grows down the rows under the table, not left blank.
        axis = next(i for i, line in enumerate(lines) if "deal impact →" in line)
        assert axis > 40


def bold_labels(app: NegtuiApp, grid_id: str) -> set[str]:
    """The grid's labels drawn in bold."""
    from negtui.ui.widgets.term_grid import TermGrid

    drawn = app.screen.query_one(f"#{grid_id}", TermGrid).render()
    found = set()
    for span in drawn.spans:
        word = drawn.plain[span.start:span.end].strip()
        shade = span.style if not isinstance(span.style, str) else None
        if re.fullmatch(r"[A-Z][A-Za-z0-9]", word) and shade is not None and shade.bold:
            found.add(word)
    return found


async def test_at_80x24_the_legend_explains_bold_the_high_line_the_dots_and_the_digits(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (80, 24), ["2", "g"], "deal impact →") as pilot:
        legend = text(app).split("Legend")[1]
        for meaning in ("bold: a must-have", "│─ high from 7", "· in the grid: no term",
                        "9/8: deal/portfolio impact"):
            assert meaning in legend, meaning
        # Day rate and Tooling IP are the must-haves: only their labels are bold.
        assert bold_labels(app, "term-grid") == {"DR", "TI"}
        # Made a must-have, Payment terms is bold too.
        await pilot.press("down", "m")
        await until(pilot, lambda: bold_labels(app, "term-grid") == {"DR", "PT", "TI"})


async def test_at_200x60_the_key_under_the_grid_explains_every_mark(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["2"], "deal impact →"):
        key = text(app).split("deal impact →")[1]
        for meaning in ("bold: a must-have", "│─ high from 7", "· in the grid: no term"):
            assert meaning in key, meaning
        assert bold_labels(app, "side-grid") == {"DR", "TI"}


async def test_beside_the_grid_the_hint_names_the_key_that_brings_the_columns_back(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["2", "g"], "deal impact →") as pilot:

        def hint() -> str:
            return next((line for line in screen_lines(app) if "Widen the window" in line), "")

        await until(pilot, lambda: "press g to hide the grid for 12 more columns" in hint())
        assert "Class, Expires" in hint()
        # With the grid hidden, the table has the width: no key would give it more.
        await pilot.press("g")
        await until(pilot, lambda: hint().startswith(" Widen the window for"))
        assert "press g" not in hint() and "Class" not in hint()
