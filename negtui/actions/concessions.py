"""The live log: log, edit, undo and restore a concession; start and end a call.

``negtui log`` and the Concessions screen both come through here, so a concession is
built, checked and written the same way whichever way it was typed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from pydantic import ValidationError

from negtui.actions.lookup import find_deal, find_term
from negtui.domain.balance import call_summary
from negtui.domain.book import DealBook
from negtui.domain.capture import parse_capture, resolve_capture
from negtui.domain.guards import GuardWarning, check_concession, in_order
from negtui.domain.ids import new_id
from negtui.domain.lookup import NoUniqueMatch
from negtui.domain.messages import plain_messages
from negtui.domain.models import Call, Concession, Deal, Record, Settings, Term
from negtui.domain.text import quoted
from negtui.domain.vocab import Direction
from negtui.store import Store
from negtui.store.drafts import (
    Draft,
    drop_draft,
    drop_newest_aside,
    keep_draft,
    newest_aside,
    read_draft,
    set_aside,
)
from negtui.store.errors import StoreError

# What a choice field of the edit form holds when nothing is chosen.
NO_CHOICE = "-"
LABELS = {"direction": "Side", "what": "What happened", "term_id": "Term",
          "value_us": "Value to us", "value_them": "Value to them",
          "position": "New position", "linked_deal_id": "Traded against deal", "note": "Note"}
"""How the fields of a concession are named when a value does not fit."""


@dataclass(frozen=True)
class ConcessionRequest:
    deal: str
    direction: Direction
    what: str
    term: str | None = None
    value_us: int | None = None
    value_them: int | None = None
    note: str = ""
    call_id: str | None = None
    position: str | None = None
    """Where the term stands after this concession ("690"); moves its offer on the table."""
    linked_deal: str | None = None
    """Another deal this concession was traded against (id or unique start of its name)."""


@dataclass(frozen=True)
class PlannedConcession:
    """A concession ready to be written, the term it moves, and what the guards said."""

    concession: Concession
    moved_term: Term | None
    warnings: list[GuardWarning] = field(default_factory=list)
    started_from: list[Record] = field(default_factory=list)
    """The versions this change was worked out from; the write is refused if the file
    holds others by then, so nobody's change is silently undone."""

    def records(self) -> list[Record]:
        """Everything to write, in one transaction."""
        return [self.concession] if self.moved_term is None else [self.concession,
                                                                  self.moved_term]


@dataclass(frozen=True)
class LoggedConcession:
    """What ``log_concession`` wrote, with the warnings the guards raised."""

    concession: Concession
    warnings: list[GuardWarning]
    moved_term: Term | None = None

    @property
    def id(self) -> str:
        return self.concession.id


class RefusedByGuards(Exception):
    """Strict logging met a guard warning; nothing was written."""

    def __init__(self, warnings: list[GuardWarning]) -> None:
        super().__init__("; ".join(w.message for w in warnings))
        self.warnings = warnings


def active_call(book: DealBook) -> Call | None:
    """The call of this deal still running (the latest one without an end)."""
    running = [call for call in book.calls if call.ended is None]
    return max(running, key=lambda call: call.started) if running else None


def plan_concession(book: DealBook, concession: Concession,
                    settings: Settings) -> PlannedConcession:
    """Run the guards against the rest of the deal's log, and move the term's offer if a
    position was given; nothing is written.

    The offer it replaces is kept on the concession, so undoing it can put it back.
    """
    term = next((t for t in book.terms if t.id == concession.term_id), None)
    position = concession.position.strip()
    others = [c for c in book.concessions if c.id != concession.id]
    warnings = check_concession(concession.direction, term, position or None, others,
                                settings)
    moved = None
    started_from: list[Record] = [c for c in book.concessions if c.id == concession.id]
    if term is not None and position and position != term.on_table:
        moved = term.model_copy(update={"on_table": position})
        concession = concession.model_copy(update={"replaced_offer": term.on_table})
        started_from.append(term)
    return PlannedConcession(concession, moved, warnings, started_from)


def concession_from_capture(book: DealBook, text: str, direction: Direction,
                            deals: list[Deal], now: datetime) -> Concession | list[str]:
    """The concession a line typed in the capture bar describes, or what is wrong with it."""
    resolved = resolve_capture(parse_capture(text), book.terms, deals, book.id)
    capture = resolved.capture
    if resolved.problems:
        return list(resolved.problems)
    call = active_call(book)
    try:
        return Concession(
            id=new_id("c"), direction=direction, what=resolved.what,
            term_id=resolved.term.id if resolved.term else None,
            value_us=capture.value_us, value_them=capture.value_them, at=now,
            call_id=call.id if call else None,
            linked_deal_id=resolved.linked_deal.id if resolved.linked_deal else None,
            note=capture.note, position=capture.position or "",
        )
    except ValidationError as error:
        return list(plain_messages(error, LABELS).values())


def save_planned(store: Store, book: DealBook, planned: PlannedConcession) -> None:
    """Write the concession and the term it moves in one transaction, only over the
    versions they were worked out from."""
    store.put(book.id, *planned.records(), expected=planned.started_from)


def _settings(store: Store) -> Settings:
    # The guards fall back to the usual limits rather than refuse to log a concession.
    try:
        return store.read_settings()[0]
    except StoreError:
        return Settings()


