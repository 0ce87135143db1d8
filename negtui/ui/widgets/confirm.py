"""A yes/no question before anything is destroyed or a hard line is crossed, and the
rule every dialog keeps: it answers once."""

from __future__ import annotations

from typing import TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from negtui.ui.widgets.shown import Static, plain

ResultType = TypeVar("ResultType")


class OnceModal(ModalScreen[ResultType]):
    """A dialog that closes once: a second Enter, a repeated key or a late click after
    the answer does nothing, instead of saving again or popping the screen below."""

    _answered = False

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


class ConfirmScreen(OnceModal[bool]):
    """Dismisses with True only on an explicit yes; escape and n mean no.

    Enter answers the focused button: no for anything that destroys or crosses a line
    (``danger``), yes for a plain question such as ending a call.
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, body: str | Text, yes: str = "Yes", no: str = "No",
                 danger: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.yes_label = yes
        self.no_label = no
        self.danger = danger

    def compose(self) -> ComposeResult:
        box = Vertical(id="confirm-box", classes="danger" if self.danger else "")
        box.border_title = plain(self.title_text, one_line=True)
        with box:
            yield Static(self.body, id="confirm-body")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes",
                             variant="error" if self.danger else "primary")
                yield Button(f"{self.no_label} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.answer(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.answer(answer)
