"""A shared folder in the app: "Sync now" from the palette, and who changed a record."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.actions.sync import sync
from negtui.domain.clock import Clock
from negtui.domain.vocab import Direction
from negtui.store import Store
from negtui.store.sync_state import Conflict, read_state, update_state
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.history import HistoryScreen
from negtui.ui.screens.terms import TermsScreen
from tests.ui.conftest import until
from tests.ui.test_terms import go_to, rows

AppMaker = Callable[[Path], NegtuiApp]

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0,
    reason="git is needed to share a folder")


def as_person(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Who git says made the next commits; no machine-wide git config is read."""
    email = f"{name.lower()}@example.org"
    for key, value in {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
                       "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
                       "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def remote(demo_folder: Path, tmp_path: Path, clock: Clock,
           monkeypatch: pytest.MonkeyPatch) -> str:
    """The demo portfolio shared by Ann to a bare repository."""
    as_person(monkeypatch, "Ann")
    bare = tmp_path / "team.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    sync(Store(demo_folder, clock).open(), str(bare))
    return str(bare)


def _bob_logs(tmp_path: Path, remote: str, clock: Clock, what: str) -> None:
    bob = Store(tmp_path / "bob", clock)
    sync(bob, remote)
    log_concession(bob.open(), ConcessionRequest(deal="northwind", direction=Direction.GIVEN,
                                                 what=what))
    sync(bob)


async def test_sync_now_brings_a_teammate_s_entry_and_says_when_it_synced(
        demo_folder: Path, make_app: AppMaker, remote: str, tmp_path: Path, clock: Clock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(demo_folder)
    as_person(monkeypatch, "Bob")
    _bob_logs(tmp_path, remote, clock, "Bob gave a second review round")
    as_person(monkeypatch, "Ann")

    def holds_bob_s_entry() -> bool:
        return any(c.what == "Bob gave a second review round"
                   for book in app.session.portfolio.books.values() for c in book.concessions)

    async with app.run_test(size=(100, 30)) as pilot:
        assert not holds_bob_s_entry()
        await pilot.press("ctrl+p", *"sync now")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, holds_bob_s_entry)
        await until(pilot, lambda: "synced 20" in str(app.screen.sub_title))
        await pilot.press("3")
        assert "synced 20" in str(app.screen.sub_title)


def names(app: NegtuiApp) -> list[str]:
    return [row[0] for row in rows(app)]


async def _history_of(pilot, app: NegtuiApp) -> HistoryScreen:  # type: ignore[no-untyped-def]
    await pilot.press("w")
    await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_history_shows_who_changed_a_term_and_its_conflict_until_looked_at(
        demo_folder: Path, make_app: AppMaker, remote: str, clock: Clock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    as_person(monkeypatch, "Bob")
    store = Store(demo_folder, clock).open()
    log_concession(store, ConcessionRequest(deal="northwind", direction=Direction.GIVEN,
                                            what="net 50", term="Payment", position="50"))
    sync(store)
    book = next(b for b in store.load().books.values() if b.deal.name.startswith("Northwind"))
    term = next(t for t in book.terms if t.name == "Payment terms")
    update_state(demo_folder, lambda state: state.conflicts.append(Conflict(
        deal_id=book.id, deal_name=book.deal.name, table="terms", record_id=term.id,
        record_name=term.name, field="on_table", ours="50", theirs="45", kept="50",
        at="2026-11-23T09:00:00+00:00")))
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        assert names(app)[:3] == ["Day rate", "⇄ Payment terms", "Tooling IP"]
        await go_to(pilot, app, "⇄ Payment terms")
        screen = await _history_of(pilot, app)
        table = screen.query_one("#history-table", DataTable)
        authors = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert authors == ["Bob", "Ann"]  # newest first: Bob's offer, Ann's sharing
        summary = str(table.get_row_at(0)[2])
        assert summary == "Northwind data platform: 1 concession added, 1 term changed"
        (conflict,) = screen.query(".history-conflict").results(Static)
        assert '"45"' in str(conflict.render()) and '"50"' in str(conflict.render())
        assert read_state(demo_folder).conflicts == []
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        await until(pilot, lambda: names(app)[1] == "Payment terms")  # looked at: unmarked


async def test_history_of_a_concession_in_a_folder_not_shared_says_so(
        demo_folder: Path, make_app: AppMaker, tmp_path: Path) -> None:
    folder = tmp_path / "Clients Q4"  # capitals: the path must be shown as it is
    shutil.copytree(demo_folder, folder)
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        screen = await _history_of(pilot, app)
        note = str(screen.query_one("#history-note", Static).render())
        assert "not shared through git" in note
        assert str(folder) in note.replace("\n", "")
        assert not screen.query("#history-table")
