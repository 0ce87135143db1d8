"""Scoring whole offers: 0 at walk-away, 100 at ideal, weighted, and alternative packages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negtui.domain.models import Term
from negtui.domain.scoring import (
    EQUAL_WITHIN,
    Alternative,
    Score,
    TermScore,
    alternatives,
    batna_score,
    offer_score,
    package_worth,
    score,
    why_not_scored,
)
from negtui.domain.templates import TEMPLATES, new_terms
from negtui.domain.vocab import ContractType


@st.composite
def numeric_terms(draw: st.DrawFn, index: int = 0) -> Term:
    low = draw(st.integers(0, 1000))
    high = low + draw(st.integers(1, 1000))
    middle = draw(st.integers(low, high))
    offer = draw(st.integers(0, 2500))
    more = draw(st.booleans())
    unit = "EUR" if more else "days"
    ideal, walk_away = (high, low) if more else (low, high)
    return Term(id=f"t-{index}", name=f"Term {index}", ideal=f"{ideal} {unit}",
                acceptable=f"{middle} {unit}", walk_away=f"{walk_away} {unit}",
                on_table=f"{offer} {unit}", more_is_better=more,
                weight=draw(st.floats(0.1, 10, allow_nan=False)))


@st.composite
def packages(draw: st.DrawFn) -> list[Term]:
    count = draw(st.integers(1, 6))
    return [draw(numeric_terms(index)) for index in range(count)]


@given(packages())
def test_every_term_at_ideal_scores_100(terms: list[Term]) -> None:
    result = score(terms, {t.id: t.ideal for t in terms})
    assert result.value == pytest.approx(100.0)


@given(packages())
def test_every_term_at_walk_away_scores_0(terms: list[Term]) -> None:
    result = score(terms, {t.id: t.walk_away for t in terms})
    assert result.value == pytest.approx(0.0)


@given(packages())
def test_score_never_leaves_0_to_100(terms: list[Term]) -> None:
    value = offer_score(terms).value
    assert value is not None and 0.0 <= value <= 100.0


@given(packages(), st.data())
def test_improving_one_term_never_lowers_the_score(terms: list[Term],
                                                   data: st.DataObject) -> None:
    before = offer_score(terms).value
    chosen = data.draw(st.sampled_from(terms))
    gain = data.draw(st.integers(1, 500))
    number = int(chosen.on_table.split()[0])
    better = number + gain if chosen.more_is_better else number - gain
    unit = "EUR" if chosen.more_is_better else "days"
    improved = [t.model_copy(update={"on_table": f"{better} {unit}"}) if t.id == chosen.id
                else t for t in terms]
    after = offer_score(improved).value
    assert before is not None and after is not None
    assert after >= before - 1e-9


def northwind() -> list[Term]:
    return [
        Term(id="rate", name="Day rate", impact_deal=9, impact_portfolio=8, ideal="820 EUR",
             acceptable="760 EUR", walk_away="700 EUR", on_table="740 EUR", weight=3,
             rationale="floor", consequence="lower renewals", batna="720 EUR"),
        Term(id="ip", name="Tooling IP", impact_deal=8, impact_portfolio=9,
             ideal="licence only", walk_away="joint ownership", on_table="full assignment",
             options=["licence only", "joint ownership", "full assignment"], weight=3,
             rationale="reused", consequence="cannot deliver elsewhere"),
        Term(id="excl", name="Exclusivity", impact_deal=6, impact_portfolio=8, ideal="none",
             acceptable="logistics only", walk_away="logistics, 6 months",
             on_table="logistics, 12 months", weight=2,
             options=["none", "logistics only", "logistics, 6 months", "logistics, 12 months"]),
        Term(id="travel", name="Travel", impact_deal=3, impact_portfolio=2, ideal="fully remote",
             acceptable="2 days a month", walk_away="1 day a week", on_table="1 day a week",
             options=["fully remote", "2 days a month", "1 day a week"], weight=1),
        Term(id="notes", name="Reporting", ideal="fortnightly demo", on_table="weekly email"),
    ]


def test_weights_decide_how_much_each_term_counts() -> None:
    terms = [
        Term(id="a", name="A", ideal="100", walk_away="0", on_table="100", weight=3),
        Term(id="b", name="B", ideal="100", walk_away="0", on_table="0", weight=1),
    ]
    assert offer_score(terms).value == pytest.approx(75.0)


def test_the_terms_that_drag_the_score_down_come_worst_first() -> None:
    result = offer_score(northwind())
    names = [item.term.name for item in result.drags()]
    assert names[:2] == ["Tooling IP", "Day rate"]
    assert "Reporting" not in names
    assert [t.name for t in result.unscored] == ["Reporting"]
    assert result.drags()[0].points_lost == pytest.approx(100 * 3 / 9)


def test_a_term_at_ideal_does_not_drag() -> None:
    terms = [Term(id="a", name="A", ideal="10", walk_away="0", on_table="10")]
    assert offer_score(terms).drags() == []


@pytest.mark.parametrize(("share", "drags"), [
    (0.004, False),  # 0.4 points: shown as -0, so not listed
    (0.005, False),  # exactly half a point still rounds to -0
    (0.0051, True),  # just over half a point: shown as -1
    (0.012, True),  # 1.2 points
])
def test_a_term_drags_only_when_it_costs_a_point_as_shown(share: float, drags: bool) -> None:
    term = Term(id="a", name="A", ideal="10", walk_away="0", on_table="0")
    result = Score(50.0, [TermScore(term, 0.0, share)])
    assert bool(result.drags()) is drags
    if drags:
        assert round(result.drags()[0].points_lost) >= 1


def test_a_small_loss_on_a_light_term_is_not_listed_as_minus_zero() -> None:
    # Light at a thirtieth of the weight, one step short of its ideal of 100: 0.33 points.
    terms = [Term(id="a", name="Heavy", ideal="100", walk_away="0", on_table="100", weight=29),
             Term(id="b", name="Light", ideal="100", walk_away="0", on_table="99", weight=1)]
    assert offer_score(terms).drags() == []


def test_nothing_comparable_gives_no_score() -> None:
    terms = [Term(id="n", name="Notes", ideal="nice", on_table="fine")]
    assert offer_score(terms).value is None


def test_batna_is_scored_only_when_the_user_gave_it() -> None:
    terms = northwind()
    result = batna_score(terms)
    assert result is not None and result.value == pytest.approx(100 * 20 / 120)
    assert batna_score([t.model_copy(update={"batna": ""}) for t in terms]) is None


def test_alternatives_are_about_equal_and_move_only_tradeable_and_flexible_terms() -> None:
    terms = northwind()
    found = alternatives(terms, threshold=7)
    assert 2 <= len(found) <= 3
    scores = [package.score for package in found]
    assert max(scores) - min(scores) <= 2 * EQUAL_WITHIN
    for package in found:
        assert set(package.positions) <= {"excl", "travel"}
    assert len({tuple(sorted(p.positions.items())) for p in found}) == len(found)


@pytest.mark.parametrize(("scores", "worth"), [
    ([62.6, 67.8, 68.2], "63-68"),
    ([66.2, 65.9], "66"),
    ([70.4, 64.5], "64-70"),
])
def test_package_worth_is_read_from_the_scores_shown(scores: list[float], worth: str) -> None:
    packages = [Alternative({}, value, []) for value in scores]
    assert package_worth(packages) == worth


def test_alternatives_need_two_terms_that_can_move() -> None:
    terms = [t for t in northwind() if t.id != "travel"]
    assert alternatives(terms, threshold=7) == []


def test_agreed_terms_are_not_moved() -> None:
    terms = [t.model_copy(update={"status": "agreed"}) if t.id == "travel" else t
             for t in northwind()]
    assert alternatives(terms, threshold=7) == []


@pytest.mark.parametrize("kind", list(ContractType))
def test_every_contract_type_has_usual_terms(kind: ContractType) -> None:
    terms = new_terms(kind, [])
    assert len(terms) >= 5
    assert len({t.name for t in terms}) == len(terms)
    assert all(t.weight > 0 and t.impact_deal == 5 and t.impact_portfolio == 5 for t in terms)


def test_template_skips_terms_the_deal_already_has() -> None:
    existing = [Term(id="t-x", name="day RATE")]
    names = [t.name for t in new_terms(ContractType.TIME_AND_MATERIALS, existing)]
    assert "Day rate" not in names
    assert len(names) == len(TEMPLATES[ContractType.TIME_AND_MATERIALS]) - 1


def test_an_offer_that_cannot_be_scored_says_what_is_missing() -> None:
    empty = Term(id="t1", name="Liability cap")
    assert offer_score([empty]).value is None
    assert "set ideal, walk-away and the offer" in why_not_scored([empty])
    words = Term(id="t2", name="Liability cap", ideal="fees paid", walk_away="3x fees",
                 on_table="unlimited")
    assert offer_score([words]).value is None
    assert "words, not numbers" in why_not_scored([words])
    weightless = Term(id="t3", name="Rate", ideal="800", walk_away="600", on_table="700",
                      weight=0)
    assert offer_score([weightless]).value is None
    assert "weight 0" in why_not_scored([weightless])
