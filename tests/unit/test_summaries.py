"""Opening from the summaries kept beside the data: never staler than the files."""

from __future__ import annotations

import json
import os
from pathlib import Path

from negtui.actions.session import Session
from negtui.demo import demo_portfolio
from negtui.domain.audit import review
from negtui.domain.clock import Clock
from negtui.domain.models import Concession, Milestone
from negtui.domain.vocab import TermStatus
from negtui.store import Store
from negtui.store.summaries import SUMMARY_DIR


def opened(root: Path, clock: Clock) -> Session:
    """A session as the app starts one: from the summaries where they are current; the
    app writes the summaries of the files it read in full soon after."""
    session = Session(Store(root, clock).open(), clock, glance=True)
    session.keep_summaries()
    return session


def names(session: Session) -> dict[str, str]:
    return {book.id: book.deal.name for book in session.glance().books.values()}


def test_the_app_keeps_a_summary_and_the_next_start_opens_from_it(two_deals: Store,
                                                                   clock: Clock) -> None:
    first = opened(two_deals.root, clock)
    assert first.complete  # nothing to open from yet: every file was read in full
    assert sorted(p.name for p in (two_deals.root / SUMMARY_DIR).iterdir()) == [
        "d-alpha.json", "d-beta.json"]
    second = opened(two_deals.root, clock)
    assert second.glance().partial == {"d-alpha", "d-beta"}
    assert names(second) == {"d-alpha": "Alpha rollout", "d-beta": "Beta audit"}
    # The Prep column is known from the summary, worked out with the same settings.
    assert second.checklist_progress(second.glance().books["d-alpha"]) == \
        first.checklist_progress(first.portfolio.books["d-alpha"])


