"""Panes stacked in a tall window, each as tall as what it holds where the rows allow:
the widget side of ``negtui.domain.room``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.widget import Widget

from negtui.domain.room import share_rows
from negtui.ui.widgets.deal_facts import Hanging
from negtui.ui.widgets.fit_table import FitTable


@dataclass(frozen=True)
class Pane:
    widget: Widget
    want: int
    """The rows it takes to show all it holds, its frame included."""
    floor: int
    """The fewest rows it is given, however much the others hold."""


def table_rows(table: FitTable) -> int:
    """The rows ``table`` takes with every row in sight, its frame included."""
    return table.lines_needed() + table.styles.gutter.height


def text_rows(pane: Hanging, width: int) -> int:
    """The rows ``pane`` takes with all of its text in sight, in a window ``width`` wide,
    its frame included."""
    gutter = pane.styles.gutter
    return pane.lines(width - gutter.width) + gutter.height


def stack(total: int, panes: Sequence[Pane]) -> list[int]:
    """Give each pane its share of ``total`` rows (``share_rows``), as its height; the
    rows none of them wants go to the last, so that the panes reach the window's foot."""
    shares = share_rows(total, [pane.want for pane in panes], [pane.floor for pane in panes])
    if shares:
        shares[-1] += max(0, total - sum(shares))
    for pane, share in zip(panes, shares, strict=True):
        pane.widget.styles.height = share
        pane.widget.styles.max_height = share
        pane.widget.styles.min_height = share
    return shares


def unstack(widgets: Sequence[Widget]) -> None:
    """The heights the style sheet gives ``widgets`` again (a window no longer tall)."""
    for widget in widgets:
        widget.styles.height = None
        widget.styles.max_height = None
        widget.styles.min_height = None
