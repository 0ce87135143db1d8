"""One user's session on a data folder: what every screen reads, and the deal in focus.

Screens type against this rather than the app, so they can only read state, run use
cases and listen; the app decides how a change is shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from negtui.actions.in_memory import with_records
from negtui.actions.undo import UndoStack
from negtui.domain.book import DealBook
from negtui.domain.checklist import checklist_progress
from negtui.domain.clock import Clock
from negtui.domain.models import Deal, Settings
from negtui.store import Portfolio, Store
from negtui.store.errors import ReadStopped, StoreError
from negtui.store.repository import Signature

Result = TypeVar("Result")
Listener = Callable[[], None]
# The longest a full read in a thread is held back for the screen (``hold_reading``).
HOLD_LIMIT_S = 1.0


@dataclass(frozen=True)
class Scan:
    """What a look at the folder found, worked out away from the screen."""

    generation: int
    signature: dict[Path, Signature | None]
    portfolio: Portfolio


class Session:
    """With ``glance``, deals whose summary is current are taken from it at first, so the
    Portfolio can be painted at once (``glance()``); everything else reads ``portfolio``,
    which is always every file read in full (``read_in_full`` does that in a thread
    meanwhile; until it is done, ``portfolio`` waits for it)."""

    def __init__(self, store: Store, clock: Clock, *, glance: bool = False) -> None:
        self.store = store
        self.clock = clock
        self._signature: dict[Path, Signature | None] = store.signature()
        store.summaries.enabled = store.summaries.enabled or glance
        self._portfolio: Portfolio = store.load(glance=glance)
        self._full_lock = threading.Lock()
        self._full_read: tuple[dict[Path, Signature | None], Portfolio] | None = None
        self._stopping = threading.Event()
        self._reading_on = threading.Event()
        self._reading_on.set()
        self.undo = UndoStack()
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
        return self.book(self._deal_id or "")

    def book(self, deal_id: str) -> DealBook | None:
        """The deal with every record: while the folder is still being read, from its own
        file alone when that can be (``read_alone``), else once the whole folder is read
        (which waits for it, so a file that failed is not tried alone again)."""
        if self._portfolio.partial and self.read_alone(deal_id):
            return self._portfolio.books.get(deal_id)
        return self.portfolio.books.get(deal_id)

    def read_alone(self, deal_id: str) -> bool:
        """Make the deal known with every record without waiting for the whole folder, and
        say whether that worked: one known from its summary only has its own file read
        into the portfolio now, in a few milliseconds. False when that file changed on
        disk since the folder was looked at, or does not check out: the full read reads it
        again and reports it by name."""
        glance = self._portfolio
        if deal_id not in glance.books:
            return False
        if deal_id not in glance.partial:
            return True
        path = self.store.deal_path(deal_id)
        try:
            book, signature = self.store.read_signed(deal_id)
        except StoreError:
            return False
        if signature is None or signature != self._signature.get(path) or book.id != deal_id:
            return False
        # The same object, its deal complete now: what was painted from it (the Portfolio
        # screen) stays true, so it need not be drawn again. A look at the folder started
        # before this one is not taken (it would bring the summary back).
        glance.books = {**glance.books, deal_id: book}
        glance.partial, glance.progress = glance.still_partial({deal_id})
        self._generation += 1
        return True

    def current_deal(self) -> Deal | None:
        # A deal's own fields are in its summary: no need to wait for the full read.
        book = self._portfolio.books.get(self._deal_id or "")
        return book.deal if book else None

    @property
    def settings(self) -> Settings:
        return self._portfolio.settings

    @property
    def default_zone(self) -> str:
        """The zone a portfolio without one of its own follows (config file, else system)."""
        return self.store.first_settings.timezone

    def checklist_progress(self, book: DealBook) -> tuple[int, int] | None:
        """Checklist items done and in all, for the portfolio table; None while the deal
        is known from its summary only and that does not say."""
        glance = self._portfolio
        if book.id in glance.partial:
            return glance.progress.get(book.id)
        return checklist_progress(book, glance.settings)

    # Reading in full

    @property
    def portfolio(self) -> Portfolio:
        """Every file of the folder read in full (waits for that, if need be)."""
        if self._portfolio.partial:
            self.settle()
        return self._portfolio

    def glance(self) -> Portfolio:
        """What is known now, maybe partly from summaries (``Portfolio.partial``): enough
        to paint the Portfolio screen without waiting for the full read."""
        return self._portfolio

    @property
    def complete(self) -> bool:
        return not self._portfolio.partial

    def read_in_full(self) -> None:
        """Read every file in full and keep it for ``settle``, and write the summaries
        due: safe to run in a thread. After ``stop_reading``, it gives up between two
        files (``settle`` then reads again, should anyone still ask)."""
        with self._full_lock:
            if self._full_read is None and self._portfolio.partial:
                before = self.store.signature()
                try:
                    self._full_read = (before, self.store.load(stop=self._give_up))
                except ReadStopped:
                    return
        self.keep_summaries()

    def stop_reading(self) -> None:
        """Tell a ``read_in_full`` under way in a thread to give up at the next file, as
        the app ends: it need not finish reading what nobody will see."""
        self._stopping.set()
        self._reading_on.set()

    def hold_reading(self) -> None:
        """Let a ``read_in_full`` under way in a thread wait before its next file, while
        the screen needs the processor to itself (a screen opening), until
        ``go_on_reading`` (or ``HOLD_LIMIT_S`` at most)."""
        self._reading_on.clear()

    def go_on_reading(self) -> None:
        self._reading_on.set()

    def reading_may_go_on(self) -> bool:
        """Asked by a full read (or what prepares it) in a thread before each step: waits
        while it is held back, then says whether to go on (not after ``stop_reading``)."""
        if not self._reading_on.wait(HOLD_LIMIT_S):
            self._reading_on.set()  # held too long: the screen's turn is over
        return not self._stopping.is_set()

    def _give_up(self) -> bool:
        return not self.reading_may_go_on()

    @property
    def stopping(self) -> bool:
        """Whether ``stop_reading`` was called (and no reading asked for since)."""
        return self._stopping.is_set()

    def keep_summaries(self) -> None:
        """Write the summaries of the files read in full since last time (thread-safe)."""
        self.store.summaries.write_due()

    def settle(self) -> None:
        """Use the full read (made now if no thread has made it) in place of what came
        from summaries; anything changed on disk meanwhile is read again at once."""
        if not self._portfolio.partial:
            return
        self._stopping.clear()  # asked for here and now: read to the end
        self._reading_on.set()
        self.read_in_full()
        with self._full_lock:
            assert self._full_read is not None
            before, full = self._full_read
            self._full_read = None
        self._signature = before
        self._portfolio = full
        if not self.reload():
            self._apply(full)

    # Changing and re-reading

    def run(self, use_case: Callable[[Store], Result], deal_id: str | None = None) -> Result:
        """Run one use case against the store, then re-read what it wrote, once.

        ``deal_id`` names the deal file it writes, so only that file is looked at; without
        it the whole folder is compared. A ``StoreError`` reaches the caller with the files
        as they were.
        """
        self.store.last_put = None
        result = use_case(self.store)
        if deal_id and self._took_in_memory(deal_id):
            return result
        paths = {self.store.deal_path(deal_id)} if deal_id else None
        self.reload(paths)
        return result

    def _took_in_memory(self, deal_id: str) -> bool:
        """Put what the use case wrote into the deal held here, when that gives exactly the
        file as it is now: its one write was a ``put`` into the very file this session last
        read (checked by signature, under the file's lock) and nothing changed it since.
        Otherwise (another process wrote meanwhile, say) False: the file is to be read."""
        written, self.store.last_put = self.store.last_put, None
        path = self.store.deal_path(deal_id)
        if written is None or written.path != path or written.before is None:
            return False
        portfolio = self._portfolio  # a deal written from a screen is whole in it
        book = portfolio.books.get(deal_id)
        if (book is None or deal_id in portfolio.partial or written.after is None
                or written.before != self._signature.get(path)
                or self.store.path_signature(path) != written.after):
            return False
        book = with_records(book, written.records)
        self._signature[path] = written.after
        if self.store.summaries.enabled and not self.store.read_only:
            self.store.summaries.keep(path, written.after, book, portfolio.settings)
        fresh = replace(portfolio, books={**portfolio.books, deal_id: book})
        self._apply(fresh)
        return True

    def reload(self, paths: set[Path] | None = None) -> bool:
        """Re-read files that changed on disk (only ``paths``, when given); tells the
        listeners once. Returns whether anything changed. While the folder is still being
        read, what comes from summaries stays so (``settle`` later reads again what
        changed meanwhile)."""
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
        self._portfolio = portfolio
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
        return Scan(generation, fresh, self.store.refresh(self._portfolio, changed))

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
