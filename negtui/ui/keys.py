"""Keys shared by every screen, each with an id so users can remap it."""

from __future__ import annotations

from textual.binding import Binding

SCREENS: list[tuple[str, str, str]] = [
    ("1", "portfolio", "Portfolio"),
    ("2", "terms", "Terms"),
    ("3", "concessions", "Concessions"),
    ("4", "calendar", "Calendar"),
    ("5", "checklist", "Checklist"),
]

APP_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("question_mark", "help", "Keys", id="app.help"),
    *(
        Binding(key, f"show_screen('{mode}')", title, id=f"screen.{mode}")
        for key, mode, title in SCREENS
    ),
    Binding("escape", "back", "Back", show=False, id="app.back"),
    Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload"),
    Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
]
