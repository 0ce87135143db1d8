"""Turning what a person typed into the milestone form into a valid Milestone."""

from __future__ import annotations

from datetime import datetime

import arrow
from pydantic import ValidationError

from negtui.domain.calendar import CalendarRefused, zone
from negtui.domain.dates import DateNotUnderstood, parse_when, typed_when
from negtui.domain.durations import parse_minutes
from negtui.domain.ids import new_id
from negtui.domain.messages import plain_messages
from negtui.domain.models import Milestone

Values = dict[str, str]
LABELS = {"kind": "Kind", "title": "Title", "due": "Date and time",
          "duration_minutes": "Duration", "reminder_minutes": "Reminder", "note": "Note"}
"""How the milestone form's fields are named when a value does not fit."""
RENAMED = {"due": "when", "duration_minutes": "duration", "reminder_minutes": "reminder"}


def milestone_from_values(
    typed: Values, existing: Milestone | None, now: datetime, default_zone: str,
) -> tuple[Milestone | None, dict[str, str]]:
    """The milestone the form describes (keeping ``existing``'s id and done state), or the
    problems by field."""
    errors: dict[str, str] = {}
    tz_name = typed.get("zone", "").strip() or default_zone
    due: arrow.Arrow | None = None
    try:
        zone(tz_name)
    except CalendarRefused as error:
        errors["zone"] = str(error)
        # The date is still read (in UTC), so a bad one is said now, not after the zone.
        tz_name = "UTC"
    try:
        text = typed.get("when", "").strip()
        if existing is not None and text == typed_when(existing.due, tz_name):
            # Left as the form showed it: the moment stays exactly as it was saved.
            when = arrow.get(existing.due)
        else:
            when = parse_when(text, arrow.get(now), tz_name)
    except DateNotUnderstood as error:
        errors["when"] = str(error)
    else:
        due = None if "zone" in errors else when
    lengths: dict[str, int | None] = {}
    for name in ("duration", "reminder"):
        try:
            lengths[name] = parse_minutes(typed.get(name, ""))
        except CalendarRefused as error:
            errors[name] = str(error)
    if errors or due is None:
        return None, errors
    # A form without the box (an older caller) leaves the mark as it was.
    share = typed["share"] == "true" if "share" in typed else bool(existing and existing.share)
    try:
        milestone = Milestone(
            id=existing.id if existing else new_id("m"), kind=typed["kind"],
            title=typed.get("title", ""), due=due.datetime,
            duration_minutes=lengths["duration"], reminder_minutes=lengths["reminder"],
            done=existing.done if existing else False, note=typed.get("note", ""),
            share=share,
        )
    except ValidationError as error:
        found = plain_messages(error, LABELS)
        return None, {RENAMED.get(name, name): message for name, message in found.items()}
    return milestone, {}
