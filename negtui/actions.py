"""What a user can do, shared by the command line and the app: decide, then store."""

from __future__ import annotations

from dataclasses import dataclass

from negtui.domain.book import DealBook
from negtui.domain.fields import is_identifier
from negtui.domain.guards import GuardWarning, check_concession
from negtui.domain.ids import new_id
from negtui.domain.lookup import NoUniqueMatch, resolve
from negtui.domain.models import Concession, Deal, Record, Settings, Term
from negtui.domain.vocab import Direction
from negtui.store import Portfolio, Store
from negtui.store.errors import StoreError


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
    warnings: list[GuardWarning]

    def records(self) -> list[tuple[str, Record]]:
        """Everything to write, in one transaction."""
        records: list[tuple[str, Record]] = [("concessions", self.concession)]
        if self.moved_term is not None:
            records.append(("terms", self.moved_term))
        return records


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


def find_deal(store: Store, reference: str, portfolio: Portfolio | None = None) -> DealBook:
    """A deal by id or unique name prefix; raises ``NoUniqueMatch`` or ``StoreError``.

    Pass ``portfolio`` when it is loaded already, so the folder is not read twice.
    """
    if portfolio is not None and reference in portfolio.books:
        return portfolio.books[reference]
    if is_identifier(reference) and store.deal_path(reference).exists():
        return store.read_book(reference)
    portfolio = portfolio or store.load()
    deals: list[Deal] = portfolio.deals()
    broken = [p for p in portfolio.problems if p.path.parent == store.deals_dir]
    if broken:
        # An unreadable deal might be the one meant, or make the name ambiguous: only an
        # exact id is safe until the file is fixed.
        raise StoreError(broken)
    deal = resolve(reference, deals, id_of=lambda d: d.id, name_of=lambda d: d.name,
                   what="deal")
    return portfolio.books[deal.id]


def find_term(book: DealBook, reference: str) -> Term:
    return resolve(reference, book.terms, id_of=lambda t: t.id, name_of=lambda t: t.name,
                   what=f"term of {book.deal.name}")


def plan_concession(book: DealBook, concession: Concession,
                    settings: Settings) -> PlannedConcession:
    """Run the guards against the deal's log, and move the term's offer if a position
    was given; nothing is written."""
    term = next((t for t in book.terms if t.id == concession.term_id), None)
    position = concession.position.strip()
    warnings = check_concession(concession.direction, term, position or None,
                                book.concessions, settings)
    moved = None
    if term is not None and position and position != term.on_table:
        moved = Term.model_validate({**term.model_dump(), "on_table": position})
    return PlannedConcession(concession, moved, warnings)


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
            raise NoUniqueMatch(f"{request.linked_deal!r} is the deal being logged; "
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
    store.put_records(book.id, planned.records())
    return LoggedConcession(concession, planned.warnings, planned.moved_term)
