"""Portfolio settings: capacity, the 'high rating' threshold, limits and probabilities."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import arrow
from pydantic import ValidationError

from negtui.actions.portfolio import save_settings
from negtui.domain.dates import describe_moment, moment_in, zone_problem
from negtui.domain.messages import plain_messages
from negtui.domain.models import Settings
from negtui.domain.positions import number_text, read_number
from negtui.domain.vocab import DealStatus
from negtui.domain.words import with_article
from negtui.ui.saving import save_from_form
from negtui.ui.widgets.form import FormField, FormScreen, Values

if TYPE_CHECKING:
    from textual.app import App

    from negtui.ui.screens.base import HasSession

# A short label, on one line beside its field, and what it means under the field.
NUMBERS = [
    ("capacity_hours", "Capacity (hours a week)", "the hours a week you can give to deals"),
    ("high_threshold", "High rating from (1-10)", "a rating counts as high from this value"),
    ("unreciprocated_limit", "Gives in a row",
     "warn after this many gives in a row with nothing back"),
    ("crunch_limit", "Deadline crunch",
     "warn when more than this many milestones fall within three days"),
    ("max_invoicing_cycles", "Invoicing cycles",
     "admin load: warn beyond this many different invoicing cycles"),
    ("max_reporting_formats", "Reporting formats",
     "admin load: warn beyond this many different reporting formats"),
    ("capacity_weeks", "Capacity look-ahead (weeks)",
     "how many weeks ahead the capacity check looks"),
]
LABELS = {
    "capacity_hours": "Capacity", "high_threshold": "The high rating",
    "unreciprocated_limit": "The gives-in-a-row limit", "crunch_limit": "The crunch limit",
    "max_invoicing_cycles": "The invoicing-cycle limit",
    "max_reporting_formats": "The reporting-format limit",
    "capacity_weeks": "The capacity look-ahead", "default_currency": "The default currency",
    "timezone": "The time zone",
}
"""How each setting is named when a value does not fit: 'Capacity must be 168 or less'."""


WEIGHED = [status for status in DealStatus if status is not DealStatus.WALKED_AWAY]
CHANCE_HELP = "the share of a deal's value the weighted pipeline counts, by its status"


def chance_label(status: DealStatus) -> str:
    """'Chance an agreed deal closes (%)'; a closed deal has closed: how much of it counts."""
    if status is DealStatus.CLOSED:
        return "Closed deal counted as won (%)"
    return f"Chance {with_article(status.value)} deal closes (%)"


def zone_preview(text: str, now: arrow.Arrow, default: str) -> str:
    """The time it is now in the typed zone, with the zone's name, or why it is not one;
    left empty, the zone followed instead."""
    name = text.strip() or default
    problem = zone_problem(name)
    if problem:
        return problem
    shown = "now " + describe_moment(moment_in(now, name), name)
    return shown if text.strip() else f"not set: your default zone, {shown}"


def settings_form(app: HasSession) -> FormScreen:
    settings = app.session.settings
    default = app.session.default_zone
    shell = cast("App[object]", app)
    fields = [FormField(name, label, help=meaning) for name, label, meaning in NUMBERS]
    fields += [
        FormField("default_currency", "Default currency for new deals"),
        FormField("timezone", "Time zone for dates and times",
                  placeholder=f"not set: {default}",
                  help="every typed date is read in it and every time shown in it; left "
                       "empty, the config file's timezone, else the system's",
                  preview=lambda text: zone_preview(text, app.session.clock(), default)),
    ]
    # The weighted pipeline counts each deal's value at the chance of its status; a deal
    # walked away from is never counted, so it has no chance to set.
    fields += [FormField(f"p_{status.name}", chance_label(status),
                         help=CHANCE_HELP if status is WEIGHED[0] else "")
               for status in WEIGHED]
    # Yours rather than the portfolio's: kept in your config file, for every portfolio.
    fields.append(FormField("theme", "Theme", "choice", help="yours, kept in your config file",
                            choices=[(name, name) for name in sorted(shell.available_themes)]))
    values: Values = {name: number_text(getattr(settings, name)) for name, _, _ in NUMBERS}
    values["default_currency"] = settings.default_currency
    values["timezone"] = settings.timezone if settings.zone_chosen else ""
    for status in WEIGHED:
        values[f"p_{status.name}"] = number_text(settings.status_probability.get(status, 0) * 100)
    values["theme"] = shell.theme

    def submit(typed: Values) -> dict[str, str]:
        errors: dict[str, str] = {}
        data: dict[str, Any] = settings.model_dump()
        for name, _, _ in NUMBERS:
            number = read_number(typed[name])
            if number is None:
                errors[name] = f"{LABELS[name]} must be a number"
            else:
                data[name] = number if name == "capacity_hours" else int(number)
        chances = dict(settings.status_probability)
        for status in WEIGHED:
            number = read_number(typed[f"p_{status.name}"])
            if number is None or not 0 <= number <= 100:
                errors[f"p_{status.name}"] = "The chance must be a percentage from 0 to 100"
            else:
                chances[status] = number / 100
        data["status_probability"] = chances
        data["default_currency"] = typed["default_currency"]
        # Left empty, the portfolio follows the user's default zone.
        data["timezone"] = typed["timezone"].strip()
        problem = zone_problem(data["timezone"]) if data["timezone"] else None
        if problem:
            errors["timezone"] = problem
        if errors:
            return errors
        try:
            updated = Settings.model_validate(data)
        except ValidationError as error:
            return plain_messages(error, LABELS)
        problems = save_from_form(app, app.session,
                                  lambda store: save_settings(store, updated), "Settings saved")
        if not problems and typed["theme"] != shell.theme:
            shell.theme = typed["theme"]
        return problems

    return FormScreen("Settings", fields, values, submit)
