"""The calendar's milestone keys: add, edit, mark done, delete, and the form they share."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import arrow

from negtui.actions.records import change_records, remove_record, save_records
from negtui.domain.book import DealBook
from negtui.domain.calendar import CalendarEntry
from negtui.domain.dates import describe_moment, typed_day, typed_when
from negtui.domain.durations import describe_minutes
from negtui.domain.milestone_input import milestone_from_values
from negtui.domain.models import Milestone
from negtui.domain.vocab import MilestoneKind
from negtui.ui.saving import save_from_form
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.milestone_form import MilestoneForm
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import Values


class MilestoneActions(NegtuiScreen):
    """What the calendar's milestone keys do; the calendar screen holds what they read
    (the day selected, the highlighted item, the deals) and redraws with ``fill``."""

    selected: date | None
    kind_filter: str | None
    agenda_days: int

    if TYPE_CHECKING:
        @property
        def tz(self) -> ZoneInfo: ...

        def now(self) -> datetime: ...

        def today(self) -> date: ...

        def books(self) -> list[DealBook]: ...

        def scope_book(self) -> DealBook | None: ...

        def highlighted_entry(self) -> CalendarEntry | None: ...

        def fill(self, keep: str | None = None, to_day: bool = False) -> None: ...

    def _milestone(self, entry: CalendarEntry) -> tuple[DealBook, Milestone] | None:
        book = self.session.portfolio.books.get(entry.deal_id)
        if book is None:
            return None
        found = next((m for m in book.milestones if m.id == entry.milestone_id), None)
        return (book, found) if found is not None else None

    def _chosen_milestone(self, doing: str) -> tuple[DealBook, Milestone] | None:
        entry = self.highlighted_entry()
        if entry is None:
            where = "" if self.query_one("#agenda-pane").display else " (v shows the upcoming list)"
            self.notify(f"Choose a milestone in the upcoming list to {doing}{where}",
                        severity="warning", timeout=3)
            return None
        selected = self.selected or self.today()
        if not self.query_one("#agenda-pane").display and entry.day(self.tz) != selected:
            # The month alone shows no chosen item: only the selected day's are meant.
            self.notify(f"Nothing on {selected.strftime('%a %d %b')} to {doing}: v shows the "
                        "upcoming list, a adds a milestone", severity="warning", timeout=4)
            return None
        if entry.milestone_id is None:
            where = f"from {entry.origin}" if entry.origin else "from elsewhere"
            self.notify(f"“{entry.label}” comes {where}; change it there",
                        severity="warning", timeout=4)
            return None
        return self._milestone(entry)

    def _milestone_form(self, title: str, values: Values, book: DealBook | None,
                        existing: Milestone | None) -> MilestoneForm:
        def submit(typed: Values) -> dict[str, str]:
            return self._save_milestone(typed, book, existing)

        return MilestoneForm(title, values, self.books() if book is None else None,
                             self.session.portfolio.settings.timezone, self.now, submit)

    def _save_milestone(self, typed: Values, book: DealBook | None,
                        existing: Milestone | None) -> dict[str, str]:
        target = book or self.session.portfolio.books.get(typed.get("deal", ""))
        milestone, errors = milestone_from_values(
            typed, existing, self.now(), self.session.portfolio.settings.timezone)
        if target is None:
            errors["deal"] = "choose a deal"
        if errors or target is None or milestone is None:
            return errors
        deal_id = target.id
        current = self.session.portfolio.books.get(deal_id, target)
        started = [m for m in current.milestones if existing and m.id == existing.id]
        problems = save_from_form(self, self.session,
                                  lambda store: save_records(store, deal_id, milestone,
                                                             expected=started),
                                  f"Milestone saved: {milestone.title or milestone.kind}",
                                  deal_id=deal_id)
        if not problems:
            # The agenda alone stays put for a day it lists: tomorrow stays in sight.
            day, start = arrow.get(milestone.due).to(self.tz).date(), self.selected or self.today()
            if not (self.has_class("-agenda-view")
                    and start <= day < start + timedelta(days=self.agenda_days)):
                self.selected = day
            self.fill(keep=f"milestone-{deal_id}-{milestone.id}")
        return problems

    def action_add(self) -> None:
        if not self.books():
            self.notify("Add a deal first: run negtui demo, or import your deals",
                        severity="warning", timeout=4)
            return
        scope = self.scope_book()
        day = self.selected or self.today()
        values: Values = {
            "deal": scope.id if scope else "",
            "kind": MilestoneKind.CALL.value if self.kind_filter is None
            or self.kind_filter not in {k.value for k in MilestoneKind} else self.kind_filter,
            "when": "" if day == self.today() else f"{typed_day(day)} 09:00",
            "zone": self.session.portfolio.settings.timezone,
        }
        self.app.push_screen(self._milestone_form("New milestone", values, None, None))

    def action_edit(self) -> None:
        chosen = self._chosen_milestone("edit")
        if chosen is None:
            return
        book, milestone = chosen
        tz = self.tz
        values: Values = {
            "kind": milestone.kind.value, "title": milestone.title,
            "when": typed_when(milestone.due, str(tz)),
            "zone": self.session.portfolio.settings.timezone,
            "duration": describe_minutes(milestone.duration_minutes),
            "reminder": describe_minutes(milestone.reminder_minutes),
            "note": milestone.note,
            "share": "true" if milestone.share else "false",
        }
        self.app.push_screen(self._milestone_form(
            f"Edit milestone · {book.deal.name}", values, book, milestone))

    def action_toggle_done(self) -> None:
        chosen = self._chosen_milestone("mark done")
        if chosen is None:
            return
        book, milestone = chosen
        changed = milestone.model_copy(update={"done": not milestone.done})
        word = "Done" if changed.done else "Not done"
        uid = f"milestone-{book.id}-{milestone.id}"
        label = f"{word}: {milestone.title or milestone.kind}"
        if self.save(lambda store: change_records(store, book.id, changed, before=[milestone],
                                                  label=label),
                     f"{label} (u undoes)", deal_id=book.id):
            self.fill(keep=uid)

    def action_delete(self) -> None:
        chosen = self._chosen_milestone("delete")
        if chosen is None:
            return
        book, milestone = chosen
        when = describe_moment(arrow.get(milestone.due).to(self.tz), str(self.tz))

        def decided(yes: bool | None) -> None:
            if yes:
                label = f"Deleted {milestone.title or milestone.kind}"
                self.save(lambda store: remove_record(store, book.id, milestone, label),
                          f"{label} (u undoes)", deal_id=book.id)

        self.app.push_screen(ConfirmScreen(
            "Delete this milestone?",
            f"{milestone.title or milestone.kind} ({milestone.kind})\n{when}\n{book.deal.name}",
            yes="Delete", no="Keep"), decided)
