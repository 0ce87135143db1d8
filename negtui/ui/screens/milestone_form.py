"""The milestone form: its fields, and turning what was typed into a Milestone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import arrow

from negtui.domain.book import DealBook
from negtui.domain.calendar import CalendarRefused, zone
from negtui.domain.dates import DateNotUnderstood, describe_moment, parse_when
from negtui.domain.vocab import MilestoneKind
from negtui.ui.widgets.form import FormField


# Model field -> form field, for messages about a field the form names differently.
def describe_when(text: str, zone_text: str, default_zone: str, now: datetime) -> str:
    """How the typed date and zone are understood, shown under both fields."""
    try:
        tz = zone(zone_text or default_zone)
        return "→ " + describe_moment(parse_when(text, arrow.get(now), str(tz)))
    except (CalendarRefused, DateNotUnderstood) as error:
        return f"? {error}"


def milestone_fields(deals: list[DealBook] | None,
                     preview: Callable[[str], str]) -> list[FormField]:
    """``deals``: the deals to choose from, or None when the deal is already known."""
    fields: list[FormField] = []
    if deals is not None:
        ordered = sorted(deals, key=lambda b: b.deal.name.casefold())
        fields.append(FormField("deal", "Deal", "choice",
                                choices=[(b.deal.name, b.id) for b in ordered]))
    return [
        *fields,
        FormField("kind", "Kind", "choice", choices=[(k.value, k.value) for k in MilestoneKind]),
        FormField("title", "Title", placeholder="e.g. Second call with procurement"),
        FormField("when", "When", placeholder="tomorrow 14:00, next friday, 2027-03-01 09:30",
                  preview=preview),
        FormField("zone", "Time zone", placeholder="e.g. Europe/Berlin",
                  help="the zone the time above is in", preview=preview),
        FormField("duration", "Duration (optional)", placeholder="45m, 1h30"),
        FormField("reminder", "Reminder before (optional)", placeholder="30m, 1d"),
        FormField("note", "Note"),
    ]
