"""Positions typed as text are read as numbers with units, or as ranked options."""

from __future__ import annotations

import pytest

from negtui.domain.models import Term
from negtui.domain.positions import (
    Verdict,
    describe_position,
    position_at,
    position_problems,
    position_value,
    read_number,
    satisfaction,
    verdict,
)
from negtui.domain.terms import term_class
from negtui.domain.vocab import TermClass


def rate(**extra: object) -> Term:
    fields: dict[str, object] = dict(id="t-1", name="Day rate", ideal="820 EUR",
                                     acceptable="760 EUR", walk_away="700 EUR", unit="EUR/day")
    fields.update(extra)
    return Term.model_validate(fields)


def payment(**extra: object) -> Term:
    fields: dict[str, object] = dict(id="t-2", name="Payment terms", ideal="14 days",
                                     acceptable="30 days", walk_away="45 days", unit="days",
                                     more_is_better=False)
    fields.update(extra)
    return Term.model_validate(fields)


def exclusivity(**extra: object) -> Term:
    fields: dict[str, object] = dict(
        id="t-3", name="Exclusivity", ideal="none", acceptable="logistics only",
        walk_away="logistics, 6 months",
        options=["none", "logistics only", "logistics, 6 months", "logistics, 12 months"])
    fields.update(extra)
    return Term.model_validate(fields)


@pytest.mark.parametrize(("threshold", "deal", "portfolio", "expected"), [
    (7, 7, 7, TermClass.NON_NEGOTIABLE), (7, 6, 10, TermClass.FLEXIBLE),
    (7, 10, 6, TermClass.FLEXIBLE), (7, 6, 6, TermClass.TRADEABLE),
    (1, 1, 1, TermClass.NON_NEGOTIABLE), (10, 9, 9, TermClass.TRADEABLE),
    (10, 10, 9, TermClass.FLEXIBLE),
])
def test_class_just_at_and_just_below_the_threshold(threshold: int, deal: int, portfolio: int,
                                                    expected: TermClass) -> None:
    assert term_class(deal, portfolio, threshold) is expected


@pytest.mark.parametrize(("text", "number"), [
    ("780 EUR", 780), ("1,200 EUR", 1200), ("12.5%", 12.5), ("90k", 90000), ("net 30", 30),
    ("2m", 2_000_000), ("no number", None), ("", None),
])
def test_numbers_are_read_from_plain_text(text: str, number: float | None) -> None:
    assert read_number(text) == number


def test_less_is_better_turns_the_line_around() -> None:
    term = payment()
    assert position_value(term, "14 days") == -14
    assert verdict(term, "10 days") is Verdict.IDEAL
    assert verdict(term, "60 days") is Verdict.PAST_WALK_AWAY


def test_weeks_and_months_compare_with_days() -> None:
    term = payment()
    assert position_value(term, "6 weeks") == -42
    assert verdict(term, "6 weeks") is Verdict.BELOW_ACCEPTABLE
    assert verdict(term, "2 months") is Verdict.PAST_WALK_AWAY
    assert verdict(term, "2 weeks") is Verdict.IDEAL


def test_ranked_options_compare_by_rank_ignoring_case() -> None:
    term = exclusivity()
    assert verdict(term, "None") is Verdict.IDEAL
    assert verdict(term, "logistics only") is Verdict.ACCEPTABLE
    assert verdict(term, "logistics, 6 months") is Verdict.BELOW_ACCEPTABLE
    assert verdict(term, "logistics, 12 months") is Verdict.PAST_WALK_AWAY
    assert verdict(term, "something else") is Verdict.UNKNOWN


@pytest.mark.parametrize(("offer", "expected"), [
    ("820 EUR", Verdict.IDEAL), ("900", Verdict.IDEAL), ("760 EUR", Verdict.ACCEPTABLE),
    ("780", Verdict.ACCEPTABLE), ("759", Verdict.BELOW_ACCEPTABLE),
    ("700", Verdict.BELOW_ACCEPTABLE), ("699", Verdict.PAST_WALK_AWAY), ("", Verdict.UNKNOWN),
])
def test_verdict_of_the_offer_on_the_table(offer: str, expected: Verdict) -> None:
    assert verdict(rate(on_table=offer)) is expected


