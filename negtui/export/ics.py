"""The calendar as an RFC 5545 (.ics) file any calendar application can import.

Each event's UID comes from the ids of what it shows, so importing a newer export updates
the events already imported instead of adding copies, and its SEQUENCE (counted in the
data folder's export ledger) goes up whenever the event changed, so applications take the
newer version. Every event has an end, and every deadline a reminder. Times are written
in UTC, which every application reads the same way.
Text from the data goes in with its control characters shown as marks (RFC 5545
allows none in text, and a calendar printed to a terminal must not drive it); the library
escapes commas, semicolons and newlines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from negtui.domain.calendar import CalendarEntry
from negtui.domain.calendar_defaults import (
    defaults_for,
    lead_in_words,
    lead_minutes,
    planned_minutes,
)
from negtui.domain.text import visible
from negtui.store.calendar_ledger import Revision

PRODUCT_ID = "-//negtui//milestone calendar//EN"
UID_DOMAIN = "negtui"


def event_uid(entry: CalendarEntry) -> str:
    return f"{entry.uid}@{UID_DOMAIN}"


def _alarm(entry: CalendarEntry) -> Alarm | None:
    """A reminder for what is still to be done: the item's own, else its kind's."""
    lead = lead_minutes(entry.kind, entry.reminder_minutes)
    if lead is None or entry.done:
        return None
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description",
              visible(f"{entry.label} — {entry.deal_name}, {lead_in_words(lead)}"))
    alarm.add("trigger", timedelta(minutes=-lead))
    return alarm


def _content(entry: CalendarEntry) -> Event:
    """The event without the properties that say which revision it is."""
    event = Event()
    event.add("uid", event_uid(entry))
    event.add("summary", visible(f"{entry.label} — {entry.deal_name}"))
    if entry.all_day:
        event.add("dtstart", entry.start.date())
        event.add("dtend", entry.start.date() + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        # Every event has an end: one without makes some applications drop it or show it
        # as taking no time at all.
        minutes = planned_minutes(entry.kind, entry.duration_minutes)
        event.add("dtstart", entry.start.astimezone(UTC))
        event.add("duration", timedelta(minutes=minutes))
        event.add("transp", "OPAQUE" if defaults_for(entry.kind).busy else "TRANSPARENT")
    event.add("categories", [entry.kind])
    lines = [f"Deal: {entry.deal_name}", f"Kind: {entry.kind}"]
    if entry.origin:
        lines.append(f"From {entry.origin}")
    if entry.note:
        lines.append(entry.note)
    if entry.done:
        lines.append("Done.")
    event.add("description", visible("\n".join(lines), multiline=True))
    alarm = _alarm(entry)
    if alarm is not None:
        event.add_component(alarm)
    return event


def _digest(event: Event) -> str:
    return hashlib.sha256(event.to_ical()).hexdigest()


def event_digests(entries: Iterable[CalendarEntry]) -> dict[str, str]:
    """A fingerprint of each event's content by UID: equal exactly when the event would be
    written the same, so a ledger can tell which events changed since the last export."""
    return {event_uid(entry): _digest(_content(entry)) for entry in entries}


def calendar_ics(entries: Iterable[CalendarEntry], stamp: datetime, name: str = "negtui",
                 revisions: Mapping[str, Revision] | None = None) -> str:
    """The entries as one calendar; ``stamp`` is when the export was made.

    ``revisions`` (by UID, from the export ledger) give each event its SEQUENCE and the
    time it last changed; an event without one is new: sequence 0, changed at ``stamp``.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", visible(name))
    moment = stamp.astimezone(UTC).replace(microsecond=0)
    known = revisions or {}
    for entry in sorted(entries, key=lambda e: (e.start, e.uid)):
        event = _content(entry)
        revision = known.get(event_uid(entry))
        if revision is None:
            sequence, changed = 0, moment
        elif revision.digest != _digest(event):
            # Revised for other content than this: count it as changed now, never lower.
            sequence, changed = revision.sequence + 1, moment
        else:
            sequence, changed = revision.sequence, revision.modified
        # The file carries no METHOD, and for such a file the standard reads DTSTAMP as
        # when the event was last revised: the same moment as LAST-MODIFIED.
        event.add("dtstamp", changed)
        event.add("last-modified", changed)
        event.add("sequence", sequence)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def export_file_name(deal_name: str | None) -> str:
    """A file name for the export: the deal's name made safe, or the whole portfolio."""
    if deal_name is None:
        return "negtui-calendar.ics"
    slug = "".join(ch.lower() if ch.isalnum() else "-" for ch in deal_name)
    slug = "-".join(part for part in slug.split("-") if part)[:48] or "deal"
    return f"negtui-{slug}.ics"
