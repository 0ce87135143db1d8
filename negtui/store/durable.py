"""Writing a file so that a crash at any moment leaves either the old or the new version."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
import threading
import time
from pathlib import Path
from typing import Any

TEMP_SUFFIX = ".tmp"
BACKUP_DIR = ".backups"
BACKUPS_KEPT = 3
# A new backup generation is started when the newest one is older than this.
BACKUP_INTERVAL_S = 15 * 60
# What a file or folder negtui creates allows: its owner only. A file that is rewritten
# keeps the mode it had.
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# A temp file whose name does not say which process writes it is left alone this long.
UNNAMED_TEMP_AGE_S = 60


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


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(3)}{TEMP_SUFFIX}")


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parent, each readable by the user only; folders
    that exist keep the mode they have."""
    missing = []
    here = folder
    while not here.is_dir():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for step in reversed(missing):
        with contextlib.suppress(FileExistsError):
            step.mkdir(mode=PRIVATE_DIR)


def tighten_dir(folder: Path) -> bool:
    """Take away what a folder negtui made allows anyone but its owner (a folder made by
    an older negtui, or by git, was 0755); returns whether it changed. Only a real folder
    (not a link) owned by this user is touched, and one that cannot be changed is left."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    mode = stat.S_IMODE(info.st_mode)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or not mode & 0o077:
        return False
    try:
        os.chmod(folder, mode & PRIVATE_DIR, follow_symlinks=False)
    except (OSError, NotImplementedError):
        return False
    return True


def mode_to_keep(path: Path) -> int:
    """The permissions a new version of ``path`` gets: those of the file it replaces, or
    the user's alone for a new file."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return PRIVATE_FILE


def write_temp(path: Path, text: str) -> Path:
    """The complete new version of ``path`` in a temp file beside it, on disk, with the
    mode the file will keep; nothing is left behind when this raises."""
    temp = temp_name(path)
    mode = mode_to_keep(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with open(fd, "w", encoding="utf-8") as handle:
            # Set outright, so neither the umask nor the temp's own mode decides.
            os.fchmod(handle.fileno(), mode)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def write_atomically(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, rename over the target, fsync the folder.

    The file keeps its permissions; a new one is readable by the user only.
    """
    with WRITING:
        temp = write_temp(path, text)
        try:
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        fsync_dir(path.parent)


def backup_path(root: Path, path: Path, generation: int) -> Path:
    relative = path.relative_to(root)
    return root / BACKUP_DIR / relative.parent / f"{relative.name}.{generation}"


def rotate_backups(
    root: Path, path: Path, *, force: bool = False, now: float | None = None,
    source: Path | None = None,
) -> None:
    """Keep a few older generations of ``path`` under ``.backups/``, the newest taken from
    ``source`` when given (another name of the version being replaced), else ``path``.

    Hard links make this nearly free: the backup shares the old bytes, which the next
    atomic replace leaves alone.
    """
    current = path if source is None else source
    if not current.exists():
        return
    newest = backup_path(root, path, 1)
    moment = time.time() if now is None else now
    if not force and newest.exists() and moment - newest.stat().st_mtime < BACKUP_INTERVAL_S:
        return
    make_private_dirs(newest.parent)
    for generation in range(BACKUPS_KEPT - 1, 0, -1):
        older = backup_path(root, path, generation)
        if older.exists():
            os.replace(older, backup_path(root, path, generation + 1))
    try:
        os.link(current, newest)
    except OSError:
        _copy_privately(current, newest)
    os.utime(newest, (moment, moment))


def _copy_privately(source: Path, target: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with open(fd, "wb") as handle:
        handle.write(source.read_bytes())


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def temp_owner(temp: Path) -> int | None:
    """The process id a temp file's name carries, None when it names none."""
    parts = temp.name.split(".")
    return int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else None


def is_stale(temp: Path, now: float) -> bool:
    """A temp file nobody is still writing: its writer has ended, or (for a name that
    says no writer) it has not changed for a minute."""
    owner = temp_owner(temp)
    if owner is not None and owner > 0:
        return owner != os.getpid() and not pid_alive(owner)
    try:
        return now - temp.lstat().st_mtime >= UNNAMED_TEMP_AGE_S
    except OSError:
        return False


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Delete temp files left by a process that died mid-write; returns what was removed."""
    moment = time.time() if now is None else now
    removed = []
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        if not is_stale(temp, moment):
            continue
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


def unused_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or with ``.2``, ``.3``... before the suffix if that exists."""
    target = folder / f"{stem}{suffix}"
    copies = 1
    while target.exists():
        copies += 1
        target = folder / f"{stem}.{copies}{suffix}"
    return target
