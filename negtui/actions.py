"""What a user can do, shared by the command line and the app: decide, then store."""

from __future__ import annotations

from dataclasses import dataclass

from negtui.domain.book import DealBook
from negtui.domain.fields import is_identifier
from negtui.domain.ids import new_id
from negtui.domain.lookup import resolve
from negtui.domain.models import Concession, Deal, Term
from negtui.domain.vocab import Direction
from negtui.store import Store
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


def find_deal(store: Store, reference: str) -> DealBook:
    """A deal by id or unique name prefix; raises ``NoUniqueMatch`` or ``StoreError``."""
    if is_identifier(reference) and store.deal_path(reference).exists():
        return store.read_book(reference)
    portfolio = store.load()
    deals: list[Deal] = portfolio.deals()
    try:
        deal = resolve(reference, deals, id_of=lambda d: d.id, name_of=lambda d: d.name,
                       what="deal")
    except ValueError:
        broken = [p for p in portfolio.problems if p.path.parent == store.deals_dir]
        if broken:
            raise StoreError(broken) from None
        raise
    return portfolio.books[deal.id]


def find_term(book: DealBook, reference: str) -> Term:
    return resolve(reference, book.terms, id_of=lambda t: t.id, name_of=lambda t: t.name,
                   what=f"term of {book.deal.name}")


def log_concession(store: Store, request: ConcessionRequest) -> Concession:
    """Validate everything, then write the concession durably; raises before any write."""
    book = find_deal(store, request.deal)
    term = find_term(book, request.term) if request.term else None
    concession = Concession(
        id=new_id("c"), direction=request.direction, what=request.what,
        term_id=term.id if term else None, value_us=request.value_us,
        value_them=request.value_them, note=request.note, at=store.clock().datetime,
        call_id=request.call_id,
    )
    store.put(book.id, "concessions", concession)
    return concession
