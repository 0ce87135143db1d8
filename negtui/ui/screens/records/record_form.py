"""The form that adds a record of any kind to a deal or edits one, shared by the record
tables, the workspace and the calls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from negtui.actions.records import save_records
from negtui.domain.book import DealBook
from negtui.domain.models import Record
from negtui.ui.saving import save_from_form
from negtui.ui.widgets.form import FormScreen, Values

if TYPE_CHECKING:
    from negtui.ui.screens.base import HasSession
    from negtui.ui.screens.records.spec import RecordSpec


def record_form(app: HasSession, spec: RecordSpec, book: DealBook,
                existing: Record | None, title: str = "",
                hints: dict[str, str] | None = None,
                on_saved: Callable[[str], None] | None = None) -> FormScreen:
    """The form that adds a record of ``spec``'s kind to the deal, or edits ``existing``;
    ``on_saved`` is told the id of the record once it is on disk."""
    session = app.session
    deal_id = book.id

    def submit(typed: Values) -> dict[str, str]:
        current = session.portfolio.books.get(deal_id, book)
        record, errors = spec.build(typed, existing, session, current)
        if record is None:
            return errors
        started = [r for r in getattr(current, spec.table) if r.id == record.id]
        problems = save_from_form(app, session,
                                  lambda store: save_records(store, deal_id, record,
                                                             expected=started),
                                  f"{spec.noun.capitalize()} saved", deal_id=deal_id)
        if not problems and on_saved is not None:
            on_saved(record.id)
        return problems

    values = spec.to_values(existing) if existing is not None else spec.initial(book)
    verb = "Edit" if existing is not None else "Add"
    hints = {**spec.hints(book), **(hints or {})}
    fields = [replace(one, help=hints[one.name]) if one.name in hints else one
              for one in spec.fields]
    return FormScreen(title or f"{verb} {spec.noun} — {book.deal.name}", fields, values,
                      submit)
