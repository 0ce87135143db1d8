"""Calendar: every dated item of every deal, month by month, with the agenda beside it."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Header

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
from negtui.ui.keys import DELETE, EXPORT
from negtui.ui.screens.calendar_actions import MilestoneActions
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
from negtui.ui.widgets.agenda_list import AgendaList, agenda_width
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.month_grid import MonthGrid
from negtui.ui.widgets.shown import OptionList, Static

READING_TEXT = "Reading every deal's dates…"


class CalendarScreen(MilestoneActions):
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
