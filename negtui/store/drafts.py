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


def _path(root: Path, deal_id: str) -> Path:
    return root / DRAFTS_DIR / f"{deal_id}.json"


def keep_draft(root: Path, deal_id: str, draft: Draft) -> None:
    path = _path(root, deal_id)
    make_private_dirs(path.parent)
    write_atomically(path, json.dumps({"direction": draft.direction, "text": draft.text},
                                      ensure_ascii=False) + "\n")


def read_draft(root: Path, deal_id: str) -> Draft | None:
    """The draft kept for the deal; a missing or unreadable one is no draft."""
    try:
        # Never a plain open: a FIFO left under that name would block the app for good.
        data = read_regular(_path(root, deal_id))
        if data is None:
            return None
        raw = json.loads(data.decode("utf-8"))
        draft = Draft(str(raw["direction"]), str(raw["text"]))
    except (StoreError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return draft if draft.text.strip() else None


def drop_draft(root: Path, deal_id: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _path(root, deal_id).unlink()