def log_concession(store: Store, request: ConcessionRequest, *,
                   strict: bool = False) -> LoggedConcession:
    """Validate everything, run the guards, then write the concession (and the term it
    moves) durably in one transaction; raises before any write.

    With ``strict``, any guard warning raises ``RefusedByGuards`` and nothing is written.
    """
    book = find_deal(store, request.deal)
    term = find_term(book, request.term) if request.term else None
    if request.position and term is None:
        raise ValueError("a new position needs the term it belongs to")
    linked: Deal | None = None
    if request.linked_deal:
        linked = find_deal(store, request.linked_deal).deal
        if linked.id == book.id:
            raise NoUniqueMatch(f"{quoted(request.linked_deal)} is the deal being logged; "
                                "link another deal")
    concession = Concession(
        id=new_id("c"), direction=request.direction, what=request.what,
        term_id=term.id if term else None, value_us=request.value_us,
        value_them=request.value_them, note=request.note, at=store.clock().datetime,
        call_id=request.call_id, position=request.position or "",
        linked_deal_id=linked.id if linked else None,
    )
    planned = plan_concession(book, concession, _settings(store))
    if strict and planned.warnings:
        raise RefusedByGuards(planned.warnings)
    save_planned(store, book, planned)
    return LoggedConcession(planned.concession, planned.warnings, planned.moved_term)


def edit_values(concession: Concession) -> dict[str, str]:
    """A concession as the edit form shows it."""
    def text(value: object) -> str:
        return "" if value is None else str(value)

    return {
        "direction": concession.direction.value, "what": concession.what,
        "term_id": concession.term_id or NO_CHOICE, "value_us": text(concession.value_us),
        "value_them": text(concession.value_them), "position": concession.position,
        "linked_deal_id": concession.linked_deal_id or NO_CHOICE, "note": concession.note,
    }


def plan_edit(book: DealBook, concession: Concession, values: Mapping[str, str],
              settings: Settings) -> PlannedConcession | dict[str, str]:
    """The edited concession with the same guards and term move as logging, or the
    problems by field. An edit that leaves the side, the term and the position as they
    were raises no warning: those were checked when the entry was logged."""
    data = concession.model_dump()
    for name, value in values.items():
        value = value.strip()
        optional = name not in ("what", "note", "position", "direction")
        data[name] = None if optional and value in ("", NO_CHOICE) else value
    try:
        edited = Concession.model_validate(data)
    except ValidationError as error:
        return plain_messages(error, LABELS)
    planned = plan_concession(book, edited, settings)
    guarded = ("direction", "term_id", "position")
    if all(getattr(edited, name) == getattr(concession, name) for name in guarded):
        return replace(planned, warnings=[])
    return planned


def undo_last(store: Store, book: DealBook,
              among: Collection[str] | None = None) -> Concession | None:
    """Take back the latest live entry (of ``among``, when given: the ones this window
    logged) and everything it changed: it leaves the log and the term's offer goes back
    to where it was. None when there is nothing to take back."""
    log = [c for c in in_order(book.concessions) if among is None or c.id in among]
    if not log:
        return None
    last = log[-1]
    records: list[Record] = [last.model_copy(update={"deleted": True})]
    term = next((t for t in book.terms if t.id == last.term_id), None)
    if term is not None and last.position and term.on_table == last.position.strip():
        records.append(term.model_copy(update={"on_table": last.replaced_offer}))
    store.put(book.id, *records)
    return last


def plan_restore(book: DealBook, concession: Concession,
                 settings: Settings) -> PlannedConcession:
    """Bring an undone entry back, with the guards run again and its term moved again."""
    return plan_concession(book, concession.model_copy(update={"deleted": False}), settings)


def start_call(store: Store, book: DealBook, now: datetime) -> Call:
    call = Call(id=new_id("k"), started=now)
    store.put(book.id, call)
    return call


def end_call(store: Store, book: DealBook, now: datetime) -> Call | None:
    """End the running call with a summary of what was given and got in it."""
    call = active_call(book)
    if call is None:
        return None
    in_call = [c for c in book.concessions if c.call_id == call.id]
    summary = call_summary(in_call, book.terms)
    ended = call.model_copy(update={"ended": max(now, call.started), "summary": summary})
    store.put(book.id, ended)
    return ended


def keep_line(store: Store, deal_id: str, direction: Direction, text: str) -> None:
    """Keep a half-typed capture line of the deal, one for each side; an empty one leaves
    no draft on that side."""
    if store.read_only:
        return
    if text.strip():
        keep_draft(store.root, deal_id, Draft(direction.value, text))
    else:
        drop_draft(store.root, deal_id, direction.value)


def kept_line(store: Store, deal_id: str,
              direction: Direction | None = None) -> tuple[Direction, str] | None:
    """The half-typed line kept on that side (on either side when not given)."""
    draft = read_draft(store.root, deal_id, direction.value if direction else None)
    if draft is None or draft.direction not in {d.value for d in Direction}:
        return None
    return Direction(draft.direction), draft.text


def set_line_aside(store: Store, deal_id: str, direction: Direction, text: str) -> None:
    """Keep a line that was not logged apart from the half-typed one, so typing a new
    line on that side does not take its place; ``bring_back_line`` offers it again."""
    if not store.read_only:
        set_aside(store.root, deal_id, direction.value, text)


def bring_back_line(store: Store, deal_id: str, direction: Direction) -> str | None:
    """The line to open the bar with on that side: the half-typed one, else the newest
    line set aside, which becomes the half-typed one again."""
    kept = kept_line(store, deal_id, direction)
    if kept is not None:
        return kept[1]
    if store.read_only:
        return None
    text = newest_aside(store.root, deal_id, direction.value)
    if text is not None:
        # Kept as the half-typed line before it leaves the lines set aside.
        keep_line(store, deal_id, direction, text)
        drop_newest_aside(store.root, deal_id, direction.value)
    return text


def forget_line(store: Store, deal_id: str, direction: Direction) -> None:
    """The line was logged: its draft goes (the other side's stays). A draft that cannot
    be removed is only offered back later, so that is no reason to fail."""
    if not store.read_only:
        with contextlib.suppress(OSError):
            drop_draft(store.root, deal_id, direction.value)
