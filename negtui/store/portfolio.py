"""What a read of the data folder yields, and the fingerprint that tells a file has changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from negtui.domain.book import DealBook
from negtui.domain.models import Deal, Lesson, Settings
from negtui.store.errors import FileProblem

# (inode, modification time in ns, size) of one file.
Signature = tuple[int, int, int]


@dataclass
class Portfolio:
    """What the folder held when it was read: the valid deals and every problem found."""

    settings: Settings = field(default_factory=Settings)
    lessons: list[Lesson] = field(default_factory=list)
    books: dict[str, DealBook] = field(default_factory=dict)
    problems: list[FileProblem] = field(default_factory=list)
    partial: set[str] = field(default_factory=set)
    """Deals not read in full: from their summary (the deal, the terms and milestones its
    alerts can come from, see ``summaries``) or, for a command, with only some lists of
    records (``Store.load(only=...)``). Empty once every file has been read in full."""
    progress: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The checklist progress of partial deals, where the summary knows it."""

    def deals(self) -> list[Deal]:
        return [book.deal for book in self.books.values()]

    def still_partial(self, reread: set[str]) -> tuple[set[str], dict[str, tuple[int, int]]]:
        """``partial`` and ``progress`` once the deals ``reread`` are read in full."""
        partial = self.partial - reread
        return partial, {key: self.progress[key] for key in partial & self.progress.keys()}


def file_signature(path: Path) -> Signature | None:
    """None when the file does not exist."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)
