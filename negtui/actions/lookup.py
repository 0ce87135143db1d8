"""Finding the deal or term a person named: an id or a unique start of its name."""

from __future__ import annotations

import os
from pathlib import Path

from negtui.domain.book import DealBook
from negtui.domain.fields import is_identifier
from negtui.domain.lookup import NoUniqueMatch, resolve, slug
from negtui.domain.models import Term
from negtui.store import Portfolio, Store
from negtui.store.errors import FileProblem, StoreError
from negtui.store.layout import raw_deal_name


def find_deal(store: Store, reference: str, portfolio: Portfolio | None = None) -> DealBook:
    """A deal by id or unique name prefix; raises ``NoUniqueMatch`` or ``StoreError``.

    Pass ``portfolio`` when it is loaded already, so the folder is not read twice.
    """
    if portfolio is not None and reference in portfolio.books \
            and reference not in portfolio.partial:
        return portfolio.books[reference]
    if is_identifier(reference) and os.path.lexists(store.deal_path(reference)):
        return store.read_book(reference)
    if portfolio is None:
        names, books, broken = _by_name(store)
    else:
        books, broken = portfolio.books, _broken(store, portfolio.problems)
        names = {deal_id: book.deal.name for deal_id, book in books.items()}
    # A broken file still named its deal: it takes part, so a name it shares with a good
    # deal stays ambiguous rather than quietly picking the good one.
    candidates: list[tuple[str, str, Path | None]] = [
        (deal_id, name, None) for deal_id, name in names.items()]
    for path in broken:
        name = raw_deal_name(path)
        if name is not None:
            candidates.append((path.stem, name, path))
    try:
        deal_id, _, broken_path = resolve(reference, candidates, id_of=lambda c: c[0],
                                          name_of=lambda c: c[1], what="deal")
    except NoUniqueMatch as error:
        folded = slug(reference)
        matching = [c for c in candidates if folded and slug(c[1]).startswith(folded)]
        unreadable = sorted(c[2].name for c in matching if c[2] is not None)
        if unreadable:
            raise NoUniqueMatch(f"{error} ({', '.join(unreadable)} cannot be read, "
                                "see negtui check)") from None
        unnamed = [problem for path, problems in broken.items()
                   if raw_deal_name(path) is None for problem in problems]
        if unnamed and not matching:
            # Nothing matched: the deal meant may be in a file that cannot be read.
            raise StoreError(unnamed) from None
        raise
    if broken_path is not None:
        raise StoreError(broken[broken_path])
    # Known from its summary only: the one deal asked for is read (and checked) in full.
    partial = portfolio.partial if portfolio is not None else set()
    return books[deal_id] if deal_id in books and deal_id not in partial \
        else store.read_book(deal_id)


def _broken(store: Store, problems: list[FileProblem]) -> dict[Path, list[FileProblem]]:
    broken: dict[Path, list[FileProblem]] = {}
    for problem in problems:
        if problem.path.parent == store.deals_dir:
            broken.setdefault(problem.path, []).append(problem)
    return broken


def _by_name(store: Store) -> tuple[dict[str, str], dict[str, DealBook],
                                    dict[Path, list[FileProblem]]]:
    """Every deal's name, from its summary where that is current, else from its file read
    in full (those deals are returned too); and the files that cannot be read."""
    names: dict[str, str] = {}
    books: dict[str, DealBook] = {}
    broken: dict[Path, list[FileProblem]] = {}
    for path in store.deal_files():
        name = store.summaries.name(path, store.path_signature(path))
        if name is not None:
            names[path.stem] = name
            continue
        try:
            books[path.stem] = store.read_book(path.stem)
        except StoreError as error:
            broken[path] = list(error.problems)
            continue
        names[path.stem] = books[path.stem].deal.name
    return names, books, broken


def find_term(book: DealBook, reference: str) -> Term:
    return resolve(reference, book.terms, id_of=lambda t: t.id, name_of=lambda t: t.name,
                   what=f"term of {book.deal.name}")
