"""The one-line capture bar: type what happened, name the term inline, enter to save.

Completion: typing ``#`` (a term) or ``@`` (another deal) lists the names that fit what is
typed so far; tab takes the highlighted one, up and down move through the list. The bar
only reports what was typed (``Submitted``); the screen decides, saves, and closes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input

from negtui.domain.capture import (
    CAPTURE_HELP,
    TERM_MARK,
    candidates,
    complete,
    completing_at,
)
from negtui.domain.vocab import Direction
from negtui.ui.keyorder import typed_before
from negtui.ui.widgets.shown import OptionList, Static

PROMPTS = {Direction.GIVEN: "gave >", Direction.RECEIVED: "got >"}


def events_now() -> float:
    """The time on the clock every key is stamped with when it arrives."""
    return events.Event().time


class CaptureInput(Input):
    """The bar's field. While the bar says why the line was not logged, a key typed
    before that was said (the rest of a burst, typed for the next entry) is not taken
    into the line: the bar hands it on (``CaptureBar.TypedAhead``)."""

    # Textual calls the key handler of each class in turn (this one, then Input's, which
    # types the character) until one prevents the default: no call to super here.
    async def _on_key(self, event: events.Key) -> None:
        bar = self.parent.parent if self.parent is not None else None
        if not isinstance(bar, CaptureBar):
            return
        if bar.typed_ahead(event):
            event.stop()
            event.prevent_default()
            bar.post_message(CaptureBar.TypedAhead(bar.direction, self.value, event))
        elif bar.typed_before_brought_back(event):
            # Meant for a new line: the kept one goes aside, and this key starts afresh.
            bar.post_message(CaptureBar.TypedOver(bar.direction, self.value))
            self.value = ""


class CaptureBar(Vertical):
    DEFAULT_CSS = """
    CaptureBar {
        height: auto;
        display: none;
        background: $panel;
        border-top: solid $primary;
        padding: 0 1;
    }
    CaptureBar #capture-choices {
        height: auto;
        max-height: 6;
        display: none;
        border: none;
        background: $boost;
    }
    CaptureBar #capture-choices.shown {
        display: block;
    }
    CaptureBar #capture-line {
        height: 1;
    }
    CaptureBar #capture-prompt {
        width: 7;
        text-style: bold;
    }
    CaptureBar.given #capture-prompt {
        color: $text-warning;
    }
    CaptureBar.received #capture-prompt {
        color: $text-success;
    }
    CaptureBar #capture-input {
        border: none;
        height: 1;
        padding: 0;
        width: 1fr;
        background: $panel;
    }
    CaptureBar #capture-hint {
        color: $foreground 75%;
        height: auto;
    }
    CaptureBar #capture-hint.problem {
        color: $text-error;
    }
    CaptureBar:nocolor #capture-hint.problem {
        color: $foreground;
        text-style: bold reverse;
    }
    """

    BINDINGS = [
        Binding("tab", "complete", "Complete #term / @deal", id="capture.complete"),
        Binding("escape", "cancel", "Cancel", id="capture.cancel"),
        Binding("down", "choice(1)", "Next choice", show=False, id="capture.next"),
        Binding("up", "choice(-1)", "Previous choice", show=False, id="capture.previous"),
    ]

    class Submitted(Message):
        """Enter was pressed in the bar."""

        def __init__(self, direction: Direction, text: str) -> None:
            super().__init__()
            self.direction = direction
            self.text = text

    class TypedAhead(Message):
        """A key typed before the bar said why ``text`` was not logged: the line is to
        be set aside and the key handled as if the bar had closed."""

        def __init__(self, direction: Direction, text: str, key: events.Key) -> None:
            super().__init__()
            self.direction = direction
            self.text = text
            self.key = key

    class TypedOver(Message):
        """Keys typed before the bar opened with the kept line ``text`` began a new line:
        ``text`` is to be kept apart."""

        def __init__(self, direction: Direction, text: str) -> None:
            super().__init__()
            self.direction = direction
            self.text = text

    class Cancelled(Message):
        """The bar was closed without saving; ``text`` is what it held."""

        def __init__(self, direction: Direction, text: str) -> None:
            super().__init__()
            self.direction = direction
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.direction = Direction.GIVEN
        self.term_names: list[str] = []
        self.deal_names: list[str] = []
        self._shown: list[str] = []
        self._refused: str | None = None
        """The text the problems shown are about; once it is edited they are stale."""
        self._refused_at: float | None = None
        """When the bar said the line was not logged (``refuse``), on the keys' clock."""
        self._brought_back: tuple[str, float] | None = None
        """The kept line the bar opened with, and when, until a key changes it."""

    def compose(self) -> ComposeResult:
        choices = OptionList(id="capture-choices")
        choices.can_focus = False
        yield choices
        with Horizontal(id="capture-line"):
            yield Static(PROMPTS[Direction.GIVEN], id="capture-prompt")
            # A kept draft is continued, not replaced by the first key typed.
            yield CaptureInput(id="capture-input", select_on_focus=False,
                        placeholder="what happened, e.g. net 45 #payment us:3")
        yield Static(CAPTURE_HELP, id="capture-hint")

    @property
    def input(self) -> Input:
        return self.query_one("#capture-input", Input)

    @property
    def is_open(self) -> bool:
        return self.display

    def open(self, direction: Direction, term_names: Sequence[str],
             deal_names: Sequence[str], text: str = "") -> None:
        self.direction = direction
        self.term_names = list(term_names)
        self.deal_names = list(deal_names)
        self.set_class(direction is Direction.GIVEN, "given")
        self.set_class(direction is Direction.RECEIVED, "received")
        self.query_one("#capture-prompt", Static).update(PROMPTS[direction])
        self.show_problems([])
        # Shown and hidden by its own style rather than a class: a class change matches
        # every rule of the stylesheet against the whole bar again, which costs an entry
        # tens of milliseconds between enter and the row in the log.
        self.display = True
        field = self.input
        field.value = text
        field.cursor_position = len(text)
        self._brought_back = (text, events_now()) if text else None
        # At once, not on the next idle moment: the keys right after g or r are the text.
        self.screen.set_focus(field)
        self._refresh_choices()

    def close(self) -> None:
        self._brought_back = None
        self.display = False
        self.input.value = ""
        self._hide_choices()

    def refuse(self, problems: Sequence[str]) -> None:
        """Say why the line entered was not logged. Keys typed before this (the rest of a
        burst) are not taken as corrections to it (``typed_ahead``)."""
        self.show_problems(problems)
        self._refused_at = events_now()

    def typed_ahead(self, event: events.Key) -> bool:
        """Whether ``event`` was typed before the bar said the line was not logged."""
        return self.is_open and self._refused_at is not None \
            and typed_before(event, self._refused_at)

    def typed_before_brought_back(self, event: events.Key) -> bool:
        """Whether ``event`` is a character typed before the bar opened with a kept line,
        which it has not changed since: the key was meant for a new line."""
        if not self.is_open or self._brought_back is None:
            return False
        text, at = self._brought_back
        if self.input.value != text:
            self._brought_back = None
            return False
        return typed_before(event, at) and event.is_printable

    def show_problems(self, problems: Sequence[str]) -> None:
        self._refused = self.input.value if problems else None
        self._refused_at = None
        hint = self.query_one("#capture-hint", Static)
        hint.update("; ".join(problems) if problems else CAPTURE_HELP)
        hint.set_class(bool(problems), "problem")

    # Completion

    def _names_for(self, mark: str) -> list[str]:
        return self.term_names if mark == TERM_MARK else self.deal_names

    def _refresh_choices(self) -> None:
        field = self.input
        where = completing_at(field.value, field.cursor_position)
        if where is None:
            self._hide_choices()
            return
        shown = candidates(where.prefix, self._names_for(where.mark))
        if not shown:
            self._hide_choices()
            return
        choices = self.query_one("#capture-choices", OptionList)
        if shown != self._shown:
            self._shown = shown
            label = "term" if where.mark == TERM_MARK else "deal"
            choices.set_options(Text.assemble((f"{label}  ", "dim"), name) for name in shown)
            choices.highlighted = 0
        choices.add_class("shown")

    def _hide_choices(self) -> None:
        self._shown = []
        choices = self.query_one("#capture-choices", OptionList)
        choices.remove_class("shown")
        choices.clear_options()

    @property
    def choices_open(self) -> bool:
        return bool(self._shown)

    @on(Input.Changed, "#capture-input")
    def _typed(self) -> None:
        if self.is_open:
            if self._refused is not None and self.input.value != self._refused:
                self.show_problems([])  # what they said was about the text before
            self._refresh_choices()

    def action_complete(self) -> None:
        field = self.input
        where = completing_at(field.value, field.cursor_position)
        if where is None:
            return
        shown = self._shown or candidates(where.prefix, self._names_for(where.mark))
        if not shown:
            self.show_problems([f"nothing matches {where.mark}{where.prefix}"])
            return
        highlighted = self.query_one("#capture-choices", OptionList).highlighted
        name = shown[highlighted if highlighted is not None and self._shown else 0]
        field.value, field.cursor_position = complete(field.value, where, name)
        self._hide_choices()
        self.show_problems([])

    def action_choice(self, step: int) -> None:
        if not self._shown:
            return
        choices = self.query_one("#capture-choices", OptionList)
        current = choices.highlighted or 0
        choices.highlighted = (current + step) % len(self._shown)

    def action_cancel(self) -> None:
        if self._shown:
            self._hide_choices()
            return
        text = self.input.value
        self.close()
        self.post_message(self.Cancelled(self.direction, text))

    @on(Input.Submitted, "#capture-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self.direction, event.value))

