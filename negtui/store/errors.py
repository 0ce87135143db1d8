"""What can go wrong with a data file, said so a person can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileProblem:
    path: Path
    message: str
    where: str = ""

    def __str__(self) -> str:
        place = f" at {self.where}" if self.where else ""
        return f"{self.path}{place}: {self.message}"


class StoreError(Exception):
    """A file could not be read, validated or written; nothing was changed."""

    def __init__(self, problems: list[FileProblem] | FileProblem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("; ".join(str(p) for p in self.problems))


class NotFound(StoreError):
    """The deal or record asked for does not exist."""


class ChangedMeanwhile(StoreError):
    """The record on disk is no longer the version the change started from: another
    window, the command line or a sync changed it. Nothing was written."""

    def __init__(self, path: Path, name: str, fields: list[tuple[str, object, object]],
                 on_disk: dict[str, object], current: object = None) -> None:
        self.name = name
        self.current = current
        """The record as the file holds it now, None if it was removed."""
        self.fields = fields
        """Each field that differs: (field, the value this change started from, on disk)."""
        self.on_disk = on_disk
        shown = "; ".join(f"{field}: {_short(ours)} → {_short(theirs)}"
                          for field, ours, theirs in fields[:4]) or "removed"
        super().__init__(FileProblem(path, f"{name} was changed elsewhere meanwhile ({shown})"))


def _short(value: object) -> str:
    text = "—" if value in (None, "", []) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


class ReadStopped(Exception):
    """A read given up half-way because it was no longer wanted."""