def test_satisfaction_runs_from_walk_away_to_ideal() -> None:
    term = rate()
    assert satisfaction(term, "700") == 0.0
    assert satisfaction(term, "820") == 1.0
    assert satisfaction(term, "760") == pytest.approx(0.5)
    assert satisfaction(term, "600") == 0.0
    assert satisfaction(term, "1000") == 1.0


def test_without_walk_away_acceptable_is_the_floor() -> None:
    assert satisfaction(rate(walk_away=""), "760") == 0.0


def test_a_position_is_described_as_it_is_understood() -> None:
    assert describe_position(payment(), "6 weeks") == "read as 42 days (less is better)"
    assert describe_position(exclusivity(), "logistics only") == "option 2 of 4"
    assert "not one of the ranked options" in describe_position(exclusivity(), "all retail")


def test_positions_that_contradict_each_other_are_named() -> None:
    backwards = rate(ideal="700 EUR", walk_away="820 EUR", acceptable="")
    assert "walk_away" in position_problems(backwards)
    assert "acceptable" in position_problems(rate(acceptable="900 EUR"))
    assert position_problems(rate(on_table="a good rate")) == {
        "on_table": "needs a number to compare with the ideal (820 EUR)"}
    assert position_problems(exclusivity(on_table="all retail")) == {
        "on_table": "must be one of the ranked options"}
    assert position_problems(rate(on_table="740 EUR")) == {}


@pytest.mark.parametrize("term", [
    rate(acceptable="820 EUR"),  # acceptable at the ideal
    rate(walk_away="760 EUR"),  # walk-away at acceptable
    rate(acceptable="820 EUR", walk_away="820 EUR"),  # one line for all three
    rate(acceptable="", walk_away="820 EUR"),  # walk-away at the ideal
    payment(acceptable="14 days"),
    payment(walk_away="30 days"),
    exclusivity(acceptable="none"),
    exclusivity(walk_away="logistics only"),
])
def test_equal_positions_are_allowed(term: Term) -> None:
    assert position_problems(term) == {}


def test_one_past_an_equal_position_is_a_problem() -> None:
    assert set(position_problems(rate(acceptable="821 EUR"))) == {"acceptable"}
    assert set(position_problems(rate(walk_away="761 EUR"))) == {"walk_away"}
    assert set(position_problems(rate(acceptable="", walk_away="821 EUR"))) == {"walk_away"}
    assert set(position_problems(payment(acceptable="13 days"))) == {"acceptable"}


def test_free_text_positions_are_not_checked_until_the_ideal_reads() -> None:
    term = Term(id="t-9", name="Reporting", ideal="fortnightly demo", on_table="weekly email")
    assert position_problems(term) == {}
    assert verdict(term) is Verdict.UNKNOWN


@pytest.mark.parametrize(("share", "text"), [
    (0.0, "700 EUR"), (0.5, "760 EUR"), (1.0, "820 EUR"), (0.3, "740 EUR")])
def test_suggested_positions_are_round_and_written_like_the_ideal(share: float,
                                                                  text: str) -> None:
    term = rate()
    assert position_at(term, share) == text
    assert (satisfaction(term, text) or 0.0) >= share - 1e-9


def test_suggested_options_reach_at_least_the_share() -> None:
    term = exclusivity()
    assert position_at(term, 0.3) == "logistics only"
    assert position_at(term, 1.0) == "none"
    assert position_at(payment(), 1.0) == "14 days"


@pytest.mark.parametrize(("text", "number"), [
    ("45 thousand", 45_000.0), ("45 Thousand EUR", 45_000.0), ("1.5 million", 1_500_000.0),
    ("2 bn", 2e9), ("3 billion USD", 3e9), ("90k", 90_000.0),
    ("3 thousandths", 3.0),  # not the word: the number alone
])
def test_an_amount_written_with_a_word_counts_in_full(text: str, number: float) -> None:
    assert read_number(text) == number
