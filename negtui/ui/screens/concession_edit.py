"""The form that edits one logged concession."""

from __future__ import annotations

from collections.abc import Iterable

from negtui.actions.concessions import NO_CHOICE
from negtui.domain.book import DealBook
from negtui.domain.vocab import Direction
from negtui.ui.widgets.form import FormField


def edit_fields(book: DealBook, other_deals: Iterable[DealBook]) -> list[FormField]:
    terms = [("(no term)", NO_CHOICE)] + [(t.name, t.id) for t in book.terms]
    deals = [("(none)", NO_CHOICE)] + [(b.deal.name, b.id) for b in other_deals
                                       if b.id != book.id]
    return [
        FormField("direction", "Side", "choice",
                  [("gave", Direction.GIVEN.value), ("got", Direction.RECEIVED.value)]),
        FormField("what", "What happened"),
        FormField("term_id", "Term", "choice", terms),
        FormField("value_us", "Value to us (1-10)", placeholder="blank if unknown"),
        FormField("value_them", "Value to them (1-10)", placeholder="blank if unknown"),
        FormField("position", "New position of the term",
                  help="where the term stood after it, e.g. 690 or 45 days"),
        FormField("linked_deal_id", "Traded against deal", "choice", deals),
        FormField("note", "Note"),
    ]
