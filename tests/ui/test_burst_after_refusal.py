"""A burst goes on after a line the bar did not log: the keys typed before the bar said
why were meant for the next entry. They start it, and the refused line is kept for its
own side's key instead of swallowing them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from negtui.domain.vocab import Direction
from negtui.store.drafts import newest_aside
from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.capture_bar import CaptureBar

from .conftest import screen_text, until
from .keyboard import burst, typed
from .test_concessions import live, on_disk

AppMaker = Callable[[Path], NegtuiApp]


async def _on_concessions(pilot, app: NegtuiApp) -> CaptureBar:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await until(pilot, lambda: bool(app.screen.query(CaptureBar)))
    return app.screen.query_one(CaptureBar)


def _noted(app: NegtuiApp, words: str) -> bool:
    return any(words in note.message for note in app._notifications)


async def test_a_refused_line_does_not_swallow_the_next_entry_of_the_burst(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await _on_concessions(pilot, app)
        burst(pilot, typed("gbad value them:11", "enter", "rSecond entry ok", "enter"))
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 1)
        await until(pilot, lambda: not bar.is_open)
        logged = live(on_disk(demo_folder))[-1]
        assert (logged.direction, logged.what) == (Direction.RECEIVED, "Second entry ok")
        # The refused line is kept for g, whole and alone.
        book_id = on_disk(demo_folder).id
        assert newest_aside(app.session.store.root, book_id, "given") == "bad value them:11"
        assert _noted(app, "Not logged: bad value them:11 — ")
        assert _noted(app, ". Kept: g brings it back")
        await pilot.press("g")
        field = app.screen.query_one("#capture-input", Input)
        await until(pilot, lambda: bar.is_open and field.value == "bad value them:11")


async def test_a_questioned_line_is_not_logged_by_the_rest_of_the_burst(
        demo_folder: Path, make_app: AppMaker) -> None:
    """A position the walk-away cannot be compared with asks first; the enter typed with
    the burst is not the user's answer, and what followed is its own entry."""
    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await _on_concessions(pilot, app)
        burst(pilot, typed("gExclusivity wording #exclusivity =12-months", "enter",
                           "rThey agree to weekly calls", "enter"))
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 1)
        await until(pilot, lambda: not bar.is_open)
        logged = live(on_disk(demo_folder))
        assert [(c.direction, c.what) for c in logged[before:]] == [
            (Direction.RECEIVED, "They agree to weekly calls")]


async def test_keys_typed_after_the_refusal_was_said_still_correct_the_line(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await _on_concessions(pilot, app)
        burst(pilot, typed("gRate held them:11", "enter"))
        hint = bar.query_one("#capture-hint")
        await until(pilot, lambda: "1 to 10" in str(hint.render()))
        # Seen, then fixed: the keys now are corrections to the line.
        burst(pilot, typed("backspace", "backspace", "5", "enter"))
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 1)
        logged = live(on_disk(demo_folder))[-1]
        assert (logged.direction, logged.what, logged.value_them) == (
            Direction.GIVEN, "Rate held", 5)


async def test_a_refused_line_is_not_brought_back_into_a_later_line_of_its_side(
        demo_folder: Path, make_app: AppMaker) -> None:
    """Three lines in one burst, the first refused: the third, on the same side, is not
    glued onto it. The refused line waits apart, and g brings it back afterwards."""
    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await _on_concessions(pilot, app)
        burst(pilot, typed("gbad value them:11", "enter", "rSecond entry ok", "enter",
                           "gRota eased #On-call =one week a month", "enter"))
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 2)
        await until(pilot, lambda: not bar.is_open)
        logged = live(on_disk(demo_folder))[before:]
        assert [(c.direction, c.what, c.position) for c in logged] == [
            (Direction.RECEIVED, "Second entry ok", ""),
            (Direction.GIVEN, "Rota eased", "one week a month")]
        await pilot.press("g")
        field = app.screen.query_one("#capture-input", Input)
        await until(pilot, lambda: bar.is_open and field.value == "bad value them:11")


async def test_a_burst_after_a_kept_line_starts_a_line_of_its_own(
        demo_folder: Path, make_app: AppMaker) -> None:
    """A line half typed and left with escape is kept; a burst typed later on that side
    was meant as a new entry, not as the end of the old line."""
    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await _on_concessions(pilot, app)
        burst(pilot, typed("gRate to 730", "escape"))
        await until(pilot, lambda: not bar.is_open)
        burst(pilot, typed("gThey drop the travel cap", "enter"))
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 1)
        logged = live(on_disk(demo_folder))[-1]
        assert (logged.direction, logged.what) == (Direction.GIVEN, "They drop the travel cap")
        await until(pilot, lambda: not bar.is_open)
        assert _noted(app, "Your earlier “gave” line is kept apart: Rate to 730 — g brings "
                           "it back once this one is logged")
        await pilot.press("g")
        field = app.screen.query_one("#capture-input", Input)
        await until(pilot, lambda: bar.is_open and field.value == "Rate to 730")


async def test_the_rest_of_a_burst_waits_for_the_guard_question_then_logs_as_typed(
        demo_folder: Path, make_app: AppMaker) -> None:
    """Giving on a non-negotiable asks first; the entries typed after it in the same burst
    are neither answers nor lost: once the question is answered they are logged."""
    from negtui.ui.widgets.confirm import ConfirmScreen

    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await _on_concessions(pilot, app)
        burst(pilot, typed("gRate to 760 #Day-rate us:4", "enter",
                           "rWeekly report only", "enter", "gFree pilot week", "enter"))
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen)
                    and "Give anyway (y)" in screen_text(app))
        assert len(live(on_disk(demo_folder))) == before
        await pilot.press("y")
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 3)
        await until(pilot, lambda: not bar.is_open)
        logged = live(on_disk(demo_folder))[before:]
        assert [(c.direction, c.what) for c in logged] == [
            (Direction.GIVEN, "Rate to 760"), (Direction.RECEIVED, "Weekly report only"),
            (Direction.GIVEN, "Free pilot week")]


async def test_holding_the_line_keeps_it_apart_and_the_rest_of_the_burst_is_logged(
        demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.ui.widgets.confirm import ConfirmScreen

    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await _on_concessions(pilot, app)
        burst(pilot, typed("gRate to 760 #Day-rate us:4", "enter",
                           "rWeekly report only", "enter"))
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen)
                    and "Hold the line (n)" in screen_text(app))
        await pilot.press("n")
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 1)
        await until(pilot, lambda: not bar.is_open)
        logged = live(on_disk(demo_folder))[-1]
        assert (logged.direction, logged.what) == (Direction.RECEIVED, "Weekly report only")
        # The line held back is kept for g, whole.
        await pilot.press("g")
        field = app.screen.query_one("#capture-input", Input)
        await until(pilot, lambda: bar.is_open and field.value == "Rate to 760 #Day-rate us:4")
