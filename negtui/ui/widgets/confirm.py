"""A yes/no question before anything is destroyed or a hard line is crossed, and the
rule every dialog keeps: it answers once."""

from __future__ import annotations

from typing import TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from negtui.ui.keyorder import typed_before
from negtui.ui.keys import DIALOG_HELP
from negtui.ui.widgets.footer import DialogFooter
from negtui.ui.widgets.shown import Static, plain

ResultType = TypeVar("ResultType")


class OnceModal(ModalScreen[ResultType]):
    """A dialog that closes once: a second Enter, a repeated key or a late click after
    the answer does nothing, instead of saving again or popping the screen below."""

    BINDINGS = [
        # F1 rather than ``?``, which a field types: the dialog's keys, listed by help.
        Binding(DIALOG_HELP, "app.help", "Keys", id="dialog.help"),
    ]
    KEYS_WHERE = "Every form and question"
    """Where ``negtui keys`` says the keys above work (it names other classes by theirs)."""

    _answered = False

    @property
    def help_title(self) -> str:
        """What help, opened over the dialog, names it by."""
        return ""

    @property
    def answered(self) -> bool:
        return self._answered

    def answer(self, result: ResultType) -> None:
        # Only the dialog on top may close; one covered by another dialog waits for it.
        if self._answered or not self.is_active:
            return
        self._answered = True
        self.dismiss(result)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self._answered


# How a key the question did not take is shown to the user.
KEY_MARKS = {"enter": "⏎", "escape": "esc", "tab": "⇥", "space": "␣", "backspace": "⌫"}


def key_mark(event: events.Key) -> str:
    if event.key in KEY_MARKS:
        return KEY_MARKS[event.key]
    if event.is_printable and event.character:
        return event.character
    return f"[{event.key}]"


class ConfirmScreen(OnceModal[bool]):
    """Dismisses with True only on an explicit yes; escape and n mean no.

    Enter answers the focused button: no for anything that destroys or crosses a line
    (``danger``), yes for a plain question such as ending a call.

    Only keys pressed once the question is on screen answer it. Keys typed before it
    appeared (in the same burst as the key that asked) were meant for what the user
    expected to see, not for this question: they are not taken, and the question says
    which keys it set aside, so the user can answer deliberately.
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, body: str | Text, yes: str = "Yes", no: str = "No",
                 danger: bool = True, hand_back: bool = False) -> None:
        """``hand_back``: once answered, the keys typed before the question appeared are
        handled as if it had never been asked (the rest of a burst of entries), unless
        they are no more than a guess at the answer."""
        super().__init__()
        self.hand_back = hand_back
        self._early: list[events.Key] = []
        self.title_text = title
        self.body = body
        self.yes_label = yes
        self.no_label = no
        self.danger = danger
        self._shown_at: float | None = None
        self._set_aside: list[str] = []

    def compose(self) -> ComposeResult:
        box = Vertical(id="confirm-box", classes="danger" if self.danger else "")
        box.border_title = plain(self.title_text, one_line=True)
        with box:
            yield Static(self.body, id="confirm-body")
            yield Static("", id="confirm-ignored")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes",
                             variant="error" if self.danger else "primary")
                yield Button(f"{self.no_label} (n)", id="no")
        yield DialogFooter()

    @property
    def help_title(self) -> str:
        return plain(self.title_text, one_line=True).plain

    def footer_words(self) -> dict[str, str]:
        """The footer names each answer as its button does ("y Delete")."""
        return {"confirm.yes": self.yes_label, "confirm.no": self.no_label}

    def on_mount(self, event: events.Mount) -> None:
        # The event's own time, on the clock every key is stamped with when it arrives.
        self._shown_at = event.time
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def typed_before_shown(self, event: events.Key) -> bool:
        return typed_before(event, self._shown_at)

    def on_key(self, event: events.Key) -> None:
        # Every key reaches the screen before any binding of the dialog or its buttons
        # runs (those are looked up once the key has come up to the app); a key stopped
        # here answers nothing. Priority keys (quit) are not affected.
        if not self.typed_before_shown(event):
            return
        event.stop()
        event.prevent_default()
        self._set_aside.append(key_mark(event))
        self._early.append(event)
        note = self.query_one("#confirm-ignored", Static)
        then = " (handled once you answer)" if self.hand_back and self._typed_on() else ""
        note.update(plain(f"Typed before this question appeared, not taken as an answer{then}: "
                          + "".join(self._set_aside)))
        note.display = True

    def answer(self, result: bool) -> None:
        closing = not self.answered and self.is_active
        super().answer(result)
        if closing and self.hand_back and self._typed_on():
            # Each goes back first in line, so the last typed goes back first.
            for event in reversed(self._early):
                self.app.type_again(event)  # type: ignore[attr-defined]

    def _typed_on(self) -> bool:
        """Whether the keys typed before the question are more than a guess at its answer
        (a y, an n, an enter): text, such as the next entries of a burst."""
        return any(event.is_printable and (event.character or "") not in "yYnN "
                   for event in self._early)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.answer(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.answer(answer)
