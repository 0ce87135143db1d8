"""Short forms for the few deal fields one checklist item is about (the BATNA, the research).

They use the deal form's fields and rules, showing only what the item needs.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from negtui.actions.deals import save_deal
from negtui.domain.deal_input import deal_from_values, deal_to_values, preview_date
from negtui.domain.models import RESEARCH_DIMENSIONS, Research
from negtui.ui.saving import save_from_form
from negtui.ui.screens.deal_form import deal_fields
from negtui.ui.widgets.form import FORM_ERROR, FormField, FormScreen, Values

if TYPE_CHECKING:
    from negtui.ui.screens.base import HasSession



# Group name -> (title, fields of the deal form shown in it).
GROUPS: dict[str, tuple[str, list[str]]] = {
    "plan": ("Hours, dates and boundaries", ["hours_per_week", "start", "end", "notes"]),
    "objective": ("Objective and success measures", ["objective", "success_measures"]),
    "strategy": ("Strategy and concession approach", ["strategy", "concession_approach"]),
    "batna": ("BATNA and walk-away", ["batna", "walk_away"]),
    "framework": ("Invoicing and reporting", ["invoicing_cycle", "reporting_format"]),
    "brief": ("Brief", ["objective", "success_measures", "batna", "walk_away"]),
}


def deal_group_form(app: HasSession, deal_id: str, group: str) -> FormScreen | None:
    """A form for one group of the deal's fields, or None if the deal is gone."""
    session = app.session
    book = session.portfolio.books.get(deal_id)
    if book is None:
        return None
    if group == "research":
        return _research_form(app, deal_id)
    title, names = GROUPS[group]
    settings = session.settings
    now = session.clock()
    known = {spec.name: spec for spec in deal_fields(
        partial(preview_date, now=now, tz=settings.timezone))}
    fields = [known[name] for name in names]
    values = {name: deal_to_values(book.deal).get(name, "") for name in names}

    def submit(typed: Values) -> dict[str, str]:
        current = session.portfolio.books.get(deal_id)
        if current is None:
            return {FORM_ERROR: "This deal is no longer in the folder."}
        deal, errors = deal_from_values(typed, current.deal, now, settings.timezone)
        if deal is None:
            return errors
        return save_from_form(app, session, lambda store: save_deal(store, deal, current.deal),
                              f"Saved: {title.lower()}", deal_id=deal_id)

    return FormScreen(f"{title} — {book.deal.name}", fields, values, submit)


def _research_form(app: HasSession, deal_id: str) -> FormScreen:
    session = app.session
    book = session.portfolio.books[deal_id]
    fields = [FormField(name, label, "lines", help=hint)
              for name, label, hint in RESEARCH_DIMENSIONS]
    values = {name: getattr(book.deal.research, name) for name, _, _ in RESEARCH_DIMENSIONS}

    def submit(typed: Values) -> dict[str, str]:
        current = session.portfolio.books.get(deal_id)
        if current is None:
            return {FORM_ERROR: "This deal is no longer in the folder."}
        research = Research.model_validate({**current.deal.research.model_dump(), **typed})
        deal = current.deal.model_copy(update={"research": research})
        return save_from_form(app, session, lambda store: save_deal(store, deal, current.deal),
                              "Research saved", deal_id=deal_id)

    return FormScreen(f"Research — {book.deal.name}", fields, values, submit)
