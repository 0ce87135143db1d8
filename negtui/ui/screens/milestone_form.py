"""The milestone form: its fields, and how the typed date and zone are read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import arrow
from textual import on
from textual.css.query import NoMatches
from textual.widgets import Input

from negtui.domain.book import DealBook
from negtui.domain.calendar import CalendarRefused, zone
from negtui.domain.dates import (
    DAY,
    SHORT_DAY,
    TIME,
    DateNotUnderstood,
    describe_moment,
    parse_when,
)
from negtui.domain.vocab import MilestoneKind
from negtui.ui.widgets.form import FormField, FormScreen, Values


def describe_when(text: str, zone_text: str, default_zone: str, now: datetime,
                  under: str = "") -> str:
    """How the typed date and zone are understood, shown under both fields; nothing until
    a date is typed (an empty form is not a mistake yet). A problem is said once, under
    the field ``under`` it belongs to ("when" or "zone"; either, when not given)."""
    if not text.strip():
        return ""
    name = (zone_text or default_zone).strip()
    try:
        tz = zone(name)
    except CalendarRefused as error:
        return str(error) if under != "when" else ""
    try:
        moment = parse_when(text, arrow.get(now), str(tz))
    except DateNotUnderstood as error:
        return str(error) if under != "zone" else ""
    try:
        home = zone(default_zone)
    except CalendarRefused:
        home = tz
    if home.key == tz.key:
        return "→ " + describe_moment(moment, name)
    # In another zone than the calendar's: also when that is on the calendar, which says
    # the offset better than "+09:00" would.
    there = moment.to(home.key)
    on = TIME if there.date() == moment.date() else f"ddd {SHORT_DAY} {TIME}"
    return f"→ {moment.format(f'{DAY} {TIME}')} {name}, {there.format(on)} {home.key}"


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
        FormField("when", "When", placeholder="tomorrow 14:00, next friday, 01 Mar 2027 09:30",
                  preview=lambda text: preview("when")),
        FormField("zone", "Time zone", placeholder="e.g. Europe/Berlin",
                  help="the zone the time above is in", preview=lambda text: preview("zone")),
        FormField("duration", "Duration (optional)", placeholder="45m, 1h30"),
        FormField("reminder", "Reminder before (optional)", placeholder="30m, 1d"),
        FormField("note", "Note"),
        FormField("share", "Share this date", "bool",
                  help="calls, signing, kickoff, reviews, renewal and follow-ups are always in "
                       "the shared dossier; other kinds only when ticked. Never the note"),
    ]


class MilestoneForm(FormScreen):
    """A new or existing milestone; ``deals`` to choose from, or None when the deal is known.

    The date and the zone are read back together under both fields as either is typed.
    """

    def __init__(self, title: str, values: Values, deals: list[DealBook] | None,
                 default_zone: str, now: Callable[[], datetime],
                 submit: Callable[[Values], dict[str, str]]) -> None:
        super().__init__(title, milestone_fields(deals, self.when_preview), values, submit)
        self.default_zone = default_zone
        self.now = now

    @on(Input.Changed, "#field-when, #field-zone")
    def _read_back_both(self) -> None:
        """Either field changes how the date is read: say it again under both."""
        for spec in self.fields:
            if spec.name in ("when", "zone"):
                self._update_preview(spec, "")

    def when_preview(self, under: str) -> str:
        try:
            current = self.values()
        except NoMatches:
            return ""
        return describe_when(current.get("when", ""), current.get("zone", ""),
                             self.default_zone, self.now(), under)
