"""The calendar as an RFC 5545 (.ics) file any calendar application can import.

Each event's UID comes from the ids of what it shows, so importing a newer export updates
the events already imported instead of adding copies. Times are written in UTC, which
every application reads the same way. Text from the data goes in with its control
characters shown as marks (RFC 5545 allows none in text, and a calendar printed to a
terminal must not drive it); the library escapes commas, semicolons and newlines.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from negtui.domain.calendar import CalendarEntry
from negtui.domain.text import visible

PRODUCT_ID = "-//negtui//milestone calendar//EN"
UID_DOMAIN = "negtui"


def event_uid(entry: CalendarEntry) -> str:
    return f"{entry.uid}@{UID_DOMAIN}"


def _event(entry: CalendarEntry, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(entry))
    event.add("dtstamp", stamp)
    event.add("summary", visible(f"{entry.label} — {entry.deal_name}"))
    if entry.all_day:
        event.add("dtstart", entry.start.date())
        event.add("dtend", entry.start.date() + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", entry.start.astimezone(UTC))
        if entry.duration_minutes:
            event.add("duration", timedelta(minutes=entry.duration_minutes))
    event.add("categories", [entry.kind])
    lines = [f"Deal: {entry.deal_name}", f"Kind: {entry.kind}"]
    if entry.origin:
        lines.append(f"From {entry.origin}")
    if entry.note:
        lines.append(entry.note)
    if entry.done:
        lines.append("Done.")
    event.add("description", visible("\n".join(lines), multiline=True))
    if entry.reminder_minutes is not None and not entry.done:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", visible(entry.label))
        alarm.add("trigger", timedelta(minutes=-entry.reminder_minutes))
        event.add_component(alarm)
    return event


def calendar_ics(entries: Iterable[CalendarEntry], stamp: datetime, name: str = "negtui") -> str:
    """The entries as one calendar; ``stamp`` is when the export was made (DTSTAMP)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", visible(name))
    moment = stamp.astimezone(UTC).replace(microsecond=0)
    for entry in sorted(entries, key=lambda e: (e.start, e.uid)):
        calendar.add_component(_event(entry, moment))
    return calendar.to_ical().decode("utf-8")


def export_file_name(deal_name: str | None) -> str:
    """A file name for the export: the deal's name made safe, or the whole portfolio."""
    if deal_name is None:
        return "negtui-calendar.ics"
    slug = "".join(ch.lower() if ch.isalnum() else "-" for ch in deal_name)
    slug = "-".join(part for part in slug.split("-") if part)[:48] or "deal"
    return f"negtui-{slug}.ics"
