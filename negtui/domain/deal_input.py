"""Turning what a person typed into a deal form into a valid Deal, or per-field messages."""

from __future__ import annotations

from typing import Any

import arrow
from pydantic import ValidationError

from negtui.domain.dates import DateNotUnderstood, day_text, parse_when, typed_day
from negtui.domain.ids import new_id
from negtui.domain.messages import plain_messages
from negtui.domain.models import Deal
from negtui.domain.positions import number_text, read_number
from negtui.domain.text import quoted

Values = dict[str, str]

TEXT_FIELDS = ["name", "counterparty", "objective", "batna", "walk_away", "invoicing_cycle",
               "reporting_format", "notes"]
LABELS = {"name": "Deal name", "counterparty": "Counterparty", "value": "Value",
          "currency": "Currency", "hours_per_week": "Hours a week", "start": "Start date",
          "end": "End date", "status": "Status", "contract_type": "Contract type",
          "relationship": "Relationship", "strategy": "Strategy",
          "concession_approach": "Concession approach"}
"""How the deal form's fields are named when a value does not fit."""
CHOICE_FIELDS = ["status", "contract_type", "relationship", "strategy", "concession_approach"]


def deal_to_values(deal: Deal) -> Values:
    values = {name: str(getattr(deal, name)) for name in TEXT_FIELDS}
    values.update({name: str(getattr(deal, name).value) for name in CHOICE_FIELDS})
    values["value"] = "" if deal.value is None else number_text(deal.value)
    values["currency"] = deal.currency
    values["hours_per_week"] = number_text(deal.hours_per_week)
    values["start"] = typed_day(deal.start)
    values["end"] = typed_day(deal.end)
    values["success_measures"] = "\n".join(deal.success_measures)
    values["markets"] = ", ".join(deal.markets)
    return values


def preview_date(text: str, now: arrow.Arrow, tz: str) -> str:
    """What the form shows under a date field while the user types."""
    if not text.strip():
        return "no date"
    try:
        return f"understood as {day_text(parse_when(text, now, tz, default_time=None).date())}"
    except DateNotUnderstood as error:
        return str(error)


def deal_from_values(values: Values, base: Deal | None, now: arrow.Arrow,
                     tz: str) -> tuple[Deal | None, dict[str, str]]:
    """A validated deal (keeping ``base``'s id and unknown keys), or the problems by field."""
    errors: dict[str, str] = {}
    data: dict[str, Any] = base.model_dump() if base else {"id": new_id("d")}
    for name in TEXT_FIELDS + CHOICE_FIELDS:
        if name in values:
            data[name] = values[name]
    if "currency" in values:
        data["currency"] = values["currency"]
    for name in ("value", "hours_per_week"):
        if name not in values:
            continue
        text = values[name].strip()
        if not text:
            data[name] = None if name == "value" else 0.0
            continue
        number = read_number(text)
        if number is None:
            errors[name] = f"{LABELS[name]} must be a number, not {quoted(text)}"
        else:
            data[name] = number
    for name in ("start", "end"):
        if name not in values:
            continue
        text = values[name].strip()
        if not text:
            data[name] = None
            continue
        try:
            data[name] = parse_when(text, now, tz, default_time=None).date()
        except DateNotUnderstood as error:
            errors[name] = str(error)
    start, end = data.get("start"), data.get("end")
    if not {"start", "end"} & set(errors) and start is not None and end is not None \
            and end < start:
        # Said now, beside any other problem, not only once the rest is fixed.
        errors["end"] = "The end date comes before the start date"
    if "success_measures" in values:
        data["success_measures"] = [line.strip() for line in values["success_measures"].splitlines()
                                    if line.strip()]
    if "markets" in values:
        data["markets"] = [part.strip() for part in values["markets"].split(",") if part.strip()]
    # Fields that could not be read are left out, so the others still get their messages.
    for name in errors:
        data.pop(name, None)
    try:
        deal = Deal.model_validate(data)
    except ValidationError as error:
        messages = plain_messages(error, LABELS)
        if "" in messages:
            # Whole-deal rules, such as dates in order, are shown at the end date.
            messages["end"] = messages.pop("")
        return None, {**messages, **errors}
    return (None, errors) if errors else (deal, {})
