"""The Portfolio's alerts box: its title at once, its alerts right after the screen is drawn.

Listing the alerts means drawing each one to learn its height; on a large portfolio that
would hold back the first picture of the deals. So ``show`` sets the title (the counts)
and whether the box is there at once, keeping its place on the screen, and lists the
alerts once the screen has been refreshed. Anything that needs them sooner (going to the
alerts with a key) calls ``list_now``. Each option stands for an alert of the review it
was listed from, so choosing one never picks an alert of a newer review.

Each alert takes one line, cut with "…" where it is longer, except the highlighted one,
which is shown whole: the box holds twice as many alerts as wrapped ones, and moving
through them reads each in full. In a box tall enough for every alert whole (a large
window), each is shown whole.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.widgets.option_list import Option

from negtui.domain.audit import DECISION_HORIZON_DAYS, Alert, Review
from negtui.ui.keys import SCREEN_PREFIX, bound_key
from negtui.ui.widgets.portfolio_band import alert_prompt, alerts_title
from negtui.ui.widgets.steady_list import SteadyOptionList

ALERTS_SHOWN = 50  # the box lists this many; its title counts them all
NONE_SHOWN = "No alerts for the deals shown: escape in the filter, or f, shows them all."
NONE_AT_ALL = (f"No alerts: nothing is overdue or due within {DECISION_HORIZON_DAYS} days, no "
               "week is over your hours, no term of one deal clashes with another. They "
               "appear here as dates, hours and terms come in.")


class AlertsBox(SteadyOptionList):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listed: list[Alert] = []
        """The alerts the options stand for, in order."""
        self._listed_from: Review | None = None
        self._waiting: Review | None = None
        self._whole = 0
        """The index of the alert shown whole."""
        self._all_whole = False
        """Whether the box has the room to show every alert whole."""

    @property
    def waiting(self) -> bool:
        """Whether the box still shows fewer alerts than its title counts."""
        return self._waiting is not None

    def show(self, review: Review, deals_shown: bool = True) -> None:
        """The alerts of ``review``: the title now, the list after the next refresh. With
        none, the box stays to say so while deals are shown: gone, it looks like a fault."""
        self.display = deals_shown or bool(review.alerts) or review.of_all is not None
        if review is self._listed_from and self._waiting is None:
            return
        self.border_title = alerts_title(review)
        if self._waiting is None:
            self.call_after_refresh(self.list_now)
        self._waiting = review

    def _how_to_prepare(self) -> str:
        """Where to start on the deal in focus, with the keys as the user has them."""
        screen = self.screen
        open_key = bound_key(screen, "portfolio.open", "⏎")
        terms, dates, checklist = (bound_key(screen, f"{SCREEN_PREFIX}{mode}", default)
                                   for mode, default in (("terms", "2"), ("calendar", "4"),
                                                         ("checklist", "5")))
        return (f"To prepare the deal in focus: {open_key} opens it (brief, research, people "
                f"and the other records), {terms} its terms, {dates} its dates, {checklist} "
                "its checklist.")

    def list_now(self) -> None:
        """List the alerts waiting to be shown, if any; the newest review wins."""
        review, self._waiting = self._waiting, None
        if review is None or review is self._listed_from:
            return
        self._listed_from = review
        self.listed = review.alerts[:ALERTS_SHOWN]
        self._whole = 0
        self._all_whole = self._room_for_all()
        options = [Option(alert_prompt(alert, whole=self._all_whole or index == 0),
                          id=str(index))
                   for index, alert in enumerate(self.listed)]
        if not review.alerts:
            if review.of_all is not None:
                options.append(Option(Text(NONE_SHOWN, style="italic"), disabled=True))
            else:
                options += [Option(Text(NONE_AT_ALL, style="italic"), disabled=True),
                            Option(Text(self._how_to_prepare()), disabled=True)]
        hidden = len(review.alerts) - ALERTS_SHOWN
        if hidden > 0:
            options.append(Option(Text(f"… and {hidden} more", style="dim"), disabled=True))
        # Added in one go: each addition measures the height of every option added.
        self.clear_options()
        self.add_options(options)

    def _room_for_all(self) -> bool:
        """Whether every listed alert, shown whole, fits in the box as it is now."""
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        height = self.scrollable_content_region.height
        if width <= 0 or not 0 < len(self.listed) <= height:
            return False
        console = self.app.console
        options = console.options.update_width(width)
        lines = 0
        for alert in self.listed:
            lines += len(console.render_lines(alert_prompt(alert), options, pad=False))
            if lines > height:
                return False
        return True

    def _on_resize(self, event: events.Resize | None = None) -> None:
        super()._on_resize(event)
        if not self.listed or self._room_for_all() == self._all_whole:
            return
        self._all_whole = not self._all_whole
        for index, alert in enumerate(self.listed):
            if index != self._whole:
                self.replace_option_prompt_at_index(
                    index, alert_prompt(alert, whole=self._all_whole))

    def watch_highlighted(self, highlighted: int | None) -> None:
        # The prompts change before the list scrolls to the highlight, so it scrolls to
        # where the highlighted alert now ends.
        if highlighted is not None and highlighted != self._whole \
                and highlighted < len(self.listed):
            if not self._all_whole:
                if self._whole < len(self.listed):
                    self.replace_option_prompt_at_index(
                        self._whole, alert_prompt(self.listed[self._whole], whole=False))
                self.replace_option_prompt_at_index(
                    highlighted, alert_prompt(self.listed[highlighted]))
            self._whole = highlighted
        super().watch_highlighted(highlighted)

    def alert_of(self, option: Option) -> Alert | None:
        """The alert an option of this box stands for."""
        index = int(option.id) if option.id is not None and option.id.isdigit() else -1
        return self.listed[index] if 0 <= index < len(self.listed) else None
