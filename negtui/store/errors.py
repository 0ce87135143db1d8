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
