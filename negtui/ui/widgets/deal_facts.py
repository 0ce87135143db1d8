"""The facts of one deal as the workspace lists them: what it is worth, when it runs, the
hours it takes, where it sells and how it is invoiced and reported."""

from __future__ import annotations

from rich.text import Text

from negtui.domain.dates import day_text
from negtui.domain.models import Deal
from negtui.domain.summary import money
from negtui.domain.words import counted
from negtui.ui.widgets.shown import plain

LABEL_WIDTH = 11


def missing(text: str) -> Text:
    return plain(text) if text else Text("— not written yet", style="dim italic")


def _dates(deal: Deal) -> Text:
    if deal.start is None and deal.end is None:
        return Text("— no dates yet", style="dim italic")
    shown = f"{day_text(deal.start) or '— no start'} to {day_text(deal.end) or '— no end'}"
    if deal.start is not None and deal.end is not None:
        weeks = round((deal.end - deal.start).days / 7)
        shown += f" ({counted(weeks, 'week')})"
    return Text(shown)


def _line(label: str, value: Text) -> Text:
    return Text.assemble((f"{label:<{LABEL_WIDTH}}", "bold"), value, "\n")


def deal_facts(deal: Deal) -> Text:
    """Value, dates, hours, markets, invoicing and reporting, one a line, then the notes."""
    value = (Text(money(deal.value, deal.currency)) if deal.value is not None
             else Text(f"— not set ({deal.currency})", style="dim italic"))
    hours = (Text(f"{deal.hours_per_week:g} h a week") if deal.hours_per_week
             else Text("— not set", style="dim italic"))
    lines = [
        _line("Value", value),
        _line("Dates", _dates(deal)),
        _line("Hours", hours),
        _line("Markets", missing(", ".join(deal.markets))),
        _line("Invoicing", missing(deal.invoicing_cycle)),
        _line("Reporting", missing(deal.reporting_format)),
    ]
    if deal.notes:
        lines.append(_line("Notes", plain(deal.notes)))
    if deal.archived:
        lines.append(_line("Archived", Text("yes: kept out of the portfolio list", "dim")))
    return Text("").join(lines)
