"""The .ics export read back with icalendar: every event, its times, alarm and stable UID."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from negtui.domain.book import DealBook
from negtui.domain.calendar import portfolio_entries
from negtui.domain.models import Deal, Fallback, Milestone, Term
from negtui.domain.vocab import DealStatus, MilestoneKind, TermStatus
from negtui.export.ics import calendar_ics, export_file_name

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)


def _book() -> DealBook:
    return DealBook(
        deal=Deal(id="d-north", name="Northwind", status=DealStatus.NEGOTIATING,
                  start=date(2026, 12, 7)),
        milestones=[
            # Summer time in Berlin, then winter time: the UTC hour differs by one.
            Milestone(id="m-call", kind=MilestoneKind.CALL, title="Second call",
                      due=datetime(2026, 10, 20, 14, 0, tzinfo=BERLIN), duration_minutes=45,
                      reminder_minutes=30),
            Milestone(id="m-sign", kind=MilestoneKind.SIGNING, title="Signature",
                      due=datetime(2026, 11, 3, 14, 0, tzinfo=BERLIN)),
            Milestone(id="m-old", kind=MilestoneKind.PREP_BLOCK, title="Prepared",
                      due=datetime(2026, 10, 1, 9, 0, tzinfo=UTC), reminder_minutes=60,
                      done=True),
        ],
        terms=[Term(id="t-rate", name="Day rate", status=TermStatus.OPEN,
                    fallback=Fallback(position="780", decide_by=datetime(2026, 11, 26, 17,
                                                                         tzinfo=UTC)))],
    )


def _events(text: str) -> dict[str, object]:
    calendar = Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_every_item_becomes_one_event_with_the_right_times() -> None:
    text = calendar_ics(portfolio_entries([_book()], BERLIN), STAMP, "negtui: Northwind")
    calendar = Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]) == "negtui: Northwind"
    assert str(calendar["VERSION"]) == "2.0"
    events = _events(text)
    assert set(events) == {
        "milestone-d-north-m-call@negtui", "milestone-d-north-m-sign@negtui",
        "milestone-d-north-m-old@negtui", "fallback-d-north-t-rate@negtui",
        "deal-start-d-north@negtui",
    }

    call = events["milestone-d-north-m-call@negtui"]
    assert str(call["SUMMARY"]) == "Second call — Northwind"
    assert call.decoded("DTSTART") == datetime(2026, 10, 20, 12, 0, tzinfo=UTC)
    assert call.decoded("DURATION") == timedelta(minutes=45)
    (alarm,) = call.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-30)

    # A signing without a length or reminder of its own gets its kind's.
    sign = events["milestone-d-north-m-sign@negtui"]
    assert sign.decoded("DTSTART") == datetime(2026, 11, 3, 13, 0, tzinfo=UTC)
    assert sign.decoded("DURATION") == timedelta(minutes=30)
    (ring,) = sign.walk("VALARM")
    assert ring.decoded("TRIGGER") == timedelta(days=-1)
    assert str(ring["DESCRIPTION"]) == "Signature — Northwind, in 1 day"

    # A done item is kept, but no longer rings.
    done = events["milestone-d-north-m-old@negtui"]
    assert done.walk("VALARM") == []
    assert "Done." in str(done["DESCRIPTION"])

    fallback = events["fallback-d-north-t-rate@negtui"]
    assert str(fallback["SUMMARY"]) == "Decide on fallback: Day rate — Northwind"
    assert fallback.decoded("DTSTART") == datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
    (reminder,) = fallback.walk("VALARM")
    assert reminder.decoded("TRIGGER") == timedelta(days=-1)

    start = events["deal-start-d-north@negtui"]
    assert start.decoded("DTSTART") == date(2026, 12, 7)
    assert start.decoded("DTEND") == date(2026, 12, 8)
    for event in events.values():
        assert event.decoded("DTSTAMP") == STAMP
        assert event.decoded("LAST-MODIFIED") == STAMP
        assert event.decoded("SEQUENCE") == 0


def test_uids_stay_the_same_from_one_export_to_the_next() -> None:
    first = _events(calendar_ics(portfolio_entries([_book()], BERLIN), STAMP))
    book = _book()
    book.milestones[0] = book.milestones[0].model_copy(
        update={"due": datetime(2026, 10, 21, 15, 0, tzinfo=BERLIN)})
    later = STAMP + timedelta(days=2)
    second = _events(calendar_ics(portfolio_entries([book], BERLIN), later))
    assert set(first) == set(second)
    moved = second["milestone-d-north-m-call@negtui"]
    assert moved.decoded("DTSTART") == datetime(2026, 10, 21, 13, 0, tzinfo=UTC)


def test_lines_end_the_way_the_standard_asks() -> None:
    text = calendar_ics(portfolio_entries([_book()], BERLIN), STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_file_names_are_safe() -> None:
    assert export_file_name(None) == "negtui-calendar.ics"
    named = export_file_name("Quill / content partnership!")
    assert named == "negtui-quill-content-partnership.ics"


def test_a_revision_kept_for_other_content_still_counts_up() -> None:
    from negtui.store.calendar_ledger import Revision

    stale = {"milestone-d-north-m-call@negtui": Revision("not this content", 4, STAMP)}
    later = STAMP + timedelta(days=1)
    events = _events(calendar_ics(portfolio_entries([_book()], BERLIN), later, revisions=stale))
    call = events["milestone-d-north-m-call@negtui"]
    assert call.decoded("SEQUENCE") == 5
    assert call.decoded("LAST-MODIFIED") == later
