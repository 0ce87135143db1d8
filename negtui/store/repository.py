"""The portfolio folder: one TinyDB file per deal plus ``portfolio.json``.

Every change is a transaction: take the file's lock, re-read the file, check it, apply the
change in memory, write it back atomically, release the lock. Two app windows and the CLI
can therefore work on the same folder without losing an update.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.middlewares import CachingMiddleware

from negtui.domain.book import DealBook
from negtui.domain.clock import Clock, system_clock
from negtui.domain.models import Checklist, Deal, Lesson, Record, Settings
from negtui.store.batch import Staged
from negtui.store.changes import file_lock, merge_book, replace_table, still_the_same
from negtui.store.durable import make_private_dirs, unused_name
from negtui.store.errors import FileProblem, NotFound, ReadStopped, StoreError
from negtui.store.layout import (
    CHECKLIST_TABLE,
    DEAL_TABLE,
    LESSONS_TABLE,
    SETTINGS_TABLE,
    book_from_raw,
    read_deal_file,
    settings_from_raw,
    table_of,
    up_to_date,
)
from negtui.store.migrations import META_TABLE, Raw, meta_doc
from negtui.store.portfolio import Portfolio, Signature, file_signature
from negtui.store.reading import collector_paused, read_raw
from negtui.store.storage import DurableStorage
from negtui.store.summaries import Summaries, settings_key
from negtui.store.upkeep import tidy
from negtui.store.written import Written

PORTFOLIO_FILE = "portfolio.json"
DEALS_DIR = "deals"
TRASH_DIR = ".trash"


class Store:
    def __init__(self, root: Path | str, clock: Clock = system_clock, lock_timeout: float = 10.0):
        self.root = Path(root).expanduser().resolve()
        self.deals_dir = self.root / DEALS_DIR
        self.portfolio_path = self.root / PORTFOLIO_FILE
        self.clock = clock
        self.lock_timeout = lock_timeout
        self.read_only = False
        # What a portfolio without a settings file starts from (the user's own defaults).
        self.first_settings = Settings()
        # Files this process has fully validated, by signature: unchanged bytes need no
        # second check, which keeps a write cheap however large the deal grows.
        self._checked: dict[Path, Signature] = {}
        self.summaries = Summaries(self.root)
        self.last_put: Written | None = None  # the last put of this Store, see ``Written``
        self._written: Signature | None = None

    def open(self) -> Store:
        """Create the folder if needed and clear temp files left by a crashed writer.

        A folder this process may not write to opens read-only: everything can be read,
        and every change is refused with a message.
        """
        if self.root.is_dir() and not os.access(self.root, os.W_OK | os.X_OK):
            self.read_only = True
            return self
        try:
            make_private_dirs(self.deals_dir)
        except OSError as error:
            raise StoreError(
                FileProblem(self.root, f"cannot be used as a data folder: {error.strerror}")
            ) from None
        if not os.access(self.deals_dir, os.W_OK | os.X_OK):
            self.read_only = True
            return self
        self.sweep_temps()
        return self

    def sweep_temps(self) -> None:
        """Put the folder in order after a writer that was killed (see ``upkeep.tidy``)."""
        tidy(self.root)

    def _refuse_if_read_only(self, path: Path) -> None:
        if self.read_only:
            raise StoreError(FileProblem(
                path, "was not changed: the data folder is read-only (open it from a copy, "
                      "or fix its permissions)"))

    def deal_path(self, deal_id: str) -> Path:
        return self.deals_dir / f"{deal_id}.json"

    def deal_files(self) -> list[Path]:
        """Every name a deal file would have, whatever is there: a folder, a dangling link
        or a FIFO so named is listed too, to be reported rather than silently missed."""
        # scandir rather than Path.glob: this runs on every screen switch, and glob costs
        # tens of milliseconds on a folder of a few hundred deals.
        try:
            with os.scandir(self.deals_dir) as entries:
                names = sorted(entry.name for entry in entries
                               if entry.name.endswith(".json") and not entry.name.startswith("."))
        except (FileNotFoundError, NotADirectoryError):
            return []
        return [self.deals_dir / name for name in names]

    # Reading

    def _check_deal(self, raw: Raw, path: Path) -> None:
        """Before a write: the whole file must check out, and hold the deal its name says."""
        signature = file_signature(path)
        if signature is not None and self._checked.get(path) == signature:
            return
        book_from_raw(raw, path, expected_id=path.stem)
        if signature is not None:
            self._checked[path] = signature

    def _check_portfolio(self, raw: Raw, path: Path) -> None:
        settings_from_raw(raw, path)

    def read_book(self, deal_id: str) -> DealBook:
        """The deal in its file; a file that holds another deal id is refused, so nothing
        meant for one deal is ever written into another's file."""
        return self._read_book(deal_id)[0]

    def read_signed(self, deal_id: str) -> tuple[DealBook, Signature | None]:
        """The deal, and the signature its file had before it was read."""
        return self._read_book(deal_id)

    def _read_book(self, deal_id: str) -> tuple[DealBook, Signature | None]:
        """The deal, and the signature its file had before it was read."""
        path = self.deal_path(deal_id)
        # Taken before reading: if the file is replaced meanwhile, the new one is not
        # wrongly remembered as checked.
        signature = file_signature(path)
        book = read_deal_file(path)
        if signature is not None:
            self._checked[path] = signature
        return book, signature

    def _read_and_summarize(self, path: Path, settings: Settings) -> DealBook:
        book, signature = self._read_book(path.stem)  # and its summary brought up to date
        if self.summaries.enabled and not self.read_only:
            self.summaries.keep(path, signature, book, settings)
        return book

    def read_settings(self) -> tuple[Settings, list[Lesson]]:
        path = self.portfolio_path
        raw = read_raw(path)
        problems: list[FileProblem] = []
        if raw is None:
            return self.first_settings, []
        raw = up_to_date(raw, "portfolio", path, problems)
        settings, lessons = settings_from_raw(raw, path, problems)  # a zone unset: the user's
        return settings.following(self.first_settings.timezone), lessons

    def load(self, *, glance: bool = False, stop: Callable[[], bool] = bool,
             only: Collection[str] | None = None) -> Portfolio:
        """Everything readable; a broken file is listed in ``problems`` and left alone.
        With ``glance``, deals with a current summary come from it (``partial``);
        ``ReadStopped`` when ``stop()``, asked before each file, says to give up.
        With ``only``, a deal read from its file holds just those lists (``partial``), for
        a command that reports on them; with both, a summary gives what it keeps."""
        # Tens of thousands of new objects trigger the cyclic collector again and again
        # while nothing here can be garbage; pausing it nearly halves a large load.
        with collector_paused():
            return self._load(glance, stop, only)

    def _load(self, glance: bool, stop: Callable[[], bool],
              only: Collection[str] | None = None) -> Portfolio:
        portfolio = Portfolio()
        try:
            portfolio.settings, portfolio.lessons = self.read_settings()
        except StoreError as error:
            portfolio.problems.extend(error.problems)
        key = settings_key(portfolio.settings)
        for path in self.deal_files():
            if stop():
                raise ReadStopped
            found = self.summaries.glance(path, file_signature(path), key) if glance else None
            if found is not None:
                portfolio.books[path.stem] = found[0]
                portfolio.partial.add(path.stem)
                if found[1] is not None:
                    portfolio.progress[path.stem] = found[1]
                continue
            try:
                if only is None:
                    book = self._read_and_summarize(path, portfolio.settings)
                else:
                    # Not remembered as checked: the rest of the file was not.
                    book = read_deal_file(path, only)
                    portfolio.partial.add(book.id)
            except StoreError as error:
                portfolio.problems.extend(error.problems)
                continue
            portfolio.books[book.id] = book
        return portfolio

    def refresh(self, portfolio: Portfolio, changed: set[Path]) -> Portfolio:
        """Re-read only the files in ``changed``; the rest of ``portfolio`` is kept."""
        if self.portfolio_path in changed:
            fresh = Portfolio(books=portfolio.books)
            fresh.problems = [p for p in portfolio.problems if p.path != self.portfolio_path]
            try:
                fresh.settings, fresh.lessons = self.read_settings()
            except StoreError as error:
                fresh.problems.extend(error.problems)
        else:
            fresh = Portfolio(settings=portfolio.settings, lessons=portfolio.lessons,
                              books=portfolio.books)
            fresh.problems = [p for p in portfolio.problems if p.path != self.portfolio_path]
        fresh.books = dict(fresh.books)
        fresh.problems = [p for p in fresh.problems if p.path not in changed
                          or p.path == self.portfolio_path]
        fresh.partial, fresh.progress = portfolio.still_partial({p.stem for p in changed})
        for path in changed:
            if path.parent != self.deals_dir:
                continue
            fresh.books.pop(path.stem, None)
            if not os.path.lexists(path):
                continue
            try:
                fresh.books[path.stem] = self._read_and_summarize(path, fresh.settings)
            except StoreError as error:
                fresh.problems.extend(error.problems)
        return fresh

    def check(self) -> list[FileProblem]:
        """Every problem in every file of the folder."""
        return self.load().problems

    def path_signature(self, path: Path) -> Signature | None:
        return file_signature(path)

    def signature(self) -> dict[Path, Signature | None]:
        """A cheap fingerprint of the folder, to notice changes by another process."""
        paths = [self.portfolio_path, *self.deal_files()]
        return {path: file_signature(path) for path in paths}

    # Writing

    @contextmanager
    def _locked(self, path: Path) -> Iterator[None]:
        """Hold the file's lock; a read-only folder refuses before anything is tried."""
        self._refuse_if_read_only(path)
        with file_lock(path, self.lock_timeout):
            yield

    @contextmanager
    def _transaction(self, path: Path, kind: str, *, create: bool = False,
                     staged: Staged | None = None) -> Iterator[TinyDB]:
        """One change to one file. With ``staged`` (whose caller holds the lock) the new
        version is only prepared, to be put in place together with the rest."""
        check: Callable[[Raw, Path], None] = (self._check_deal if kind == "deal"
                                              else self._check_portfolio)
        with self._locked(path) if staged is None else nullcontext():
            # A dangling link or a FIFO of that name exists too: it must not be created over.
            exists = os.path.lexists(path)
            if exists and create:
                raise StoreError(FileProblem(path, "already exists"))
            if not exists and not create and kind == "deal":
                raise NotFound(FileProblem(path, "does not exist"))
            cache = CachingMiddleware(DurableStorage)
            # The middleware would otherwise write after every 1000 changes, part-way through.
            cache.WRITE_CACHE_SIZE = sys.maxsize
            db = TinyDB(str(path), storage=cache, root=self.root, kind=kind, validate=check,
                        staged=staged)
            if not db.table(META_TABLE).all():
                db.table(META_TABLE).insert(meta_doc(kind))
            yield db
            # Only a change that ran to its end is written, in one atomic replace.
            cache.flush()
            if kind == "deal" and staged is None:
                self._written = signature = file_signature(path)  # still under the lock
                if signature is not None:
                    self._checked[path] = signature

    def save_settings(self, settings: Settings) -> None:
        with self._transaction(self.portfolio_path, "portfolio", create=False) as db:
            replace_table(db, SETTINGS_TABLE, [settings.model_dump(mode="json")])

    def put_lesson(self, lesson: Lesson) -> None:
        with self._transaction(self.portfolio_path, "portfolio") as db:
            db.table(LESSONS_TABLE).upsert(lesson.model_dump(mode="json"), Query().id == lesson.id)

    def create_deal(self, deal: Deal) -> None:
        with self._transaction(self.deal_path(deal.id), "deal", create=True) as db:
            db.table(DEAL_TABLE).insert(deal.model_dump(mode="json"))

    def save_deal(self, deal: Deal, expected: Deal | None = None) -> None:
        """Write the deal's own fields; with ``expected``, only if the file still holds
        that version (else ``ChangedMeanwhile``)."""
        path = self.deal_path(deal.id)
        with self._transaction(path, "deal") as db:
            if expected is not None:
                found = db.table(DEAL_TABLE).all()
                still_the_same(path, expected.name, expected,
                                dict(found[0]) if found else None)
            replace_table(db, DEAL_TABLE, [deal.model_dump(mode="json")])

    def put(self, deal_id: str, *records: Record, expected: Sequence[Record] = ()) -> None:
        """Insert or replace records (by id) in one transaction, each in the list of its kind;
        if the file no longer holds the versions ``expected`` (those the change started
        from), ``ChangedMeanwhile`` is raised and nothing written. See also ``last_put``."""
        tables, path = [table_of(record) for record in records], self.deal_path(deal_id)
        self.last_put = None
        with self._transaction(path, "deal") as db:
            before = file_signature(path)  # under the lock, as the file is merged into
            for old in expected:
                found = db.table(table_of(old)).get(Query().id == old.id)
                still_the_same(path, getattr(old, "name", "") or old.id, old,
                                dict(found) if isinstance(found, dict) else None)
            for table_name, record in zip(tables, records, strict=True):
                db.table(table_name).upsert(record.model_dump(mode="json"),
                                            Query().id == record.id)
        self.last_put = Written(path, before, self._written, records)

    def remove(self, deal_id: str, record: Record) -> None:
        table_name = table_of(record)
        with self._transaction(self.deal_path(deal_id), "deal") as db:
            removed = db.table(table_name).remove(Query().id == record.id)
            if not removed:
                raise NotFound(FileProblem(self.deal_path(deal_id), f"has no {record.id}",
                                           table_name))

    def set_ticked(self, deal_id: str, key: str, ticked: bool) -> Checklist:
        """Tick or untick one checklist item against the file as it is now, so a tick made
        by another window in the meantime is kept."""
        with self._transaction(self.deal_path(deal_id), "deal") as db:
            found = db.table(CHECKLIST_TABLE).all()
            checklist = Checklist.model_validate(dict(found[0])) if found else Checklist()
            keys = [k for k in checklist.ticked if k != key]
            checklist.ticked = [*keys, key] if ticked else keys
            replace_table(db, CHECKLIST_TABLE, [checklist.model_dump(mode="json")])
        return checklist

    def write_book(self, book: DealBook) -> None:
        """Create or merge a whole deal: the deal itself, and every record by id."""
        path = self.deal_path(book.id)
        with self._transaction(path, "deal", create=not os.path.lexists(path)) as db:
            merge_book(db, book)

    def write_together(self, settings: Settings | None, lessons: Sequence[Lesson],
                       books: Sequence[DealBook]) -> None:
        """Settings, lessons and whole deals (merged by id) written as one: every file
        changes, or none does. Every file's lock is held until all are in place."""
        portfolio = [self.portfolio_path] if settings is not None or lessons else []
        paths = sorted({*portfolio, *(self.deal_path(book.id) for book in books)})
        staged = Staged(self.root)
        with ExitStack() as held:
            for path in paths:
                held.enter_context(self._locked(path))
            try:
                if portfolio:
                    with self._transaction(self.portfolio_path, "portfolio",
                                           staged=staged) as db:
                        if settings is not None:
                            replace_table(db, SETTINGS_TABLE, [settings.model_dump(mode="json")])
                        for lesson in lessons:
                            db.table(LESSONS_TABLE).upsert(lesson.model_dump(mode="json"),
                                                           Query().id == lesson.id)
                for book in books:
                    path = self.deal_path(book.id)
                    with self._transaction(path, "deal", create=not os.path.lexists(path),
                                           staged=staged) as db:
                        merge_book(db, book)
                staged.commit()
            finally:
                staged.discard()

    def delete_deal(self, deal_id: str) -> Path:
        """Move the deal's file to ``.trash/``; returns where, so it can be restored."""
        path = self.deal_path(deal_id)
        with self._locked(path):
            if not path.exists():
                raise NotFound(FileProblem(path, "does not exist"))
            trash = self.root / TRASH_DIR
            make_private_dirs(trash)
            stamp = self.clock().format("YYYYMMDDTHHmmss")
            # The same id deleted again within a second must not replace the earlier copy.
            target = unused_name(trash, f"{deal_id}.{stamp}.{os.getpid()}", ".json")
            shutil.move(path, target)
        return target

    def restore_deal(self, trashed: Path) -> str:
        deal_id = trashed.name.split(".")[0]
        self._refuse_if_read_only(trashed)
        path = self.deal_path(deal_id)
        with self._locked(path):
            if path.exists():
                raise StoreError(FileProblem(path, "exists again; not restoring over it"))
            shutil.move(trashed, path)
        return deal_id
