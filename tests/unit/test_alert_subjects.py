"""Each alert about one thing names it, so the Portfolio can open the thing itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from negtui.domain.audit import AlertKind, review
from negtui.domain.book import DealBook
from negtui.domain.calendar import portfolio_entries
from negtui.domain.models import Deal, Fallback, Milestone, Settings, Term
from negtui.domain.vocab import DealStatus, MilestoneKind, TermCategory, TermStatus

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def book(name: str, **fields: object) -> DealBook:
    fields.setdefault("status", DealStatus.ACTIVE)
    return DealBook(deal=Deal(id="d-" + name.lower(), name=name,
                              **fields))  # type: ignore[arg-type]


def test_an_overdue_milestone_names_its_calendar_item_and_no_term() -> None:
    harbor = book("Harbor")
    harbor.milestones.append(Milestone(id="m-check", kind=MilestoneKind.CHECKPOINT,
                                       due=NOW - timedelta(days=2), title="Mid review"))
    (alert,) = review([harbor], Settings(), NOW).alerts
    (entry,) = [e for e in portfolio_entries([harbor], UTC) if e.milestone_id == "m-check"]
    assert alert.kind is AlertKind.OVERDUE
    assert alert.entry_uid == entry.uid
    assert alert.term_id is None


def test_a_terms_offer_expiry_and_fallback_name_the_term_and_the_item() -> None:
    harbor = book("Harbor")
    harbor.terms.append(Term(id="t-rate", name="Day rate", on_table="740",
                             fallback=Fallback(position="780",
                                               decide_by=NOW + timedelta(days=3)),
                             offer_expires=NOW + timedelta(days=5)))
    alerts = review([harbor], Settings(), NOW).alerts
    uids = {e.uid for e in portfolio_entries([harbor], UTC) if e.term_id == "t-rate"}
    assert [a.kind for a in alerts] == [AlertKind.DECISION, AlertKind.DECISION]
    assert all(a.term_id == "t-rate" and a.deal_id == "d-harbor" for a in alerts)
    assert {a.entry_uid for a in alerts} == uids and len(uids) == 2


def test_a_clash_names_the_restricting_term_and_no_calendar_item() -> None:
    atlas = book("Atlas")
    atlas.terms.append(Term(id="t-excl", name="Exclusivity in retail pricing",
                            category=TermCategory.EXCLUSIVITY, status=TermStatus.AGREED))
    shop = book("Orchard", markets=["retail"])
    (alert,) = review([atlas, shop], Settings(), NOW).alerts
    assert alert.kind is AlertKind.CLASH
    assert (alert.deal_id, alert.term_id, alert.entry_uid) == ("d-atlas", "t-excl", None)


def test_alerts_about_the_whole_portfolio_name_neither() -> None:
    busy = [book(name, hours_per_week=30) for name in ("Alpha", "Beta")]
    alerts = review(busy, Settings(capacity_hours=40), NOW).alerts
    assert alerts and all(a.kind is AlertKind.CAPACITY for a in alerts)
    assert all(a.entry_uid is None and a.term_id is None for a in alerts)
