"""The name of every framed region, shown in its border, in one place so a screen's panes
are named alike everywhere. A screen that names a pane itself (with a count, say) keeps its
own title."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

PANE_TITLES = {
    "deals": "Deals",
    "filter": "Filter",
    "brief-scroll": "Brief",
    "people": "Stakeholders",
    "people-list": "People",
    "person-deals": "Deals",
    "terms-table": "Terms",
    "grid-column": "Grid",
    "grid-legend": "Legend",
    "all-terms": "Terms in all deals",
    "log": "Concessions",
    "all-log": "Concessions in all deals",
    "pinned": "On the table",
    "grid-pane": "Month",
    "agenda-pane": "Upcoming",
    "phases": "Phases",
    "items": "Items",
    "records": "Records",
    "lessons": "Lessons",
    "lessons-search": "Search",
}


def name_panes(screen: Screen[Any]) -> None:
    for widget in screen.query("*"):
        title = PANE_TITLES.get(widget.id or "")
        if title and not widget.border_title:
            widget.border_title = title
