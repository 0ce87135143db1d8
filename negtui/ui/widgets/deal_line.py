"""The line over the Terms screen: the deal in focus and its terms by class, said again in
the width there is whenever the window is resized."""

from __future__ import annotations

from rich.text import Text
from textual import events

from negtui.domain.book import DealBook
from negtui.ui.widgets.shown import Static
from negtui.ui.widgets.term_rows import deal_summary


class DealLine(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[DealBook | None, int] = (None, 7)

    def show(self, book: DealBook | None, threshold: int) -> None:
        self._shown = (book, threshold)
        self._draw()

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        book, threshold = self._shown
        width = self.content_size.width or None
        self.update(Text("No deal in focus", style="bold") if book is None
                    else deal_summary(book, threshold, width))
