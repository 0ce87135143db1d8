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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event
from icalendar.parser import Contentline

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
_CRLF = b"\r\n"


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


@dataclass(frozen=True)
class RenderedEvent:
    """One event's content serialized once: its own property lines (each folded, with its
    property name), the lines after them (its alarm and its end), and the digest of it all.

    The digest is of the content exactly as it would be written without the revision
    properties, so it matches what earlier exports counted in the ledger."""

    uid: str
    properties: tuple[tuple[str, bytes], ...]
    closing: tuple[bytes, ...]
    digest: str


# icalendar folds a content line once it reaches this many octets.
_FOLD_AT = 75


def _line_bytes(line: Contentline) -> bytes:
    """The line as icalendar writes it. Most lines are short and need no folding, and
    icalendar's fold walks a line character by character whether or not it folds: a
    calendar of thousands of events spent a quarter of its time there."""
    encoded = str(line).encode("utf-8")
    return encoded if len(encoded) < _FOLD_AT else line.to_ical()


def _property_name(line: bytes) -> str:
    return line.split(b":", 1)[0].split(b";", 1)[0].decode("ascii").upper()


def render_event(entry: CalendarEntry) -> RenderedEvent:
    lines = [_line_bytes(line) for line in _content(entry).content_lines() if line]
    digest = hashlib.sha256(_CRLF.join(lines) + _CRLF).hexdigest()
    # BEGIN:VEVENT, the event's own properties, then its alarm (if any) and END:VEVENT.
    body = lines[1:]
    own = next(i for i, line in enumerate(body) if line.startswith((b"BEGIN:", b"END:")))
    return RenderedEvent(event_uid(entry),
                         tuple((_property_name(line), line) for line in body[:own]),
                         tuple(body[own:]), digest)


def render_events(entries: Iterable[CalendarEntry]) -> list[RenderedEvent]:
    """The entries in calendar order (start, then UID), each serialized once."""
    return [render_event(entry) for entry in sorted(entries, key=lambda e: (e.start, e.uid))]


def event_digests(entries: Iterable[CalendarEntry]) -> dict[str, str]:
    """A fingerprint of each event's content by UID: equal exactly when the event would be
    written the same, so a ledger can tell which events changed since the last export."""
    return {event.uid: event.digest for event in render_events(entries)}


def _place(name: str) -> tuple[int, int, str]:
    """Where a property goes among an event's lines: the standard's usual ones first in
    their usual order, the rest by name (the order icalendar writes them in)."""
    usual = Event.canonical_order
    return (0, usual.index(name), "") if name in usual else (1, 0, name)


class _RevisionLines:
    """The lines saying which revision an event is (DTSTAMP, LAST-MODIFIED, SEQUENCE), made
    once for each revision the export gives out: most events share the same few."""

    def __init__(self) -> None:
        self._made: dict[tuple[datetime, int], list[tuple[str, bytes]]] = {}

    def __call__(self, changed: datetime, sequence: int) -> list[tuple[str, bytes]]:
        key = (changed, sequence)
        if key not in self._made:
            probe = Event()
            # The file carries no METHOD, and for such a file the standard reads DTSTAMP as
            # when the event was last revised: the same moment as LAST-MODIFIED.
            probe.add("dtstamp", changed)
            probe.add("last-modified", changed)
            probe.add("sequence", sequence)
            lines = [line.to_ical() for line in probe.content_lines() if line][1:-1]
            self._made[key] = [(_property_name(line), line) for line in lines]
        return self._made[key]


def _revised(event: RenderedEvent, lines: list[tuple[str, bytes]]) -> bytes:
    merged = sorted([*event.properties, *lines], key=lambda named: _place(named[0]))
    return _CRLF.join([b"BEGIN:VEVENT", *(line for _, line in merged), *event.closing]) + _CRLF


def calendar_text(events: Iterable[RenderedEvent], stamp: datetime, name: str = "negtui",
                  revisions: Mapping[str, Revision] | None = None) -> str:
    """Rendered events as one calendar; ``stamp`` is when the export was made.

    ``revisions`` (by UID, from the export ledger) give each event its SEQUENCE and the
    time it last changed; an event without one is new: sequence 0, changed at ``stamp``.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", visible(name))
    head = calendar.to_ical()
    end = b"END:VCALENDAR" + _CRLF
    parts = [head.removesuffix(end)]
    moment = stamp.astimezone(UTC).replace(microsecond=0)
    known = revisions or {}
    revision_lines = _RevisionLines()
    for event in events:
        revision = known.get(event.uid)
        if revision is None:
            sequence, changed = 0, moment
        elif revision.digest != event.digest:
            # Revised for other content than this: count it as changed now, never lower.
            sequence, changed = revision.sequence + 1, moment
        else:
            sequence, changed = revision.sequence, revision.modified
        parts.append(_revised(event, revision_lines(changed, sequence)))
    parts.append(end)
    return b"".join(parts).decode("utf-8")


def calendar_ics(entries: Iterable[CalendarEntry], stamp: datetime, name: str = "negtui",
                 revisions: Mapping[str, Revision] | None = None) -> str:
    """The entries as one calendar (see ``calendar_text``)."""
    return calendar_text(render_events(entries), stamp, name, revisions)


def export_file_name(deal_name: str | None) -> str:
    """A file name for the export: the deal's name made safe, or the whole portfolio."""
    if deal_name is None:
        return "negtui-calendar.ics"
    slug = "".join(ch.lower() if ch.isalnum() else "-" for ch in deal_name)
    slug = "-".join(part for part in slug.split("-") if part)[:48] or "deal"
    return f"negtui-{slug}.ics"
