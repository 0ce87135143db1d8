"""A term's class follows from its two ratings and the user's threshold."""

from __future__ import annotations

import pytest

from negtui.domain.models import Term
from negtui.domain.terms import class_of, term_class, term_problems
from negtui.domain.vocab import TermClass

NN = TermClass.NON_NEGOTIABLE
FLEX = TermClass.FLEXIBLE
TRADE = TermClass.TRADEABLE


@pytest.mark.parametrize(
    ("deal", "portfolio", "threshold", "expected"),
    [
        (7, 7, 7, NN),
        (6, 7, 7, FLEX),
        (7, 6, 7, FLEX),
        (6, 6, 7, TRADE),
        (10, 10, 7, NN),
        (10, 1, 7, FLEX),
        (1, 1, 7, TRADE),
        (8, 8, 9, TRADE),
        (9, 8, 9, FLEX),
        (9, 9, 9, NN),
        (1, 1, 1, NN),
        (9, 9, 10, TRADE),
        (10, 9, 10, FLEX),
        (10, 10, 10, NN),
    ],
)
def test_term_class_at_the_threshold_edges(
    deal: int, portfolio: int, threshold: int, expected: TermClass
) -> None:
    assert term_class(deal, portfolio, threshold) is expected


def test_class_of_follows_the_threshold_when_it_changes() -> None:
    term = Term(id="t-1", name="Rate", impact_deal=7, impact_portfolio=6)
    assert class_of(term, 7) is FLEX
    assert class_of(term, 6) is NN
    assert class_of(term, 8) is TRADE


def test_non_negotiable_needs_rationale_and_consequence() -> None:
    term = Term(id="t-1", name="IP", impact_deal=8, impact_portfolio=9)
    assert term_problems(term, 7) == {
        "rationale": "a non-negotiable needs the reason it is one",
        "consequence": "a non-negotiable needs the consequence if it is violated",
    }


def test_non_negotiable_with_only_a_rationale_still_needs_the_consequence() -> None:
    term = Term(id="t-1", name="IP", impact_deal=8, impact_portfolio=9, rationale="Reused")
    assert set(term_problems(term, 7)) == {"consequence"}


def test_non_negotiable_with_both_reasons_is_fine() -> None:
    term = Term(id="t-1", name="IP", impact_deal=8, impact_portfolio=9, rationale="Reused",
                consequence="Cannot deliver elsewhere")
    assert term_problems(term, 7) == {}


@pytest.mark.parametrize(("deal", "portfolio"), [(6, 7), (7, 6), (1, 1), (6, 6)])
def test_flexible_and_tradeable_terms_need_no_reasons(deal: int, portfolio: int) -> None:
    term = Term(id="t-1", name="Travel", impact_deal=deal, impact_portfolio=portfolio)
    assert term_problems(term, 7) == {}


def test_whitespace_only_reasons_do_not_count() -> None:
    term = Term(id="t-1", name="IP", impact_deal=7, impact_portfolio=7, rationale="   ",
                consequence="\n")
    assert set(term_problems(term, 7)) == {"rationale", "consequence"}


def test_raising_the_threshold_lifts_the_requirement() -> None:
    term = Term(id="t-1", name="IP", impact_deal=7, impact_portfolio=7)
    assert term_problems(term, 7)
    assert term_problems(term, 8) == {}
