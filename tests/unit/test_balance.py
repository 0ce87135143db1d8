"""Give and take: counts, values, the reciprocity ratio and the size trend of our gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import arrow
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negtui.domain.balance import (
    TREND_WINDOW,
    Trend,
    balance,
    by_term,
    call_summary,
    give_trend,
    terms_touched,
)
from negtui.domain.book import DealBook
from negtui.domain.models import Concession, Deal, Term
from negtui.domain.vocab import Direction
from negtui.ui.widgets.call_band import band_lines

START = datetime(2026, 11, 21, 10, tzinfo=UTC)
GIVEN, RECEIVED = Direction.GIVEN, Direction.RECEIVED


def entry(number: int, direction: Direction, us: int | None = None, them: int | None = None,
          term: str | None = None, deleted: bool = False) -> Concession:
    return Concession(id=f"c-{number:04d}", direction=direction, what=f"entry {number}",
                      value_us=us, value_them=them, term_id=term, deleted=deleted,
                      at=START + timedelta(minutes=number))


def test_balance_counts_and_values_each_side() -> None:
    log = [entry(1, GIVEN, 6, 7), entry(2, GIVEN, 2, 5), entry(3, RECEIVED, 4, 3),
           entry(4, GIVEN), entry(5, RECEIVED, 9, 1, deleted=True)]
    figures = balance(log)
    assert (figures.given.count, figures.given.value_us, figures.given.value_them) == (3, 8, 12)
    assert figures.given.unvalued == 1
    assert (figures.received.count, figures.received.value_us) == (1, 4)
    assert figures.ratio == pytest.approx(0.5)
    assert figures.count_ratio == pytest.approx(1 / 3)


def test_ratio_is_unknown_until_something_of_value_is_given() -> None:
    assert balance([]).ratio is None
    assert balance([entry(1, RECEIVED, 5)]).ratio is None
    assert balance([entry(1, GIVEN, 2), entry(2, RECEIVED, 6)]).ratio == pytest.approx(3.0)


@pytest.mark.parametrize(("sizes", "trend"), [
    ([], Trend.UNKNOWN),
    ([5], Trend.UNKNOWN),
    ([8, 6, 4, 2], Trend.SHRINKING),
    ([2, 3, 5], Trend.GROWING),
    ([4, 4, 4], Trend.STEADY),
    ([5, 4, 5, 4], Trend.UNEVEN),
    ([2, 6, 3, 5], Trend.UNEVEN),  # ends higher, but not every give was bigger
    ([2, 2, 3], Trend.GROWING),
    ([6, 6, 5, 5], Trend.SHRINKING),
    ([3, 1, 3], Trend.UNEVEN),
    ([1, 9, 9, 8, 7, 6], Trend.SHRINKING),  # only the latest four count
])
def test_give_trend(sizes: list[int], trend: Trend) -> None:
    log = [entry(n, GIVEN, size) for n, size in enumerate(sizes)]
    result = give_trend(log)
    assert result.trend is trend
    assert list(result.sizes) == sizes[-4:]


@given(st.lists(st.integers(min_value=1, max_value=10), min_size=2, max_size=4))
def test_the_trend_word_holds_for_every_step_shown(sizes: list[int]) -> None:
    steps = [after - before for before, after in pairwise(sizes)]
    word = give_trend([entry(n, GIVEN, size) for n, size in enumerate(sizes)]).trend
    if word is Trend.GROWING:
        assert all(step >= 0 for step in steps) and sizes[-1] > sizes[0]
    elif word is Trend.SHRINKING:
        assert all(step <= 0 for step in steps) and sizes[-1] < sizes[0]
    elif word is Trend.STEADY:
        assert len(set(sizes)) == 1
    else:
        assert word is Trend.UNEVEN
        assert any(step > 0 for step in steps) and any(step < 0 for step in steps)


def test_give_trend_skips_receives_unvalued_and_undone_gives() -> None:
    log = [entry(1, GIVEN, 7), entry(2, RECEIVED, 1), entry(3, GIVEN), entry(4, GIVEN, 9,
           deleted=True), entry(5, GIVEN, 3)]
    assert give_trend(log).sizes == (7, 3)
    assert give_trend(log).trend is Trend.SHRINKING


def test_call_summary_has_counts_balance_and_terms() -> None:
    terms = [Term(id="t-rate", name="Day rate"), Term(id="t-pay", name="Payment terms")]
    log = [entry(1, GIVEN, 5, 6, "t-pay"), entry(2, RECEIVED, 4, 2, "t-rate"),
           entry(3, GIVEN, 3, 4, "t-pay")]
    assert terms_touched(log, terms) == ["Payment terms", "Day rate"]
    summary = call_summary(log, terms)
    assert summary == ("2 given, 1 received; value given 8, received 4; reciprocity 0.50; "
                       "terms: Payment terms, Day rate")
    assert "no terms named" in call_summary([], terms)


def test_a_call_summary_states_no_value_where_nothing_was_valued() -> None:
    terms = [Term(id="t-rate", name="Day rate")]
    assert "value" not in call_summary([], terms)
    unvalued = [entry(1, GIVEN, None, None, "t-rate")]
    assert call_summary(unvalued, terms) == (
        "1 given, 0 received; reciprocity —; terms: Day rate")
    one_side = [*unvalued, entry(2, RECEIVED, 4, 2, "t-rate")]
    assert "value received 4;" in call_summary(one_side, terms)


def test_the_deal_line_says_how_many_of_our_gives_its_trend_is_read_from() -> None:
    gives = [entry(n, GIVEN, us=size) for n, size in enumerate([2, 6, 3, 5, 3])]
    book = DealBook(deal=Deal(id="d1", name="Northwind"), concessions=gives)
    line = band_lines(book, arrow.get(START))[1].plain
    assert f"our last {TREND_WINDOW} gives uneven 6→3→5→3" in line


def test_the_deal_line_says_its_trend_passes_over_gives_with_no_value() -> None:
    sizes = [2, 6, None, 3, 5, 3]
    gives = [entry(n, GIVEN, us=size) for n, size in enumerate(sizes)]
    book = DealBook(deal=Deal(id="d1", name="Northwind"), concessions=gives)
    line = band_lines(book, arrow.get(START))[1].plain
    assert f"our last {TREND_WINDOW} valued gives uneven 6→3→5→3" in line
    # Where the line is short of room, the figures stay whole and the word goes.
    shortest = "overall  gave 6  got 0  reciprocity 0.00  our last 4 gives uneven 6→3→5→3"
    lines = {band_lines(book, arrow.get(START), width)[1].plain
             for width in range(len(shortest), 120)}
    assert shortest in lines and line in lines
    assert all(each.endswith("6→3→5→3") for each in lines)
    # A give with no value before the ones the trend reads is not among them anyway.
    book.concessions[:] = [entry(0, GIVEN, us=None),
                           *(entry(n, GIVEN, us=size) for n, size in enumerate([6, 3, 5, 3], 1))]
    line = band_lines(book, arrow.get(START))[1].plain
    assert f"our last {TREND_WINDOW} gives uneven 6→3→5→3" in line


def test_the_deal_line_with_a_single_valued_give_says_only_that_it_is_too_few() -> None:
    book = DealBook(deal=Deal(id="d1", name="Northwind"), concessions=[entry(1, GIVEN, us=1)])
    assert band_lines(book, arrow.get(START))[1].plain.endswith("our gives too few to tell")


def test_a_narrow_band_keeps_the_figures_and_the_trend_and_drops_what_gives_were_worth() -> None:
    gives = [entry(n, GIVEN, us=size) for n, size in enumerate([2, 6, 3, 5, 3])]
    book = DealBook(deal=Deal(id="d1", name="Northwind data platform"),
                    concessions=[*gives, entry(9, RECEIVED, us=4)])
    wide = band_lines(book, arrow.get(START), 200)[1].plain
    assert "worth" in wide
    narrow = band_lines(book, arrow.get(START), 78)[1].plain
    assert len(narrow) <= 78 and "worth" not in narrow
    assert narrow.endswith("uneven 6→3→5→3") and "gave 5  got 1  reciprocity" in narrow


def test_the_balance_by_term_follows_the_terms_first_touched_and_ends_with_no_term() -> None:
    terms = [Term(id="t-rate", name="Day rate"), Term(id="t-pay", name="Payment terms")]
    log = [entry(1, GIVEN, 5, 6, "t-pay"), entry(2, RECEIVED, 4, 2, "t-rate"),
           entry(3, GIVEN, 2, None), entry(4, GIVEN, 3, 4, "t-pay"),
           entry(5, GIVEN, 9, 9, "t-rate", deleted=True), entry(6, RECEIVED, 1, 1, "t-gone")]
    found = by_term(log, terms)
    assert [row.term for row in found] == ["Payment terms", "Day rate", ""]
    pay, rate, unnamed = (row.balance for row in found)
    assert (pay.given.count, pay.given.value_us, pay.received.count) == (2, 8, 0)
    assert (rate.given.count, rate.received.count, rate.received.value_us) == (0, 1, 4)
    assert (unnamed.given.count, unnamed.received.count) == (1, 1)
    assert by_term([], terms) == []


def test_two_terms_of_one_name_keep_a_row_each_and_an_unvalued_entry_leaves_no_net() -> None:
    from negtui.ui.widgets.term_balance import term_balance

    terms = [Term(id="t-a", name="Travel"), Term(id="t-b", name="Travel")]
    log = [entry(1, GIVEN, 5, 6, "t-a"), entry(2, GIVEN, None, None, "t-b"),
           entry(3, RECEIVED, 4, 2, "t-b")]
    found = by_term(log, terms)
    assert [(row.term, row.balance.given.count) for row in found] == [("Travel", 1),
                                                                     ("Travel", 1)]
    book = DealBook(deal=Deal(id="d1", name="Northwind"), terms=terms, concessions=log)
    lines = term_balance(book).plain.splitlines()[1:]
    assert lines[0].split()[1:6] == ["1", "5", "0", "—", "-5"]
    # Its give had no value: what came back is worth 4, but the difference is not known.
    assert lines[1].split()[1:6] == ["1", "—", "1", "4", "—"]
