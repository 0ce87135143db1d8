"""The term form: every field of a term, with how typed positions and dates are read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from negtui.domain.vocab import TermCategory, TermStatus
from negtui.ui.widgets.form import FormField, FormScreen


class TermForm(FormScreen):
    """The term form, opened with the problems already shown when a key asked for more."""

    def __init__(self, *args: Any, problems: dict[str, str] | None = None) -> None:
        super().__init__(*args)
        self.problems = problems or {}

    def on_mount(self) -> None:
        if self.problems:
            self.show_errors(self.problems)


def form_fields(threshold: int, position_preview: Callable[[str], str],
                when_preview: Callable[[str], str]) -> list[FormField]:
    def position(name: str, label: str, help: str = "") -> FormField:
        return FormField(name, label, help=help, preview=position_preview)

    return [
        FormField("name", "Term"),
        FormField("category", "Category", "choice",
                  choices=[(c.value, c.value) for c in TermCategory]),
        FormField("impact_deal", "Impact on this deal (1-10)",
                  help=f"{threshold} or more counts as high"),
        FormField("impact_portfolio", "Impact on the whole portfolio (1-10)",
                  help="both high: non-negotiable · one high: flexible · none: tradeable"),
        FormField("must_have", "Must-have (otherwise nice-to-have)", "bool"),
        FormField("rationale", "Why it is a hard line",
                  help="required when both ratings are high"),
        FormField("consequence", "What happens if it is violated",
                  help="required when both ratings are high"),
        FormField("unit", "Unit", placeholder="EUR/day, days, %, hours"),
        FormField("direction", "Direction", "choice",
                  choices=[("more is better for us", "more"), ("less is better for us", "less")]),
        FormField("options", "Ranked options, best for us first (one a line)", "lines",
                  help="for positions that are not numbers; leave empty for numbers"),
        position("ideal", "Ideal"),
        position("acceptable", "Acceptable"),
        position("walk_away", "Walk-away"),
        position("on_table", "Offer on the table"),
        position("batna", "Under our best alternative (BATNA)",
                 help="where this term would land without this deal; scores the BATNA"),
        FormField("fallback", "Fallback position"),
        FormField("decide_by", "Decide on the fallback by", placeholder="next friday",
                  preview=when_preview),
        FormField("status", "Status", "choice", choices=[(s.value, s.value) for s in TermStatus]),
        FormField("weight", "Weight when scoring offers", placeholder="1"),
        FormField("indicator", "Measurable indicator"),
    ]
