"""What a calendar application needs from each event: an end, and a reminder for deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from negtui.domain.book import DealBook
from negtui.domain.calendar import portfolio_entries
from negtui.domain.calendar_defaults import DEADLINE_KINDS
from negtui.domain.models import Deal, Fallback, Milestone, Term
from negtui.domain.vocab import DealStatus, MilestoneKind, TermStatus
from negtui.export.ics import calendar_ics

STAMP = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
DUE = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _every_kind() -> DealBook:
    """One milestone of each kind with no length or reminder set, and a term's deadlines."""
    milestones = [
        Milestone(id=f"m-{number}", kind=kind, due=DUE + timedelta(days=number))
        for number, kind in enumerate(MilestoneKind)
    ]
    return DealBook(
        deal=Deal(id="d-all", name="Every kind", status=DealStatus.ACTIVE,
                  start=date(2026, 11, 1), end=date(2027, 3, 31)),
        milestones=milestones,
        terms=[Term(id="t-rate", name="Day rate", status=TermStatus.OPEN,
                    offer_expires=DUE + timedelta(hours=3),
                    fallback=Fallback(position="780", decide_by=DUE + timedelta(hours=5)))],
    )


def _events(book: DealBook) -> list:
    text = calendar_ics(portfolio_entries([book], UTC), STAMP)
    return Calendar.from_ical(text).walk("VEVENT")


def _kind(event) -> str:
    return event["CATEGORIES"].to_ical().decode()


def _by_kind(events: list) -> dict[str, list]:
    found: dict[str, list] = {}
    for event in events:
        found.setdefault(_kind(event), []).append(event)
    return found


def test_every_event_ends_after_it_starts() -> None:
    events = _events(_every_kind())
    assert len(events) == len(MilestoneKind) + 2 + 2
    for event in events:
        start = event.decoded("DTSTART")
        length = event.decoded("DURATION") if "DURATION" in event else None
        end = start + length if length is not None else event.decoded("DTEND")
        assert end > start, str(event["SUMMARY"])


def test_a_timed_event_without_a_length_gets_the_one_its_kind_usually_takes() -> None:
    by_kind = _by_kind(_events(_every_kind()))
    lengths = {kind: events[0].decoded("DURATION") for kind, events in by_kind.items()
               if "DURATION" in events[0]}
    assert lengths[MilestoneKind.CALL] == timedelta(hours=1)
    assert lengths[MilestoneKind.PREP_BLOCK] == timedelta(hours=1)
    assert lengths[MilestoneKind.CHECKPOINT] == timedelta(minutes=30)
    # A deadline is a short mark starting at the deadline, and keeps the time free.
    offer = by_kind[MilestoneKind.OFFER_EXPIRY]
    assert all(e.decoded("DURATION") == timedelta(minutes=15) for e in offer)
    assert all(str(e["TRANSP"]) == "TRANSPARENT" for e in offer)
    assert str(by_kind[MilestoneKind.CALL][0]["TRANSP"]) == "OPAQUE"


def test_a_length_of_its_own_wins_over_the_kinds() -> None:
    book = _every_kind()
    book.milestones = [Milestone(id="m-prep", kind=MilestoneKind.PREP_BLOCK, due=DUE,
                                 duration_minutes=150)]
    (prep,) = [e for e in _events(book) if _kind(e) == MilestoneKind.PREP_BLOCK]
    assert prep.decoded("DURATION") == timedelta(minutes=150)


def test_all_day_dates_are_dates_that_end_the_next_day() -> None:
    by_kind = _by_kind(_events(_every_kind()))
    (start,) = by_kind["deal start"]
    (end,) = by_kind["deal end"]
    assert start.decoded("DTSTART") == date(2026, 11, 1)
    assert start.decoded("DTEND") == date(2026, 11, 2)
    assert end.decoded("DTSTART") == date(2027, 3, 31)
    assert end.decoded("DTEND") == date(2027, 4, 1)


def test_every_deadline_kind_rings_before_it_with_a_message() -> None:
    by_kind = _by_kind(_events(_every_kind()))
    wanted = {MilestoneKind.SIGNING, MilestoneKind.OFFER_EXPIRY, MilestoneKind.RENEWAL,
              MilestoneKind.DECISION_DEADLINE, MilestoneKind.FALLBACK_DEADLINE,
              MilestoneKind.CHECKPOINT}
    assert wanted <= DEADLINE_KINDS
    for kind in wanted:
        for event in by_kind[kind]:
            (alarm,) = event.walk("VALARM")
            assert str(alarm["ACTION"]) == "DISPLAY"
            trigger = alarm.decoded("TRIGGER")
            assert trigger < timedelta(0), kind
            # The message names what is due and in which deal, and how soon.
            message = str(alarm["DESCRIPTION"])
            assert str(event["SUMMARY"]) in message
            assert message.endswith(" day") or message.endswith(" days") \
                or message.endswith(" weeks"), message
    # Two weeks for a renewal notice, two days for an offer: they need preparing.
    renewal = by_kind[MilestoneKind.RENEWAL][0].walk("VALARM")[0]
    assert renewal.decoded("TRIGGER") == timedelta(days=-14)
    assert all(e.walk("VALARM")[0].decoded("TRIGGER") == timedelta(days=-2)
               for e in by_kind[MilestoneKind.OFFER_EXPIRY])


def test_meetings_ring_only_when_asked_and_nothing_rings_once_done() -> None:
    book = _every_kind()
    by_kind = _by_kind(_events(book))
    assert by_kind[MilestoneKind.CALL][0].walk("VALARM") == []
    book.milestones = [m.model_copy(update={"done": True}) for m in book.milestones]
    book.terms = [book.terms[0].model_copy(update={"status": TermStatus.AGREED})]
    assert all(e.walk("VALARM") == [] for e in _events(book))


def test_a_reminder_of_its_own_wins_over_the_kinds() -> None:
    book = _every_kind()
    book.milestones = [Milestone(id="m-sign", kind=MilestoneKind.SIGNING, due=DUE,
                                 reminder_minutes=90)]
    (sign,) = [e for e in _events(book) if _kind(e) == MilestoneKind.SIGNING]
    (alarm,) = sign.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-90)
    assert str(alarm["DESCRIPTION"]).endswith("in 90 minutes")
