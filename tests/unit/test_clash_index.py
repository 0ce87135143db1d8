"""Finding clashes through an index of words gives what comparing every pair gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negtui.domain.book import DealBook
from negtui.domain.clashes import (
    RESTRICTIVE,
    Clash,
    covered_words,
    reach,
    restrictive_clashes,
)
from negtui.domain.models import Deal, Research, Term
from negtui.domain.vocab import BUSY_STATUSES, DealStatus, TermCategory, TermStatus

# Words that are equal but for a plural, starts of one another (long and short enough),
# and unrelated: every way two words can or cannot match.
WORDS = ["health", "healthcare", "care", "data", "database", "retail", "retails",
         "logistics", "logistic", "log", "energy", "energetic", "bank", "banking",
         "analytics", "ana", "in", "the", "12 months", "exclusivity", "fintech", "fin"]

phrases = st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join)


@st.composite
def books(draw: st.DrawFn) -> list[DealBook]:
    found = []
    for number in range(draw(st.integers(0, 7))):
        deal = Deal(id=f"d-{number}", name=draw(phrases) or f"Deal {number}",
                    counterparty=draw(phrases),
                    # Mostly deals under way with restrictions: where clashes are.
                    status=draw(st.sampled_from([*BUSY_STATUSES, DealStatus.CLOSED])),
                    archived=draw(st.booleans()) and draw(st.booleans()),
                    markets=draw(st.lists(phrases, max_size=3)),
                    research=Research(market=draw(phrases)))
        terms = [Term(id=f"t-{number}-{n}", name=draw(phrases) or "Clause",
                      on_table=draw(phrases),
                      category=draw(st.sampled_from([*RESTRICTIVE, TermCategory.PAYMENT_SCHEDULE])),
                      status=draw(st.sampled_from([TermStatus.OPEN, TermStatus.AGREED,
                                                   TermStatus.CONCEDED])))
                 for n in range(draw(st.integers(0, 3)))]
        found.append(DealBook(deal=deal, terms=terms))
    return found


def every_pair(books: list[DealBook]) -> list[Clash]:
    """The rule applied to each restriction and each other deal in turn."""
    busy = [b for b in books if not b.deal.archived and b.deal.status in BUSY_STATUSES]
    found: list[Clash] = []
    for book in busy:
        for term in book.terms:
            if term.category in RESTRICTIVE and term.status in (TermStatus.OPEN,
                                                                TermStatus.AGREED):
                covered = covered_words(book, term)
                others = [(other.deal, words) for other in busy if other.id != book.id
                          if (words := reach(covered, other.deal)) is not None]
                if others:
                    found.append((book, term, others))
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books())
def test_the_clashes_found_are_those_of_every_pair_in_the_same_order(
        portfolio: list[DealBook]) -> None:
    assert restrictive_clashes(portfolio) == every_pair(portfolio)


def test_a_restriction_reaches_a_deal_by_the_start_of_a_word_in_either_direction() -> None:
    owner = DealBook(deal=Deal(id="d-owner", name="Owner", status=DealStatus.ACTIVE),
                     terms=[Term(id="t-1", name="Exclusivity in healthcare",
                                 category=TermCategory.EXCLUSIVITY, status=TermStatus.AGREED)])
    shorter = DealBook(deal=Deal(id="d-a", name="A", status=DealStatus.ACTIVE,
                                 markets=["health"]))
    longer = DealBook(deal=Deal(id="d-b", name="B", status=DealStatus.ACTIVE,
                                markets=["healthcare analytics"]))
    [(_, _, others)] = restrictive_clashes([owner, shorter, longer])
    assert [(deal.id, words) for deal, words in others] == [("d-a", ["health"]),
                                                           ("d-b", ["healthcare"])]
    assert restrictive_clashes([owner, shorter, longer]) == every_pair([owner, shorter, longer])
