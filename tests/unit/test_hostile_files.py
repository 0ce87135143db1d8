"""A deal file that is hostile or odd harms only itself: it is reported by name, never
opened when it is not a regular file, never written, and the rest of the folder works."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from negtui.actions.exports import ExportRefused, ics_target
from negtui.actions.lookup import find_deal
from negtui.domain.book import DealBook
from negtui.domain.clock import Clock
from negtui.domain.lookup import NoUniqueMatch
from negtui.domain.models import Concession
from negtui.store import Portfolio, Store, StoreError
from negtui.store.drafts import Draft, keep_draft, read_draft

Snapshot = Callable[[Path], dict[str, bytes]]
EditJson = Callable[[Path, Callable[[Any], None]], None]


def nested_arrays(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000)


def huge_integer(path: Path) -> None:
    """A valid file, but for one integer of 5,000 digits."""
    text = path.read_text()
    path.write_text(text.replace("{", '{"amount": ' + "9" * 5000 + ", ", 1))


def a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def dangling_link(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.with_name("gone.json"))


def a_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def link_to_a_fifo(path: Path) -> None:
    path.unlink()
    pipe = path.parent.parent / "pipe"
    os.mkfifo(pipe)
    path.symlink_to(pipe)


HOSTILE = {
    "nested arrays": (nested_arrays, "nested too deeply"),
    "5000-digit integer": (huge_integer, "more than 4300 digits"),
    "folder": (a_folder, "is a folder"),
    "dangling link": (dangling_link, "symbolic link to a file that does not exist"),
    "FIFO": (a_fifo, "named pipe (FIFO)"),
    "link to a FIFO": (link_to_a_fifo, "named pipe (FIFO)"),
}


def without_locks(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.endswith(".lock")}


def what_is_there(path: Path) -> tuple[int, bytes | None]:
    """The kind of thing at ``path``, and its bytes when it is a plain file."""
    kind = stat.S_IFMT(path.lstat().st_mode)
    return kind, path.read_bytes() if stat.S_ISREG(kind) else None


def no_hang(action: Callable[[], object]) -> object:
    """Run ``action`` in a thread; fail instead of hanging for ever if it blocks."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    assert outcome, "blocked: a file was opened that never ends"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_deal_file_is_reported_and_the_rest_works(
    kind: str, two_deals: Store, clock: Clock
) -> None:
    store = two_deals
    path = store.deal_path("d-alpha")
    damage, message = HOSTILE[kind]
    damage(path)

    planted = what_is_there(path)
    portfolio = no_hang(store.load)
    assert isinstance(portfolio, Portfolio)
    assert sorted(portfolio.books) == ["d-beta"]
    assert [p.path for p in portfolio.problems] == [path]
    assert message in portfolio.problems[0].message
    assert store.check() == portfolio.problems

    # The hostile file is refused by id, and no write touches it.
    with pytest.raises(StoreError) as error:
        no_hang(lambda: store.read_book("d-alpha"))
    assert str(path) in str(error.value)
    with pytest.raises(StoreError):
        no_hang(lambda: store.put("d-alpha", Concession(
            id="c-x", direction="given", what="x", at=clock().datetime)))
    assert what_is_there(path) == planted

    # The other deal is found by name and takes a concession.
    beta = no_hang(lambda: find_deal(store, "beta"))
    assert isinstance(beta, DealBook) and beta.id == "d-beta"
    store.put("d-beta", Concession(id="c-b", direction="received", what="y",
                                   at=clock().datetime))
    assert [c.id for c in store.read_book("d-beta").concessions] == ["c-b"]


@pytest.mark.parametrize("kind", ["nested arrays", "5000-digit integer", "FIFO"])
def test_a_hostile_portfolio_file_leaves_the_deals_readable(
    kind: str, two_deals: Store
) -> None:
    store = two_deals
    store.save_settings(store.read_settings()[0])
    damage, message = HOSTILE[kind]
    damage(store.portfolio_path)
    portfolio = no_hang(store.load)
    assert isinstance(portfolio, Portfolio)
    assert sorted(portfolio.books) == ["d-alpha", "d-beta"]
    assert [p.path for p in portfolio.problems] == [store.portfolio_path]
    assert message in portfolio.problems[0].message


