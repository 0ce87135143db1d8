"""The ten phases: templates per kind of deal, items proven from the data, hand ticks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from negtui.demo import demo_portfolio
from negtui.domain.book import DealBook
from negtui.domain.checklist import (
    TickRefused,
    checklist_progress,
    evaluate,
    find_item,
    phases_for,
    toggled,
)
from negtui.domain.clock import Clock
from negtui.domain.lessons import all_lessons, related, search
from negtui.domain.models import (
    AgendaItem,
    Checklist,
    Deal,
    Fallback,
    Lesson,
    Risk,
    Scenario,
    Settings,
    Stakeholder,
    Term,
    Workstream,
)
from negtui.domain.vocab import ContractType, Influence, Relationship, ScenarioKind, TermCategory
from negtui.store import Store

SETTINGS = Settings()
LATER = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _book(**deal: object) -> DealBook:
    return DealBook(deal=Deal(id="d-test", name="Test deal", **deal))


def _keys(book: DealBook) -> set[str]:
    return {item.key for phase in phases_for(book) for item in phase.items}


def _state(book: DealBook, key: str) -> tuple[bool, str]:
    for phase in evaluate(book, SETTINGS):
        for state in phase.items:
            if state.item.key == key:
                return state.done, state.detail
    raise AssertionError(f"{key} is not in the checklist")


@pytest.mark.parametrize("relationship", list(Relationship))
@pytest.mark.parametrize("kind", list(ContractType))
def test_every_deal_has_ten_phases_with_unique_keys(relationship: Relationship,
                                                    kind: ContractType) -> None:
    book = _book(relationship=relationship, contract_type=kind)
    phases = phases_for(book)
    assert [p.number for p in phases] == list(range(1, 11))
    assert phases[3].title == "Non-negotiables, positions and fallbacks"
    keys = [item.key for phase in phases for item in phase.items]
    assert len(keys) == len(set(keys))
    assert all(phase.items for phase in phases)


def test_first_time_and_renewal_deals_get_different_items() -> None:
    first = _keys(_book(relationship=Relationship.FIRST_TIME))
    renewal = _keys(_book(relationship=Relationship.RENEWAL))
    assert "research.track-record" in first - renewal
    assert {"research.lessons", "audit.last-term", "objectives.uplift",
            "finalize.carried"} <= renewal - first


def test_fixed_price_and_time_and_materials_get_different_items() -> None:
    fixed = _keys(_book(contract_type=ContractType.FIXED_PRICE))
    hourly = _keys(_book(contract_type=ContractType.TIME_AND_MATERIALS))
    assert {"framework.acceptance", "framework.change", "framework.contingency"} <= fixed - hourly
    assert {"framework.rate", "framework.invoicing", "framework.overrun"} <= hourly - fixed
    retainer = _keys(_book(contract_type=ContractType.RETAINER))
    assert not retainer & ((fixed | hourly) - (fixed & hourly))


def test_batna_item_follows_the_data() -> None:
    book = _book()
    assert _state(book, "positions.batna")[0] is False
    book.deal.batna = "Extend another retainer"
    assert _state(book, "positions.batna") == (True, "written down")


def test_non_negotiable_without_rationale_is_named() -> None:
    book = _book()
    book.terms = [Term(id="t-1", name="IP", impact_deal=9, impact_portfolio=9),
                  Term(id="t-2", name="Travel", impact_deal=2, impact_portfolio=2)]
    done, detail = _state(book, "positions.rationale")
    assert not done and "IP" in detail and "Travel" not in detail
    book.terms[0] = book.terms[0].model_copy(
        update={"rationale": "Reused elsewhere", "consequence": "Cannot deliver other work"})
    assert _state(book, "positions.rationale")[0] is True


def test_threshold_decides_which_terms_are_non_negotiable() -> None:
    book = _book()
    book.terms = [Term(id="t-1", name="IP", impact_deal=7, impact_portfolio=7)]
    assert _state(book, "positions.rationale")[0] is False
    relaxed = Settings(high_threshold=8)
    states = {s.item.key: s.done for p in evaluate(book, relaxed) for s in p.items}
    assert states["positions.rationale"] is True


def test_critical_terms_need_a_fallback_with_a_date() -> None:
    book = _book()
    book.terms = [Term(id="t-1", name="Day rate", impact_deal=9, impact_portfolio=8,
                       fallback=Fallback(position="780 with a review"))]
    done, detail = _state(book, "positions.fallbacks")
    assert not done and "Day rate" in detail
    book.terms[0].fallback = Fallback(position="780 with a review", decide_by=LATER)
    assert _state(book, "positions.fallbacks")[0] is True


def test_a_term_whose_offer_expires_puts_the_expiry_in_the_calendar() -> None:
    book = _book()
    book.terms = [Term(id="t-1", name="Day rate")]
    done, detail = _state(book, "finalize.expiry")
    assert not done and "no offer expiry" in detail
    book.terms[0].offer_expires = LATER
    done, detail = _state(book, "finalize.expiry")
    assert done and "Day rate" in detail and "1 Dec" in detail


def test_a_renewal_term_sets_renewal_dates_only_with_a_date() -> None:
    book = _book(relationship=Relationship.RENEWAL)
    book.terms = [Term(id="t-1", name="Auto-renewal", category=TermCategory.RENEWAL)]
    done, detail = _state(book, "finalize.renewal")
    assert not done and "Auto-renewal" in detail and "no date" in detail
    book.terms[0].fallback = Fallback(position="90 days' notice", decide_by=LATER)
    done, detail = _state(book, "finalize.renewal")
    assert done and "Auto-renewal" in detail and "1 Dec" in detail


def test_no_terms_proves_nothing() -> None:
    book = _book()
    for key in ("positions.rationale", "positions.fallbacks", "objectives.rated",
                "finalize.settled", "live.walk-away"):
        assert _state(book, key)[0] is False, key


def test_scenarios_need_all_three_cases() -> None:
    book = _book()
    book.scenarios = [Scenario(id="x-1", kind=ScenarioKind.BEST, outcome="Signed"),
                      Scenario(id="x-2", kind=ScenarioKind.EXPECTED, outcome="Signed later")]
    done, detail = _state(book, "scenarios.written")
    assert not done and "worst" in detail
    book.scenarios.append(Scenario(id="x-3", kind=ScenarioKind.WORST, outcome="Walk away"))
    assert _state(book, "scenarios.written")[0] is True
    assert _state(book, "scenarios.planned")[0] is False


def test_risk_register_and_stakeholders() -> None:
    book = _book()
    assert _state(book, "framework.risks") == (False, "the risk register is empty")
    book.risks = [Risk(id="r-1", risk="Late data", mitigation="")]
    assert _state(book, "framework.risks")[0] is False
    book.risks[0].mitigation = "Start date moves with the data"
    assert _state(book, "framework.risks")[0] is True
    book.stakeholders = [Stakeholder(id="s-1", name="Raj", influence=Influence.INFLUENCES)]
    assert _state(book, "research.stakeholders") == (False, "1 listed, but nobody who decides")
    book.stakeholders.append(Stakeholder(id="s-2", name="Dana", influence=Influence.DECIDES))
    assert _state(book, "research.stakeholders")[0] is True


def test_every_risk_needs_a_mitigation_not_just_one() -> None:
    book = _book()
    book.risks = [Risk(id="r-1", risk="Late data", mitigation="Start date moves with it"),
                  Risk(id="r-2", risk="Scope creep", mitigation="")]
    assert _state(book, "framework.risks") == (False, "1 of 2 risks have a mitigation")
    book.risks[1].mitigation = "Change requests priced"
    assert _state(book, "framework.risks") == (True, "2 of 2 risks have a mitigation")


def test_counts_in_item_details_agree_with_their_number() -> None:
    book = _book()
    book.agenda = [AgendaItem(id="a-1", topic="Exclusivity", minutes=1)]
    assert _state(book, "value.agenda") == (True, "1 topic, 1 minute")
    book.agenda.append(AgendaItem(id="a-2", topic="Rate", minutes=14))
    assert _state(book, "value.agenda") == (True, "2 topics, 15 minutes")


def test_onboarding_items_read_the_workstreams() -> None:
    book = _book()
    book.onboarding = [Workstream(id="w-1", name="Migration", kickoff_objective="Access")]
    assert _state(book, "onboard.objectives")[0] is True
    assert _state(book, "onboard.owners") == (False, "0 of 1 workstream has an owner")
    book.onboarding[0].owner = "Ama"
    assert _state(book, "onboard.owners")[0] is True


def test_computed_items_cannot_be_ticked_by_hand() -> None:
    book = _book()
    with pytest.raises(TickRefused, match="not done yet"):
        toggled(book, SETTINGS, "positions.batna")
    book.deal.batna = "Another client"
    with pytest.raises(TickRefused, match="Checked from the deal's data"):
        toggled(book, SETTINGS, "positions.batna")
    with pytest.raises(TickRefused, match="not an item"):
        toggled(book, SETTINGS, "no.such.item")


def test_manual_items_toggle_and_count() -> None:
    book = _book()
    done, total = checklist_progress(book, SETTINGS)
    assert toggled(book, SETTINGS, "audit.capacity") == (True, "audit.capacity")
    book.checklist = Checklist(ticked=["audit.capacity"])
    assert toggled(book, SETTINGS, "audit.capacity") == (False, "audit.capacity")
    assert checklist_progress(book, SETTINGS) == (done + 1, total)


def test_a_stored_tick_on_a_computed_item_counts_for_nothing() -> None:
    book = _book()
    before = checklist_progress(book, SETTINGS)
    book.checklist = Checklist(ticked=["positions.batna", "gone.from.template"])
    assert checklist_progress(book, SETTINGS) == before
    assert find_item(book, "positions.batna") is not None


def test_demo_deals_have_partial_progress(clock: Clock) -> None:
    settings, books = demo_portfolio(clock)
    for book in books:
        done, total = checklist_progress(book, settings)
        assert 0 < done < total, book.deal.name


def test_set_ticked_keeps_a_tick_made_by_another_window(store: Store) -> None:
    store.create_deal(Deal(id="d-one", name="One"))
    other = Store(store.root).open()
    store.set_ticked("d-one", "audit.capacity", True)
    other.set_ticked("d-one", "audit.clashes", True)
    assert store.read_book("d-one").checklist.ticked == ["audit.capacity", "audit.clashes"]
    store.set_ticked("d-one", "audit.capacity", False)
    assert store.read_book("d-one").checklist.ticked == ["audit.clashes"]


def test_lessons_bear_on_deals_with_the_same_counterparty_or_type() -> None:
    mine = DealBook(deal=Deal(id="d-new", name="New work", counterparty="Acme",
                              contract_type=ContractType.FIXED_PRICE))
    same_client = DealBook(deal=Deal(id="d-old", name="Old work", counterparty="ACME",
                                     contract_type=ContractType.RETAINER),
                           lessons=[Lesson(id="l-1", did_not="Agreed net 60")])
    same_kind = DealBook(deal=Deal(id="d-fix", name="Fixed job", counterparty="Other",
                                   contract_type=ContractType.FIXED_PRICE),
                         lessons=[Lesson(id="l-2", worked="Paid discovery")])
    unrelated = DealBook(deal=Deal(id="d-tm", name="Hourly", counterparty="Else",
                                   contract_type=ContractType.TIME_AND_MATERIALS),
                         lessons=[Lesson(id="l-3", worked="Timesheets weekly")])
    own = Lesson(id="l-4", worked="Written here", deal_id="d-new")
    entries = all_lessons([mine, same_client, same_kind, unrelated], [own])
    assert len(entries) == 4
    hints = related(entries, mine.deal)
    assert [(e.lesson.id, reason) for e, reason in hints] == [
        ("l-1", "same counterparty: ACME"), ("l-2", "also fixed price")]
    assert [e.lesson.id for e in search(entries, "net 60")] == ["l-1"]
    assert [e.lesson.id for e in search(entries, "TIME materials")] == ["l-3"]
    assert len(search(entries, "")) == 4


def test_counts_in_the_proofs_agree_with_their_number() -> None:
    book = _book()
    book.agenda = [AgendaItem(id="a-1", topic="Rate", minutes=0)]
    assert _state(book, "value.agenda") == (False, "0 of 1 topic has time allotted")
    book.agenda.append(AgendaItem(id="a-2", topic="IP", minutes=10))
    assert _state(book, "value.agenda") == (False, "1 of 2 topics have time allotted")
