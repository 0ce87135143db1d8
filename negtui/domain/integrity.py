"""References inside one deal that must hold for its records to mean what they say.

Each record is checked on its own when a file is read; these rules look across records:
an id used twice in one list (the second would silently replace the first when written),
and a concession naming a term the deal does not have (it would show a blank term).
"""

from __future__ import annotations

from collections import Counter

from negtui.domain.book import RECORD_TABLES, DealBook
from negtui.domain.models import Term
from negtui.domain.text import quoted
from negtui.domain.words import counted


def problems(book: DealBook) -> list[str]:
    """What does not hold in this deal, one sentence each naming the deal and the id."""
    deal = f"deal {quoted(book.deal.name)} ({book.id})"
    found: list[str] = []
    for table in RECORD_TABLES:
        records = getattr(book, table)
        uses = Counter(record.id for record in records)
        for record_id, count in uses.items():
            if count > 1:
                found.append(f"{deal}: {table} holds id {record_id!r} {count} times; "
                             "each record needs an id of its own")
    terms = {term.id for term in book.terms}
    for concession in book.concessions:
        if concession.term_id is not None and concession.term_id not in terms:
            found.append(f"{deal}: concession {concession.id!r} ({concession.what}) names "
                         f"term {concession.term_id!r}, which this deal does not have")
    return found


def term_in_use(book: DealBook, term: Term) -> str | None:
    """Why the term cannot be deleted (concessions name it), or None when it can."""
    naming = [c for c in book.concessions if c.term_id == term.id]
    if not naming:
        return None
    undone = sum(1 for c in naming if c.deleted)
    logged = counted(len(naming), "concession")
    if undone:
        logged += f" ({undone} undone)"
    return (f"{term.name} has {logged} logged against it; set its status to parked (s) "
            "instead, or move those concessions to another term first")
