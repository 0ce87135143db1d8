"""The portfolio folder: transactions, broken files, unknown keys and concurrent writers."""

from __future__ import annotations

import json
import multiprocessing
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import filelock
import pytest

from negtui.domain.clock import Clock
from negtui.domain.models import (
    AgendaItem,
    Call,
    Concession,
    Deal,
    Lesson,
    Milestone,
    Settings,
    Term,
    ValueItem,
)
from negtui.store import Store, StoreError, durable
from negtui.store.errors import ChangedMeanwhile, FileProblem, NotFound
from negtui.store.repository import TRASH_DIR

Snapshot = Callable[[Path], dict[str, bytes]]
EditJson = Callable[[Path, Callable[[Any], None]], None]


def concession(number: int | str, at: Any, what: str = "Moved a date") -> Concession:
    return Concession(id=f"c-{number}", direction="given", what=what, at=at)


# Basic reading and writing


def test_new_folder_loads_empty_with_default_settings(store: Store) -> None:
    portfolio = store.load()
    assert portfolio.books == {}
    assert portfolio.problems == []
    assert portfolio.settings == Settings()
    assert store.check() == []


def test_open_refuses_a_folder_that_cannot_be_created(tmp_path: Path, clock: Clock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as error:
        Store(blocker / "data", clock).open()
    assert "cannot be used as a data folder" in str(error.value)


def test_a_deal_and_its_records_read_back(two_deals: Store, clock: Clock) -> None:
    book = two_deals.read_book("d-alpha")
    assert book.deal.name == "Alpha rollout"
    assert [t.id for t in book.terms] == ["t-rate"]
    assert [c.what for c in book.concessions] == ["Moved the start date"]
    assert book.concessions[0].at == clock().datetime
    portfolio = two_deals.load()
    assert sorted(portfolio.books) == ["d-alpha", "d-beta"]
    assert sorted(d.name for d in portfolio.deals()) == ["Alpha rollout", "Beta audit"]


def test_a_load_of_some_lists_reads_those_and_says_the_deals_are_partial(
        two_deals: Store) -> None:
    portfolio = two_deals.load(only={"terms"})
    alpha = portfolio.books["d-alpha"]
    assert alpha.deal.name == "Alpha rollout"
    assert [t.id for t in alpha.terms] == ["t-rate"]
    assert alpha.concessions == []  # not read
    assert portfolio.partial == {"d-alpha", "d-beta"}
    with pytest.raises(ValueError, match="lesson"):
        two_deals.load(only={"lesson"})  # misspelt: refused, rather than read as nothing
    # The deal asked for by itself afterwards is read whole.
    assert [c.id for c in two_deals.read_book("d-alpha").concessions] == ["c-first"]


def test_file_carries_its_schema_version(two_deals: Store) -> None:
    raw = json.loads(two_deals.deal_path("d-alpha").read_text())
    assert raw["meta"] == {"1": {"kind": "deal", "schema_version": 1}}


def test_put_replaces_a_record_with_the_same_id(two_deals: Store, clock: Clock) -> None:
    two_deals.put("d-alpha", Term(id="t-rate", name="Day rate", impact_deal=9))
    terms = two_deals.read_book("d-alpha").terms
    assert [(t.id, t.impact_deal) for t in terms] == [("t-rate", 9)]


def test_put_refuses_a_kind_no_deal_file_holds(two_deals: Store) -> None:
    before = two_deals.deal_path("d-alpha").read_bytes()
    with pytest.raises(TypeError, match="a deal file holds no Settings records"):
        two_deals.put("d-alpha", Settings())  # type: ignore[arg-type]
    assert two_deals.deal_path("d-alpha").read_bytes() == before


def test_put_sends_each_record_to_the_list_of_its_kind(two_deals: Store, clock: Clock) -> None:
    two_deals.put("d-alpha", concession(2, clock().datetime), Term(id="t-2", name="Scope"))
    book = two_deals.read_book("d-alpha")
    assert "t-2" in [term.id for term in book.terms]
    assert "c-2" in [c.id for c in book.concessions]
    assert two_deals.check() == []


def test_put_is_all_or_nothing_even_for_thousands_of_records(
    two_deals: Store, clock: Clock
) -> None:
    path = two_deals.deal_path("d-alpha")
    before = path.read_bytes()
    # TinyDB's write cache would flush on its own after 1000 changes.
    records: list[Any] = [concession(n, clock().datetime) for n in range(1000)]

    class Failing(Concession):
        def model_dump(self, **kwargs: Any) -> dict[str, Any]:
            raise RuntimeError("stopped half-way")

    records.append(Failing(id="c-bad", direction="given", what="x", at=clock().datetime))
    with pytest.raises(RuntimeError, match="stopped half-way"):
        two_deals.put("d-alpha", *records)
    assert path.read_bytes() == before
    assert two_deals.check() == []


def test_put_into_a_missing_deal_is_not_found_and_creates_nothing(store: Store,
                                                                 clock: Clock) -> None:
    with pytest.raises(NotFound) as error:
        store.put("d-ghost", concession(1, clock().datetime))
    assert error.value.problems[0].path == store.deal_path("d-ghost")
    assert not store.deal_path("d-ghost").exists()
    with pytest.raises(NotFound):
        store.read_book("d-ghost")


def test_create_refuses_an_existing_deal(two_deals: Store) -> None:
    before = two_deals.deal_path("d-beta").read_bytes()
    with pytest.raises(StoreError, match="already exists"):
        two_deals.create_deal(Deal(id="d-beta", name="Another"))
    assert two_deals.deal_path("d-beta").read_bytes() == before


def test_save_deal_changes_the_deal_and_keeps_the_records(two_deals: Store) -> None:
    deal = two_deals.read_book("d-alpha").deal
    deal.status = "negotiating"  # type: ignore[assignment]
    two_deals.save_deal(deal)
    book = two_deals.read_book("d-alpha")
    assert book.deal.status == "negotiating"
    assert len(book.terms) == 1
    assert len(book.concessions) == 1


def test_remove_a_record_and_a_missing_one(two_deals: Store) -> None:
    rate = two_deals.read_book("d-alpha").terms[0]
    two_deals.remove("d-alpha", rate)
    assert two_deals.read_book("d-alpha").terms == []
    before = two_deals.deal_path("d-alpha").read_bytes()
    with pytest.raises(NotFound, match="has no t-rate"):
        two_deals.remove("d-alpha", rate)
    assert two_deals.deal_path("d-alpha").read_bytes() == before


def test_checklist_settings_and_lessons(two_deals: Store) -> None:
    two_deals.set_ticked("d-beta", "batna", True)
    two_deals.set_ticked("d-beta", "research", True)
    two_deals.save_settings(Settings(high_threshold=8, default_currency="usd"))
    two_deals.put_lesson(Lesson(id="l-1", worked="Anchoring early"))
    two_deals.put_lesson(Lesson(id="l-1", worked="Anchoring early with numbers"))
    portfolio = two_deals.load()
    assert portfolio.books["d-beta"].checklist.ticked == ["batna", "research"]
    assert portfolio.settings.high_threshold == 8
    assert portfolio.settings.default_currency == "USD"
    assert [lesson.worked for lesson in portfolio.lessons] == ["Anchoring early with numbers"]


def test_deal_file_with_another_id_inside_is_reported(two_deals: Store) -> None:
    path = two_deals.deal_path("d-beta")
    path.rename(two_deals.deal_path("d-gamma"))
    portfolio = two_deals.load()
    assert "d-gamma" not in portfolio.books
    assert portfolio.problems == [
        FileProblem(two_deals.deal_path("d-gamma"), "holds deal id 'd-beta', expected 'd-gamma'",
                    "deal.id")
    ]


def test_lock_held_elsewhere_times_out_with_a_clear_message(two_deals: Store,
                                                          clock: Clock) -> None:
    path = two_deals.deal_path("d-alpha")
    before = path.read_bytes()
    impatient = Store(two_deals.root, clock, lock_timeout=0.2)
    with (
        filelock.FileLock(f"{path}.lock"),
        pytest.raises(StoreError, match="is locked by another negtui"),
    ):
        impatient.put("d-alpha", concession(9, clock().datetime))
    assert path.read_bytes() == before


# A crash while saving


def test_failed_replace_during_put_keeps_the_old_file(
    two_deals: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = two_deals.deal_path("d-alpha")
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch:
        patch.setattr(durable.os, "replace", crash)
        with pytest.raises(StoreError) as error:
            two_deals.put("d-alpha", concession(2, clock().datetime))
    assert error.value.problems[0].path == path
    assert "could not be saved: Input/output error; the file is unchanged" in str(error.value)
    assert path.read_bytes() == before
    assert list(two_deals.deals_dir.glob("*.tmp")) == []
    assert list(two_deals.deals_dir.glob(".*.tmp")) == []
    portfolio = two_deals.load()
    assert portfolio.problems == []
    assert [c.id for c in portfolio.books["d-alpha"].concessions] == ["c-first"]
    # Once the disk is back, the same change goes through.
    two_deals.put("d-alpha", concession(2, clock().datetime))
    assert len(two_deals.read_book("d-alpha").concessions) == 2


def test_error_inside_a_change_writes_nothing(two_deals: Store) -> None:
    path = two_deals.deal_path("d-alpha")
    before = path.read_bytes()
    with pytest.raises(RuntimeError), two_deals._transaction(path, "deal") as db:
        db.table("terms").truncate()
        raise RuntimeError("changed my mind")
    assert path.read_bytes() == before


# Broken files are reported and never written


def _truncate(path: Path) -> None:
    text = path.read_text()
    path.write_text(text[: len(text) // 2])


def _rating_11(raw: dict[str, Any]) -> None:
    raw["terms"]["1"]["impact_deal"] = 11


def _missing_name(raw: dict[str, Any]) -> None:
    del raw["deal"]["1"]["name"]


def _naive_time(raw: dict[str, Any]) -> None:
    raw["concessions"]["1"]["at"] = "2026-11-20T09:00:00"


def _newer_schema(raw: dict[str, Any]) -> None:
    raw["meta"]["1"]["schema_version"] = 99


BREAKAGES: dict[str, tuple[Callable[[Path, EditJson], None], str, str]] = {
    # name: (how the file is broken, the expected place, a piece of the message)
    "truncated JSON": (lambda p, e: _truncate(p), r"line \d+, column \d+", "is not valid JSON"),
    "rating 11": (lambda p, e: e(p, _rating_11), r"terms\[1\] \(Day rate\)\.impact_deal",
                  "must be from 1 to 10, not 11"),
    "missing name": (lambda p, e: e(p, _missing_name), r"deal\.name", "is required"),
    "naive datetime": (lambda p, e: e(p, _naive_time),
                       r"concessions\[1\] \(Moved the start date\)\.at",
                       "needs a time zone offset"),
    "empty file": (lambda p, e: p.write_bytes(b""), r"", "is empty"),
    "whitespace only": (lambda p, e: p.write_bytes(b"  \n"), r"", "is empty"),
    "newer schema": (lambda p, e: e(p, _newer_schema), r"meta\.schema_version",
                     "written by a newer negtui (schema 99)"),
    "not UTF-8": (lambda p, e: p.write_bytes(b'{"deal": "\xff"}'), r"byte \d+",
                  "is not UTF-8 text"),
    "not an object": (lambda p, e: p.write_text("[1, 2]"), r"", "should hold a JSON object"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_deal_file_is_reported_and_never_written(
    breakage: str, two_deals: Store, clock: Clock, snapshot: Snapshot, edit_json: EditJson
) -> None:
    store = two_deals
    path = store.deal_path("d-alpha")
    damage, place, message = BREAKAGES[breakage]
    damage(path, edit_json)
    before = snapshot(store.root)

    attempts: list[Callable[[], None]] = [
        lambda: store.put("d-alpha", concession(2, clock().datetime)),
        lambda: store.save_deal(Deal(id="d-alpha", name="Alpha rollout")),
        lambda: store.put("d-alpha", *[Term(id="t-2", name="Scope")]),
        lambda: store.remove("d-alpha", Term(id="t-rate", name="Day rate")),
        lambda: store.set_ticked("d-alpha", "x", True),
    ]
    for attempt in attempts:
        with pytest.raises(StoreError) as error:
            attempt()
        problem = error.value.problems[0]
        assert problem.path == path
        assert re.fullmatch(place, problem.where), problem.where
        assert message in problem.message
        assert str(path) in str(error.value)
    # A fresh store (no memory of earlier checks) refuses just the same.
    with pytest.raises(StoreError):
        Store(store.root, clock).put("d-alpha", concession(3, clock().datetime))

    assert snapshot(store.root) == before
    for reader in (store, Store(store.root, clock)):
        portfolio = reader.load()
        assert sorted(portfolio.books) == ["d-beta"]
        assert [p.path for p in portfolio.problems] == [path]
        assert re.fullmatch(place, portfolio.problems[0].where)
        assert reader.check() == portfolio.problems
    # The other deal is still writable.
    store.put("d-beta", concession(4, clock().datetime))
    assert len(store.read_book("d-beta").concessions) == 1
    assert snapshot(store.root)[str(path.relative_to(store.root))] == before[
        str(path.relative_to(store.root))
    ]


def test_every_problem_in_a_file_is_listed(two_deals: Store, edit_json: EditJson) -> None:
    path = two_deals.deal_path("d-alpha")

    def several(raw: dict[str, Any]) -> None:
        _rating_11(raw)
        _missing_name(raw)
        _naive_time(raw)

    edit_json(path, several)
    places = sorted(problem.where for problem in two_deals.check())
    assert places == [
        "concessions[1] (Moved the start date).at",
        "deal.name",
        "terms[1] (Day rate).impact_deal",
    ]
    text = "\n".join(str(problem) for problem in two_deals.check())
    assert f"{path} at deal.name: is required" in text


def test_broken_portfolio_file_is_reported_and_deals_still_load(
    two_deals: Store, snapshot: Snapshot
) -> None:
    two_deals.save_settings(Settings(high_threshold=8))
    path = two_deals.portfolio_path
    path.write_text(path.read_text().replace('"high_threshold": 8', '"high_threshold": 11'))
    before = snapshot(two_deals.root)
    with pytest.raises(StoreError) as error:
        two_deals.put_lesson(Lesson(id="l-1", worked="x"))
    assert error.value.problems[0].where == "settings.high_threshold"
    with pytest.raises(StoreError):
        two_deals.save_settings(Settings())
    assert snapshot(two_deals.root) == before
    portfolio = two_deals.load()
    assert sorted(portfolio.books) == ["d-alpha", "d-beta"]
    assert [(p.path, p.where) for p in portfolio.problems] == [(path, "settings.high_threshold")]


def test_missing_meta_table_is_reported(two_deals: Store, edit_json: EditJson) -> None:
    path = two_deals.deal_path("d-beta")
    edit_json(path, lambda raw: raw.pop("meta"))
    problems = two_deals.check()
    assert [(p.path, p.where) for p in problems] == [(path, "meta")]
    assert "has no schema_version" in problems[0].message


def test_file_edited_by_hand_after_a_write_is_checked_again(
    two_deals: Store, clock: Clock, edit_json: EditJson
) -> None:
    path = two_deals.deal_path("d-alpha")
    two_deals.put("d-alpha", concession(2, clock().datetime))
    edit_json(path, _rating_11)
    with pytest.raises(StoreError, match="impact_deal"):
        two_deals.put("d-alpha", concession(3, clock().datetime))


def test_fixing_the_file_by_hand_makes_it_writable_again(
    two_deals: Store, clock: Clock, edit_json: EditJson
) -> None:
    path = two_deals.deal_path("d-alpha")
    edit_json(path, _rating_11)
    assert two_deals.check()
    edit_json(path, lambda raw: raw["terms"]["1"].update(impact_deal=10))
    assert two_deals.check() == []
    two_deals.put("d-alpha", concession(2, clock().datetime))
    assert two_deals.read_book("d-alpha").terms[0].impact_deal == 10


# Unknown keys


def test_unknown_keys_written_by_hand_survive_other_writes(
    two_deals: Store, clock: Clock, edit_json: EditJson
) -> None:
    path = two_deals.deal_path("d-alpha")

    def add_unknown(raw: dict[str, Any]) -> None:
        raw["deal"]["1"]["colour"] = "teal"
        raw["deal"]["1"]["research"]["sources"] = ["annual report"]
        raw["concessions"]["1"]["recorded_by"] = {"device": "phone", "version": 3}
        raw["negotiation_log"] = {"1": {"text": "from a newer negtui"}}

    edit_json(path, add_unknown)
    two_deals.put("d-alpha", concession(2, clock().datetime))
    two_deals.put("d-alpha", Term(id="t-scope", name="Scope"))
    two_deals.set_ticked("d-alpha", "batna", True)

    raw = json.loads(path.read_text())
    assert raw["deal"]["1"]["colour"] == "teal"
    assert raw["deal"]["1"]["research"]["sources"] == ["annual report"]
    assert raw["concessions"]["1"]["recorded_by"] == {"device": "phone", "version": 3}
    assert raw["negotiation_log"] == {"1": {"text": "from a newer negtui"}}

    # Reading a record, changing it and saving it back keeps the keys too.
    book = two_deals.read_book("d-alpha")
    first = book.concessions[0]
    first.note = "checked"
    two_deals.put("d-alpha", first)
    deal = book.deal
    deal.notes = "follow up"
    two_deals.save_deal(deal)
    raw = json.loads(path.read_text())
    assert raw["concessions"]["1"]["recorded_by"] == {"device": "phone", "version": 3}
    assert raw["concessions"]["1"]["note"] == "checked"
    assert raw["deal"]["1"]["colour"] == "teal"
    assert raw["deal"]["1"]["notes"] == "follow up"
    assert raw["negotiation_log"] == {"1": {"text": "from a newer negtui"}}


def test_a_file_from_before_the_share_mark_loads_with_nothing_shared(
    two_deals: Store, clock: Clock, edit_json: EditJson
) -> None:
    path = two_deals.deal_path("d-alpha")
    two_deals.put("d-alpha", AgendaItem(id="g-1", topic="Liability cap"),
                  ValueItem(id="v-1", benefit_them="A lower rate"),
                  Milestone(id="m-1", kind="signing", due=clock().datetime))

    def written_before(raw: dict[str, Any]) -> None:
        for table in ("agenda", "value_map", "milestones"):
            for record in raw[table].values():
                record.pop("share")

    edit_json(path, written_before)
    assert two_deals.check() == []
    book = two_deals.read_book("d-alpha")
    assert [r.share for r in (*book.agenda, *book.value_map, *book.milestones)] == [False] * 3
    two_deals.put("d-alpha", book.agenda[0].model_copy(update={"share": True}))
    assert json.loads(path.read_text())["agenda"]["1"]["share"] is True
    assert two_deals.read_book("d-alpha").agenda[0].share


def test_unknown_settings_keys_survive(two_deals: Store, edit_json: EditJson) -> None:
    two_deals.save_settings(Settings())
    edit_json(two_deals.portfolio_path,
              lambda raw: raw["settings"]["1"].update(theme="dark"))
    two_deals.put_lesson(Lesson(id="l-1", worked="x"))
    settings = two_deals.load().settings
    assert settings.model_extra == {"theme": "dark"}
    two_deals.save_settings(settings)
    raw = json.loads(two_deals.portfolio_path.read_text())
    assert raw["settings"]["1"]["theme"] == "dark"


# Several writers at once


def test_two_stores_interleaving_writes_lose_nothing(tmp_path: Path, clock: Clock) -> None:
    first = Store(tmp_path / "data", clock).open()
    second = Store(tmp_path / "data", clock).open()
    first.create_deal(Deal(id="d-shared", name="Shared"))
    assert second.read_book("d-shared").deal.name == "Shared"
    for number in range(20):
        writer = first if number % 2 == 0 else second
        writer.put("d-shared", concession(number, clock().datetime))
        # Each store also touches the deal itself, based on what it last read.
        if number % 5 == 0:
            deal = writer.read_book("d-shared").deal
            deal.notes = f"note {number}"
            writer.save_deal(deal)
    second.put("d-shared", Term(id="t-1", name="Rate"))
    first.put("d-shared", Milestone(id="m-1", kind="checkpoint", due=clock().datetime))
    for reader in (first, second):
        book = reader.read_book("d-shared")
        assert sorted(c.id for c in book.concessions) == sorted(f"c-{n}" for n in range(20))
        assert [t.id for t in book.terms] == ["t-1"]
        assert [m.id for m in book.milestones] == ["m-1"]
        assert book.deal.notes == "note 15"


def test_threads_writing_into_the_same_deal_lose_nothing(two_deals: Store,
                                                        clock: Clock) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(name: str, store: Store) -> None:
        try:
            start.wait()
            for number in range(50):
                store.put("d-alpha", concession(f"{name}-{number}",
                                                               clock().datetime))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    # One thread shares the fixture's store, the other has its own.
    threads = [
        threading.Thread(target=work, args=("a", two_deals)),
        threading.Thread(target=work, args=("b", Store(two_deals.root, clock))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    ids = {c.id for c in two_deals.read_book("d-alpha").concessions}
    expected = {f"c-{name}-{n}" for name in "ab" for n in range(50)} | {"c-first"}
    assert ids == expected
    assert two_deals.check() == []


WRITES_PER_PROCESS = 200


def _put_from_another_process(root: str, name: str, at: str, go: Any) -> None:
    store = Store(root)
    go.wait(30)
    for number in range(WRITES_PER_PROCESS):
        store.put("d-alpha", concession(f"{name}-{number}", at))


@pytest.mark.slow
def test_processes_writing_into_the_same_deal_lose_nothing(two_deals: Store,
                                                          clock: Clock) -> None:
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    workers = [
        context.Process(target=_put_from_another_process,
                        args=(str(two_deals.root), name, clock().isoformat(), go))
        for name in ("p", "q")
    ]
    for worker in workers:
        worker.start()
    go.set()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    ids = {c.id for c in two_deals.read_book("d-alpha").concessions}
    expected = {f"c-{name}-{n}" for name in "pq"
                for n in range(WRITES_PER_PROCESS)} | {"c-first"}
    assert ids == expected
    assert two_deals.check() == []


# Trash


def test_delete_moves_the_file_to_trash_and_restore_brings_it_back(
    two_deals: Store, clock: Clock
) -> None:
    path = two_deals.deal_path("d-alpha")
    before = path.read_bytes()
    trashed = two_deals.delete_deal("d-alpha")
    assert not path.exists()
    assert trashed.parent == two_deals.root / TRASH_DIR
    assert trashed.name.startswith("d-alpha.20261121T100000.")
    assert trashed.read_bytes() == before
    assert sorted(two_deals.load().books) == ["d-beta"]
    with pytest.raises(NotFound):
        two_deals.put("d-alpha", concession(2, clock().datetime))

    assert two_deals.restore_deal(trashed) == "d-alpha"
    assert not trashed.exists()
    assert path.read_bytes() == before
    assert sorted(two_deals.load().books) == ["d-alpha", "d-beta"]
    two_deals.put("d-alpha", concession(2, clock().datetime))


def test_delete_of_a_missing_deal_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.delete_deal("d-ghost")


def test_restore_does_not_overwrite_a_deal_created_since(two_deals: Store) -> None:
    trashed = two_deals.delete_deal("d-beta")
    two_deals.create_deal(Deal(id="d-beta", name="Beta, second try"))
    with pytest.raises(StoreError, match="exists again"):
        two_deals.restore_deal(trashed)
    assert trashed.exists()
    assert two_deals.read_book("d-beta").deal.name == "Beta, second try"


@pytest.mark.parametrize("change", ["delete", "restore"])
def test_a_held_lock_on_delete_or_restore_is_a_store_error(
    two_deals: Store, clock: Clock, change: str
) -> None:
    trashed = two_deals.delete_deal("d-beta") if change == "restore" else None
    path = two_deals.deal_path("d-alpha" if change == "delete" else "d-beta")
    impatient = Store(two_deals.root, clock, lock_timeout=0.1)
    with filelock.FileLock(f"{path}.lock"), pytest.raises(StoreError,
                                                          match="locked by another negtui"):
        if trashed is None:
            impatient.delete_deal("d-alpha")
        else:
            impatient.restore_deal(trashed)
    assert path.exists() == (change == "delete")


def test_signature_changes_when_another_process_writes(two_deals: Store,
                                                      clock: Clock) -> None:
    before = two_deals.signature()
    Store(two_deals.root, clock).put("d-beta", Term(id="t-1", name="Rate"))
    after = two_deals.signature()
    assert before[two_deals.deal_path("d-beta")] != after[two_deals.deal_path("d-beta")]
    assert before[two_deals.deal_path("d-alpha")] == after[two_deals.deal_path("d-alpha")]


def test_calls_round_trip_with_their_times(two_deals: Store, clock: Clock) -> None:
    call = Call(id="k-1", started=clock().datetime, ended=clock().shift(minutes=45).datetime,
                attendees=["Dana"])
    two_deals.put("d-beta", call)
    assert two_deals.read_book("d-beta").calls == [call]


# Refreshing after another process changed files


def _changed(before: dict[Path, Any], after: dict[Path, Any]) -> set[Path]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def _same_view(left: Any, right: Any) -> None:
    assert left.settings == right.settings
    assert left.lessons == right.lessons
    assert left.books == right.books
    assert sorted(map(str, left.problems)) == sorted(map(str, right.problems))


def test_refresh_matches_a_full_load_after_changes_elsewhere(
    two_deals: Store, clock: Clock, edit_json: EditJson
) -> None:
    two_deals.save_settings(Settings())
    other = Store(two_deals.root, clock)
    view = two_deals.load()
    steps: list[Callable[[], Any]] = [
        lambda: other.put("d-alpha", Term(id="t-2", name="Scope")),
        lambda: edit_json(other.deal_path("d-beta"), _missing_name),
        lambda: other.save_settings(Settings(high_threshold=9)),
        lambda: other.create_deal(Deal(id="d-gamma", name="Gamma")),
        lambda: other.delete_deal("d-alpha"),
        lambda: edit_json(other.deal_path("d-beta"),
                          lambda raw: raw["deal"]["1"].update(name="Beta fixed")),
        lambda: other.put_lesson(Lesson(id="l-1", worked="Patience")),
        lambda: other.deal_path("d-gamma").rename(other.deal_path("d-delta")),
    ]
    for step in steps:
        before = two_deals.signature()
        step()
        view = two_deals.refresh(view, _changed(before, two_deals.signature()))
        _same_view(view, two_deals.load())


def test_refresh_keeps_reporting_a_broken_deal_when_settings_change(
    two_deals: Store, edit_json: EditJson
) -> None:
    two_deals.save_settings(Settings())
    edit_json(two_deals.deal_path("d-beta"), _missing_name)
    view = two_deals.load()
    assert [p.where for p in view.problems] == ["deal.name"]
    two_deals.save_settings(Settings(high_threshold=8))
    view = two_deals.refresh(view, {two_deals.portfolio_path})
    assert view.settings.high_threshold == 8
    assert [p.where for p in view.problems] == ["deal.name"]


def test_deleting_a_deal_id_twice_in_the_same_second_keeps_both_copies(
    two_deals: Store,
) -> None:
    first = two_deals.delete_deal("d-beta")
    first_bytes = first.read_bytes()
    two_deals.create_deal(Deal(id="d-beta", name="Beta, second try"))
    second = two_deals.delete_deal("d-beta")
    assert second != first
    assert first.read_bytes() == first_bytes
    assert b"Beta, second try" in second.read_bytes()
    assert two_deals.restore_deal(first) == "d-beta"
    assert two_deals.read_book("d-beta").deal.name == "Beta audit"


def test_a_change_from_an_outdated_version_is_refused_with_what_changed(
    two_deals: Store, clock: Clock
) -> None:
    started_from = two_deals.read_book("d-alpha").terms[0]
    elsewhere = started_from.model_copy(update={"on_table": "690"})
    Store(two_deals.root, clock).put("d-alpha", elsewhere)  # another window or negtui log
    before = two_deals.deal_path("d-alpha").read_bytes()
    mine = started_from.model_copy(update={"impact_deal": 9})
    with pytest.raises(ChangedMeanwhile, match="on_table: — → 690") as refused:
        two_deals.put("d-alpha", mine, expected=[started_from])
    assert two_deals.deal_path("d-alpha").read_bytes() == before
    assert refused.value.on_disk["on_table"] == "690"
    # Starting again from what is on disk goes through.
    two_deals.put("d-alpha", mine.model_copy(update={"on_table": "690"}), expected=[elsewhere])
    assert two_deals.read_book("d-alpha").terms[0].impact_deal == 9


def test_an_unchanged_record_saves_although_the_file_changed(two_deals: Store,
                                                            clock: Clock) -> None:
    term = two_deals.read_book("d-alpha").terms[0]
    two_deals.put("d-alpha", concession(7, clock().datetime))  # another record changed
    two_deals.put("d-alpha", term.model_copy(update={"impact_deal": 2}), expected=[term])
    assert two_deals.read_book("d-alpha").terms[0].impact_deal == 2


def test_the_deal_fields_are_saved_only_over_the_version_they_started_from(
    two_deals: Store, clock: Clock
) -> None:
    deal = two_deals.read_book("d-alpha").deal
    research = deal.research.model_copy(update={"market": "rates rising"})
    Store(two_deals.root, clock).save_deal(deal.model_copy(update={"research": research}))
    with pytest.raises(ChangedMeanwhile, match="Alpha rollout was changed elsewhere"):
        two_deals.save_deal(deal.model_copy(update={"objective": "Win"}), expected=deal)
    assert two_deals.read_book("d-alpha").deal.research.market == "rates rising"
