"""The deal form: every field of a deal, explained, keyboard only."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from negtui.actions.deals import add_deal, save_deal
from negtui.actions.undo import Change
from negtui.domain.deal_input import deal_from_values, deal_to_values, preview_date
from negtui.domain.models import Deal
from negtui.domain.vocab import (
    ConcessionApproach,
    ContractType,
    DealStatus,
    Relationship,
    Strategy,
)
from negtui.ui.saving import save_from_form
from negtui.ui.widgets.form import FormField, FormScreen, Values

if TYPE_CHECKING:
    from negtui.ui.screens.base import HasSession

STRATEGY_HELP = (
    "risk-first: settle liability, IP and exit before money · value-first: lead with "
    "price and scope · future-first: trade today's terms for renewal and referrals"
)
APPROACH_HELP = (
    "linear: one term at a time · package: trade terms only in bundles · portfolio: "
    "weigh each concession against your other deals"
)


def _choices(kind: type[DealStatus] | type[ContractType] | type[Relationship] | type[Strategy]
             | type[ConcessionApproach]) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in kind]


def deal_fields(preview: Callable[[str], str]) -> list[FormField]:
    return [
        FormField("name", "Name", placeholder="e.g. Northwind data platform"),
        FormField("counterparty", "Counterparty", placeholder="the organisation across the table"),
        FormField("status", "Status", "choice", _choices(DealStatus)),
        FormField("contract_type", "Contract type", "choice", _choices(ContractType)),
        FormField("relationship", "First-time or renewal", "choice", _choices(Relationship)),
        FormField("value", "Expected value", placeholder="e.g. 84000 or 84k"),
        FormField("currency", "Currency", placeholder="EUR"),
        FormField("hours_per_week", "Hours a week it will take", placeholder="e.g. 12",
                  number=True),
        FormField("start", "Starts", placeholder="01 Mar 2027, next monday, in 2 weeks",
                  preview=preview),
        FormField("end", "Ends", placeholder="30 Sep 2027, in 6 months", preview=preview),
        FormField("strategy", "Strategy", "choice", _choices(Strategy), help=STRATEGY_HELP),
        FormField("concession_approach", "Concession approach", "choice",
                  _choices(ConcessionApproach), help=APPROACH_HELP),
        FormField("objective", "Objective", placeholder="what this deal must achieve"),
        FormField("success_measures", "How success is measured (one a line)", "lines"),
        FormField("batna", "Best alternative if there is no agreement (BATNA)"),
        FormField("walk_away", "Walk-away criteria"),
        FormField("markets", "Markets or sectors (comma separated)",
                  help="used to spot exclusivity clashes between deals"),
        FormField("invoicing_cycle", "Invoicing cycle", placeholder="monthly, quarterly, ..."),
        FormField("reporting_format", "Reporting format", placeholder="weekly email, ..."),
        FormField("notes", "Boundaries and notes", "lines",
                  help="your limits for this deal (hours, travel, on-call), the last term, "
                       "anything else"),
    ]


def deal_form(app: HasSession, deal: Deal | None,
              saved: Callable[[Deal, Change | None], None]) -> FormScreen:
    """A form that creates ``deal`` (None: a new one) or edits it; ``saved`` runs after the
    deal is on disk, with the new version and the change that undoes it."""
    session = app.session
    settings = session.settings
    now = session.clock()
    tz = settings.timezone
    if deal is None:
        values: Values = {"currency": settings.default_currency, "hours_per_week": "0"}
    else:
        values = deal_to_values(deal)

    def submit(typed: Values) -> dict[str, str]:
        result, errors = deal_from_values(typed, deal, now, tz)
        if result is None:
            return errors
        changes: list[Change | None] = []
        if deal is None:
            problems = save_from_form(
                app, session, lambda store: changes.append(add_deal(store, result)),
                f"Deal added: {result.name}", deal_id=result.id)
        else:
            latest = session.portfolio.books.get(deal.id)
            started = latest.deal if latest else deal
            problems = save_from_form(
                app, session, lambda store: changes.append(save_deal(store, result, started)),
                f"Deal saved: {result.name}", deal_id=result.id)
        if not problems:
            saved(result, changes[0])
        return problems

    title = "New deal" if deal is None else f"Edit deal: {deal.name}"
    return FormScreen(title, deal_fields(partial(preview_date, now=now, tz=tz)), values, submit)
