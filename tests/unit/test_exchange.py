"""Export of the whole portfolio as one JSON document, and import back by id."""

from __future__ import annotations

import copy
import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from negtui.demo import demo_portfolio
from negtui.domain.clock import Clock, fixed_clock
from negtui.domain.models import Concession, Deal, Lesson, Settings, Term
from negtui.store import Store, StoreError, batch, durable
from negtui.store.durable import backup_path
from negtui.store.exchange import FORMAT, export_document, import_document, parse_document

Snapshot = Callable[[Path], dict[str, bytes]]
EditJson = Callable[[Path, Callable[[Any], None]], None]
SOURCE = Path("export.json")


@pytest.fixture
def demo_store(tmp_path: Path, clock: Clock) -> Store:
    store = Store(tmp_path / "demo", clock).open()
    settings, books = demo_portfolio(clock)
    store.save_settings(settings)
    store.put_lesson(Lesson(id="l-1", worked="Anchor with a number", at=clock().datetime))
    for book in books:
        store.write_book(book)
    return store


def through_json(document: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(json.dumps(document))
    return result


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    rest = dict(document)
    rest.pop("exported_at")
    return rest


def test_export_describes_itself(demo_store: Store) -> None:
    document = export_document(demo_store)
    assert document["format"] == FORMAT
    assert document["schema_version"] == 1
    assert document["exported_at"] == "2026-11-21T10:00:00+00:00"
    assert len(document["deals"]) == 8
    assert [lesson["id"] for lesson in document["lessons"]] == ["l-1"]
    assert document["settings"]["capacity_hours"] == 40


def test_export_then_import_into_an_empty_folder_gives_the_same_export(
    demo_store: Store, tmp_path: Path
) -> None:
    document = through_json(export_document(demo_store))
    later = fixed_clock("2026-12-01T08:00:00+00:00")
    target = Store(tmp_path / "copy", later).open()
    books = import_document(target, document, SOURCE)
    assert len(books) == 8
    again = through_json(export_document(target))
    assert again["exported_at"] != document["exported_at"]
    assert without_time(again) == without_time(document)
    assert target.check() == []


def test_import_keeps_unknown_keys(store: Store, clock: Clock) -> None:
    store.create_deal(Deal(id="d-1", name="One"))
    document = through_json(export_document(store))
    document["deals"][0]["deal"]["colour"] = "teal"
    document["deals"][0]["concessions"] = [
        {"id": "c-1", "direction": "given", "what": "x", "at": "2026-11-20T09:00:00+00:00",
         "source": "phone"}
    ]
    import_document(store, document, SOURCE)
    raw = json.loads(store.deal_path("d-1").read_text())
    assert raw["deal"]["1"]["colour"] == "teal"
    assert raw["concessions"]["1"]["source"] == "phone"


def test_invalid_record_means_nothing_is_written(
    demo_store: Store, clock: Clock, snapshot: Snapshot
) -> None:
    document = through_json(export_document(demo_store))
    for book in document["deals"]:
        book["deal"]["notes"] = "changed by the import"
    document["settings"]["capacity_hours"] = 10
    document["deals"][3]["terms"][0]["impact_deal"] = 11
    before = snapshot(demo_store.root)
    with pytest.raises(StoreError) as error:
        import_document(demo_store, document, SOURCE)
    assert [str(p) for p in error.value.problems] == [
        "export.json: deals[3]: terms.0.impact_deal: must be from 1 to 10, not 11"
    ]
    assert snapshot(demo_store.root) == before


def test_invalid_import_into_an_empty_folder_leaves_it_empty(
    demo_store: Store, tmp_path: Path, clock: Clock, snapshot: Snapshot
) -> None:
    document = through_json(export_document(demo_store))
    del document["deals"][-1]["deal"]["name"]
    target = Store(tmp_path / "empty", clock).open()
    before = snapshot(target.root)
    with pytest.raises(StoreError, match=r"deals\[7\]: deal.name: is required"):
        import_document(target, document, SOURCE)
    assert snapshot(target.root) == before
    assert target.deal_files() == []


def test_every_problem_of_a_document_is_reported_together() -> None:
    document = {
        "format": "something else",
        "schema_version": 99,
        "settings": {"default_currency": "EURO"},
        "lessons": [{"id": "../up"}],
        "deals": [{"deal": {"id": "d-1", "name": "x"}}, {"deal": {"id": "d-1", "name": "y"}}],
    }
    with pytest.raises(StoreError) as error:
        parse_document(document, SOURCE)
    text = "\n".join(str(p) for p in error.value.problems)
    assert "is not a negtui export" in text
    assert "schema_version 99 is not one this negtui reads (1 to 1)" in text
    assert "settings: default_currency: must be a three-letter currency code" in text
    assert "lessons[0]: id: may hold only letters" in text
    assert "export.json at deals[1]: lists deal 'd-1' twice" in text


@pytest.mark.parametrize("document", [[], "text", None, 3])
def test_a_document_that_is_not_an_object_is_refused(document: Any) -> None:
    with pytest.raises(StoreError, match="should be a JSON object"):
        parse_document(document, SOURCE)


def test_a_document_without_deals_is_refused() -> None:
    with pytest.raises(StoreError, match="should list its deals under 'deals'"):
        parse_document({"format": FORMAT, "schema_version": 1}, SOURCE)


def test_import_merges_by_id_into_existing_data(store: Store, clock: Clock) -> None:
    at = clock().datetime
    store.save_settings(Settings(capacity_hours=30))
    store.put_lesson(Lesson(id="l-old", worked="Old lesson"))
    store.create_deal(Deal(id="d-1", name="Existing", notes="mine"))
    store.put("d-1", *[
        Concession(id="c-keep", direction="given", what="Only here", at=at),
        Concession(id="c-both", direction="given", what="Old wording", at=at),
    ])
    store.put("d-1", Term(id="t-keep", name="Kept term"))
    store.create_deal(Deal(id="d-untouched", name="Not in the document"))
    untouched = store.deal_path("d-untouched").read_bytes()

    document = {
        "format": FORMAT,
        "schema_version": 1,
        "lessons": [{"id": "l-new", "worked": "New lesson"}],
        "deals": [
            {
                "deal": {"id": "d-1", "name": "Existing, renamed"},
                "concessions": [
                    {"id": "c-both", "direction": "received", "what": "New wording",
                     "at": at.isoformat()},
                    {"id": "c-new", "direction": "given", "what": "Only there",
                     "at": at.isoformat()},
                ],
            },
            {"deal": {"id": "d-2", "name": "Brand new"}},
        ],
    }
    books = import_document(store, document, SOURCE)
    assert [book.id for book in books] == ["d-1", "d-2"]

    portfolio = store.load()
    assert portfolio.problems == []
    assert portfolio.settings.capacity_hours == 30  # no settings in the document
    assert sorted(lesson.id for lesson in portfolio.lessons) == ["l-new", "l-old"]
    assert sorted(portfolio.books) == ["d-1", "d-2", "d-untouched"]
    merged = portfolio.books["d-1"]
    assert merged.deal.name == "Existing, renamed"
    assert {c.id: c.what for c in merged.concessions} == {
        "c-keep": "Only here", "c-both": "New wording", "c-new": "Only there",
    }
    assert [t.id for t in merged.terms] == ["t-keep"]
    assert store.deal_path("d-untouched").read_bytes() == untouched


def test_importing_the_same_document_twice_changes_nothing(demo_store: Store) -> None:
    document = through_json(export_document(demo_store))
    import_document(demo_store, copy.deepcopy(document), SOURCE)
    first = export_document(demo_store)
    import_document(demo_store, copy.deepcopy(document), SOURCE)
    assert export_document(demo_store) == first
    assert without_time(through_json(first)) == without_time(document)


def test_export_refuses_when_a_file_is_broken(demo_store: Store) -> None:
    path = demo_store.deal_files()[0]
    path.write_text("{")
    with pytest.raises(StoreError) as error:
        export_document(demo_store)
    assert error.value.problems[0].path == path


def test_import_refuses_to_merge_into_a_broken_file(
    demo_store: Store, edit_json: EditJson, snapshot: Snapshot
) -> None:
    document = through_json(export_document(demo_store))
    path = demo_store.deal_files()[0]
    edit_json(path, lambda raw: raw["deal"]["1"].update(currency="EURO"))
    before = snapshot(demo_store.root)
    with pytest.raises(StoreError) as error:
        import_document(demo_store, document, SOURCE)
    assert {p.path for p in error.value.problems} == {path}
    assert snapshot(demo_store.root) == before


def test_broken_file_not_named_in_the_document_does_not_block(
    demo_store: Store, clock: Clock
) -> None:
    broken = demo_store.deal_files()[0]
    broken.write_text("")
    document = {"format": FORMAT, "schema_version": 1,
                "deals": [{"deal": {"id": "d-extra", "name": "Extra"}}]}
    import_document(demo_store, document, SOURCE)
    assert demo_store.read_book("d-extra").deal.name == "Extra"
    assert broken.read_text() == ""


# All or nothing, down to the last file


def _changed_everywhere(store: Store) -> dict[str, Any]:
    """A valid document that changes the settings and two existing deals, and adds a new
    deal between them."""
    document = through_json(export_document(store))
    document["settings"]["capacity_hours"] = 12
    first, second = document["deals"][:2]
    for book in (first, second):
        book["deal"]["notes"] = "changed by the import"
    document["deals"] = [first, {"deal": {"id": "d-new", "name": "New"}}, second]
    return document


def _files(snapshot: Snapshot, store: Store) -> dict[str, bytes]:
    """What the folder holds, the lock files (taken for the instant of a write) aside."""
    return {name: data for name, data in snapshot(store.root).items()
            if not name.endswith(".lock")}


def test_a_deal_that_cannot_be_written_means_no_file_is_changed(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch, snapshot: Snapshot
) -> None:
    document = _changed_everywhere(demo_store)
    before = _files(snapshot, demo_store)
    second_deal = demo_store.deal_path(document["deals"][2]["deal"]["id"])
    real = durable.write_temp

    def full_for_the_second_deal(path: Path, text: str) -> Path:
        if path == second_deal:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, text)

    monkeypatch.setattr(batch, "write_temp", full_for_the_second_deal)
    with pytest.raises(StoreError) as error:
        import_document(demo_store, document, SOURCE)
    assert error.value.problems[0].path == second_deal
    assert "No space left on device" in str(error.value)
    assert _files(snapshot, demo_store) == before


