"""Writing a deal's dossier from a screen: ``x`` the full one at once, ``X`` the shared one
after a look at what it holds and what it leaves out.

The preview and the file come from the same cut of the deal (``export.dossier.shared``),
taken of the same data at the same moment, so what the preview lists is what is written.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll

from negtui.actions.exports import export_dossier
from negtui.domain.book import DealBook
from negtui.export.dossier import dossier_filename
from negtui.export.dossier.shared import SharedCopy, shared_copy
from negtui.store.files import EXPORTS_DIR
from negtui.ui.palette import Role, style
from negtui.ui.widgets.confirm import OnceModal
from negtui.ui.widgets.footer import DialogFooter
from negtui.ui.widgets.shown import Static, plain
from negtui.ui.written import notify_written

if TYPE_CHECKING:
    from negtui.ui.screens.base import NegtuiScreen


class SharePreviewScreen(OnceModal[bool]):
    """What the shared dossier will hold and what it leaves out; True to write it."""

    BINDINGS = [
        Binding("enter", "write", "Write", id="share_preview.write", priority=True),
        Binding("escape", "cancel", "Cancel", id="share_preview.cancel"),
    ]

    @property
    def help_title(self) -> str:
        return plain(f"Shared dossier — {self.deal_name}", one_line=True).plain

    def __init__(self, deal_name: str, copy: SharedCopy, target: str) -> None:
        super().__init__()
        self.deal_name = deal_name
        self.copy = copy
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(id="share-box") as box:
            box.border_title = plain(f"Shared dossier — {self.deal_name}", one_line=True)
            yield Static(plain(f"into {self.target}", "dim", one_line=True), id="share-title")
            with VerticalScroll(id="share-body"):
                yield Static(self._goes_in(), id="share-written")
                yield Static(self._left_out(), id="share-left-out")
            yield Static(Text.assemble(("enter", "bold"), " write it · ", ("escape", "bold"),
                                       " cancel · ↑↓ scroll"), id="share-keys")
        yield DialogFooter()

    def _goes_in(self) -> Text:
        width = max(len(title) for title, _ in self.copy.written)
        lines = [Text.assemble((f"  {title:<{width}}  ", "bold"), size)
                 for title, size in self.copy.written]
        return Text("\n").join([Text("Goes in", "bold " + style(Role.GOOD)), *lines])

    def _left_out(self) -> Text:
        lines = [Text(f"  {entry}") for entry in self.copy.left_out] or [
            Text("  nothing: every record of this deal may be shared", "dim")]
        hint = Text("\nMark an agenda topic, value-map item or milestone share to add it.",
                    "dim")
        return Text("\n").join([Text("Left out", style(Role.WARNING)), *lines, hint])

    def action_write(self) -> None:
        self.answer(True)

    def action_cancel(self) -> None:
        self.answer(False)


def _write(screen: NegtuiScreen, book: DealBook, now: datetime, share: bool) -> None:
    session = screen.session
    try:
        path = export_dossier(session.store.root, session.portfolio, book, now, share)
    except OSError as error:
        screen.notify(f"Could not write the dossier: {error.strerror or error}",
                      title="Not exported", severity="error", timeout=8)
        return
    kind = "Shared dossier" if share else "Dossier"
    notify_written(screen, f"{kind} written to", path, title="Exported")


def export_from(screen: NegtuiScreen, book: DealBook | None, share: bool) -> None:
    """``x``: write the full dossier. ``X``: preview the shared one, and write it on enter."""
    if book is None:
        screen.notify("No deal in focus to export.", severity="warning", timeout=3)
        return
    now = screen.session.clock().datetime
    if not share:
        _write(screen, book, now, share=False)
        return
    copy = shared_copy(book, screen.session.settings, now)
    target = f"{EXPORTS_DIR}/{dossier_filename(book.deal, 'md', share=True)}"

    def decided(write: bool | None) -> None:
        if write:
            _write(screen, book, now, share=True)

    screen.app.push_screen(SharePreviewScreen(book.deal.name, copy, target), decided)
