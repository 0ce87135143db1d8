"""Remembering what a screen drew, so a redraw can skip what did not change."""

from __future__ import annotations

from rich.text import Text

from negtui.domain.deal_table import SORTS, DealRow, cells
from negtui.ui.palette import Role, style
from negtui.ui.widgets.fit_table import Column
from negtui.ui.widgets.shown import plain

RIGHT = {"Value", "h/wk", "Prep", "Alerts"}
# What a narrow Portfolio keeps: the deal, where it stands and what is next come first.
_DROP = {"Type": 7, "Counterparty": 6, "h/wk": 5, "Prep": 4, "Value": 3}
_SHRINK = {"Deal": 25, "Next": 27}
DEAL_COLUMNS = [Column(title, title, _DROP.get(title, 0), _SHRINK.get(title, 0))
                for title in SORTS]


class Drawn:
    """For each part of a screen, the objects (or texts) it was last drawn from."""

    def __init__(self) -> None:
        self._from: dict[str, tuple[object, ...]] = {}

    def same(self, part: str, *key: object) -> bool:
        """Whether ``part`` was last drawn from the same objects (or equal strings)."""
        before = self._from.get(part)
        return before is not None and len(before) == len(key) and all(
            old is new or (isinstance(new, str) and old == new)
            for old, new in zip(before, key, strict=True))

    def unchanged(self, part: str, *key: object) -> bool:
        """Whether ``part`` was last drawn from the same objects; remembers these."""
        found = self.same(part, *key)
        self._from[part] = key
        return found


def row_cells(row: DealRow) -> tuple[Text, ...]:
    """The cells of a Portfolio row, in the order of ``SORTS``; each already one line
    ending in "…" when cut, as the table would make it, so the table keeps it as it is."""
    texts = cells(row)
    return tuple(plain(texts[title], style(Role.ALARM) if title == "Next" and row.overdue else "",
                       one_line=True, justify="right" if title in RIGHT else "left",
                       overflow="ellipsis", no_wrap=True)
                 for title in SORTS)
