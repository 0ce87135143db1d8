"""Concessions: the live log of one deal, its balance, call mode and the capture bar.

Keys: ``c`` starts and ends a call, ``g`` / ``r`` open the capture bar for a give or a
receive, ``u`` undoes the last entry (``U`` brings it back), ``e`` edits the focused
entry, ``a`` lists concessions across every deal.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import Header, Input

from negtui.actions import concessions as use
from negtui.actions.concessions import PlannedConcession, active_call
from negtui.domain.balance import call_summary
from negtui.domain.book import DealBook
from negtui.domain.capture import CAPTURE_SYNTAX
from negtui.domain.guards import Guard, needs_confirmation
from negtui.domain.models import Call, Concession
from negtui.domain.positions import with_unit
from negtui.domain.vocab import Direction
from negtui.ui.keys import ALL_DEALS, HISTORY, UNDO, bound_key
from negtui.ui.palette import Role, style
from negtui.ui.saving import save_from_form
from negtui.ui.screens.base import DEEP_FROM
from negtui.ui.screens.concession_edit import edit_fields
from negtui.ui.screens.concessions_drafts import DRAFT_KEY, CaptureDrafts
from negtui.ui.screens.records.calls import ask_who_attended
from negtui.ui.widgets.call_band import band_lines, pinned_text
from negtui.ui.widgets.capture_bar import CaptureBar
from negtui.ui.widgets.concession_log import FLAG_LEGEND, ConcessionLog
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.form import FormScreen
from negtui.ui.widgets.shown import DataTable, Static, markup, plain
from negtui.ui.widgets.term_balance import term_balance

# Below this width the pinned terms sit above the log instead of beside it.
WIDE_ENOUGH = 110
ROOMY = (160, 45)
EMPTY_TEXT = markup("[b]No deal in focus.[/b]\n\nChoose one on the Portfolio screen "
                    "(press 1), then come back with 3.")


# Each side keeps its own half-typed line, brought back by its own key.


class ConcessionsScreen(CaptureDrafts):
    SCREEN_TITLE = "Concessions"
    HELP_LINES = (("enter", "In the bar: save the line typed after g or r"),
                  ("tab", "In the bar: complete the #term or @deal"),
                  *CAPTURE_SYNTAX)
    BINDINGS = [
        Binding("g", "capture('given')", "Gave", id="concessions.give", priority=True),
        Binding("r", "capture('received')", "Got", id="concessions.receive", priority=True),
        Binding("c", "call", "Call start/end", id="concessions.call"),
        Binding(UNDO, "undo", "Undo last", id="concessions.undo"),
        Binding("U", "restore", "Restore undone", show=False, id="concessions.restore"),
        Binding("e", "edit", "Edit", id="concessions.edit", priority=True),
        Binding(ALL_DEALS, "all_deals", "All deals", show=False, id="concessions.all"),
        Binding(HISTORY, "history", "History", show=False, id="concessions.history"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._undone: list[str] = []
        # Entries logged in this window: u takes back only these, never another window's.
        self._logged: list[str] = []
        self._draft_timer: Timer | None = None
        self._warned_line: str | None = None
        self._said: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="band-call", classes="band")
        yield Static(id="band-overall", classes="band")
        with Horizontal(id="body"):
            with Vertical(id="log-side"):
                yield ConcessionLog(id="log")
                yield Static(EMPTY_TEXT, id="log-empty", classes="empty")
                # A tall window adds up the give and take by term under the log.
                by_term = Static(id="term-balance")
                by_term.border_title = "Balance by term"
                yield by_term
            with VerticalScroll(id="pinned"):
                yield Static(id="pinned-text")
        # The entry in focus whole, the row cuts what was conceded short.
        yield Static(id="entry-detail")
        # Its own line under the log, so it is whole at 80 columns whatever the band says.
        yield Static(Text(FLAG_LEGEND, "dim"), id="flag-legend", classes="band")
        yield CaptureBar(id="capture")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.fill()

    def fill(self) -> None:
        self.frame_with_zone("log")
        self.show_deal()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < WIDE_ENOUGH, "narrow")
        # A large window shows what is on the table between calls too, to prepare the next.
        self.set_class(event.size.width >= ROOMY[0] and event.size.height >= ROOMY[1],
                       "-roomy")
        deep = event.size.height >= DEEP_FROM
        if deep != self.has_class("-deep"):
            self.set_class(deep, "-deep")
            self._show_term_balance()
        self._draw_band(event.size.width)

    # Drawing

    @property
    def book(self) -> DealBook | None:
        return self.session.current_book()

    @property
    def table(self) -> ConcessionLog:
        return self.query_one("#log", ConcessionLog)

    def show_deal(self) -> None:
        book = self.book
        self.query_one("#log-empty").display = book is None
        self.table.display = book is not None
        self.set_class(book is None, "-no-deal")
        if book is None:
            self.table.forget()
            self.query_one("#band-call", Static).update("")
            self.query_one("#band-overall", Static).update("")
            self.remove_class("in-call")
            return
        session = self.session
        settings = session.settings
        deals = {deal.id: deal.name for deal in session.glance().deals()}
        if self.table.show(book, deals, settings, session.clock()):
            self._undone.clear()
            kept = use.kept_line(session.store, book.id)
            if kept is not None:
                self.say(f"A half-typed entry was kept: {DRAFT_KEY[kept[0]]} brings it back",
                         seconds=8)
        self._draw_band()
        self.query_one("#pinned-text", Static).update(pinned_text(book, settings))
        self._show_term_balance()
        self._show_entry()

    def _show_term_balance(self) -> None:
        """The balance by term, added up only when a tall window shows it: each entry
        logged would otherwise go over the whole log once more for a hidden pane."""
        book = self.book
        if book is not None and self.has_class("-deep"):
            self.query_one("#term-balance", Static).update(term_balance(book))

    @on(DataTable.RowHighlighted, "#log")
    def _show_entry(self) -> None:
        book = self.book
        detail = self.query_one("#entry-detail", Static)
        text = Text() if book is None else self.table.entry_detail(
            book, self.session.settings.timezone)
        if book is not None and not self.table.row_count:
            text = self._nothing_logged()
        detail.update(text)
        detail.display = bool(text.plain)

    def _nothing_logged(self) -> Text:
        """Under an empty log: how to log the first entry, with the keys as bound."""
        give = bound_key(self, "concessions.give", "g")
        get = bound_key(self, "concessions.receive", "r")
        call = bound_key(self, "concessions.call", "c")
        return Text(f"Nothing logged yet: {give} logs what you gave, {get} what you got "
                    f"(what, then #term, us:3 them:6, =new position; enter). {call} starts "
                    "a call.", "italic")

    def _draw_band(self, screen_width: int | None = None) -> None:
        book = self.book
        if book is None:
            return
        self.set_class(active_call(book) is not None, "in-call")
        # The band's lines are padded by a cell on each side.
        width = (screen_width or self.size.width or self.app.size.width) - 2
        first, second = band_lines(book, self.session.clock(), width)
        self.query_one("#band-call", Static).update(first)
        self.query_one("#band-overall", Static).update(second)

    def _tick(self) -> None:
        book = self.book
        if book is not None and active_call(book) is not None:
            self._draw_band()

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("capture", "call", "undo", "restore", "edit", "all_deals"):
            # While the capture bar has the focus, these letters are text, not commands.
            if isinstance(self.focused, Input):
                return False
            return self.book is not None
        return True

    # What just happened is said on the line under the log, never over the log itself.

    def say(self, text: str, role: Role | None = None, seconds: float = 4.0) -> None:
        line = self.query_one("#flag-legend", Static)
        line.update(Text(text, style(role) if role else "bold", no_wrap=True,
                         overflow="ellipsis"))
        if self._said is not None:
            self._said.stop()
        self._said = self.set_timer(seconds, self._show_legend)

    def _show_legend(self) -> None:
        self._said = None
        self.query_one("#flag-legend", Static).update(Text(FLAG_LEGEND, "dim"))

    @on(CaptureBar.Submitted)
    def _captured(self, event: CaptureBar.Submitted) -> None:
        book = self.book
        bar = self.query_one(CaptureBar)
        if book is None:
            return
        built = use.concession_from_capture(book, event.text, event.direction,
                                            self.session.glance().deals(),
                                            self.session.clock().datetime)
        if isinstance(built, list):
            bar.refuse(built)
            return
        planned = use.plan_concession(book, built, self.session.settings)
        unchecked = [w for w in planned.warnings if w.guard is Guard.UNCOMPARABLE]
        if unchecked and self._warned_line != event.text:
            # Said in the bar first; the same line entered again is logged as it is.
            self._warned_line = event.text
            bar.refuse([unchecked[0].message, "enter again logs it as it is"])
            return
        self._warned_line = None

        def refused() -> None:
            bar.refuse(["not logged; change the line or press escape"])

        self._confirm_then(book, planned, self._write, refused)

    def _confirm_then(self, book: DealBook, planned: PlannedConcession,
                      write: Callable[[DealBook, PlannedConcession], None],
                      refused: Callable[[], None]) -> None:
        """Write at once, or after the user chose to give on a non-negotiable."""
        if not needs_confirmation(planned.warnings):
            write(book, planned)
            return
        concession = planned.concession
        term = next(t for t in book.terms if t.id == concession.term_id)
        lines = [Text.assemble(plain(term.name, "bold", one_line=True),
                               " is a non-negotiable."), Text(""),
                 plain(f"Why: {term.rationale or '(no rationale recorded)'}")]
        if term.consequence:
            lines.append(plain(f"If violated: {term.consequence}"))
        if term.walk_away:
            lines.append(plain(f"Walk-away: {with_unit(term, term.walk_away)}"))
        lines += [plain(f"⚠ {w.message}", "bold") for w in planned.warnings
                  if not w.needs_confirmation]
        lines += [Text(""), plain(f"Log “{concession.what}” as given anyway?")]

        def decided(give: bool | None) -> None:
            if give:
                write(book, planned)
            else:
                refused()

        self.app.push_screen(ConfirmScreen("Give on a non-negotiable?", Text("\n").join(lines),
                                           yes="Give anyway", no="Hold the line",
                                           hand_back=True), decided)

    def _write(self, book: DealBook, planned: PlannedConcession) -> None:
        """Save first; only a concession that reached the disk closes the bar and shows."""
        if not self.save(lambda store: use.save_planned(store, book, planned), None,
                         deal_id=book.id):
            return
        concession = planned.concession
        self._logged.append(concession.id)
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self.query_one(CaptureBar).close()
        self.table.focus()
        use.forget_line(self.session.store, book.id, concession.direction)
        side = "Gave" if concession.direction is Direction.GIVEN else "Got"
        if planned.warnings:
            self.say(f"{side}: {concession.what} — ⚠ "
                     + "; ".join(w.message for w in planned.warnings), Role.WARNING, seconds=8)
        else:
            self.say(f"Logged. {side}: {concession.what}")

    def action_undo(self) -> None:
        book = self.book
        if book is None:
            return
        undone: list[Concession] = []
        mine = set(self._logged)
        if not self.save(lambda store: undone.extend(filter(None, [
                use.undo_last(store, book, mine)])), None, deal_id=book.id):
            return
        if not undone:
            self.say("Nothing logged in this window to undo")
            return
        self._undone.append(undone[0].id)
        self.say(f"Undone: {undone[0].what} (U brings it back)")

    def action_restore(self) -> None:
        book = self.book
        if book is None:
            return
        deleted = {c.id: c for c in book.concessions if c.deleted}
        # Only what this window took back: another window's undo is theirs to restore.
        while self._undone and self._undone[-1] not in deleted:
            self._undone.pop()
        if not self._undone:
            self.say("Nothing undone here to bring back")
            return
        target = deleted[self._undone[-1]]
        planned = use.plan_restore(book, target, self.session.settings)

        def restore(book: DealBook, planned: PlannedConcession) -> None:
            if self.save(lambda store: use.save_planned(store, book, planned), None,
                         deal_id=book.id):
                self._undone.pop()
                self.say(f"Restored: {target.what}")

        self._confirm_then(book, planned, restore, lambda: None)

    def action_call(self) -> None:
        book = self.book
        if book is None:
            return
        now = self.session.clock().datetime
        if active_call(book) is None:
            if self.save(lambda store: use.start_call(store, book, now), None,
                         deal_id=book.id):
                self.say("Call started: c ends it")
            return
        call = active_call(book)
        assert call is not None
        so_far = call_summary([c for c in book.concessions if c.call_id == call.id], book.terms)

        def decided(end: bool | None) -> None:
            if not end:
                return
            ended: list[Call | None] = []
            when = self.session.clock().datetime
            if self.save(lambda store: ended.append(use.end_call(store, book, when)), None,
                         deal_id=book.id) and ended and ended[0] is not None:
                self.say("Call ended: c starts the next one")
                ask_who_attended(self, book.id, ended[0])

        self.app.push_screen(ConfirmScreen("End the call?", f"So far: {so_far}",
                                           yes="End call", no="Keep going", danger=False),
                             decided)

    def action_all_deals(self) -> None:
        from negtui.ui.screens.all_concessions import AllConcessionsScreen

        self.negtui.open_over("all_concessions", AllConcessionsScreen)

    def action_history(self) -> None:
        book, row_key = self.book, self.table.focused_id()
        found = next((c for c in book.concessions if c.id == row_key), None) if book else None
        if book is not None and found is not None:
            self.show_history(book.id, found.id, found.what)

    def action_edit(self) -> None:
        book = self.book
        row_key = self.table.focused_id()
        concession = next((c for c in book.concessions if c.id == row_key), None) if book else None
        if book is None or concession is None:
            return
        fields = edit_fields(book, self.session.glance().books.values())
        self.app.push_screen(FormScreen("Edit entry", fields,
                                        use.edit_values(concession),
                                        lambda values: self._save_edit(book, concession,
                                                                       values)))

    def _save_edit(self, book: DealBook, concession: Concession,
                   values: dict[str, str]) -> dict[str, str]:
        # Checked against the deal as it is now: a change made meanwhile is not undone.
        book = self.session.book(book.id) or book
        planned = use.plan_edit(book, concession, values, self.session.settings)
        if isinstance(planned, dict):
            return planned
        if not needs_confirmation(planned.warnings):
            return save_from_form(self, self.session,
                                  lambda store: use.save_planned(store, book, planned),
                                  "Entry saved", deal_id=book.id)

        def write(book: DealBook, planned: PlannedConcession) -> None:
            self.save(lambda store: use.save_planned(store, book, planned), "Entry saved",
                      deal_id=book.id)

        # Asked once the form has closed, so its closing does not take the question with it.
        self.app.call_later(self._confirm_then, book, planned, write,
                            lambda: self.notify("Edit not saved: the line was held",
                                                severity="warning", timeout=4))
        return {}
