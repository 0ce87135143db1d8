"""What each calendar event looked like when it was last exported, so that the next export
can tell a calendar application which events changed (their SEQUENCE goes up).

Why a ledger beside the data rather than a revision counter on each record: an event is
made from more than one record (a fallback's date lives in its term, every summary holds
the deal's name) and records change by more ways than the use cases that would count them
(undo puts an older record back, an import replaces a deal, the file is edited by hand or
synced from another machine). A counter kept on the record would miss some of these or even
go back down with an undo. Comparing each event with what the last export wrote catches
every change however it was made, and the number it keeps only ever grows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from negtui.store.changes import file_lock
from negtui.store.durable import serialize, write_atomically
from negtui.store.errors import FileProblem, StoreError
from negtui.store.layout import read_raw

LEDGER_FILE = "calendar-ledger.json"
FORMAT = "negtui-calendar-ledger"
VERSION = 1


@dataclass(frozen=True)
class Revision:
    """One event as last exported: a digest of its content, its number and when it changed."""

    digest: str
    sequence: int
    modified: datetime


def revise(previous: Mapping[str, Revision], digests: Mapping[str, str],
           now: datetime) -> dict[str, Revision]:
    """The ledger after exporting events with these content digests (uid → digest).

    A new event starts at 0, an unchanged one keeps its number and time, a changed one gets
    the next number and ``now``. Events left out of this export (another deal's, or an item
    deleted for now) keep their line, so an item that comes back never counts from 0 again.
    """
    moment = now.astimezone(UTC).replace(microsecond=0)
    revised = dict(previous)
    for uid, digest in digests.items():
        last = previous.get(uid)
        if last is None:
            revised[uid] = Revision(digest, 0, moment)
        elif last.digest != digest:
            revised[uid] = Revision(digest, last.sequence + 1, moment)
    return revised


def ledger_path(root: Path) -> Path:
    return root / LEDGER_FILE


def _revision(value: Any) -> Revision | None:
    if not isinstance(value, dict):
        return None
    digest, sequence, modified = value.get("digest"), value.get("sequence"), value.get("modified")
    if not isinstance(digest, str) or type(sequence) is not int or sequence < 0:
        return None
    if not isinstance(modified, str):
        return None
    try:
        moment = datetime.fromisoformat(modified)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return Revision(digest, sequence, moment.astimezone(UTC))


def read_ledger(path: Path) -> dict[str, Revision]:
    """The ledger in ``path``; empty when there is none yet. A file that cannot be read
    raises ``StoreError`` naming it, and is left as it is."""
    raw = read_raw(path)
    if raw is None:
        return {}
    if raw.get("format") != FORMAT:
        raise StoreError(FileProblem(path, f"is not a calendar ledger (format {FORMAT!r})"))
    version = raw.get("version")
    if type(version) is not int or version > VERSION:
        raise StoreError(FileProblem(
            path, f"was written by a newer negtui (version {version!r}); update negtui"))
    events = raw.get("events", {})
    if not isinstance(events, dict):
        raise StoreError(FileProblem(path, "should hold an object of events", "events"))
    ledger: dict[str, Revision] = {}
    for uid, value in events.items():
        revision = _revision(value)
        if revision is None:
            raise StoreError(FileProblem(
                path, "should give each event a digest, a sequence of 0 or more and a "
                      "time with its zone", f"events.{uid}"))
        ledger[uid] = revision
    return ledger


def write_ledger(path: Path, ledger: Mapping[str, Revision]) -> None:
    events = {
        uid: {"digest": r.digest, "sequence": r.sequence,
              "modified": r.modified.astimezone(UTC).isoformat()}
        for uid, r in sorted(ledger.items())
    }
    try:
        write_atomically(path, serialize({"format": FORMAT, "version": VERSION,
                                          "events": events}))
    except OSError as error:
        raise StoreError(FileProblem(
            path, f"could not be saved: {error.strerror or error}; nothing was exported"
        )) from None


def record_export(root: Path, digests: Mapping[str, str], now: datetime,
                  lock_timeout: float = 10.0) -> dict[str, Revision]:
    """Count this export in the data folder's ledger and return the revision of every event.

    Read, revise and write happen under the ledger's lock, so two exports at once cannot
    give different contents the same number. An export that changes nothing leaves the
    file untouched. Raises ``StoreError`` naming the file when it cannot be read or saved.
    """
    path = ledger_path(root)
    with file_lock(path, lock_timeout):
        previous = read_ledger(path)
        revised = revise(previous, digests, now)
        if revised != previous:
            write_ledger(path, revised)
    return revised
