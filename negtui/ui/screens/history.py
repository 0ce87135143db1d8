"""``w`` on a term or a concession: who changed it and when, from the shared folder's git
history, and what the last syncs found changed on both sides."""

from __future__ import annotations

import json

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from negtui.actions.history import History
from negtui.ui.keys import HISTORY
from negtui.ui.widgets.footer import DialogFooter
from negtui.ui.widgets.shown import DataTable, Static, plain


def _value(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, dict):
        return "(the whole record)"
    return json.dumps(value, ensure_ascii=False)


class HistoryScreen(ModalScreen[None]):
    BINDINGS = [Binding(f"escape,q,{HISTORY}", "dismiss", "Close", id="history.close")]

    def __init__(self, name: str, history: History) -> None:
        super().__init__()
        self.record_name = name
        self.history = history

    def compose(self) -> ComposeResult:
        history = self.history
        with Vertical(id="history-box") as box:
            box.border_title = plain(f"History — {self.record_name}", one_line=True)
            for conflict in history.conflicts:
                field = conflict.field or "the whole record"
                yield Static(f"Changed on both sides ({conflict.at[:16].replace('T', ' ')}): "
                             f"{field} was {_value(conflict.ours)} here and "
                             f"{_value(conflict.theirs)} in the team's copy; kept "
                             f"{_value(conflict.kept)}", classes="history-conflict")
            if history.unsynced:
                yield Static("Changed here since the last sync.", classes="history-note")
            if history.note:
                # Only the first letter: the note may start with a folder's path.
                yield Static(history.note[:1].upper() + history.note[1:] + ".",
                             id="history-note")
            if history.changes:
                table: DataTable[str] = DataTable(id="history-table", cursor_type="row",
                                                  zebra_stripes=True)
                table.add_columns("When", "Who", "Summary")
                for change in history.changes:
                    table.add_row(change.when, change.author, change.summary)
                yield table
            yield Static("escape closes", id="history-hint")
        yield DialogFooter()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
