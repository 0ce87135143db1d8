"""When the disk says no: a failed write leaves the file as it was and says why, and a
read-only folder opens for reading with every change refused."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from negtui.store import Store
from negtui.store import repository as repository_module
from negtui.store import storage as storage_module
from negtui.ui.app import NegtuiApp

AppMaker = Callable[[Path], NegtuiApp]


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """The data files; the backups and the app's summaries (a cache) aside."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*.json"))
            if ".backups" not in p.parts and ".summaries" not in p.parts}


def notices(app: NegtuiApp) -> str:
    """The text of the notifications on screen, as the user reads them."""
    return " ".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def test_a_full_disk_leaves_the_file_and_says_so(
    demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_folder)
    before = folder_bytes(demo_folder)

    def no_space(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        monkeypatch.setattr(storage_module, "write_atomically", no_space)
        await pilot.press("a")  # archive the deal under the cursor
        await pilot.pause()
        assert "No space left on device" in notices(app)
        assert "unchanged" in notices(app)
        deal = app.session.current_deal()
        assert deal is not None and not deal.archived  # the screen did not pretend
    assert folder_bytes(demo_folder) == before


async def test_a_read_only_folder_opens_with_a_banner_and_refuses_changes(
    demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions do not stop root, which runs these tests in CI; ask the store instead.
    real_access = os.access

    def no_writing(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode & os.W_OK and Path(path).resolve().is_relative_to(demo_folder.resolve()):
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(repository_module.os, "access", no_writing)
    before = folder_bytes(demo_folder)
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        assert "READ-ONLY" in app.sub_title
        banner = app.screen.query_one("#problems", Static)
        assert banner.display and "read-only" in str(banner.render())
        await pilot.press("a")
        await pilot.pause()
        assert "read-only" in notices(app)
        await pilot.press("3", "g", *"net 45", "enter")
        await pilot.pause()
        assert "read-only" in notices(app)
    assert folder_bytes(demo_folder) == before
    assert Store(demo_folder).open().read_only


def _nested_arrays(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000)


def _huge_integer(path: Path) -> None:
    path.write_text(path.read_text().replace("{", '{"amount": ' + "9" * 5000 + ", ", 1))


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


@pytest.mark.parametrize("damage", [_nested_arrays, _huge_integer, _fifo],
                         ids=["nested arrays", "5000-digit integer", "FIFO"])
async def test_a_hostile_deal_file_leaves_the_rest_of_the_portfolio_on_screen(
    demo_folder: Path, make_app: AppMaker, damage: Callable[[Path], None]
) -> None:
    victim = sorted((demo_folder / "deals").glob("*.json"))[0]
    damage(victim)
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#problems", Static)
        assert banner.display
        assert victim.name in str(banner.render())
        assert app.screen.query_one("#deals", DataTable).row_count == 7
        await pilot.press("ctrl+r")  # reading it again does not block on the FIFO either
        await pilot.pause()
        assert app.screen.query_one("#deals", DataTable).row_count == 7
