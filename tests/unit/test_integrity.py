"""References across one deal's records: ids of their own, and terms that exist."""

from __future__ import annotations

from negtui.demo import demo_portfolio
from negtui.domain.book import DealBook
from negtui.domain.clock import Clock
from negtui.domain.integrity import problems, term_in_use
from negtui.domain.models import Concession, Deal, Milestone, Term


def _book(clock: Clock) -> DealBook:
    now = clock().datetime
    return DealBook(
        deal=Deal(id="d-one", name="Northwind"),
        terms=[Term(id="t-rate", name="Day rate"), Term(id="t-pay", name="Payment terms")],
        concessions=[Concession(id="c-1", direction="given", what="Rate down",
                                term_id="t-rate", at=now),
                     Concession(id="c-2", direction="received", what="Weekly email", at=now)],
        milestones=[Milestone(id="m-1", kind="negotiation call", due=now)],
    )


def test_a_sound_deal_and_the_demo_have_no_problems(clock: Clock) -> None:
    assert problems(_book(clock)) == []
    _, books = demo_portfolio(clock)
    assert [problems(book) for book in books] == [[] for _ in books]


def test_an_id_used_twice_in_one_list_is_named_with_the_deal(clock: Clock) -> None:
    book = _book(clock)
    book.terms.append(Term(id="t-rate", name="Day rate again"))
    assert problems(book) == [
        "deal “Northwind” (d-one): terms holds id 't-rate' 2 times; each record needs an id "
        "of its own"]


def test_the_same_id_in_two_lists_is_no_clash(clock: Clock) -> None:
    book = _book(clock)
    book.milestones.append(Milestone(id="c-1", kind="negotiation call", due=clock().datetime))
    assert problems(book) == []


def test_a_concession_naming_a_missing_term_is_named(clock: Clock) -> None:
    book = _book(clock)
    book.concessions.append(Concession(id="c-3", direction="given", what="Longer notice",
                                       term_id="t-gone", at=clock().datetime, deleted=True))
    assert problems(book) == [
        "deal “Northwind” (d-one): concession 'c-3' (Longer notice) names term 't-gone', "
        "which this deal does not have"]


def test_a_term_that_concessions_name_cannot_be_deleted(clock: Clock) -> None:
    book = _book(clock)
    rate, pay = book.terms
    assert term_in_use(book, pay) is None
    reason = term_in_use(book, rate)
    assert reason is not None and reason.startswith("Day rate has 1 concession logged")
    book.concessions.append(Concession(id="c-3", direction="given", what="Undone",
                                       term_id="t-rate", at=clock().datetime, deleted=True))
    assert "2 concessions (1 undone)" in (term_in_use(book, rate) or "")
