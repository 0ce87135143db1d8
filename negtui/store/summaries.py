"""A small summary of each deal, kept beside the data, to open a large portfolio quickly.

Checking every record of every deal file costs most of the time a large portfolio takes to
open, while the Portfolio screen needs only each deal's own fields, the terms and
milestones its alerts and Next column can come from (``audit.alert_records``: not those
done, parked or conceded) and its checklist progress. After a deal
file has been read and checked in full, those are written to ``.summaries/<deal id>.json``
together with the file's signature (inode, modification time in ns, size) taken before
the file was read.

A summary is used only while its deal file still has that signature, the summary was
written by this version of negtui, and (for the progress) the settings are those it was
worked out with; anything else sends the deal file to a full reading, as if there were no
summary. Every write of a deal goes through the store, which replaces the file (new inode
and time), so a summary never outlives the data it describes. What is painted from
summaries is checked against the files themselves right after (``Session``), and a file
that fails then is reported as broken like any other.

Summaries are a cache: one that cannot be written, or read, is simply not used. Only the
app writes them (``enabled``); a command only reads those that are current, and a command
that writes a deal leaves its summary out of date until the app next reads the file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from negtui import __version__
from negtui.domain.book import DealBook
from negtui.domain.models import Deal, Milestone, Settings, Term
from negtui.store.durable import PRIVATE_FILE, make_private_dirs, temp_name
from negtui.store.migrations import SCHEMA_VERSION
from negtui.store.portfolio import Signature

SUMMARY_DIR = ".summaries"
# Bumped whenever what a summary holds changes; the negtui version is part of the key too,
# since a newer release may check records differently.
FORMAT = 3


class _Body(BaseModel):
    """The second line of a summary: the records the Portfolio is painted from."""

    # Built when the first summary is read: a command that reads none never pays for it.
    model_config = ConfigDict(defer_build=True)

    deal: Deal
    terms: list[Term]
    milestones: list[Milestone]


def settings_key(settings: Settings) -> str:
    """Which settings a checklist progress was worked out with."""
    # The zone too when it is the user's default, which the dump leaves out.
    text = json.dumps({**settings.model_dump(mode="json"), "timezone": settings.timezone},
                      sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _stamp() -> list[Any]:
    return [FORMAT, SCHEMA_VERSION, __version__]


class Summaries:
    """The summaries of one data folder, and which of them this process knows are current."""

    def __init__(self, root: Path) -> None:
        self.folder = root / SUMMARY_DIR
        # Written only by the app, which opens from them; a command leaves the folder be.
        self.enabled = False
        self._current: dict[Path, tuple[Signature, str]] = {}
        self._due: dict[Path, tuple[Signature, DealBook, Settings]] = {}
        self._lock = threading.Lock()
        # Held for a whole round of writing: the app's last round, as it ends, waits for
        # one a thread has begun, so no summary due is left unwritten.
        self._writing = threading.Lock()

    def path_for(self, deal_file: Path) -> Path:
        return self.folder / deal_file.name

    def keep(self, deal_file: Path, signature: Signature | None, book: DealBook,
             settings: Settings) -> None:
        """Remember ``book``, just read in full from ``deal_file`` as it was at ``signature``,
        to be written by the next ``write_due`` (away from a key press)."""
        if signature is not None:
            with self._lock:
                self._due[deal_file] = (signature, book, settings)

    def write_due(self) -> None:
        """Write the summaries ``keep`` was given; safe to run in a thread."""
        with self._writing:
            with self._lock:
                due, self._due = self._due, {}
            for deal_file, (signature, book, settings) in due.items():
                self._write_one(deal_file, signature, book, settings)

    def _write_one(self, deal_file: Path, signature: Signature, book: DealBook,
                   settings: Settings) -> None:
        key = settings_key(settings)
        if self._current.get(deal_file) == (signature, key):
            return
        from negtui.domain.audit import alert_records
        from negtui.domain.checklist import checklist_progress

        progress = checklist_progress(book, settings)
        # Two lines: what finding a deal by name needs first, so that can be read alone.
        head = {"stamp": _stamp(), "signature": list(signature), "name": book.deal.name,
                "settings": key, "progress": list(progress),
                "concessions": len(book.concessions)}
        terms, milestones = alert_records(book)
        body = {"deal": book.deal.model_dump(mode="json"),
                "terms": [term.model_dump(mode="json") for term in terms],
                "milestones": [m.model_dump(mode="json") for m in milestones]}
        text = f"{json.dumps(head, ensure_ascii=False)}\n{json.dumps(body, ensure_ascii=False)}\n"
        if self._write(self.path_for(deal_file), text):
            self._current[deal_file] = (signature, key)

    def _write(self, target: Path, text: str) -> bool:
        temp: Path | None = None
        try:
            make_private_dirs(self.folder)
            temp = temp_name(target)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
            with open(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, target)
        except (OSError, UnicodeEncodeError):
            if temp is not None:
                with contextlib.suppress(OSError):
                    temp.unlink()
            return False
        return True

    def _read(self, deal_file: Path, signature: Signature | None, *, whole: bool
              ) -> tuple[dict[str, Any], bytes] | None:
        """The head of the summary of ``deal_file`` (and the text of its body, if
        ``whole``) if it describes the file at ``signature``."""
        if signature is None:
            return None
        try:
            with open(self.path_for(deal_file), "rb") as handle:
                head = json.loads(handle.readline())
                if not isinstance(head, dict) or head.get("stamp") != _stamp() \
                        or head.get("signature") != list(signature):
                    return None
                body = handle.readline() if whole else b""
        except (OSError, ValueError, RecursionError):
            return None
        return head, body

    def name(self, deal_file: Path, signature: Signature | None) -> str | None:
        """The deal's name, from a current summary; None when there is none."""
        found = self._read(deal_file, signature, whole=False)
        name = found[0].get("name") if found else None
        return name if isinstance(name, str) else None

    def last_name(self, deal_file: Path) -> str | None:
        """The name the deal had when its file was last read in full, whatever the file
        holds now: to say which deal a file that can no longer be read was."""
        try:
            with open(self.path_for(deal_file), "rb") as handle:
                head = json.loads(handle.readline())
        except (OSError, ValueError, RecursionError):
            return None
        name = head.get("name") if isinstance(head, dict) else None
        return name if isinstance(name, str) and name.strip() else None

    def glance(self, deal_file: Path, signature: Signature | None, settings: str
               ) -> tuple[DealBook, tuple[int, int] | None] | None:
        """The deal with the terms and milestones its alerts can come from (and no other
        record) from a current summary, and its checklist progress if worked out with the
        settings whose ``settings_key`` is ``settings``; None when the file must be read
        in full."""
        read = self._read(deal_file, signature, whole=True)
        if read is None or signature is None:
            return None
        head, text = read
        try:
            # One pass of the validator over the text: every record is checked as
            # thoroughly as when read from its deal file, without building the
            # intermediate objects of a JSON decoding first.
            body = _Body.model_validate_json(text)
        except (ValidationError, ValueError, RecursionError):
            return None
        deal, terms, milestones = body.deal, body.terms, body.milestones
        if deal.id != deal_file.stem or deal.name != head.get("name"):
            return None
        found = head.get("progress")
        progress = None
        if head.get("settings") == settings and isinstance(found, list) \
                and len(found) == 2 and all(type(n) is int for n in found):
            progress = (found[0], found[1])
        self._current[deal_file] = (signature, str(head.get("settings")))
        return _book(deal, terms, milestones), progress


def _book(deal: Deal, terms: list[Term], milestones: list[Milestone]) -> DealBook:
    """A book of just these records, each already checked: put together without building
    the validator of a whole deal file (the full reading builds it, after the first
    paint), and without ``model_construct``'s look at the signature of every default."""
    given: dict[str, Any] = {"deal": deal, "terms": terms, "milestones": milestones}
    others = {name: make() for name, make in _book_defaults()}
    return DealBook.model_construct(set(given), **given, **others)


@functools.cache
def _book_defaults() -> tuple[tuple[str, Callable[[], Any]], ...]:
    """How to make the default of each field of a book that a summary does not hold."""
    found: list[tuple[str, Callable[[], Any]]] = []
    for name, info in DealBook.model_fields.items():
        if name in ("deal", "terms", "milestones"):
            continue
        factory = info.default_factory
        if factory is None or info.default_factory_takes_validated_data:
            found.append((name, functools.partial(info.get_default, call_default_factory=True)))
        else:
            found.append((name, factory))  # type: ignore[arg-type]
    return tuple(found)
