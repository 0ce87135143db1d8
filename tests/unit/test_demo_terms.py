"""The demo's terms read as a user would write them: a term found in two deals shows its
amounts in one unit, and its ideal is better for us than its walk-away point."""

from __future__ import annotations

from collections import defaultdict

import arrow

from negtui.demo import demo_portfolio
from negtui.domain.models import Term
from negtui.domain.positions import position_value, read_number, with_unit


def _terms() -> list[tuple[str, Term]]:
    _, books = demo_portfolio(lambda: arrow.get("2026-12-02T09:00:00+00:00"))
    return [(book.deal.name, term) for book in books for term in book.terms]


def _shown_unit(term: Term, text: str) -> str:
    """What follows the number in the position as shown: 'EUR/day' in '740 EUR/day'."""
    shown = with_unit(term, text)
    return shown.split(" ", 1)[1] if " " in shown else shown.lstrip("0123456789,.")


def test_a_term_in_two_deals_shows_its_amounts_in_one_unit() -> None:
    units: dict[str, set[str]] = defaultdict(set)
    for _, term in _terms():
        for text in (term.ideal, term.acceptable, term.walk_away, term.on_table):
            if text and read_number(text) is not None and not term.options:
                units[term.name].add(_shown_unit(term, text))
    assert units["Day rate"] == {"EUR/day"}
    assert all(len(shown) == 1 for shown in units.values()), units


def test_every_demo_term_is_better_for_us_at_its_ideal_than_at_its_walk_away() -> None:
    for deal, term in _terms():
        bank = [position_value(term, text) for text in (term.ideal, term.acceptable,
                                                        term.walk_away)]
        if bank[1] is not None and bank[2] is not None:
            # A bank in numbers is compared whole: an ideal in words could not be scored.
            assert bank[0] is not None, f"{deal}: {term.name} has an ideal in words"
            assert bank[0] >= bank[1] >= bank[2], f"{deal}: {term.name} reads backwards"
