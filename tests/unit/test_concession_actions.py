"""The live log's use cases: what logging, editing, undo, restore and calls write."""

from __future__ import annotations

from negtui.actions import concessions as use
from negtui.domain.clock import Clock
from negtui.domain.guards import Guard
from negtui.domain.models import Settings, Term
from negtui.domain.vocab import Direction
from negtui.store import Store

HARD_LINE = Term(id="t-excl", name="Exclusivity", impact_deal=9, impact_portfolio=9,
                 rationale="other clients", consequence="lose the retail work",
                 walk_away="6 months", ideal="0 months", on_table="3 months",
                 more_is_better=False)


def _with_hard_line(store: Store) -> Store:
    store.put("d-alpha", HARD_LINE)
    return store


def _log(store: Store, what: str, **extra: object) -> use.LoggedConcession:
    request = use.ConcessionRequest(deal="d-alpha", direction=Direction.GIVEN, what=what,
                                    **extra)  # type: ignore[arg-type]
    return use.log_concession(store, request)


def test_undo_takes_back_the_entry_and_the_offer_it_moved(two_deals: Store) -> None:
    store = _with_hard_line(two_deals)
    logged = _log(store, "Four months exclusivity", term="excl", position="4 months")
    assert store.read_book("d-alpha").terms[-1].on_table == "4 months"

    undone = use.undo_last(store, store.read_book("d-alpha"))

    assert undone is not None and undone.id == logged.id
    book = store.read_book("d-alpha")
    assert next(t for t in book.terms if t.id == "t-excl").on_table == "3 months"
    assert [c.id for c in book.live_concessions()] == ["c-first"]


def test_undo_leaves_an_offer_moved_since_by_someone_else(two_deals: Store) -> None:
    store = _with_hard_line(two_deals)
    _log(store, "Four months exclusivity", term="excl", position="4 months")
    moved = store.read_book("d-alpha").terms[-1].model_copy(update={"on_table": "5 months"})
    store.put("d-alpha", moved)
    use.undo_last(store, store.read_book("d-alpha"))
    assert store.read_book("d-alpha").terms[-1].on_table == "5 months"


def test_undo_on_an_empty_log_writes_nothing(store: Store, clock: Clock) -> None:
    from negtui.domain.models import Deal

    store.create_deal(Deal(id="d-empty", name="Empty"))
    before = store.deal_path("d-empty").read_bytes()
    assert use.undo_last(store, store.read_book("d-empty")) is None
    assert store.deal_path("d-empty").read_bytes() == before


def test_restore_runs_the_guards_again_and_moves_the_offer_again(two_deals: Store) -> None:
    store = _with_hard_line(two_deals)
    _log(store, "Seven months exclusivity", term="excl", position="7 months")
    undone = use.undo_last(store, store.read_book("d-alpha"))
    assert undone is not None
    book = store.read_book("d-alpha")
    deleted = next(c for c in book.concessions if c.id == undone.id)

    planned = use.plan_restore(book, deleted, Settings())

    assert {Guard.NON_NEGOTIABLE, Guard.PAST_WALK_AWAY} <= {w.guard for w in planned.warnings}
    assert not planned.concession.deleted
    assert planned.moved_term is not None and planned.moved_term.on_table == "7 months"


def test_an_edit_runs_the_same_guards_as_logging(two_deals: Store) -> None:
    store = _with_hard_line(two_deals)
    book = store.read_book("d-alpha")
    first = next(c for c in book.concessions if c.id == "c-first")
    values = {**use.edit_values(first), "term_id": "t-excl", "position": "8 months"}

    planned = use.plan_edit(book, first, values, Settings())

    assert isinstance(planned, use.PlannedConcession)
    assert Guard.NON_NEGOTIABLE in {w.guard for w in planned.warnings}
    assert planned.moved_term is not None and planned.moved_term.on_table == "8 months"
    assert planned.concession.replaced_offer == "3 months"


def test_an_edit_with_a_bad_value_names_the_field(two_deals: Store) -> None:
    book = two_deals.read_book("d-alpha")
    first = book.concessions[0]
    planned = use.plan_edit(book, first, {**use.edit_values(first), "value_us": "11"},
                            Settings())
    assert isinstance(planned, dict) and "value_us" in planned


def test_the_capture_line_becomes_a_concession_in_the_running_call(
    two_deals: Store, clock: Clock
) -> None:
    store = _with_hard_line(two_deals)
    call = use.start_call(store, store.read_book("d-alpha"), clock().datetime)
    book = store.read_book("d-alpha")
    built = use.concession_from_capture(book, "Shorter exclusivity #excl us:3 =5-months",
                                        Direction.GIVEN, [], clock().datetime)
    assert not isinstance(built, list)
    assert (built.term_id, built.value_us, built.call_id) == ("t-excl", 3, call.id)
    problems = use.concession_from_capture(book, "#nothing-like-this", Direction.GIVEN, [],
                                           clock().datetime)
    assert problems == ["no term matches “nothing-like-this”"]


def test_ending_a_call_sums_it_up(two_deals: Store, clock: Clock) -> None:
    use.start_call(two_deals, two_deals.read_book("d-alpha"), clock().datetime)
    _log(two_deals, "Weekly demos", call_id=two_deals.read_book("d-alpha").calls[0].id)
    ended = use.end_call(two_deals, two_deals.read_book("d-alpha"), clock().datetime)
    assert ended is not None and ended.ended is not None
    assert ended.summary.startswith("1 given, 0 received")
    assert use.end_call(two_deals, two_deals.read_book("d-alpha"), clock().datetime) is None


def test_an_edit_of_the_words_only_asks_nothing_again(two_deals: Store) -> None:
    store = _with_hard_line(two_deals)
    logged = _log(store, "Shorter exclusivity", term="excl", position="5 months")
    book = store.read_book("d-alpha")
    entry = next(c for c in book.concessions if c.id == logged.id)
    planned = use.plan_edit(book, entry, {**use.edit_values(entry), "what": "Five months"},
                            Settings())
    assert isinstance(planned, use.PlannedConcession)
    assert planned.warnings == [] and planned.concession.what == "Five months"
