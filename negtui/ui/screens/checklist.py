"""The checklist: walk the deal in focus through the ten preparation phases.

Items the deal's data can prove are checked by the app; the others are ticked with space.
Enter on an item opens the place where its work is done.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header
from textual.widgets.option_list import Option

from negtui.actions.portfolio import tick
from negtui.domain.book import DealBook
from negtui.domain.checklist import ItemState, PhaseState, TickRefused, evaluate, toggled
from negtui.domain.lessons import all_lessons, related
from negtui.domain.words import counted
from negtui.ui.keys import EXPORT, EXPORT_SHARED
from negtui.ui.palette import Role, style
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.lessons import LessonsScreen
from negtui.ui.screens.preparation import open_records
from negtui.ui.screens.records import EDITORS
from negtui.ui.screens.records.deal_fields import GROUPS, deal_group_form
from negtui.ui.screens.share_preview import export_from
from negtui.ui.widgets.deal_facts import Hanging, Piece
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.shown import OptionList, Static, markup, plain

NO_DEAL = markup(
    "[b]No deal in focus.[/b]\n\n"
    "Press [b]1[/b] for the portfolio, move the cursor to a deal, then press [b]5[/b]\n"
    "to walk it through the ten phases.\n\n"
    "No deals yet? Quit (ctrl+q) and run [b]negtui demo[/b] to explore with sample data."
)

SCREEN_NAMES = {
    "terms": "the term matrix", "calendar": "the calendar",
    "concessions": "the concession log", "portfolio": "the portfolio",
}


def where(opens: str) -> str:
    """What enter does on an item, in words."""
    if opens in SCREEN_NAMES:
        return f"opens {SCREEN_NAMES[opens]}"
    if opens.startswith("record:"):
        return f"opens {EDITORS[opens.removeprefix('record:')].title.lower()}"
    if opens.startswith("deal:"):
        group = opens.removeprefix("deal:")
        title = "research notes" if group == "research" else GROUPS[group][0].lower()
        return f"opens a form: {title}"
    if opens == "lessons":
        return "opens lessons across deals"
    return "exports the dossier"


def _mark(state: ItemState) -> Text:
    if state.computed:
        return Text("(✓)" if state.done else "( )",
                    style=style(Role.GOOD if state.done else Role.WARNING))
    return Text("[x]" if state.done else "[ ]", style=style(Role.GOOD) if state.done else "")


def _item_prompt(state: ItemState) -> Table:
    """The mark, then the item's words, which wrap under themselves, not under the mark."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(_mark(state), Text(state.item.text))
    return grid


def still_open(states: list[PhaseState], current: int) -> list[Text]:
    """What is left to do in every phase but ``current``, phase by phase, in order."""
    lines: list[Text] = []
    for index, state in enumerate(states):
        left = [item for item in state.items if not item.done]
        if index == current or not left:
            continue
        lines.append(Text.assemble((f"{state.phase.number}. {state.phase.title}", "bold"),
                                   (f"  {state.done}/{state.total}", "dim")))
        lines += [Text.assemble("  ", _mark(item), " ", item.item.text) for item in left]
    return lines or [Text("Every other phase is done.", style(Role.GOOD))]


