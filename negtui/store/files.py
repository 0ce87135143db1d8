"""Writing an exported document: to a file atomically, or to standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from negtui.store.durable import write_atomically


def write_output(target: str | None, text: str) -> None:
    """``-o FILE`` gets a complete file or none at all; no ``-o`` prints to stdout."""
    if target and target != "-":
        write_atomically(Path(target).resolve(), text)
    else:
        sys.stdout.write(text)
