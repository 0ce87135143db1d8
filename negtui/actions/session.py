"""One user's session on a data folder: what every screen reads, and the deal in focus.

Screens type against this rather than the app, so they can only read state, run use
cases and listen; the app decides how a change is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from negtui.actions.undo import UndoStack
from negtui.domain.book import DealBook
from negtui.domain.checklist import checklist_progress
from negtui.domain.clock import Clock
from negtui.domain.models import Deal, Settings
from negtui.store import Portfolio, Store
from negtui.store.repository import Signature

Result = TypeVar("Result")
Listener = Callable[[], None]


@dataclass(frozen=True)
class Scan:
    """What a look at the folder found, worked out away from the screen."""

    generation: int
    signature: dict[Path, Signature | None]
    portfolio: Portfolio


class Session:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.portfolio: Portfolio = store.load()
        self.undo = UndoStack()
        self._signature: dict[Path, Signature | None] = store.signature()
        self._deal_id: str | None = None
        self._generation = 0
        self._reload_listeners: list[Listener] = []
        self._focus_listeners: list[Listener] = []

    # Listening

    def on_reload(self, listener: Listener) -> None:
        """Call ``listener`` once after each change to the portfolio read from disk."""
        self._reload_listeners.append(listener)

    def on_focus(self, listener: Listener) -> None:
        """Call ``listener`` whenever another deal comes into focus."""
        self._focus_listeners.append(listener)

    # The deal in focus

    @property
    def deal_id(self) -> str | None:
        return self._deal_id

    def focus(self, deal_id: str | None) -> None:
        if deal_id == self._deal_id:
            return
        self._deal_id = deal_id
        for listener in self._focus_listeners:
            listener()

    def current_book(self) -> DealBook | None:
        return self.portfolio.books.get(self._deal_id or "")

    def current_deal(self) -> Deal | None:
        book = self.current_book()
        return book.deal if book else None

    @property
    def settings(self) -> Settings:
        return self.portfolio.settings

    def checklist_progress(self, book: DealBook) -> tuple[int, int]:
        """Checklist items done and in all, for the portfolio table."""
        return checklist_progress(book, self.portfolio.settings)

    # Changing and re-reading

    def run(self, use_case: Callable[[Store], Result], deal_id: str | None = None) -> Result:
        """Run one use case against the store, then re-read what it wrote, once.

        ``deal_id`` names the deal file it writes, so only that file is looked at; without
        it the whole folder is compared. A ``StoreError`` reaches the caller with the files
        as they were.
        """
        result = use_case(self.store)
        paths = {self.store.deal_path(deal_id)} if deal_id else None
        self.reload(paths)
        return result

    def reload(self, paths: set[Path] | None = None) -> bool:
        """Re-read files that changed on disk (only ``paths``, when given); tells the
        listeners once. Returns whether anything changed."""
        if paths is None:
            fresh = self.store.signature()
            changed = {path for path in fresh.keys() | self._signature.keys()
                       if fresh.get(path) != self._signature.get(path)}
            self._signature = fresh
        else:
            fresh = {path: self.store.path_signature(path) for path in paths}
            changed = {path for path in paths if fresh[path] != self._signature.get(path)}
            self._signature.update(fresh)
            for path in paths:
                if fresh[path] is None:
                    self._signature.pop(path, None)
        if not changed:
            return False
        self._apply(self.store.refresh(self.portfolio, changed))
        return True

    def _apply(self, portfolio: Portfolio) -> None:
        self._generation += 1
        self.portfolio = portfolio
        for listener in self._reload_listeners:
            listener()

    def scan(self) -> Scan | None:
        """Look for files changed by another process and read them, without touching the
        session: safe to run in a thread. None when nothing changed."""
        generation = self._generation
        known = dict(self._signature)
        fresh = self.store.signature()
        changed = {path for path in fresh.keys() | known.keys()
                   if fresh.get(path) != known.get(path)}
        if not changed:
            return None
        return Scan(generation, fresh, self.store.refresh(self.portfolio, changed))

    def take(self, scan: Scan) -> bool:
        """Use what ``scan`` read, unless the session changed since it started (then the
        next look finds the same files again)."""
        if scan.generation != self._generation:
            return False
        self._signature = scan.signature
        self._apply(scan.portfolio)
        return True

    def forget_signatures(self) -> None:
        """Make the next ``reload`` read every file again."""
        self._signature = {}
