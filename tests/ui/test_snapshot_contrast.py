"""Every word in the accepted screenshots is readable: at least 4.5:1 against what is behind it.

The screenshots are terminal exports: each run of text is a ``<text>`` whose class names its
colour, drawn over a ``<rect>`` at the same line and column (or over the terminal's own
background when there is none). Box-drawing and block characters are lines, not words, and
are left out; a run that mixes them with letters is judged by its letters.

A dialog is framed with a double line (╔ ╝) over the app, which is dimmed behind it on
purpose: in a screenshot with a dialog only what is inside the frame is judged.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).resolve().parents[2] / "snapshots"
# Colours there are the terminal's own (16-colour palette) or greys chosen by NO_COLOR.
NOT_OURS = {"test_snapshots_16_colours", "test_snapshots_no_color"}
MINIMUM = 4.5

CLASS_FILL = re.compile(r"\.([\w-]+)\s*\{\s*fill:\s*(#[0-9a-fA-F]{6})")
CHROME = re.compile(r'<rect fill="(#[0-9a-fA-F]{6})"[^>]*rx="8"')
RECT = re.compile(r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"')
TEXT = re.compile(r'<text class="([\w-]+)" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)"'
                  r' clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>')
LINE_HEIGHT = 24.4
CELL_WIDTH = 12.2
GRAPHIC = re.compile(r"[\u2500-\u259f\u2800-\u28ff\s]")


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _dialog(runs: list[tuple[int, int, str]]) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right) of the dialog's frame, if there is one."""
    corners = {}
    for line, column, words in runs:
        for mark in "╔╝":
            if mark in words:
                corners[mark] = (line, column + words.index(mark))
    if len(corners) < 2:
        return None
    (top, left), (bottom, right) = corners["╔"], corners["╝"]
    return top, left, bottom, right


def faint_runs(svg: str) -> list[tuple[str, str, str, float]]:
    """Each run of words below the minimum: (text, its colour, the background, the ratio)."""
    fills = dict(CLASS_FILL.findall(svg))
    chrome = CHROME.search(svg)
    assert chrome, "not a terminal screenshot"
    behind: dict[tuple[int, float], str] = {}
    for fill, x, y, _width in RECT.findall(svg):
        behind[(round((float(y) - 1.5) / LINE_HEIGHT), float(x))] = fill
    texts = TEXT.findall(svg)
    dialog = _dialog([(int(line), round(float(x) / CELL_WIDTH), html.unescape(raw))
                      for _name, x, _length, line, raw in texts])
    found = []
    for name, x, _length, line, raw in texts:
        words = html.unescape(raw).replace("\xa0", " ")
        if not GRAPHIC.sub("", words):
            continue
        if dialog is not None:
            top, left, bottom, right = dialog
            if not (top <= int(line) <= bottom and left <= round(float(x) / CELL_WIDTH) <= right):
                continue
        colour = fills[name]
        background = behind.get((int(line), float(x)), chrome.group(1))
        value = ratio(colour, background)
        if value < MINIMUM:
            found.append((words.strip(), colour, background, value))
    return found


def screenshots() -> list[Path]:
    return sorted(path for path in SNAPSHOTS.glob("*/*.svg") if path.parent.name not in NOT_OURS)


def test_the_ratio_is_the_published_one() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_a_faint_word_is_found() -> None:
    svg = ('<style>.t-r1 { fill: #444444 }\n.t-r2 { fill: #eeeeee }</style>'
           '<rect fill="#222222" stroke="x" x="1" y="1" width="9" height="9" rx="8"/>'
           '<rect fill="#1e1e1e" x="0" y="25.9" width="48.8" height="24.65"/>'
           '<text class="t-r1" x="0" y="44.4" textLength="48.8"'
           ' clip-path="url(#t-line-1)">dim&#160;</text>'
           '<text class="t-r2" x="0" y="20" textLength="24.4"'
           ' clip-path="url(#t-line-0)">ok</text>'
           '<text class="t-r1" x="48.8" y="44.4" textLength="24.4"'
           ' clip-path="url(#t-line-1)">──</text>')
    [(words, colour, background, value)] = faint_runs(svg)
    assert (words, colour, background) == ("dim", "#444444", "#1e1e1e")
    assert value < 2


def test_behind_a_dialog_only_the_dialog_is_judged() -> None:
    svg = ('<style>.t-r1 { fill: #444444 }\n.t-r2 { fill: #eeeeee }</style>'
           '<rect fill="#222222" stroke="x" x="1" y="1" width="9" height="9" rx="8"/>'
           '<text class="t-r1" x="0" y="20" textLength="24.4"'
           ' clip-path="url(#t-line-0)">app</text>'
           '<text class="t-r2" x="36.6" y="20" textLength="12.2"'
           ' clip-path="url(#t-line-0)">╔</text>'
           '<text class="t-r1" x="48.8" y="44.4" textLength="24.4"'
           ' clip-path="url(#t-line-1)">in</text>'
           '<text class="t-r2" x="85.4" y="68.8" textLength="12.2"'
           ' clip-path="url(#t-line-2)">╝</text>')
    assert [words for words, *_ in faint_runs(svg)] == ["in"]


@pytest.mark.parametrize("path", screenshots(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_word_is_readable(path: Path) -> None:
    faint = faint_runs(path.read_text(encoding="utf-8"))
    report = "\n".join(f"  {value:.2f}:1  {words!r}  {colour} on {background}"
                       for words, colour, background, value in faint)
    assert not faint, f"{path.name} has text below {MINIMUM}:1\n{report}"
