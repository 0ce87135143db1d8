"""Half-typed capture lines, kept on disk so a dropped link or a closed window loses none.

One small file per deal under ``.drafts/``; they are this machine's own and never part of
the deal files.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from negtui.store.durable import make_private_dirs, write_atomically
from negtui.store.errors import StoreError
from negtui.store.reading import read_regular

DRAFTS_DIR = ".drafts"


@dataclass(frozen=True)
class Draft:
    direction: str
    text: str


def _path(root: Path, deal_id: str, direction: str = "given") -> Path:
    # A given line keeps the name every draft once had; a received one has its own file,
    # so a line half typed on one side never takes the place of the other's.
    suffix = "" if direction == "given" else f".{direction}"
    return root / DRAFTS_DIR / f"{deal_id}{suffix}.json"


def _paths(root: Path, deal_id: str) -> list[Path]:
    return [_path(root, deal_id), _path(root, deal_id, "received")]


def keep_draft(root: Path, deal_id: str, draft: Draft) -> None:
    path = _path(root, deal_id, draft.direction)
    make_private_dirs(path.parent)
    write_atomically(path, json.dumps({"direction": draft.direction, "text": draft.text},
                                      ensure_ascii=False) + "\n")


def _read(path: Path) -> Draft | None:
    try:
        # Never a plain open: a FIFO left under that name would block the app for good.
        data = read_regular(path)
        if data is None:
            return None
        raw = json.loads(data.decode("utf-8"))
        draft = Draft(str(raw["direction"]), str(raw["text"]))
    except (StoreError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return draft if draft.text.strip() else None


def read_draft(root: Path, deal_id: str, direction: str | None = None) -> Draft | None:
    """The draft kept for the deal on that side (either side when not given); a missing
    or unreadable one is no draft."""
    for path in _paths(root, deal_id):
        draft = _read(path)
        if draft is not None and direction in (None, draft.direction):
            return draft
    return None


def drop_draft(root: Path, deal_id: str, direction: str | None = None) -> None:
    """Forget the deal's draft on that side (on both when not given)."""
    for path in _paths(root, deal_id):
        if direction is not None and path != _path(root, deal_id, direction):
            kept = _read(path)
            if kept is None or kept.direction != direction:
                continue  # the other side's draft stays
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
