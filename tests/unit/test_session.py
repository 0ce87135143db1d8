"""The session: what it re-reads after a save, and what a look at the folder may replace."""

from __future__ import annotations

from negtui.actions.session import Session
from negtui.domain.clock import Clock
from negtui.domain.models import Term
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
