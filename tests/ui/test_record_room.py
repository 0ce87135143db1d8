"""The record editors and the checklist in the user's words, using the room of a large
window and keeping what matters in a small one."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from negtui.ui.app import NegtuiApp
from tests.ui.conftest import on_records, on_screen, screen_lines, until
from tests.ui.conftest import screen_text as text
from tests.ui.test_concessions import on_disk

AppMaker = Callable[[Path], NegtuiApp]


async def test_the_risk_list_rates_each_risk_out_of_five_like_its_detail(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (120, 40), "risks", "Scope grows"):
        lines = screen_lines(app)
        header = next(line for line in lines if line.startswith(" Risk "))
        assert "Likelihood" in header and "Impact" in header
        row = next(line for line in lines if line.startswith(" Scope grows"))
        assert " 3/5 " in row and " 4/5 " in row and "3x4" not in row
        assert re.search(r"Likelihood: +3/5", text(app))


async def test_a_tall_record_editor_spells_out_every_record_under_its_table(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (200, 60), "risks", "Scope grows"):
        shown = text(app)
        # The one in focus, then the other, each field on its own line.
        assert re.search(r"Mitigation: +Write the deliverables list", shown)
        assert "The other risk" in shown
        assert re.search(r"Mitigation: +Agree a letter of intent for the first month", shown)


async def test_a_short_record_editor_keeps_to_the_record_in_focus(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (80, 24), "risks", "Scope grows"):
        assert re.search(r"Mitigation: +Write the deliverables list", text(app))
        assert "The other risk" not in text(app)


async def test_a_tall_checklist_lists_what_is_still_open_in_the_other_phases(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["5"], "Onboard, review"):
        shown = text(app)
        assert "Still open in the other phases" in shown
        assert "[ ] Their standard contract read before they send it" in shown
        assert "10. Onboard and review  0/5" in shown


async def test_a_checklist_with_less_room_says_how_many_open_items_did_not_fit(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["5"], "Still open in the other phases"):
        assert re.search(r"… and \d+ more items", text(app))


async def test_a_tall_record_editor_says_what_is_still_to_write_in_the_record_in_focus(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (200, 60), "scenarios", "780 a day"):
        lines = screen_lines(app)
        # The best case has only its outcome written: its other fields say so, in the
        # rows under the table, while the other cases keep to what they have.
        for label in ("Actions:", "Approvals:", "Communication:"):
            assert sum(line.strip().startswith(label) and "— not written yet" in line
                       for line in lines) == 1, label
        # Each case whole: no line says that some of it was left out.
        assert not any(line.strip().startswith("… ") for line in lines)


async def test_at_80x24_the_detail_names_every_field_of_the_record_even_unwritten(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (80, 24), "scenarios", "Outcome:"):
        lines = screen_lines(app)
        for label in ("Actions:", "Approvals:", "Communication:"):
            assert any(line.strip().startswith(label) and "— not written yet" in line
                       for line in lines), label
    app = make_app(demo_folder)
    async with on_records(app, (80, 24), "agenda", "Payment terms"):
        assert re.search(r"Outcome: +— not written yet", text(app))


async def test_at_80x24_a_detail_too_long_for_its_rows_counts_the_fields_left_out(
        demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.store import Store

    book = on_disk(demo_folder)
    dana = next(p for p in book.stakeholders if p.name == "Dana Whitfield")
    style = " ".join(["Direct, likes numbers early and wants the trade-offs in writing."] * 8)
    Store(demo_folder).put(book.id, dana.model_copy(update={"style": style}))
    app = make_app(demo_folder)
    async with on_records(app, (80, 24), "stakeholders", "Dana Whitfield") as pilot:
        lines = screen_lines(app)
        assert "History with you:" not in text(app)
        # The detail's last row, just over the footer, says what is left and how to see it.
        assert lines[-2].strip() == "… 1 more field: e shows it in the form"
        await pilot.press("e")
        await until(pilot, lambda: "History with you" in text(app))


async def test_at_80x24_each_scenario_outcome_is_whole_beside_columns_nothing_is_in(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (80, 24), "scenarios", "expected"):
        rows = {line.split()[0]: line for line in screen_lines(app)
                if re.match(r" (best|expected|worst) ", line)}
        assert "750 a day, net 45, exclusivity limited to logistics for 6 months" in rows[
            "expected"]
        assert "They insist on IP assignment: walk away and extend Harbor" in rows["worst"]
        assert not any("…" in row for row in rows.values())


async def test_a_tall_checklist_draws_how_far_along_each_phase_is(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["5"], "Onboard, review") as pilot:
        lines = screen_lines(app)
        audit = next(i for i, line in enumerate(lines) if " 1  Portfolio audit    1/4" in line)
        assert lines[audit + 1].startswith("    ████░░░░░░░░░░░░░░  25%")
        onboard = next(i for i, line in enumerate(lines) if "10 Onboard, review    0/5" in line)
        assert lines[onboard + 1].startswith("    ░░░░░░░░░░░░░░░░░░   0%")
        # Ticking an item moves its phase's bar at once.
        await pilot.press("down", "space")
        await until(pilot, lambda: any(line.startswith("    █████████░░░░░░░░░  50%")
                                       for line in screen_lines(app)))


async def test_a_checklist_made_short_keeps_each_phase_to_one_line(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (80, 24), ["5"], "Onboard, review") as pilot:

        def after_audit() -> str:
            lines = screen_lines(app)
            audit = next(i for i, line in enumerate(lines) if " 1  Portfolio audit" in line)
            return lines[audit + 1]

        assert " 2  Research" in after_audit()
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: "░░░  25%" in after_audit())
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: " 2  Research" in after_audit())
        assert "░" not in text(app)


async def test_a_tall_record_editor_lists_the_same_kind_from_the_other_deals(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (200, 60), "risks", "Risk register in your other deals"):
        lines = screen_lines(app)
        title = next(i for i, line in enumerate(lines) if "in your other deals" in line)
        # Under the detail of the risk in focus, each after the deal it is kept in.
        assert title > next(i for i, line in enumerate(lines) if "Mitigation:" in line)
        assert lines[title + 1].startswith(" Atlas pricing study  Data access delayed")
        assert not any("Scope grows" in line for line in lines[title:])


async def test_a_record_editor_made_smaller_leaves_the_other_deals_out(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (120, 40), "stakeholders", "Dana Whitfield") as pilot:
        assert "in your other deals" not in text(app)
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: "Stakeholders in your other deals" in text(app))
        assert "Theo Lindqvist" in text(app)
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: "in your other deals" not in text(app))
        assert "Theo Lindqvist" not in text(app)


async def test_a_tall_call_list_spells_out_when_each_other_call_was_and_what_moved(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (200, 60), "calls", "The other call"):
        lines = screen_lines(app)
        other = next(i for i, line in enumerate(lines) if line.strip() == "The other call")
        below = [line.strip() for line in lines[other:]]
        assert any(re.match(r"When: +\d\d \w+ \d{4} \d\d:\d\d", line) for line in below)
        moved = next(i for i, line in enumerate(below) if line.startswith("What moved:"))
        assert "got · Reporting: Reporting reduced to a weekly email" in below[moved + 1]


async def test_a_tall_record_editor_shows_each_text_of_its_table_whole_over_two_lines(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (120, 40), "risks", "Scope grows"):
        lines = screen_lines(app)
        row = next(i for i, line in enumerate(lines) if line.startswith(" Scope grows"))
        assert "Write the deliverables list into the" in lines[row]
        assert lines[row + 1].strip() == "statement of work"
        assert "Agree a letter of intent for the" in lines[row + 2]
        table = "\n".join(lines[row:row + 4])
        assert "…" not in table


async def test_a_short_record_editor_keeps_each_record_of_its_table_on_one_line(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (80, 24), "risks", "Scope grows"):
        lines = screen_lines(app)
        row = next(i for i, line in enumerate(lines) if line.startswith(" Scope grows"))
        assert lines[row + 1].startswith(" Procurement delays")


async def test_the_records_of_the_other_deals_follow_right_under_the_detail(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (200, 60), "calls", "Calls in your other deals"):
        lines = screen_lines(app)
        notes = max(i for i, line in enumerate(lines)
                    if "Scope walk-through; rate raised." in line)
        title = next(i for i, line in enumerate(lines) if "Calls in your other deals" in line)
        # The last line of the detail, then the other deals' calls, the blank rows after.
        assert title == notes + 1
        assert "Tidewater platform bid" in lines[title + 4]
        assert not "".join(lines[title + 5:-1]).strip()


async def test_a_tall_record_editor_lists_as_many_records_of_the_other_deals_as_it_has_rows_for(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_records(app, (200, 60), "stakeholders", "Stakeholders in your other deals"):
        lines = screen_lines(app)
        title = next(i for i, line in enumerate(lines)
                     if "Stakeholders in your other deals" in line)
        listed = [line.strip() for line in lines[title + 1:-1] if line.strip()]
        assert len(listed) == 10
        assert listed[-1].startswith("Tidewater platform bid") and "Marcus Hale" in listed[-1]
        assert not any(line.startswith("… and") for line in listed)
