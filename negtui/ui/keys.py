"""Keys shared by every screen, each with an id so users can remap it (the ``[keys]``
table of the config file; ``negtui keys`` lists every id).

A few meanings recur on many screens; each has one key everywhere, named here, so a
user who learned it on one screen can trust it on the next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.screen import Screen

DELETE = "d,delete"
"""Delete the record in focus (always after a question; ``u`` brings it back)."""
UNDO = "u"
"""Take back the last change made in this window."""
ALL_DEALS = "A"
"""The same view across every deal of the portfolio."""
EXPORT = "x"
"""Write this screen's data to a file (a calendar, a dossier)."""
EXPORT_SHARED = "X"
"""The copy that is safe to send to the counterparty."""
HISTORY = "w"
"""Who changed the record in focus, and when (a folder shared with ``negtui sync``)."""

DIALOG_HELP = "f1"
"""Help over a form or a question, whose fields take ``?`` as typed text."""
SCREEN_PREFIX = "screen."
"""How the ids of the five screens' keys begin."""

SCREENS: list[tuple[str, str, str]] = [
    ("1", "portfolio", "Portfolio"),
    ("2", "terms", "Terms"),
    ("3", "concessions", "Concessions"),
    ("4", "calendar", "Calendar"),
    ("5", "checklist", "Checklist"),
]

APP_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    # F1 too: in a text field ``?`` is typed, and help must still be a key away.
    Binding("question_mark,f1", "help", "Keys", id="app.help"),
    *(
        Binding(key, f"show_screen('{mode}')", title, id=f"{SCREEN_PREFIX}{mode}")
        for key, mode, title in SCREENS
    ),
    Binding(UNDO, "undo", "Undo", id="app.undo"),
    Binding("escape", "back", "Back", show=False, id="app.back"),
    Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload"),
    Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    # Many terminal programs quit on q; here it says which key does, rather than nothing.
    Binding("q", "how_to_quit", "How to quit", show=False, id="app.how_to_quit"),
]


def bound_key(screen: Screen[Any], binding_id: str, default: str) -> str:
    """The key the user presses for ``binding_id`` on ``screen``, as the footer shows it."""
    binding = next((active.binding for active in screen.active_bindings.values()
                    if active.binding.id == binding_id), None)
    return screen.app.get_key_display(binding) if binding is not None else default
