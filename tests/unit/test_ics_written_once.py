"""The calendar file, written from each event serialized once, is byte for byte the one the
calendar library writes from the whole calendar, and the ledger digests are unchanged.

Those digests are kept in data folders by earlier exports: a different digest for the same
event would count every event as changed once, and calendar applications would see a
revision of every event that nothing changed.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from negtui.demo import demo_portfolio
from negtui.domain.book import DealBook
from negtui.domain.calendar import CalendarEntry, portfolio_entries
from negtui.domain.clock import fixed_clock
from negtui.domain.models import Deal, Fallback, Milestone, Term
from negtui.domain.vocab import DealStatus, MilestoneKind, TermStatus
from negtui.export import ics
from negtui.store.calendar_ledger import Revision

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = datetime(2026, 11, 21, 10, 0, 7, 123456, tzinfo=UTC)
EARLIER = datetime(2026, 10, 2, 8, 30, tzinfo=UTC)


def _awkward() -> DealBook:
    """Text that folds in the middle of multi-byte letters and escapes, and control marks."""
    long_note = ("Ärger über Öl — ünd ñ " * 9) + "\\;,\n" + ("x" * 73) + ";" + ("é" * 40)
    return DealBook(
        deal=Deal(id="d-awk", name="Zoë's \x1b[31mred\x1b[0m, deal; « quoted »",
                  status=DealStatus.NEGOTIATING, start=date(2026, 12, 7)),
        milestones=[
            Milestone(id="m-1", kind=MilestoneKind.CALL, title="Call " + "ü" * 60,
                      due=datetime(2026, 11, 20, 14, 0, tzinfo=BERLIN), duration_minutes=45,
                      reminder_minutes=30, note=long_note),
            Milestone(id="m-2", kind=MilestoneKind.REVIEW, title="Done review",
                      due=datetime(2026, 11, 22, 9, 0, tzinfo=UTC), done=True),
        ],
        terms=[Term(id="t-1", name="Rate;with,marks\\", status=TermStatus.OPEN,
                    offer_expires=datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
                    fallback=Fallback(position="780", decide_by=datetime(2026, 11, 26, 17,
                                                                         tzinfo=UTC)))],
    )


def _entries() -> list[CalendarEntry]:
    _, books = demo_portfolio(fixed_clock("2026-11-21T10:00:00+00:00"))
    return portfolio_entries([*books, _awkward()], BERLIN)


def _as_the_library_writes_it(entries: list[CalendarEntry], stamp: datetime, name: str,
                              revisions: dict[str, Revision]) -> str:
    """The whole calendar built as one tree and written by icalendar in one go."""
    calendar = Calendar()
    calendar.add("prodid", ics.PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", ics.visible(name))
    moment = stamp.astimezone(UTC).replace(microsecond=0)
    for entry in sorted(entries, key=lambda e: (e.start, e.uid)):
        event = ics._content(entry)
        digest = hashlib.sha256(event.to_ical()).hexdigest()
        revision = revisions.get(ics.event_uid(entry))
        if revision is None:
            sequence, changed = 0, moment
        elif revision.digest != digest:
            sequence, changed = revision.sequence + 1, moment
        else:
            sequence, changed = revision.sequence, revision.modified
        event.add("dtstamp", changed)
        event.add("last-modified", changed)
        event.add("sequence", sequence)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def test_digests_are_those_earlier_exports_kept() -> None:
    entries = _entries()
    assert len(entries) > 30
    expected = {ics.event_uid(entry): hashlib.sha256(ics._content(entry).to_ical()).hexdigest()
                for entry in entries}
    assert ics.event_digests(entries) == expected


def test_the_file_is_the_one_the_library_writes_for_new_kept_and_changed_events() -> None:
    entries = _entries()
    digests = ics.event_digests(entries)
    uids = sorted(digests)
    # A third unchanged since an earlier export, a third changed since, a third new.
    revisions = {uid: Revision(digests[uid], 3, EARLIER) for uid in uids[0::3]}
    revisions |= {uid: Revision("other content", 7, EARLIER) for uid in uids[1::3]}
    name = "negtui: Zoë \x07 and co"
    written = ics.calendar_ics(entries, STAMP, name, revisions)
    assert written == _as_the_library_writes_it(entries, STAMP, name, revisions)
    events = Calendar.from_ical(written).walk("VEVENT")
    assert {int(e["SEQUENCE"]) for e in events} == {0, 3, 8}
    assert any(e.walk("VALARM") for e in events)


def test_an_empty_calendar_is_the_one_the_library_writes() -> None:
    assert ics.calendar_ics([], STAMP + timedelta(days=1)) == \
        _as_the_library_writes_it([], STAMP + timedelta(days=1), "negtui", {})
