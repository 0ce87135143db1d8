"""Bringing terms and deals in from a spreadsheet: the whole file, or nothing.

Every row is checked before anything is written, and the rows that pass are written in
one transaction, so a file with one bad cell leaves the data exactly as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

import arrow

from negtui.domain.book import DealBook
from negtui.domain.deal_csv import DealFromRow, deals_from_csv
from negtui.domain.models import Deal, Settings
from negtui.domain.term_csv import TermFromRow, terms_from_csv
from negtui.store import Store


def import_terms(store: Store, book: DealBook, text: str, now: arrow.Arrow,
                 settings: Settings, dry_run: bool = False) -> list[TermFromRow]:
    """The deal's terms from ``text``, added or updated by name; ``TableRefused`` names
    every bad cell. With ``dry_run`` nothing is written."""
    found = terms_from_csv(text, book.terms, now, settings.timezone)
    if found and not dry_run:
        expected = [row.replaces for row in found if row.replaces is not None]
        store.put(book.id, *(row.term for row in found), expected=expected)
    return found


def import_deals(store: Store, deals: Sequence[Deal], text: str, now: arrow.Arrow,
                 settings: Settings, dry_run: bool = False) -> list[DealFromRow]:
    """New deals from ``text``, all written together or none; with ``dry_run`` none."""
    found = deals_from_csv(text, deals, now, settings.timezone, settings.default_currency)
    if found and not dry_run:
        store.write_together(None, [], [DealBook(deal=row.deal) for row in found])
    return found
