"""The term form: every field of a term, with how typed positions and dates are read; and
the short form for the offer on the table and when it expires."""

from __future__ import annotations

from collections.abc import Callable

from negtui.domain.clock import Clock
from negtui.domain.dates import DateNotUnderstood, describe_moment, parse_when
from negtui.domain.models import Term
from negtui.domain.positions import Verdict, describe_position, position_problems, verdict
from negtui.domain.term_input import (
    form_values,
    moment_text,
    offer_from_values,
    term_from_values,
)
from negtui.domain.vocab import TermCategory, TermStatus
from negtui.ui.widgets.form import FormField, FormScreen, Values
from negtui.ui.widgets.term_rows import bank_text

Submit = Callable[[Values], dict[str, str]]


class TermForm(FormScreen):
    """The term form, opened with the problems already shown when a key asked for more.

    ``term`` fills the fields (None for a new term); ``existing`` is the stored version
    being edited. Positions are read back against the term as it is being typed.
    """

    def __init__(self, term: Term | None, existing: Term | None, threshold: int, clock: Clock,
                 zone: str, submit: Submit, problems: dict[str, str] | None = None) -> None:
        super().__init__(f"Edit term: {existing.name}" if existing else "New term",
                         form_fields(threshold, self.position_preview, self.when_preview),
                         form_values(term, clock(), zone), submit)
        self.term = term
        self.existing = existing
        self.clock = clock
        self.zone = zone
        self.problems = problems or {}

    def on_mount(self) -> None:
        if self.problems:
            self.show_errors(self.problems)

    def draft(self) -> Term | None:
        """The term as typed so far, or None while the fields do not make one."""
        built, _ = term_from_values(self.values(), self.existing, self.clock(), self.zone)
        return built

    def position_preview(self, text: str, field: str = "on_table") -> str:
        """How the typed position is read; for an offer or the BATNA, also where it stands
        against the bank. The ideal, acceptable and walk-away points make the bank, so
        they are not measured against it ("ideal: at or beyond ideal")."""
        current = self.draft() or self.term
        if current is None or not text.strip():
            return ""
        shown = describe_position(current, text)
        if field not in MEASURED:
            return shown
        where = verdict(current, text)
        return shown + (f" — {where.value}" if where is not Verdict.UNKNOWN else "")

    def when_preview(self, text: str) -> str:
        return when_preview(text, self.clock, self.zone)


class OfferForm(FormScreen):
    """The offer on the table and when it lapses, with where the typed offer stands
    against the bank; ``save`` gets the term once both read right."""

    def __init__(self, term: Term, clock: Clock, zone: str,
                 save: Callable[[Term], None]) -> None:
        hint = bank_text(term)
        if term.options:
            hint += " · options: " + ", ".join(term.options)
        fields = [FormField("on_table", "Offer on the table", help=hint, preview=self.preview),
                  _expiry_field(lambda text: when_preview(text, clock, zone))]
        values = {"on_table": term.on_table,
                  "offer_expires": moment_text(term.offer_expires, zone)}
        super().__init__(f"Offer on the table: {term.name}", fields, values, self._submit)
        self.term = term
        self.clock = clock
        self.zone = zone
        self.save = save

    def _submit(self, values: Values) -> dict[str, str]:
        updated, errors = offer_from_values(values, self.term, self.clock(), self.zone)
        if updated is None:
            return errors
        problems = position_problems(updated)
        if "on_table" in problems:
            return {"on_table": problems["on_table"]}
        self.save(updated)
        return {}

    def preview(self, text: str) -> str:
        shown = describe_position(self.term, text)
        where = verdict(self.term, text)
        return f"{shown} — {where.value}" if text.strip() else ""


def when_preview(text: str, clock: Clock, zone: str) -> str:
    """How a typed date and time is read, or why it is not."""
    if not text.strip():
        return ""
    try:
        return describe_moment(parse_when(text, clock(), zone), zone)
    except DateNotUnderstood as error:
        return str(error)


# The positions shown with where they stand against the term's bank.
MEASURED = ("on_table", "batna")


def _expiry_field(preview: Callable[[str], str]) -> FormField:
    return FormField("offer_expires", "The offer on the table expires",
                     placeholder="friday 17:00",
                     help="when the other side said their offer lapses; blank if they did not",
                     preview=preview)


def form_fields(threshold: int, position_preview: Callable[[str, str], str],
                when_preview: Callable[[str], str]) -> list[FormField]:
    def position(name: str, label: str, help: str = "") -> FormField:
        return FormField(name, label, help=help,
                         preview=lambda text: position_preview(text, name))

    return [
        FormField("name", "Term"),
        FormField("category", "Category", "choice",
                  choices=[(c.value, c.value) for c in TermCategory]),
        FormField("impact_deal", "Impact on this deal (1-10)",
                  help=f"{threshold} or more counts as high", number=True),
        FormField("impact_portfolio", "Impact on the whole portfolio (1-10)",
                  help="both high: non-negotiable · one high: flexible · none: tradeable",
                  number=True),
        FormField("must_have", "Must-have (otherwise nice-to-have)", "bool"),
        FormField("rationale", "Why it is a hard line",
                  help="required when both ratings are high"),
        FormField("consequence", "What happens if it is violated",
                  help="required when both ratings are high"),
        FormField("unit", "Unit", placeholder="EUR/day, days, %, hours"),
        FormField("direction", "Direction", "choice",
                  choices=[("more is better for us", "more"), ("less is better for us", "less")]),
        FormField("options", "Ranked options", "lines",
                  help="best for us first, one a line, for positions that are not numbers; "
                       "leave empty for numbers"),
        position("ideal", "Ideal"),
        position("acceptable", "Acceptable"),
        position("walk_away", "Walk-away"),
        position("on_table", "Offer on the table"),
        _expiry_field(when_preview),
        position("batna", "Under our best alternative (BATNA)",
                 help="where this term would land without this deal; scores the BATNA"),
        FormField("fallback", "Fallback position"),
        FormField("decide_by", "Decide on the fallback by", placeholder="next friday",
                  preview=when_preview),
        FormField("status", "Status", "choice", choices=[(s.value, s.value) for s in TermStatus]),
        FormField("weight", "Weight when scoring offers", placeholder="1"),
        FormField("indicator", "Measurable indicator"),
    ]
