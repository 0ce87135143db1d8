"""Reading a data file without trusting it.

Only a regular file is ever opened: a FIFO would block the reader for good and a device
might never end. JSON nested too deeply or holding a number too long to convert is a
problem of that one file, reported by its name, never a crash of the whole portfolio.
"""

from __future__ import annotations

import gc
import json
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from negtui.store.errors import FileProblem, StoreError

Raw = dict[str, Any]

# Deeper than this, a value kept for a newer negtui is refused: nothing negtui writes
# comes near it, and the encoders give up a few hundred levels down.
MAX_NESTING = 64

_KINDS = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a named pipe (FIFO)",
          stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a character device",
          stat.S_ISBLK: "a block device"}


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS.items() if test(mode)), "not a regular file")


def _not_a_file(path: Path, mode: int) -> StoreError:
    return StoreError(FileProblem(path, f"is {_kind(mode)}, not a data file; move it away"))


def read_regular(path: Path) -> bytes | None:
    """The bytes of the regular file at ``path`` (a link to one counts), None when
    nothing is there; anything else there is a ``StoreError`` naming it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise StoreError(FileProblem(
                path, "is a symbolic link to a file that does not exist")) from None
        return None
    except OSError as error:
        raise StoreError(FileProblem(path, f"cannot be read: {error.strerror}")) from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_a_file(path, info.st_mode)
    try:
        # Should it have become a FIFO since the look above, this still does not block.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(FileProblem(path, f"cannot be read: {error.strerror}")) from None
    with open(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_a_file(path, mode)
        try:
            return handle.read()
        except OSError as error:
            raise StoreError(FileProblem(path, f"cannot be read: {error.strerror}")) from None


def parse_json_value(text: str, path: Path) -> Any:
    """Any JSON value; what the decoder refuses is a ``StoreError`` naming the file."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise StoreError(FileProblem(path, f"is not valid JSON ({error.msg})", where)) from None
    except RecursionError:
        raise StoreError(FileProblem(path, "is nested too deeply to be read")) from None
    except ValueError:
        # The only other refusal of the decoder: an integer longer than Python converts.
        limit = sys.get_int_max_str_digits()
        raise StoreError(FileProblem(
            path, f"holds a number of more than {limit} digits, too long to be read")) from None


def parse_json(text: str, path: Path) -> Raw:
    raw = parse_json_value(text, path)
    if not isinstance(raw, dict):
        raise StoreError(FileProblem(path, "should hold a JSON object of tables"))
    return raw


def read_raw(path: Path) -> Raw | None:
    """The file's tables, or None when it does not exist."""
    data = read_regular(path)
    if data is None:
        return None
    if not data.strip():
        raise StoreError(FileProblem(path, "is empty (expected JSON tables)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StoreError(
            FileProblem(path, "is not UTF-8 text", f"byte {error.start}")
        ) from None
    return parse_json(text, path)


def too_deep(value: Any, limit: int = MAX_NESTING) -> bool:
    """Whether lists and objects inside ``value`` go more than ``limit`` levels down."""
    level: list[tuple[Any, int]] = [(value, 1)]
    while level:
        item, depth = level.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            level.extend((inner, depth + 1) for inner in item.values()
                         if isinstance(inner, (dict, list)))
        elif isinstance(item, list):
            level.extend((inner, depth + 1) for inner in item if isinstance(inner, (dict, list)))
    return False


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block (and back on after, if it was)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
