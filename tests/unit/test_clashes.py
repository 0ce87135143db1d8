"""Clashes are read from what a restriction says, not from tags two deals happen to share."""

from __future__ import annotations

import pytest

from negtui.domain.audit import AlertKind, clash_alerts
from negtui.domain.book import DealBook
from negtui.domain.clashes import restrictive_clashes, significant_words
from negtui.domain.models import Deal, Research, Term
from negtui.domain.vocab import DealStatus, TermCategory, TermStatus


def book(name: str, **fields: object) -> DealBook:
    fields.setdefault("status", DealStatus.ACTIVE)
    return DealBook(deal=Deal(id="d-" + name.lower().replace(" ", "-"), name=name,
                              **fields))  # type: ignore[arg-type]


def restriction(name: str, on_table: str = "", category: TermCategory = TermCategory.EXCLUSIVITY,
                status: TermStatus = TermStatus.AGREED) -> Term:
    return Term(id="t-x", name=name, category=category, on_table=on_table, status=status)


def locked(term: Term, **fields: object) -> DealBook:
    owner = book("Locked", **fields)
    owner.terms.append(term)
    return owner


def test_small_words_durations_and_restriction_words_say_nothing_about_scope() -> None:
    assert significant_words("Exclusivity: 12 months in health analytics") == {
        "health", "analytic"}
    assert significant_words("6-month non-compete on named competitors, two years") == set()


def test_a_shared_tag_is_no_clash_when_the_restriction_names_another_field() -> None:
    # Both deals are tagged "data engineering", but the term only covers health analytics.
    health = locked(restriction("Exclusivity in health analytics",
                                "12 months in health analytics"),
                    markets=["healthcare", "data engineering"])
    logistics = book("Northwind", markets=["logistics", "data engineering"],
                     counterparty="Northwind Logistics")
    assert restrictive_clashes([health, logistics]) == []


def test_one_shared_word_is_not_enough() -> None:
    health = locked(restriction("Exclusivity in health analytics"))
    advisory = book("Harbor", markets=["analytics advisory"], counterparty="Harbor Analytics")
    assert restrictive_clashes([health, advisory]) == []


@pytest.mark.parametrize("category", [TermCategory.EXCLUSIVITY, TermCategory.NON_COMPETE])
@pytest.mark.parametrize("status", [TermStatus.OPEN, TermStatus.AGREED])
def test_a_market_named_by_the_restriction_is_a_clash_and_the_alert_quotes_it(
    category: TermCategory, status: TermStatus
) -> None:
    atlas = locked(restriction("Exclusivity in retail pricing", "6 months, named competitors",
                               category, status), status=DealStatus.AGREED)
    shop = book("Orchard", markets=["retail"])
    (alert,) = clash_alerts([atlas, shop])
    assert alert.kind is AlertKind.CLASH
    assert alert.deal_id == "d-locked" and alert.deal_ids == ("d-locked", "d-orchard")
    assert "“Exclusivity in retail pricing”" in alert.message
    assert "(“6 months, named competitors”)" in alert.message
    assert alert.message.endswith("covers Orchard (retail)")


def test_every_word_of_the_restriction_found_in_the_other_deal_is_a_clash() -> None:
    atlas = locked(restriction("Exclusivity in retail pricing"))
    harbor = book("Harbor", markets=["analytics advisory"], research=Research(
        market="Most clients are grocery retailers asking about pricing"))
    [(_, _, [(deal, words)])] = restrictive_clashes([atlas, harbor])
    assert deal.name == "Harbor" and words == ["pricing", "retailers"]


def test_words_match_in_the_plural_and_by_a_long_enough_start() -> None:
    health = locked(restriction("Exclusivity", "health, 1 year"))
    care = book("Clinic", markets=["healthcare"])
    data = locked(restriction("Exclusivity", "data"))
    base = book("Store", markets=["databases"])
    assert len(restrictive_clashes([health, care])) == 1
    assert restrictive_clashes([data, base]) == []  # "data" is too short to be a start


def test_a_restriction_that_names_no_field_covers_its_own_deals_markets() -> None:
    owner = locked(restriction("Exclusivity", "12 months"), markets=["logistics"])
    other = book("Freight", markets=["logistics", "retail"])
    [(_, _, [(_, words)])] = restrictive_clashes([owner, other])
    assert words == ["logistics"]


def test_no_clash_with_conceded_terms_or_deals_not_under_way() -> None:
    conceded = locked(restriction("Exclusivity in retail", status=TermStatus.CONCEDED))
    prospect = book("Shop", markets=["retail"], status=DealStatus.PROSPECT)
    closed = book("Old shop", markets=["retail"], status=DealStatus.CLOSED)
    assert restrictive_clashes([conceded, prospect, closed]) == []
    live = locked(restriction("Exclusivity in retail"))
    assert restrictive_clashes([live, prospect, closed]) == []