def test_what_a_summary_leaves_out_is_read_from_the_file_before_anyone_sees_it(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    assert session.glance().books["d-alpha"].concessions == []  # not in a summary
    session.focus("d-alpha")
    book = session.current_book()
    assert book is not None and [c.id for c in book.concessions] == ["c-first"]
    assert not session.portfolio.partial
    assert [c.id for c in session.portfolio.books["d-alpha"].concessions] == ["c-first"]


def test_the_deal_in_focus_is_read_alone_while_the_folder_is_still_being_read(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    painted = session.glance()
    session.focus("d-alpha")
    book = session.current_book()
    assert book is not None and [c.id for c in book.concessions] == ["c-first"]
    # Only its own file was read: the other deal still waits for the full read, and what
    # the Portfolio was painted from is still true, so it is not drawn again.
    assert not session.complete and session.glance().partial == {"d-beta"}
    assert session.glance() is painted
    assert session.glance().books["d-alpha"] is book


def test_a_write_to_the_deal_in_focus_needs_no_full_read(two_deals: Store,
                                                         clock: Clock) -> None:
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    session.focus("d-alpha")
    assert session.current_book() is not None
    session.run(lambda store: store.put("d-alpha", Concession(
        id="c-2", direction="received", what="Earlier start", at=clock().datetime)), "d-alpha")
    assert not session.complete
    book = session.current_book()
    assert book is not None and [c.id for c in book.concessions] == ["c-first", "c-2"]
    on_disk = Store(two_deals.root, clock).read_book("d-alpha")
    assert [c.id for c in on_disk.concessions] == ["c-first", "c-2"]
    assert [c.id for c in session.portfolio.books["d-alpha"].concessions] == ["c-first", "c-2"]


def test_the_other_deal_changed_on_disk_meanwhile_waits_for_the_full_read(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    session.focus("d-alpha")
    assert session.current_book() is not None and not session.complete
    other = Store(two_deals.root, clock).open()  # another window, after this one opened
    other.put("d-beta", Milestone(
        id="m-other", title="Kick-off", kind="negotiation call", due=clock().datetime))
    session.focus("d-beta")
    book = session.current_book()
    assert book is not None and [m.id for m in book.milestones] == ["m-other"]
    assert session.complete


def test_a_broken_deal_in_focus_is_reported_by_name_as_the_full_read_does(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    break_in_place(two_deals.deal_path("d-alpha"))  # its summary still looks current
    session = opened(two_deals.root, clock)
    session.focus("d-beta")
    assert session.current_book() is not None and not session.complete
    session.focus("d-alpha")
    assert session.current_book() is None
    assert session.complete
    assert any(p.path == two_deals.deal_path("d-alpha") for p in session.portfolio.problems)
    assert names(session) == {"d-beta": "Beta audit"}

def test_a_write_by_another_process_shows_at_the_next_start(two_deals: Store,
                                                            clock: Clock) -> None:
    opened(two_deals.root, clock)
    other = Store(two_deals.root, clock).open()  # e.g. negtui log in another terminal
    deal = other.read_book("d-beta").deal
    other.save_deal(deal.model_copy(update={"name": "Beta audit, phase two"}))
    session = opened(two_deals.root, clock)
    assert names(session)["d-beta"] == "Beta audit, phase two"
    assert "d-beta" not in session.glance().partial


def test_a_file_edited_by_hand_shows_at_the_next_start(two_deals: Store, clock: Clock,
                                                       edit_json) -> None:  # type: ignore[no-untyped-def]
    opened(two_deals.root, clock)

    def rename(raw: dict) -> None:  # type: ignore[type-arg]
        raw["deal"]["1"]["name"] = "Alpha, edited by hand"

    edit_json(two_deals.deal_path("d-alpha"), rename)
    assert names(opened(two_deals.root, clock))["d-alpha"] == "Alpha, edited by hand"


def break_in_place(path: Path) -> None:
    """A rating out of range, the file keeping its size, inode and time."""
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    broken = text.replace('"impact_deal": 5', '"impact_deal": 0')  # 1 to 10: out of range
    assert broken != text and len(broken) == len(text)
    with open(path, "r+", encoding="utf-8") as handle:  # in place: the same inode
        handle.write(broken)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size


def test_an_edit_that_keeps_size_and_time_is_still_caught_by_the_full_read(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    path = two_deals.deal_path("d-alpha")
    break_in_place(path)
    session = opened(two_deals.root, clock)
    assert "d-alpha" in session.glance().partial  # the summary could not tell
    full = session.portfolio
    assert "d-alpha" not in full.books
    assert any(p.path == path for p in full.problems)
    assert names(session) == {"d-beta": "Beta audit"}


def test_a_summary_written_by_another_version_or_for_another_file_is_not_used(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    summary = two_deals.root / SUMMARY_DIR / "d-alpha.json"
    head, body = (json.loads(line) for line in summary.read_text("utf-8").splitlines())
    head["stamp"][-1] = "0.0.1"
    head["name"] = body["deal"]["name"] = "From an old summary"
    summary.write_text(f"{json.dumps(head)}\n{json.dumps(body)}\n", encoding="utf-8")
    (two_deals.root / SUMMARY_DIR / "d-beta.json").write_text("{not json", encoding="utf-8")
    session = opened(two_deals.root, clock)
    assert names(session) == {"d-alpha": "Alpha rollout", "d-beta": "Beta audit"}
    assert session.complete


def test_settings_changed_since_leave_the_progress_to_the_full_read(two_deals: Store,
                                                                    clock: Clock) -> None:
    opened(two_deals.root, clock)
    settings, _ = two_deals.read_settings()
    two_deals.save_settings(settings.model_copy(update={"high_threshold": 9}))
    session = opened(two_deals.root, clock)
    assert session.checklist_progress(session.glance().books["d-alpha"]) is None
    full = session.portfolio.books["d-alpha"]
    assert session.checklist_progress(full) is not None


def test_a_command_does_not_write_summaries(two_deals: Store, clock: Clock) -> None:
    Store(two_deals.root, clock).open().load()
    assert not (two_deals.root / SUMMARY_DIR).exists()


def test_a_change_saved_while_the_full_read_ran_is_not_lost_to_it(two_deals: Store,
                                                                 clock: Clock) -> None:
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    session.read_in_full()  # what the thread does after the first paint: done, not used yet
    assert not session.complete
    session.run(lambda store: store.put("d-alpha", Concession(
        id="c-2", direction="received", what="Earlier start", at=clock().datetime)), "d-alpha")
    assert [c.id for c in session.portfolio.books["d-alpha"].concessions] == ["c-first", "c-2"]
    assert session.complete


def test_a_file_changed_after_the_full_read_is_read_again_when_it_is_used(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    session.read_in_full()
    Store(two_deals.root, clock).put("d-beta", Milestone(
        id="m-1", title="Kick-off", kind="negotiation call", due=clock().datetime))
    assert [m.id for m in session.portfolio.books["d-beta"].milestones] == ["m-1"]



def test_a_full_read_told_to_stop_gives_up_and_a_later_use_reads_the_files_again(
        two_deals: Store, clock: Clock) -> None:
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    session.stop_reading()  # the app ends while its thread reads
    session.read_in_full()
    # Nothing was read: a file broken afterwards (same size, inode and time) is seen
    # by whoever asks for the portfolio next, which reads every file to the end.
    path = two_deals.deal_path("d-alpha")
    break_in_place(path)
    full = session.portfolio
    assert session.complete
    assert "d-alpha" not in full.books and any(p.path == path for p in full.problems)
    assert "d-beta" in full.books


def test_a_summary_whose_records_do_not_check_out_is_not_used(two_deals: Store,
                                                              clock: Clock) -> None:
    opened(two_deals.root, clock)
    summary = two_deals.root / SUMMARY_DIR / "d-beta.json"
    head, body = (json.loads(line) for line in summary.read_text("utf-8").splitlines())
    body["deal"]["hours_per_week"] = 500  # more than a week holds: no deal file may say so
    body["deal"]["name"] = head["name"] = "Beta, from a damaged summary"
    summary.write_text(f"{json.dumps(head)}\n{json.dumps(body)}\n", encoding="utf-8")
    session = opened(two_deals.root, clock)
    assert "d-beta" not in session.glance().partial  # read from its file instead
    assert names(session) == {"d-alpha": "Alpha rollout", "d-beta": "Beta audit"}


def test_the_alerts_and_next_items_painted_from_summaries_are_those_of_the_files(
        store: Store, clock: Clock) -> None:
    settings, books = demo_portfolio(clock)
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    # The demo holds done milestones and parked and conceded terms, left out of summaries.
    assert any(m.done for b in books for m in b.milestones)
    assert any(t.status is TermStatus.CONCEDED for b in books for t in b.terms)
    opened(store.root, clock)
    session = opened(store.root, clock)
    assert session.glance().partial == set(session.glance().books)
    now = clock().datetime
    painted = review(session.glance().books.values(), session.settings, now)
    full = review(session.portfolio.books.values(), session.settings, now)
    assert painted.alerts == full.alerts and painted.alerts
    assert painted.next_due == full.next_due


def test_a_full_read_held_back_for_the_screen_goes_on_by_itself(
        two_deals: Store, clock: Clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import negtui.actions.session as session_module

    monkeypatch.setattr(session_module, "HOLD_LIMIT_S", 0.01)
    opened(two_deals.root, clock)
    session = opened(two_deals.root, clock)
    session.hold_reading()  # a screen opening, and nothing said it was drawn
    session.read_in_full()  # what the thread does: waits a moment, then reads every file
    assert not session.complete
    session.settle()
    assert session.complete and names(session) == {"d-alpha": "Alpha rollout",
                                                   "d-beta": "Beta audit"}
    assert [c.id for c in session.portfolio.books["d-alpha"].concessions] == ["c-first"]
