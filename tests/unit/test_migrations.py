"""Bringing files written by an older negtui up to date, without losing the original."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from negtui.domain.clock import Clock
from negtui.domain.models import Concession, Deal, Term
from negtui.store import Store, StoreError, layout, migrations, storage
from negtui.store.durable import backup_path
from negtui.store.migrations import META_TABLE, SCHEMA_VERSION, meta_doc, migrate, version_of

Raw = dict[str, Any]
EditJson = Callable[[Path, Callable[[Any], None]], None]
HERE = Path("deals/d-1.json")


def old_file(version: int = 1) -> Raw:
    return {
        META_TABLE: {"1": meta_doc("deal", version)},
        "deal": {"1": {"id": "d-1", "title": "Old style"}},
        "concessions": {"1": {"id": "c-1", "direction": "given", "what": "x",
                              "at": "2026-11-20T09:00:00+00:00", "worth": 4}},
    }


def title_to_name(raw: Raw) -> Raw:
    """Version 1 called the deal's name 'title' and a concession's value 'worth'."""
    for doc in raw.get("deal", {}).values():
        doc["name"] = doc.pop("title")
    for doc in raw.get("concessions", {}).values():
        if "worth" in doc:
            doc["value_us"] = doc.pop("worth")
    return raw


def add_tag(raw: Raw) -> Raw:
    for doc in raw.get("deal", {}).values():
        doc["tag"] = f"from v2, name {doc['name']}"
    return raw


# The migrate function itself


def test_current_version_is_one_and_new_files_say_so() -> None:
    assert SCHEMA_VERSION == 1
    assert meta_doc("deal") == {"kind": "deal", "schema_version": 1}


def test_migrate_runs_the_step_and_reports_where_it_started() -> None:
    raw, started = migrate(old_file(), "deal", HERE, steps=[title_to_name], current=2)
    assert started == 1
    assert raw["deal"]["1"] == {"id": "d-1", "name": "Old style"}
    assert raw["concessions"]["1"]["value_us"] == 4
    assert "worth" not in raw["concessions"]["1"]
    assert raw[META_TABLE] == {"1": {"kind": "deal", "schema_version": 2}}
    assert version_of(raw, HERE) == 2


def test_migrate_runs_several_steps_in_order() -> None:
    seen: list[int] = []

    def spy(step: Callable[[Raw], Raw]) -> Callable[[Raw], Raw]:
        def run(raw: Raw) -> Raw:
            seen.append(version_of(raw, HERE))
            return step(raw)
        return run

    raw, started = migrate(old_file(), "deal", HERE, steps=[spy(title_to_name), spy(add_tag)],
                           current=3)
    assert started == 1
    assert seen == [1, 2]
    assert raw["deal"]["1"]["tag"] == "from v2, name Old style"
    assert version_of(raw, HERE) == 3


def test_migrate_starts_from_the_file_version() -> None:
    v2 = title_to_name(old_file())
    v2[META_TABLE] = {"1": meta_doc("deal", 2)}
    raw, started = migrate(v2, "deal", HERE, steps=[pytest.fail, add_tag], current=3)
    assert started == 2
    assert raw["deal"]["1"]["tag"].startswith("from v2")


def test_migrate_leaves_an_up_to_date_file_alone() -> None:
    raw = title_to_name(old_file(2))
    original = copy.deepcopy(raw)
    result, started = migrate(raw, "deal", HERE, steps=[pytest.fail], current=2)
    assert started is None
    assert result == original


def test_migrate_refuses_a_newer_file_and_says_what_to_do() -> None:
    with pytest.raises(StoreError) as error:
        migrate(old_file(99), "deal", HERE, steps=[title_to_name], current=2)
    problem = error.value.problems[0]
    assert problem.path == HERE
    assert problem.where == "meta.schema_version"
    assert "newer negtui (schema 99)" in problem.message
    assert "reads up to 2" in problem.message
    assert "Upgrade negtui" in problem.message


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (None, "has no schema_version (meta table missing)"),
        ({}, "has no schema_version (meta table missing)"),
        ({"1": "v1"}, "has no schema_version (meta table missing)"),
        ({"1": {"kind": "deal"}}, "schema_version None is not valid"),
        ({"1": {"kind": "deal", "schema_version": 0}}, "schema_version 0 is not valid"),
        ({"1": {"kind": "deal", "schema_version": "2"}}, "schema_version '2' is not valid"),
    ],
)
def test_version_must_be_readable(meta: Any, message: str) -> None:
    raw = old_file()
    if meta is None:
        del raw[META_TABLE]
    else:
        raw[META_TABLE] = meta
    with pytest.raises(StoreError) as error:
        version_of(raw, HERE)
    assert error.value.problems[0].message == message


# Through the store


@pytest.fixture
def schema_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this negtui reads schema 2, reached from 1 by ``title_to_name``.

    ``migrate`` takes its target version as a default argument, so the modules that call it
    get a version bound to 2; the step list is looked up at call time and is patched in place.
    """
    monkeypatch.setitem(migrations.MIGRATIONS, "deal", [title_to_name])
    to_two = functools.partial(migrations.migrate, current=2)
    monkeypatch.setattr(storage, "migrate", to_two)
    monkeypatch.setattr(layout, "migrate", to_two)


