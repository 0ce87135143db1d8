"""The session: what it re-reads after a save, and what a look at the folder may replace."""

from __future__ import annotations

from negtui.actions.session import Session
from negtui.domain.clock import Clock
from negtui.domain.models import Concession, Term
from negtui.store import Store


def test_a_look_at_the_folder_finds_another_process_s_change(two_deals: Store,
                                                             clock: Clock) -> None:
    session = Session(two_deals, clock)
    told: list[str] = []
    session.on_reload(lambda: told.append("reloaded"))
    assert session.scan() is None
    Store(two_deals.root, clock).put("d-beta", Term(id="t-1", name="Rate"))
    scan = session.scan()
    assert scan is not None
    assert session.portfolio.books["d-beta"].terms == []  # nothing replaced yet
    assert session.take(scan)
    assert [t.name for t in session.portfolio.books["d-beta"].terms] == ["Rate"]
    assert told == ["reloaded"]
    assert session.scan() is None


def test_a_look_started_before_a_save_here_is_not_used(two_deals: Store, clock: Clock) -> None:
    session = Session(two_deals, clock)
    Store(two_deals.root, clock).put("d-beta", Term(id="t-1", name="Rate"))
    stale = session.scan()
    assert stale is not None
    session.run(lambda store: store.put("d-alpha", Term(id="t-2", name="Scope")), "d-alpha")
    assert not session.take(stale)
    # The save here is kept, and the next look still finds the other change.
    assert "t-2" in [t.id for t in session.portfolio.books["d-alpha"].terms]
    fresh = session.scan()
    assert fresh is not None and session.take(fresh)
    assert [t.id for t in session.portfolio.books["d-beta"].terms] == ["t-1"]


def test_a_save_re_reads_only_the_deal_it_wrote(two_deals: Store, clock: Clock) -> None:
    session = Session(two_deals, clock)
    beta = session.portfolio.books["d-beta"]
    session.run(lambda store: store.put("d-alpha", Term(id="t-2", name="Scope")), "d-alpha")
    assert session.portfolio.books["d-beta"] is beta
    assert "t-2" in [t.id for t in session.portfolio.books["d-alpha"].terms]


def test_focus_tells_the_listeners_once_per_change(two_deals: Store, clock: Clock) -> None:
    session = Session(two_deals, clock)
    told: list[str | None] = []
    session.on_focus(lambda: told.append(session.deal_id))
    session.focus("d-alpha")
    session.focus("d-alpha")
    session.focus("d-beta")
    assert told == ["d-alpha", "d-beta"]
    assert session.current_deal() is not None and session.current_deal().name == "Beta audit"


def _entry(number: int, clock: Clock, **fields: object) -> Concession:
    values: dict[str, object] = {"what": f"Entry {number}", **fields}
    return Concession.model_validate({"id": f"c-{number}", "direction": "given",
                                      "at": clock().datetime, **values})


def test_a_save_shows_what_another_process_wrote_to_that_deal_meanwhile(
        two_deals: Store, clock: Clock) -> None:
    session = Session(two_deals, clock)
    session.run(lambda store: store.put("d-alpha", _entry(1, clock)), "d-alpha")
    Store(two_deals.root, clock).put("d-alpha", _entry(2, clock, what="Theirs"))
    session.run(lambda store: store.put("d-alpha", _entry(3, clock)), "d-alpha")
    shown = [c.what for c in session.portfolio.books["d-alpha"].concessions]
    assert shown == ["Moved the start date", "Entry 1", "Theirs", "Entry 3"]
    assert session.scan() is None  # nothing left unread


def test_after_each_save_the_deal_shown_is_the_deal_in_the_file(two_deals: Store,
                                                               clock: Clock) -> None:
    session = Session(two_deals, clock)
    rate = session.portfolio.books["d-alpha"].terms[0]

    def check() -> None:
        assert session.portfolio.books["d-alpha"] == Store(two_deals.root).read_book("d-alpha")

    session.run(lambda store: store.put("d-alpha", _entry(1, clock, term_id="t-rate")),
                "d-alpha")
    check()
    moved = rate.model_copy(update={"on_table": "690"})
    session.run(lambda store: store.put("d-alpha", _entry(2, clock), moved), "d-alpha")
    check()
    session.run(lambda store: store.put("d-alpha", _entry(1, clock, deleted=True)), "d-alpha")
    check()
    assert [c.id for c in session.portfolio.books["d-alpha"].live_concessions()] == [
        "c-first", "c-2"]
    assert session.portfolio.books["d-alpha"].terms[0].on_table == "690"
    assert session.scan() is None


def test_a_save_that_also_changes_the_file_another_way_is_read_back(
        two_deals: Store, clock: Clock) -> None:
    session = Session(two_deals, clock)

    def put_then_rename(store: Store) -> None:
        store.put("d-alpha", _entry(1, clock))
        deal = store.read_book("d-alpha").deal
        store.save_deal(deal.model_copy(update={"name": "Alpha renamed"}))

    session.run(put_then_rename, "d-alpha")
    book = session.portfolio.books["d-alpha"]
    assert book.deal.name == "Alpha renamed"
    assert "c-1" in [c.id for c in book.concessions]