@pytest.mark.parametrize("replaced_first", [0, 1, 2, 3])
def test_a_rename_failing_midway_puts_back_every_file_already_replaced(
    replaced_first: int, demo_store: Store, monkeypatch: pytest.MonkeyPatch, snapshot: Snapshot
) -> None:
    document = _changed_everywhere(demo_store)
    before = _files(snapshot, demo_store)
    renames: list[object] = []
    real = os.replace

    def refuse_one(source: Any, target: Any) -> None:
        renames.append(target)
        # The settings, the first deal, the new deal, then the second deal.
        if len(renames) == replaced_first + 1:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(source, target)

    monkeypatch.setattr(batch.os, "replace", refuse_one)
    with pytest.raises(StoreError, match="no file was changed"):
        import_document(demo_store, document, SOURCE)
    assert _files(snapshot, demo_store) == before
    assert not demo_store.deal_path("d-new").exists()


def test_a_whole_import_lands_with_its_backups(demo_store: Store) -> None:
    document = _changed_everywhere(demo_store)
    first = demo_store.deal_path(document["deals"][0]["deal"]["id"])
    old_first = first.read_bytes()
    import_document(demo_store, document, SOURCE)
    assert demo_store.read_settings()[0].capacity_hours == 12
    assert demo_store.read_book("d-new").deal.name == "New"
    assert demo_store.read_book(first.stem).deal.notes == "changed by the import"
    assert backup_path(demo_store.root, first, 1).read_bytes() == old_first
    assert sorted(demo_store.root.rglob("*.tmp")) == []