@pytest.fixture
def old_deal(store: Store, clock: Clock, edit_json: EditJson) -> Path:
    """A deal file as an older negtui wrote it, with a recent backup already present."""
    store.create_deal(Deal(id="d-old", name="Old style"))
    store.put("d-old", Concession(id="c-1", direction="given", what="x",
                                                 at=clock().datetime, value_us=4))
    path = store.deal_path("d-old")

    def downgrade(raw: Raw) -> None:
        deal = raw["deal"]["1"]
        deal["title"] = deal.pop("name")
        concession = raw["concessions"]["1"]
        concession["worth"] = concession.pop("value_us")

    edit_json(path, downgrade)
    return path


def test_reading_an_old_file_migrates_in_memory_and_leaves_the_file(
    store: Store, old_deal: Path, schema_two: None
) -> None:
    before = old_deal.read_bytes()
    portfolio = store.load()
    assert portfolio.problems == []
    book = portfolio.books["d-old"]
    assert book.deal.name == "Old style"
    assert book.concessions[0].value_us == 4
    assert "title" not in (book.deal.model_extra or {})
    assert old_deal.read_bytes() == before


def test_old_file_without_migration_is_reported(store: Store, old_deal: Path) -> None:
    # The same file without the step: the missing name is a validation problem.
    assert [p.where for p in store.check()] == ["deal.name"]


def test_writing_to_an_old_file_backs_it_up_then_writes_the_new_version(
    store: Store, clock: Clock, old_deal: Path, schema_two: None
) -> None:
    before = old_deal.read_bytes()
    newest = backup_path(store.root, old_deal, 1)
    assert newest.exists()  # made moments ago, so the interval alone would skip a backup
    earlier_backup = newest.read_bytes()

    store.put("d-old", Term(id="t-1", name="Rate"))

    assert newest.read_bytes() == before
    assert backup_path(store.root, old_deal, 2).read_bytes() == earlier_backup
    raw = json.loads(old_deal.read_text())
    assert raw[META_TABLE] == {"1": {"kind": "deal", "schema_version": 2}}
    assert raw["deal"]["1"]["name"] == "Old style"
    assert "title" not in raw["deal"]["1"]
    assert raw["concessions"]["1"]["value_us"] == 4
    assert [t["id"] for t in raw["terms"].values()] == ["t-1"]

    # Later writes within the interval leave the pre-migration backup in place.
    store.put("d-old", Term(id="t-2", name="Scope"))
    assert newest.read_bytes() == before
    assert store.check() == []


def test_a_migration_that_yields_an_invalid_file_writes_nothing(
    store: Store, clock: Clock, old_deal: Path, monkeypatch: pytest.MonkeyPatch,
    snapshot: Callable[[Path], dict[str, bytes]]
) -> None:
    def forgets_the_name(raw: Raw) -> Raw:
        raw["deal"]["1"].pop("title")
        return raw

    monkeypatch.setitem(migrations.MIGRATIONS, "deal", [forgets_the_name])
    to_two = functools.partial(migrations.migrate, current=2)
    monkeypatch.setattr(storage, "migrate", to_two)
    monkeypatch.setattr(layout, "migrate", to_two)
    before = snapshot(store.root)
    with pytest.raises(StoreError) as error:
        store.put("d-old", Term(id="t-1", name="Rate"))
    assert error.value.problems[0].where == "deal.name"
    assert snapshot(store.root) == before


def test_a_file_from_a_newer_negtui_is_reported_and_untouched(
    store: Store, clock: Clock, edit_json: EditJson,
    snapshot: Callable[[Path], dict[str, bytes]]
) -> None:
    store.create_deal(Deal(id="d-new", name="From the future"))
    store.create_deal(Deal(id="d-now", name="Today"))
    path = store.deal_path("d-new")
    edit_json(path, lambda raw: raw[META_TABLE]["1"].update(schema_version=99))
    before = snapshot(store.root)
    with pytest.raises(StoreError, match="newer negtui"):
        store.put("d-new", Term(id="t-1", name="Rate"))
    with pytest.raises(StoreError, match="newer negtui"):
        store.save_deal(Deal(id="d-new", name="Overwrite"))
    assert snapshot(store.root) == before
    portfolio = store.load()
    assert list(portfolio.books) == ["d-now"]
    assert [(p.path, p.where) for p in portfolio.problems] == [(path, "meta.schema_version")]