def test_a_deal_file_holding_another_id_is_never_written(
    two_deals: Store, clock: Clock, snapshot: Snapshot
) -> None:
    store = two_deals
    copy = store.deals_dir / "d-copy.json"
    copy.write_bytes(store.deal_path("d-alpha").read_bytes())
    before = snapshot(store.root)
    with pytest.raises(StoreError) as error:
        store.read_book("d-copy")
    assert "holds deal id 'd-alpha', expected 'd-copy'" in str(error.value)
    assert str(copy) in str(error.value)
    with pytest.raises(StoreError) as error:
        store.put("d-copy", Concession(id="c-2", direction="given", what="x",
                                       at=clock().datetime))
    assert str(copy) in str(error.value)
    with pytest.raises(StoreError):
        find_deal(store, "d-copy")
    assert without_locks(snapshot(store.root)) == without_locks(before)


def test_check_lists_every_problem_of_a_file(two_deals: Store, edit_json: EditJson) -> None:
    path = two_deals.deals_dir / "d-other.json"
    path.write_bytes(two_deals.deal_path("d-alpha").read_bytes())

    def many(raw: dict[str, Any]) -> None:
        del raw["meta"]
        raw["terms"]["1"]["impact_deal"] = 11
        raw["milestones"] = ["not", "an", "object"]

    edit_json(path, many)
    places = sorted(problem.where for problem in two_deals.check() if problem.path == path)
    assert places == ["deal.id", "meta", "milestones", "terms[1] (Day rate).impact_deal"]


def test_a_value_nested_too_deeply_to_keep_is_reported(
    two_deals: Store, edit_json: EditJson, clock: Clock
) -> None:
    path = two_deals.deal_path("d-alpha")
    # Parses, and validates (nothing checks a key it does not know), but no encoder would
    # write it back: a few hundred levels are beyond them.
    deep: Any = "bottom"
    for _ in range(600):
        deep = [deep]

    def plant(raw: dict[str, Any]) -> None:
        raw["concessions"]["1"]["from_a_newer_negtui"] = deep

    edit_json(path, plant)
    problems = two_deals.check()
    assert [(p.path, p.where) for p in problems] == [
        (path, "concessions[1] (Moved the start date).from_a_newer_negtui")]
    assert "nested more than 64 levels deep" in problems[0].message
    with pytest.raises(StoreError):
        two_deals.put("d-alpha", Concession(id="c-2", direction="given", what="x",
                                            at=clock().datetime))


def test_a_good_deal_is_found_by_name_while_another_file_is_broken(two_deals: Store) -> None:
    a_fifo(two_deals.deal_path("d-alpha"))
    assert find_deal(two_deals, "beta").id == "d-beta"
    with pytest.raises(StoreError):
        find_deal(two_deals, "alpha")  # its name cannot be read: the file is reported


def test_a_broken_file_sharing_the_name_keeps_the_name_ambiguous(
    two_deals: Store, edit_json: EditJson
) -> None:
    copy = two_deals.deals_dir / "d-beta-copy.json"
    copy.write_bytes(two_deals.deal_path("d-beta").read_bytes())
    with pytest.raises(NoUniqueMatch, match=r"d-beta-copy\.json cannot be read"):
        find_deal(two_deals, "beta")
    # The whole name, or the id, leaves no doubt.
    assert find_deal(two_deals, "d-beta").id == "d-beta"


@pytest.mark.parametrize("kind", ["nested arrays", "FIFO"])
def test_a_hostile_draft_is_no_draft(kind: str, store: Store) -> None:
    keep_draft(store.root, "d-alpha", Draft("given", "half typed"))
    path = store.root / ".drafts" / "d-alpha.json"
    HOSTILE[kind][0](path)
    assert no_hang(lambda: read_draft(store.root, "d-alpha")) is None


@pytest.mark.parametrize("typed", ["deals/d-alpha.json", "deals", "portfolio.json",
                                   ".backups/x.ics"])
def test_the_app_never_exports_a_calendar_over_the_folders_own_files(
    two_deals: Store, typed: str
) -> None:
    (two_deals.root / ".backups").mkdir(exist_ok=True)
    with pytest.raises(ExportRefused, match="one of the files negtui keeps"):
        ics_target(two_deals.root, typed, None)


def test_the_app_exports_a_calendar_beside_the_data_by_default(two_deals: Store) -> None:
    assert ics_target(two_deals.root, "", None).parent == two_deals.root
    (two_deals.root / "exports").mkdir()
    assert ics_target(two_deals.root, "exports", "Alpha").parent == two_deals.root / "exports"