class StillOpen(Static):
    """The lines of ``still_open`` in the rows the pane has; the last one says how many
    items did not fit."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Text] = []

    def show(self, lines: list[Text]) -> None:
        self._lines = lines
        self._draw()

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        rows = self.content_size.height
        lines = self._lines
        if rows and len(lines) > rows:
            left = sum(1 for line in lines[rows - 1:] if line.plain.startswith("  "))
            lines = [*lines[:rows - 1], Text(f"… and {counted(left, 'more item')}",
                                             style="dim")]
        text = Text("\n").join(lines)
        text.no_wrap, text.overflow = True, "ellipsis"
        self.update(text)


# From this many rows each phase has a second line: how far along it is, as a bar.
BARS_FROM = 50
BAR_WIDTH = 18


def _phase_prompt(state: PhaseState, bar: bool = False) -> Text:
    phase = state.phase
    shade = style(Role.GOOD) if state.complete else ""
    prompt = Text.assemble(f"{phase.number:<3}", (f"{phase.short:<18}", shade),
                           (f"{state.done:>2}/{state.total:<2}", shade or "dim"))
    if bar:
        share = state.done / state.total if state.total else 1.0
        filled = round(share * BAR_WIDTH)
        prompt.append_text(Text.assemble(
            "\n   ", ("█" * filled, shade or "bold"), ("░" * (BAR_WIDTH - filled), "dim"),
            (f" {round(share * 100):>3}%", shade)))
    return prompt


class ChecklistScreen(NegtuiScreen):
    SCREEN_TITLE = "Checklist"
    BINDINGS = [
        Binding("space", "tick", "Tick", id="checklist.tick"),
        Binding("n", "next_phase", "Next phase", id="checklist.next"),
        Binding("p", "previous_phase", "Previous phase", id="checklist.previous"),
        Binding("enter", "open_item", "Open", id="checklist.open", priority=True),
        Binding(EXPORT, "export_dossier(False)", "Dossier", id="checklist.dossier"),
        Binding(EXPORT_SHARED, "export_dossier(True)", "Shared dossier",
                id="checklist.shared_dossier"),
        Binding("L", "lessons", "All lessons", id="checklist.lessons"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.phase_index = 0
        self.deal_id: str | None = None
        self.states: list[PhaseState] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="checklist-deal")
        yield Static(NO_DEAL, id="checklist-empty", classes="empty")
        with Horizontal(id="checklist-body"):
            phases = OptionList(id="phases")
            phases.border_title = "Phases"  # n and p, in the footer, walk them
            yield phases
            with Vertical(id="phase-side"):
                yield Static(id="phase-heading")
                items = OptionList(id="items")
                # What the two marks mean; the line under the items says what enter opens.
                items.border_title = "[ ] you tick (space) · ( ) the app checks"
                yield items
                yield Hanging(id="item-detail")
                remaining = StillOpen(id="still-open")
                remaining.border_title = "Still open in the other phases"
                yield remaining
        yield Hanging(id="checklist-hints")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#items", OptionList).focus()

    def on_resize(self, event: events.Resize) -> None:
        phases = self.query_one("#phases", OptionList)
        if not self.states or not phases.option_count:
            return
        drawn = "\n" in phases.get_option_at_index(0).prompt.plain  # type: ignore[union-attr]
        if drawn != (event.size.height >= BARS_FROM):
            self.fill()


    # Showing

    def book(self) -> DealBook | None:
        return self.session.current_book()

    def fill(self) -> None:
        book = self.book()
        has_deal = book is not None
        self.query_one("#checklist-empty").display = not has_deal
        self.query_one("#checklist-body").display = has_deal
        self.query_one("#checklist-hints").display = has_deal
        deal_line = self.query_one("#checklist-deal", Static)
        deal_line.display = has_deal
        if book is None:
            return
        if book.id != self.deal_id:
            self.deal_id = book.id
            self.phase_index = 0
        settings = self.session.portfolio.settings
        self.states = evaluate(book, settings)
        done = sum(s.done for s in self.states)
        total = sum(s.total for s in self.states)
        deal = book.deal
        # The count first: on a narrow window the deal's kinds are what gets cut, with "…".
        deal_line.update(Text.assemble(
            (f"{done}/{total} done", "bold"), "  ", plain(deal.name, "bold", one_line=True),
            f" · {deal.contract_type.value} · {deal.relationship.value} · {deal.status.value}",
            no_wrap=True, overflow="ellipsis"))
        phases = self.query_one("#phases", OptionList)
        bars = (self.size.height or self.app.size.height) >= BARS_FROM
        prompts = [_phase_prompt(state, bars) for state in self.states]
        if phases.option_count == len(prompts):
            for index, prompt in enumerate(prompts):
                phases.replace_option_prompt_at_index(index, prompt)
        else:
            phases.set_options(prompts)
        if phases.highlighted != self.phase_index:
            phases.highlighted = self.phase_index
        self.show_items(keep=True)
        self.show_hints(book)

    def show_items(self, keep: bool) -> None:
        state = self.states[self.phase_index]
        phase = state.phase
        self.query_one("#phase-heading", Static).update(Text.assemble(
            (f"{phase.number}. {phase.title}", "bold"), f"  {state.done}/{state.total}\n",
            (phase.purpose, "dim")))
        items = self.query_one("#items", OptionList)
        previous = items.highlighted if keep else None
        items.set_options([
            Option(_item_prompt(item), id=item.item.key)
            for item in state.items
        ])
        items.highlighted = min(previous or 0, len(state.items) - 1)
        self.query_one("#still-open", StillOpen).show(still_open(self.states, self.phase_index))
        self.show_detail()

    def current_item(self) -> ItemState | None:
        if not self.states:
            return None
        items = self.query_one("#items", OptionList)
        state = self.states[self.phase_index]
        index = items.highlighted
        if index is None or not 0 <= index < len(state.items):
            return None
        return state.items[index]

    def show_detail(self) -> None:
        detail = self.query_one("#item-detail", Hanging)
        item = self.current_item()
        if item is None:
            detail.show([])
            return
        status: Piece
        if item.computed:
            # What the app found goes on under itself, not under its label.
            label = "Checked by the app:"
            status = (label, plain(item.detail or "—"), len(label) + 1)
        elif item.done:
            status = Text("Ticked by hand. Space unticks.")
        else:
            status = Text("Tick with space once it is done.")
        detail.show([status, Text(f"enter {where(item.item.opens)}", "dim")])

    def show_hints(self, book: DealBook) -> None:
        portfolio = self.session.portfolio
        hints = related(all_lessons(portfolio.books.values(), portfolio.lessons), book.deal)
        box = self.query_one("#checklist-hints", Hanging)
        box.display = bool(hints)
        if not hints:
            return
        entry, reason = hints[0]
        text = entry.lesson.did_not or entry.lesson.worked
        more = f" (+{len(hints) - 1} more)" if len(hints) > 1 else ""
        # What the lesson says wraps under itself, not back under the word "Lesson".
        label = Text("Lesson", style(Role.WARNING))
        box.show([(label, Text.assemble(plain(f"from {entry.source} ({reason}): {text}"),
                                        (f"{more} · L to read", "dim")), label.cell_len + 1)])

    @on(OptionList.OptionHighlighted, "#phases")
    def _phase_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.phase_index and self.states:
            self.phase_index = event.option_index
            self.show_items(keep=False)

    @on(OptionList.OptionHighlighted, "#items")
    def _item_highlighted(self) -> None:
        self.show_detail()

    # Moving

    def _go_to_phase(self, index: int) -> None:
        if not self.states:
            return
        self.phase_index = max(0, min(index, len(self.states) - 1))
        self.query_one("#phases", OptionList).highlighted = self.phase_index
        self.show_items(keep=False)
        self.query_one("#items", OptionList).focus()

    def action_next_phase(self) -> None:
        if self.states and self.phase_index == len(self.states) - 1:
            self.notify("This is the last phase.", timeout=2)
            return
        self._go_to_phase(self.phase_index + 1)

    def action_previous_phase(self) -> None:
        if self.phase_index == 0:
            self.notify("This is the first phase.", timeout=2)
            return
        self._go_to_phase(self.phase_index - 1)

    # Doing

    def action_tick(self) -> None:
        book = self.book()
        item = self.current_item()
        if book is None or item is None:
            return
        try:
            ticked, key = toggled(book, self.session.portfolio.settings, item.item.key)
        except TickRefused as refused:
            self.notify(str(refused), title="Not ticked by hand", severity="warning", timeout=5)
            return
        deal_id = book.id
        label = f"{'Ticked' if ticked else 'Unticked'}: {item.item.text}"
        self.save(lambda store: tick(store, deal_id, key, ticked, label), f"{label} (u undoes)",
                  deal_id=deal_id)

    def action_open_item(self) -> None:
        if isinstance(self.focused, OptionList) and self.focused.id == "phases":
            self.query_one("#items", OptionList).focus()
            return
        book = self.book()
        item = self.current_item()
        if book is None or item is None:
            return
        opens = item.item.opens
        if opens in SCREEN_NAMES:
            self.negtui.show_screen(opens)
        elif opens.startswith("record:"):
            open_records(self, opens.removeprefix("record:"), book.id)
        elif opens.startswith("deal:"):
            form = deal_group_form(self.negtui, book.id, opens.removeprefix("deal:"))
            if form is not None:
                self.app.push_screen(form)
        elif opens == "lessons":
            self.action_lessons()
        else:
            self.action_export_dossier(False)

    def action_lessons(self) -> None:
        deal_id = self.deal_id
        self.negtui.open_over("lessons", lambda: LessonsScreen(deal_id))

    def action_export_dossier(self, share: bool) -> None:
        export_from(self, self.book(), share)
