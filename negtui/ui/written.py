"""Saying where a file was written: the path in a notification breaks only between its
folders, so a file name is never split across two lines."""

from __future__ import annotations

import os
import re
from pathlib import Path

from rich.cells import cell_len
from textual.widget import Widget

# Textual draws a notification 60 cells wide at most and on half the window at most,
# less its padding and the bar on its left.
TOAST_WIDTH = 60
TOAST_FRAME = 3
_AFTER_SEPARATOR = re.compile(f"(?<={re.escape(os.sep)})")


def path_lines(path: str, width: int) -> list[str]:
    """``path`` in lines of at most ``width`` cells, each broken just after a separator;
    a single folder or file name wider than that stays whole on its own line."""
    lines = [""]
    for part in (part for part in _AFTER_SEPARATOR.split(path) if part):
        if lines[-1] and cell_len(lines[-1] + part) > width:
            lines.append(part)
        else:
            lines[-1] += part
    return lines


def notify_written(node: Widget, lead: str, path: Path | str, title: str) -> None:
    """A notification: ``lead`` on its line, then the path on lines of its own."""
    width = min(TOAST_WIDTH, node.app.size.width // 2) - TOAST_FRAME
    node.notify("\n".join([lead, *path_lines(str(path), width)]), title=title, timeout=8,
                markup=False)
