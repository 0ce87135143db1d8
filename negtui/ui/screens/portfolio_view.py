"""The Portfolio's keys that change which deals it shows and in what order: the text
filter, the status filter, archived deals, the sort column and its direction."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from negtui.domain.deal_table import SORTS
from negtui.domain.summary import STATUS_ORDER
from negtui.domain.vocab import DealStatus
from negtui.ui.screens.base import NegtuiScreen


class FilterAndSortKeys(NegtuiScreen):
    """What those keys do; the Portfolio screen holds the table they change and redraws
    it with ``fill``."""

    filter_text: str
    status_filter: DealStatus | None
    show_archived: bool
    sort_column: str
    sort_reverse: bool

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.display = True
        self.set_focus(field)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.fill()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one("#deals").focus()

    def forget_filters(self) -> None:
        """No text filter (its field emptied and put away) and no status filter."""
        field = self.query_one("#filter", Input)
        field.value = ""
        field.display = False
        self.filter_text = ""
        self.status_filter = None

    def action_clear_filter(self) -> None:
        self.forget_filters()
        self.fill()
        self.query_one("#deals").focus()

    def action_status_filter(self) -> None:
        order: list[DealStatus | None] = [None, *STATUS_ORDER]
        self.status_filter = order[(order.index(self.status_filter) + 1) % len(order)]
        self.fill()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.fill()

    def action_sort(self) -> None:
        titles = list(SORTS)
        self.sort_column = titles[(titles.index(self.sort_column) + 1) % len(titles)]
        self.sort_reverse = False
        self.notify(f"Sorted by {self.sort_column}", timeout=1.5)
        self.fill()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.fill()
