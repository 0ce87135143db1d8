"""An option list that keeps its drawn options while only its height changes.

Textual's OptionList (8.2.8) drops every drawn option in ``_on_resize``, whatever the new
size: under a table that grows and shrinks as a filter is typed, that redraws (and
measures again) every alert at each key. The options are drawn for a width, so this list
drops them only when the width it draws at has changed, checked in ``_update_lines``,
which Textual calls before it draws and before it scrolls to the highlight.
"""

from __future__ import annotations

from typing import Any

from textual import events

from negtui.ui.widgets.shown import OptionList


class SteadyOptionList(OptionList):
    def __init__(self, *args: Any, title: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.border_title = title
        self._lines_width: int | None = None

    def _on_resize(self, event: events.Resize | None = None) -> None:
        # Textual passes the event (the handler takes a parameter); stopping its default
        # skips OptionList._on_resize, and _update_lines decides what to forget.
        if event is not None:
            event.prevent_default()
        self.refresh()

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if width != self._lines_width:
            self._lines_width = width
            self._option_render_cache.clear()
            self._line_cache.clear()
        super()._update_lines()
