"""The calendar's forms: what it shows, review checkpoints to add, a calendar file to write."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

import arrow

from negtui.actions.exports import ExportRefused, export_ics, ics_target
from negtui.actions.records import save_records
from negtui.actions.session import Session
from negtui.domain.book import DealBook
from negtui.domain.calendar import ALL_KINDS, CalendarRefused, review_checkpoints
from negtui.domain.dates import DateNotUnderstood, parse_when
from negtui.domain.words import counted
from negtui.ui.saving import save_from_form
from negtui.ui.screens.milestone_form import describe_when
from negtui.ui.widgets.form import FORM_ERROR, FormField, FormScreen, Values
from negtui.ui.written import notify_written

# The choice that stands for every deal, or every kind.
ALL = "*"


class CalendarView(Protocol):
    """What these forms read from the calendar screen, at the moment they need it."""

    @property
    def session(self) -> Session: ...

    @property
    def tz(self) -> ZoneInfo: ...

    def now(self) -> datetime: ...

    def books(self) -> list[DealBook]: ...

    @property
    def deal_filter(self) -> str | None: ...


class CalendarFilterForm(FormScreen):
    """Which deal and which kind of date the calendar shows; ``chosen`` gets None for all."""

    def __init__(self, books: list[DealBook], deal: str | None, kind: str | None,
                 chosen: Callable[[str | None, str | None], None]) -> None:
        deals = sorted(books, key=lambda b: b.deal.name.casefold())
        fields = [
            FormField("deal", "Deal", "choice",
                      choices=[("All deals", ALL)] + [(b.deal.name, b.id) for b in deals]),
            FormField("kind", "Kind", "choice",
                      choices=[("Every kind", ALL)] + [(k, k) for k in ALL_KINDS]),
        ]

        def submit(typed: Values) -> dict[str, str]:
            chosen(None if typed["deal"] == ALL else typed["deal"],
                   None if typed["kind"] == ALL else typed["kind"])
            return {}

        super().__init__("Show on the calendar", fields,
                         {"deal": deal or ALL, "kind": kind or ALL}, submit)


class CheckpointForm(FormScreen):
    """Review checkpoints every few weeks until the deal ends."""

    def __init__(self, calendar: CalendarView, book: DealBook) -> None:
        fields = [
            FormField("every", "Every how many weeks", placeholder="4"),
            FormField("first", "First checkpoint (optional)", placeholder="e.g. next monday",
                      help="blank: one cadence after the deal starts (or after today)",
                      preview=self.first_preview),
        ]
        super().__init__(f"Review checkpoints until the end · {book.deal.name}", fields,
                         {"every": "4"}, self.add_checkpoints)
        self.calendar = calendar
        self.book = book

    def first_preview(self, text: str) -> str:
        if not text.strip():
            return ""
        return describe_when(text, "", self.calendar.session.portfolio.settings.timezone,
                             self.calendar.now())

    def add_checkpoints(self, typed: Values) -> dict[str, str]:
        calendar, book = self.calendar, self.book
        text = typed.get("every", "").strip()
        if not text.isdigit():
            return {"every": "a whole number of weeks, e.g. 4"}
        first: date | None = None
        if typed.get("first", "").strip():
            try:
                first = parse_when(typed["first"], arrow.get(calendar.now()),
                                   str(calendar.tz)).date()
            except DateNotUnderstood as error:
                return {"first": str(error)}
        try:
            fresh = review_checkpoints(book, int(text), calendar.now(), calendar.tz, first)
        except CalendarRefused as error:
            return {"every": str(error)}
        if not fresh:
            return {FORM_ERROR: "These checkpoints are already on the calendar"}
        return save_from_form(
            self, calendar.session, lambda store: save_records(store, book.id, *fresh),
            f"Added {counted(len(fresh), 'review checkpoint')} to {book.deal.name}",
            deal_id=book.id)


class CalendarExportForm(FormScreen):
    """Every date, or those of the deal in scope, written to an .ics file."""

    SUBMIT = "write the file"

    def __init__(self, calendar: CalendarView, scope: DealBook | None) -> None:
        # Loaded when first used: the iCalendar library is not needed to start the app.
        from negtui.export.ics import export_file_name

        choices = [("Every deal", ALL)]
        if scope is not None:
            choices.append((f"Only {scope.deal.name}", scope.id))
        # What the calendar shows comes first: one deal only when the filter shows one.
        chosen = scope.id if scope is not None and calendar.deal_filter == scope.id else ALL
        root = calendar.session.store.root
        fields = [
            FormField("scope", "Which dates", "choice", choices=choices),
            FormField("path", "File (optional)", placeholder=str(root / export_file_name(None)),
                      help=f"blank: a file in {root}; a relative name is put there too"),
        ]
        super().__init__("Export a calendar file (.ics)", fields, {"scope": chosen},
                         self.write_file)
        self.calendar = calendar
        self.root = root

    def write_file(self, typed: Values) -> dict[str, str]:
        calendar, root = self.calendar, self.root
        book = calendar.session.portfolio.books.get(typed["scope"])
        books = [book] if book is not None else calendar.books()
        name = book.deal.name if book is not None else None
        try:
            target = ics_target(root, typed.get("path", ""), name)
            count = export_ics(root, str(target), books, calendar.tz, calendar.now(), name)
        except ExportRefused as refused:
            return {"path": str(refused)}
        except OSError as error:
            return {"path": f"cannot write there: {error.strerror or error}"}
        notify_written(self, f"{counted(count, 'date')} written to", target,
                       title="Calendar exported")
        return {}
