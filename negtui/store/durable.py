"""Writing a file so that a crash at any moment leaves either the old or the new version."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any

TEMP_SUFFIX = ".tmp"
BACKUP_DIR = ".backups"
BACKUPS_KEPT = 3
# A new backup generation is started when the newest one is older than this.
BACKUP_INTERVAL_S = 15 * 60


# Held for the length of every file write in this process. A process that must end at
# once (the terminal is gone) takes it first, so it never stops half-way through a write.
WRITING = threading.RLock()

# One encoder for every record: building one per call costs more than encoding a record.
_line = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def serialize(data: Any) -> str:
    """Sorted JSON with one record a line: readable, and a change shows in a diff as the
    record it touched when the folder is kept in git.

    Python's indenting encoder is pure Python and costs milliseconds on a large deal;
    the compact encoder is C, so each record is encoded compactly and laid out here.
    """
    if not isinstance(data, dict):
        return _line(data) + "\n"
    tables = []
    for name in sorted(data):
        table = data[name]
        if isinstance(table, dict) and table:
            keys = sorted(table, key=lambda key: (len(key), key))  # "2" before "10"
            rows = ",\n".join(f"    {_line(key)}: {_line(table[key])}" for key in keys)
            tables.append(f"  {_line(name)}: {{\n{rows}\n  }}")
        else:
            tables.append(f"  {_line(name)}: {_line(table)}")
    return "{\n" + ",\n".join(tables) + "\n}\n" if tables else "{}\n"


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(3)}{TEMP_SUFFIX}")


def write_atomically(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, rename over the target, fsync the folder."""
    temp = temp_name(path)
    with WRITING:
        try:
            with open(temp, "x", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        _fsync_dir(path.parent)


def backup_path(root: Path, path: Path, generation: int) -> Path:
    relative = path.relative_to(root)
    return root / BACKUP_DIR / relative.parent / f"{relative.name}.{generation}"


def rotate_backups(
    root: Path, path: Path, *, force: bool = False, now: float | None = None
) -> None:
    """Keep a few older generations of ``path`` under ``.backups/``.

    Hard links make this nearly free: the backup shares the old bytes, which the next
    atomic replace leaves alone.
    """
    if not path.exists():
        return
    newest = backup_path(root, path, 1)
    moment = time.time() if now is None else now
    if not force and newest.exists() and moment - newest.stat().st_mtime < BACKUP_INTERVAL_S:
        return
    newest.parent.mkdir(parents=True, exist_ok=True)
    for generation in range(BACKUPS_KEPT - 1, 0, -1):
        older = backup_path(root, path, generation)
        if older.exists():
            os.replace(older, backup_path(root, path, generation + 1))
    try:
        os.link(path, newest)
    except OSError:
        newest.write_bytes(path.read_bytes())
    os.utime(newest, (moment, moment))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete temp files left by a process that died mid-write; returns what was removed."""
    removed = []
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        parts = temp.name.split(".")
        owner = int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else -1
        if owner == os.getpid() or (owner > 0 and pid_alive(owner)):
            continue
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed
