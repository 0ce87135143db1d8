"""A table cell drawn the short way is the very line rich draws for it."""

from __future__ import annotations

import itertools

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text

from negtui.ui.widgets.cached_table import padded_line

TEXTS = ["", "a", "Maple Systems contract 117", "€5,000", "日本語のテキスト", "x  ", "  y",
         "party 🎉 ok", "…", "a b c d e f g h"]
STYLES: list[str | Style] = ["", "bold red", Style(color="blue", bgcolor="white")]


@pytest.mark.parametrize(("justify", "overflow"), itertools.product(
    [None, "default", "left", "right"], [None, "ellipsis", "crop", "fold"]))
def test_a_one_line_cell_is_drawn_as_rich_draws_it(justify: str | None,
                                                   overflow: str | None) -> None:
    console = Console(width=200, color_system="truecolor")
    for plain, style, no_wrap in itertools.product(TEXTS, STYLES, [None, True]):
        text = Text(plain, style=style, justify=justify, overflow=overflow,  # type: ignore[arg-type]
                    no_wrap=no_wrap, end="")
        text.stylize("italic", 0, 3)
        text.stylize("green", 2, 9)
        for width, pad in itertools.product([3, 4, 5, 8, 12, 27, 40], [0, 1, 2]):
            if width <= 2 * pad:
                continue  # no room for text: the table leaves such a cell to Textual
            options = console.options.update_dimensions(width, 1).update(no_wrap=True)
            want = console.render_lines(Padding(text, (0, pad)), options)
            assert padded_line(console, text, width, pad) == want, (plain, width, pad)


def test_what_is_not_one_line_is_left_to_rich() -> None:
    console = Console(width=80)
    assert padded_line(console, Text("two\nlines"), 20, 1) is None
    assert padded_line(console, Text("a\ttab"), 20, 1) is None
    assert padded_line(console, Text("middle", justify="center"), 20, 1) is None
    assert padded_line(console, Text("wraps", no_wrap=False), 20, 1) is None
