"""Where the app writes exported documents: ``exports/`` inside the data folder."""

from __future__ import annotations

from pathlib import Path

from negtui.store.durable import make_private_dirs, write_atomically
from negtui.store.files import EXPORTS_DIR


def write_export(root: Path, filename: str, text: str) -> Path:
    """Write one document in full (or not at all) and return where it went."""
    folder = root / EXPORTS_DIR
    make_private_dirs(folder)
    path = folder / filename
    write_atomically(path, text)
    return path
