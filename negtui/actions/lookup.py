"""Finding the deal or term a person named: an id or a unique start of its name."""

from __future__ import annotations

from negtui.domain.book import DealBook
from negtui.domain.fields import is_identifier
from negtui.domain.lookup import resolve
from negtui.domain.models import Deal, Term
from negtui.store import Portfolio, Store
from negtui.store.errors import StoreError


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
