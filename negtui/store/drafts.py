"""Half-typed capture lines, kept on disk so a dropped link or a closed window loses none.

They live under ``.drafts/``, one small file per deal and side, so a line half typed on
one side never takes the place of the other's:

- ``<deal id>.json`` holds the given line. It is also the name every draft had before
  each side had a file of its own, so a file kept then may hold a received line: it is
  read for the side it names inside, whatever its file name.
- ``<deal id>.received.json`` holds the received line.
- ``<deal id>.<side>.aside.json`` holds, newest last, lines of that side set aside
  without being logged: a line the bar refused while the rest of a burst went on, or a
  kept line that keys typed before it was brought back started afresh.

They are this machine's own and never part of the deal files.
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
    """The side of the line: ``given`` or ``received``."""
    text: str


def _path(root: Path, deal_id: str, direction: str = "given") -> Path:
    """The file where a line of that side of the deal is kept."""
    suffix = "" if direction == "given" else f".{direction}"
    return root / DRAFTS_DIR / f"{deal_id}{suffix}.json"


def _paths(root: Path, deal_id: str) -> list[Path]:
    """Every file that may hold a draft of the deal: the given side's (with, from before
    the sides were kept apart, maybe a received line), then the received side's."""
    return [_path(root, deal_id), _path(root, deal_id, "received")]


def keep_draft(root: Path, deal_id: str, draft: Draft) -> None:
    """Keep ``draft`` in its side's file. A received line kept under the given side's
    name before each side had a file goes to its own file first, so the given line
    written there does not take its place; the side's own line kept before is replaced."""
    if draft.direction == "given":
        _move_old_received(root, deal_id)
    path = _path(root, deal_id, draft.direction)
    make_private_dirs(path.parent)
    write_atomically(path, json.dumps({"direction": draft.direction, "text": draft.text},
                                      ensure_ascii=False) + "\n")


def _read(path: Path) -> Draft | None:
    """The draft in the file; None when it is missing, cannot be read, or is blank."""
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


def _holds(path: Path, direction: str) -> bool:
    """Whether the file holds a line of that side (whatever its name says)."""
    kept = _read(path)
    return kept is not None and kept.direction == direction


def read_draft(root: Path, deal_id: str, direction: str | None = None) -> Draft | None:
    """The draft kept for the deal on that side (either side when not given); a missing
    or unreadable one is no draft."""
    for path in _paths(root, deal_id):
        draft = _read(path)
        if draft is not None and direction in (None, draft.direction):
            return draft
    return None


def _move_old_received(root: Path, deal_id: str) -> None:
    """A received line in the given side's file (kept before the sides had a file each)
    moves to the received side's file, unless that already holds a line of its own."""
    kept = _read(_path(root, deal_id))
    if kept is not None and kept.direction == "received" \
            and _read(_path(root, deal_id, "received")) is None:
        keep_draft(root, deal_id, kept)


def drop_draft(root: Path, deal_id: str, direction: str | None = None) -> None:
    """Forget the deal's draft on that side (on both when not given): the file of that
    side, unless it holds a line of the other side (a given side's file kept before each
    side had its own), and the other file when the line in it is of that side."""
    for path in _paths(root, deal_id):
        own = direction is not None and path == _path(root, deal_id, direction)
        if direction is None or (own and not _holds(path, _other(direction))) \
                or _holds(path, direction):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _other(direction: str) -> str:
    return "received" if direction == "given" else "given"


def _aside_path(root: Path, deal_id: str, direction: str) -> Path:
    return root / DRAFTS_DIR / f"{deal_id}.{direction}.aside.json"


def _aside(path: Path) -> list[str]:
    try:
        data = read_regular(path)
        lines = json.loads(data.decode("utf-8")) if data is not None else []
    except (StoreError, ValueError, RecursionError):
        return []
    return [line for line in lines if isinstance(line, str)] if isinstance(lines, list) else []


def set_aside(root: Path, deal_id: str, direction: str, text: str) -> None:
    """Keep ``text`` among the lines of that side set aside, after those kept before."""
    if not text.strip():
        return
    path = _aside_path(root, deal_id, direction)
    make_private_dirs(path.parent)
    lines = [*_aside(path), text]
    write_atomically(path, json.dumps(lines, ensure_ascii=False) + "\n")


def newest_aside(root: Path, deal_id: str, direction: str) -> str | None:
    """The newest line of that side set aside; None when none is."""
    lines = _aside(_aside_path(root, deal_id, direction))
    return lines[-1] if lines else None


def drop_newest_aside(root: Path, deal_id: str, direction: str) -> None:
    """No longer keep the newest line of that side set aside (it was brought back)."""
    path = _aside_path(root, deal_id, direction)
    rest = _aside(path)[:-1]
    if rest:
        write_atomically(path, json.dumps(rest, ensure_ascii=False) + "\n")
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
