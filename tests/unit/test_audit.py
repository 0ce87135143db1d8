"""The portfolio audit: each rule, with the edges a real portfolio hits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from negtui.domain.audit import (
    AlertKind,
    admin_alerts,
    audit,
    crunch_alerts,
    decision_alerts,
    overdue_alerts,
    review,
)
from negtui.domain.book import DealBook
from negtui.domain.calendar import CalendarEntry, portfolio_entries
from negtui.domain.models import Deal, Fallback, Milestone, Settings, Term
from negtui.domain.schedule import next_due
from negtui.domain.vocab import DealStatus, MilestoneKind, TermStatus

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # a Monday
ZONE = ZoneInfo("UTC")


def book(name: str, **fields: object) -> DealBook:
    deal_id = "d-" + name.lower().replace(" ", "")
    fields.setdefault("status", DealStatus.ACTIVE)
    return DealBook(deal=Deal(id=deal_id, name=name, **fields))  # type: ignore[arg-type]


def milestone(kind: MilestoneKind, when: datetime, done: bool = False, n: int = 0) -> Milestone:
    return Milestone(id=f"m-{kind.name.lower()}{n}{when:%j%H}", kind=kind, due=when, done=done,
                     title=f"{kind} {n}")


def entries(*books: DealBook) -> list[CalendarEntry]:
    return portfolio_entries(books, ZONE)


def rate_term(status: TermStatus = TermStatus.OPEN, decide_in: float = 3,
              expires_in: float = 9) -> Term:
    return Term(id="t-rate", name="Day rate", status=status, on_table="740",
                fallback=Fallback(position="780 with a review",
                                  decide_by=NOW + timedelta(days=decide_in)),
                offer_expires=NOW + timedelta(days=expires_in))


# Overdue

def test_an_item_past_and_not_done_is_overdue_and_shown_as_next() -> None:
    harbor = book("Harbor", start=date(2026, 6, 1))
    checkpoint = milestone(MilestoneKind.CHECKPOINT, NOW - timedelta(days=4))
    harbor.milestones += [
        checkpoint,
        milestone(MilestoneKind.REVIEW, NOW - timedelta(days=20), done=True),
        milestone(MilestoneKind.RENEWAL, NOW + timedelta(days=9)),
    ]
    alerts = overdue_alerts(entries(harbor), NOW, ZONE)
    assert [(a.kind, a.deal_id, a.when) for a in alerts] == [
        (AlertKind.OVERDUE, "d-harbor", checkpoint.due)]
    assert alerts[0].message.startswith("checkpoint 4d ago in Harbor: ")
    # The deal's start date lies in the past too, but it is a fact, not something to do.
    shown = next_due(entries(harbor), NOW)
    assert shown is not None and shown.milestone_id == checkpoint.id


def test_a_term_deadline_gone_by_is_overdue_until_the_term_is_settled() -> None:
    open_deal = book("Open")
    open_deal.terms.append(rate_term(decide_in=-2, expires_in=-1))
    settled = book("Settled")
    settled.terms.append(rate_term(TermStatus.AGREED, decide_in=-2, expires_in=-1))
    alerts = overdue_alerts(entries(open_deal, settled), NOW, ZONE)
    assert [a.message.split(" in ")[0] for a in alerts] == [
        "fallback deadline 2d ago", "offer expiry yesterday"]
    assert {a.deal_id for a in alerts} == {"d-open"}


# Decisions due

def test_decision_milestones_within_fourteen_days_are_flagged() -> None:
    alpha = book("Alpha")
    alpha.milestones += [
        milestone(MilestoneKind.OFFER_EXPIRY, NOW + timedelta(days=2)),
        milestone(MilestoneKind.RENEWAL, NOW + timedelta(days=14)),
        milestone(MilestoneKind.DECISION_DEADLINE, NOW + timedelta(days=15)),
        milestone(MilestoneKind.DECISION_DEADLINE, NOW + timedelta(days=1), done=True),
        milestone(MilestoneKind.CALL, NOW + timedelta(days=1)),
    ]
    alerts = decision_alerts(entries(alpha), NOW, ZONE)
    assert [a.message.split(" in Alpha")[0] for a in alerts] == [
        "offer expiry in 2d", "renewal in 14d"]


def test_a_terms_offer_expiry_and_fallback_date_are_decisions_due() -> None:
    alpha = book("Alpha")
    term = rate_term(decide_in=3, expires_in=9)
    alpha.terms.append(term)
    alerts = decision_alerts(entries(alpha), NOW, ZONE)
    assert [(a.when, a.deal_id) for a in alerts] == [
        (term.fallback.decide_by, "d-alpha"), (term.offer_expires, "d-alpha")]
    assert "Day rate" in alerts[0].message and "Day rate" in alerts[1].message
    far = book("Far")
    far.terms.append(rate_term(decide_in=20, expires_in=30))
    agreed = book("Agreed")
    agreed.terms.append(rate_term(TermStatus.AGREED))
    assert decision_alerts(entries(far, agreed), NOW, ZONE) == []


def test_a_terms_deadline_is_the_next_thing_when_it_comes_first() -> None:
    alpha = book("Alpha")
    alpha.terms.append(rate_term(decide_in=1))
    alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(days=2)))
    shown = next_due(entries(alpha), NOW)
    assert shown is not None and shown.kind == MilestoneKind.FALLBACK_DEADLINE


# Deadline crunch

def test_more_than_the_limit_within_three_days_is_a_crunch() -> None:
    alpha = book("Alpha")
    for n in range(4):
        alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(days=1, hours=n),
                                          n=n))
    alerts = crunch_alerts(entries(alpha), Settings(crunch_limit=3), NOW, ZONE)
    assert len(alerts) == 1 and alerts[0].message.startswith("4 items due")
    assert alerts[0].deal_id is None and alerts[0].deal_ids == ("d-alpha",)


def test_term_deadlines_count_in_the_crunch() -> None:
    alpha = book("Alpha")
    for n in range(3):
        alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(days=1, hours=n),
                                          n=n))
    assert crunch_alerts(entries(alpha), Settings(crunch_limit=3), NOW, ZONE) == []
    alpha.terms.append(rate_term(decide_in=2, expires_in=40))
    alerts = crunch_alerts(entries(alpha), Settings(crunch_limit=3), NOW, ZONE)
    assert len(alerts) == 1 and alerts[0].message.startswith("4 items due")


def test_the_limit_itself_and_a_spread_out_week_are_fine() -> None:
    alpha = book("Alpha")
    for n in range(3):
        alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(days=1, hours=n),
                                          n=n))
    beta = book("Beta")
    for n in range(6):  # one every three days: never more than one per window
        beta.milestones.append(milestone(MilestoneKind.REVIEW, NOW + timedelta(days=3 * n + 5),
                                         n=n))
    assert crunch_alerts(entries(alpha, beta), Settings(crunch_limit=3), NOW, ZONE) == []


def test_done_and_past_milestones_do_not_crowd_the_calendar() -> None:
    alpha = book("Alpha")
    for n in range(3):
        alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(hours=n + 1), n=n))
    alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(hours=5), done=True))
    alpha.milestones.append(milestone(MilestoneKind.CALL, NOW - timedelta(hours=5)))
    assert crunch_alerts(entries(alpha), Settings(crunch_limit=3), NOW, ZONE) == []


# Administrative load

def test_too_many_invoicing_cycles_and_reporting_formats() -> None:
    books = [
        book("A", invoicing_cycle="monthly", reporting_format="email"),
        book("B", invoicing_cycle="Monthly", reporting_format="deck"),
        book("C", invoicing_cycle="quarterly", reporting_format="dashboard"),
        book("D", invoicing_cycle="on completion", status=DealStatus.PROSPECT),
    ]
    alerts = admin_alerts(books, Settings(max_invoicing_cycles=2, max_reporting_formats=2))
    assert [a.message.split(" to keep")[0] for a in alerts] == ["3 different reporting formats"]
    looser = admin_alerts(books, Settings(max_invoicing_cycles=1, max_reporting_formats=3))
    assert [a.message.split(" to keep")[0] for a in looser] == ["2 different invoicing cycles"]


# All together

def test_archived_deals_raise_nothing_but_keep_their_next_item() -> None:
    shelved = book("Shelved", archived=True, hours_per_week=80)
    late = milestone(MilestoneKind.CHECKPOINT, NOW - timedelta(days=2))
    shelved.milestones.append(late)
    found = review([shelved], Settings(), NOW)
    assert found.alerts == []
    assert found.next_due["d-shelved"].milestone_id == late.id


def test_closed_and_walked_away_deals_raise_no_dated_alerts() -> None:
    """A deal that is over asks for nothing: its leftover milestones and term deadlines are
    neither overdue, nor decisions due, nor part of a crunch; a deal in play still alerts."""
    finished = []
    for status in (DealStatus.CLOSED, DealStatus.WALKED_AWAY):
        over = book(f"Over {status.name}", status=status)
        over.milestones += [milestone(MilestoneKind.CHECKPOINT, NOW - timedelta(days=3)),
                            milestone(MilestoneKind.DECISION_DEADLINE, NOW + timedelta(days=2))]
        over.milestones += [milestone(MilestoneKind.REVIEW, NOW + timedelta(hours=h), n=h)
                            for h in range(1, 5)]
        over.terms.append(rate_term(decide_in=-2, expires_in=4))
        finished.append(over)
    going = book("Going")
    late = milestone(MilestoneKind.CHECKPOINT, NOW - timedelta(days=1))
    going.milestones.append(late)
    found = review([*finished, going], Settings(crunch_limit=3), NOW)
    assert [(a.kind, a.deal_ids) for a in found.alerts] == [
        (AlertKind.OVERDUE, ("d-going",))]
    assert all(found.about(over.id) == 0 for over in finished)
    # The Portfolio still shows what each one had next, as it does for an archived deal.
    assert all(over.id in found.next_due for over in finished)


def test_each_alert_is_about_one_deal_or_the_whole_portfolio() -> None:
    alpha = book("Alpha", hours_per_week=30, invoicing_cycle="monthly")
    alpha.milestones.append(milestone(MilestoneKind.CHECKPOINT, NOW - timedelta(days=1)))
    beta = book("Beta", hours_per_week=20, invoicing_cycle="weekly")
    gamma = book("Gamma", invoicing_cycle="quarterly")
    found = review([alpha, beta, gamma], Settings(capacity_hours=40), NOW)
    kinds = {a.kind: a for a in found.alerts}
    assert kinds[AlertKind.OVERDUE].deal_id == "d-alpha"
    assert kinds[AlertKind.CAPACITY].deal_id is None
    assert kinds[AlertKind.ADMIN].deal_id is None
    per_deal = sum(found.about(b.id) for b in (alpha, beta, gamma))
    assert per_deal + found.portfolio_wide == len(found.alerts)
    assert audit([alpha, beta, gamma], Settings(capacity_hours=40), NOW) == found.alerts
