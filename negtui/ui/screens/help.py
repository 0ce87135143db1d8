"""``?``: every key of the screen underneath, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from negtui.ui.widgets.shown import DataTable, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        box = Vertical(id="help-box")
        box.border_title = "Help"
        with box:
            yield Static(f"Keys — {self.title_text}", id="help-title")
            table: DataTable[str] = DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "What it does")
            for key, description in self.keys:
                table.add_row(key, description)
            yield table
            yield Static("escape closes · ctrl+p finds any command", id="help-hint")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
