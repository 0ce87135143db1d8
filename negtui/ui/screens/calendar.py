"""Calendar: every dated item of every deal, month by month, with the agenda beside it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import arrow
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Header

from negtui.actions.records import change_records, remove_record, save_records
from negtui.domain.book import DealBook
from negtui.domain.calendar import (
    CalendarEntry,
    CalendarRefused,
    CallWarning,
    calendar_entries,
    call_warnings,
    checkpoints_refusal,
    filter_entries,
    overdue_days,
    shift_month,
    zone,
)
from negtui.domain.dates import describe_moment, typed_day, typed_when
from negtui.domain.durations import describe_minutes
from negtui.domain.milestone_input import milestone_from_values
from negtui.domain.models import Milestone
from negtui.domain.vocab import MilestoneKind
from negtui.ui.keys import DELETE, EXPORT
from negtui.ui.saving import save_from_form
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.calendar_forms import (
    CalendarExportForm,
    CalendarFilterForm,
    CheckpointForm,
)
from negtui.ui.screens.calendar_layout import (
    AGENDA_CHROME,
    NO_DEALS_TEXT,
    WIDE,
    agenda_columns,
    agenda_fit,
    agenda_title,
    beyond,
    status_line,
    warning_lines,
)
from negtui.ui.screens.milestone_form import MilestoneForm
from negtui.ui.widgets.agenda_list import AgendaList, agenda_width
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.form import Values
from negtui.ui.widgets.month_grid import MonthGrid
from negtui.ui.widgets.shown import OptionList, Static

READING_TEXT = "Reading every deal's dates…"


class CalendarScreen(NegtuiScreen):
    SCREEN_TITLE = "Calendar"
    # Narrow terminals show the grid or the agenda; wide ones show both side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS = [
        Binding("a", "add", "Add", id="calendar.add", priority=True),
        Binding("e", "edit", "Edit", id="calendar.edit", priority=True),
        Binding("space", "toggle_done", "Done", id="calendar.done"),
        Binding(DELETE, "delete", "Delete", id="calendar.delete"),
        Binding("v", "switch_view", "Month/upcoming", id="calendar.view"),
        Binding("left_square_bracket", "month(-1)", "Month before", show=False,
                id="calendar.month_before"),
        Binding("right_square_bracket", "month(1)", "Month after", show=False,
                id="calendar.month_after"),
        Binding("t", "today", "Today", show=False, id="calendar.today"),
        Binding("f", "filter", "Filter", id="calendar.filter", priority=True),
        Binding("g", "checkpoints", "Checkpoints", show=False, id="calendar.checkpoints",
                priority=True),
        Binding(EXPORT, "export", "Export .ics", id="calendar.export", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.selected: date | None = None
        self.deal_filter: str | None = None
        self.kind_filter: str | None = None
        self.entries: dict[str, CalendarEntry] = {}
        self.warnings: list[CallWarning] = []
        self.agenda_needs = 0  # the columns of the agenda's longest line, frame included
        self.agenda_size = (0, 0)  # the agenda's when it was last filled
        self.agenda_days = 1  # and the days it covers
        self._reading = False  # the folder was still being read at the last fill
        self._bringing: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="calendar-status")
        yield Static(id="calendar-warnings")
        yield Static(NO_DEALS_TEXT, id="calendar-empty", classes="empty")
        with Horizontal(id="calendar-body"):
            with Vertical(id="grid-pane"):
                yield MonthGrid(id="month-grid")
            with Vertical(id="agenda-pane"):
                yield Static(id="agenda-title")
                yield AgendaList(id="agenda")
        yield KeyFooter()

    # Where the data comes from

    @property
    def tz(self) -> ZoneInfo:
        try:
            return zone(self.session.settings.timezone)
        except CalendarRefused:
            return ZoneInfo("UTC")

    def now(self) -> datetime:
        return self.session.clock().datetime

    def today(self) -> date:
        return self.now().astimezone(self.tz).date()

    def books(self) -> list[DealBook]:
        return [b for b in self.session.portfolio.books.values() if not b.deal.archived]

    def scope_book(self) -> DealBook | None:
        """The deal the filter shows, else the deal in focus."""
        if self.deal_filter is not None:
            return self.session.portfolio.books.get(self.deal_filter)
        return self.session.current_book()

    # Refreshing

    def on_mount(self) -> None:
        self.selected = self.today()
        self.query_one("#month-grid", MonthGrid).focus()
        self.fill()
        self._bring_now()

    def fill(self, keep: str | None = None, to_day: bool = False) -> None:
        """Redraw from the portfolio; ``keep`` stays highlighted, or with ``to_day`` the
        first item of the selected day."""
        if not self.session.complete:
            self._wait_for_the_read()
            return
        if self._reading:
            self._reading = False
            self.query_one("#calendar-empty", Static).update(NO_DEALS_TEXT)
        tz, now = self.tz, self.now()
        selected = self.selected or self.today()
        if self.deal_filter not in self.session.portfolio.books:
            self.deal_filter = None
        books = self.books()
        everything = calendar_entries(books, tz)
        shown = filter_entries(everything, self.deal_filter, self.kind_filter)
        self.entries = {e.uid: e for e in shown}
        self.warnings = [w for w in call_warnings(books, now, tz)
                         if w.call.uid in self.entries]
        self.query_one("#calendar-empty").display = not books
        self.query_one("#calendar-body").display = bool(books)
        grid = self.query_one("#month-grid", MonthGrid)
        grid.show(selected, self.today(), shown, overdue_days(shown, now, tz), tz)
        self._fill_status(shown, now)
        self._fill_warnings()
        self._fill_agenda(shown, selected, keep, to_day)
        if self._bringing is not None:
            self._bring_now()  # asked for while the folder was still being read

    def _wait_for_the_read(self) -> None:
        """Shown at once while the folder is still being read (every deal's dates come
        from its file); drawn when the read ends and the portfolio is reloaded."""
        self._reading = True
        self.entries, self.warnings = {}, []
        empty = self.query_one("#calendar-empty", Static)
        empty.update(READING_TEXT)
        empty.display = True
        self.query_one("#calendar-body").display = False
        self.query_one("#calendar-status", Static).update("")
        self._fill_warnings()

    def on_resize(self, event: Resize) -> None:
        self._fill_warnings()
        self._split()

    def _split(self) -> None:
        """Side by side, month and agenda share the width by what each shows."""
        columns = agenda_columns(self.size.width, self.agenda_needs)
        self.query_one("#agenda-pane").styles.width = columns

    def _fill_status(self, shown: list[CalendarEntry], now: datetime) -> None:
        deal = self.session.portfolio.books.get(self.deal_filter or "")
        self.query_one("#calendar-status", Static).update(status_line(
            deal.deal.name if deal else None, self.kind_filter, shown, now,
            self.session.portfolio.settings.timezone))

    def _fill_warnings(self) -> None:
        box = self.query_one("#calendar-warnings", Static)
        box.display = bool(self.warnings)
        if self.warnings:
            text = warning_lines(self.warnings, self.size.height)
            box.update(text)
            box.styles.height = len(text.split())

    def _fill_agenda(self, shown: list[CalendarEntry], selected: date,
                     keep: str | None, to_day: bool) -> None:
        tz, now, today = self.tz, self.now(), self.today()
        listing = self.query_one("#agenda", AgendaList)
        problems = {w.call.uid: w.problem for w in self.warnings}
        page = agenda_fit(shown, selected, listing, now, tz, problems)
        self.agenda_size = (listing.size.width, listing.size.height)
        self.agenda_days = (page.last - selected).days + 1
        # The upcoming list's first line says which days.
        self.query_one("#agenda-title", Static).update(agenda_title(selected, page.last))
        self.agenda_needs = agenda_width(shown, now, problems) + AGENDA_CHROME
        self._split()
        listing.show(page, selected, today, now, tz, problems, self._filtered(), keep, to_day)

    @on(AgendaList.Resized)
    def _agenda_resized(self, event: AgendaList.Resized) -> None:
        """Filled again for the rows and width the agenda has now."""
        if (event.width, event.height) != self.agenda_size:
            self.fill()

    @on(AgendaList.Beyond)
    def _beyond(self, event: AgendaList.Beyond) -> None:
        """Past the last item or before the first, the agenda starts on another day."""
        listed = {option.id for option in self.query_one(AgendaList).options if option.id}
        day = beyond(list(self.entries.values()), listed, self.selected or self.today(),
                     event.direction, self.tz)
        if day is not None:
            self._move_to(day)

    def _filtered(self) -> bool:
        return self.deal_filter is not None or self.kind_filter is not None

    def highlighted_uid(self) -> str | None:
        return self.query_one("#agenda", AgendaList).highlighted_uid()

    def highlighted_entry(self) -> CalendarEntry | None:
        return self.entries.get(self.highlighted_uid() or "")

    # Moving around

    def bring(self, uid: str) -> None:
        """Show the item ``uid`` highlighted in the agenda of its day; a filter that would
        hide it is cleared. Asked before the screen is drawn, it is done once it is."""
        self._bringing = uid
        if self.is_mounted:
            self._bring_now()

    def _bring_now(self) -> None:
        if not self.session.complete:
            return  # every deal's dates are not read yet: done when the screen fills
        uid, self._bringing = self._bringing, None
        if uid is None:
            return
        everything = calendar_entries(self.books(), self.tz)
        entry = next((e for e in everything if e.uid == uid), None)
        if entry is None:
            return
        if not filter_entries([entry], self.deal_filter, self.kind_filter):
            self.deal_filter = self.kind_filter = None
        self.selected = entry.day(self.tz)
        self.add_class("-agenda-view")
        self.fill(keep=uid)
        self.query_one("#agenda", AgendaList).focus()

    @on(MonthGrid.DayChanged)
    def _day_changed(self, event: MonthGrid.DayChanged) -> None:
        self.selected = event.day
        self.fill(to_day=True)

    @on(MonthGrid.DayChosen)
    def _day_chosen(self) -> None:
        self.add_class("-agenda-view")
        self.query_one("#agenda", OptionList).focus()

    @on(OptionList.OptionSelected, "#agenda")
    def _option_selected(self) -> None:
        self.action_edit()

    def _move_to(self, day: date) -> None:
        self.query_one("#month-grid", MonthGrid).selected = day

    def action_month(self, months: int) -> None:
        self._move_to(shift_month(self.selected or self.today(), months))

    def action_today(self) -> None:
        self._move_to(self.today())

    def action_switch_view(self) -> None:
        grid = self.query_one("#month-grid", MonthGrid)
        if self.has_class("-agenda-view") or (self.has_class("-wide") and not grid.has_focus):
            self.remove_class("-agenda-view")
            grid.focus()
        else:
            self.add_class("-agenda-view")
            self.query_one("#agenda", OptionList).focus()

    # Milestones

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

    # Filters, checkpoints, export

    def action_filter(self) -> None:
        def chosen(deal: str | None, kind: str | None) -> None:
            self.deal_filter, self.kind_filter = deal, kind
            self.fill()

        self.app.push_screen(CalendarFilterForm(self.books(), self.deal_filter,
                                                self.kind_filter, chosen))

    def action_checkpoints(self) -> None:
        book = self.scope_book()
        if book is None:
            self.notify("Choose a deal first (on the portfolio, or with f)", severity="warning")
            return
        refusal = checkpoints_refusal(book)
        if refusal is not None:
            self.notify(refusal, title="No checkpoints", severity="warning", timeout=5)
            return
        self.app.push_screen(CheckpointForm(self, book))

    def action_export(self) -> None:
        self.app.push_screen(CalendarExportForm(self, self.scope_book()))
