"""Turning what a person typed into the term form into a valid Term, and back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import arrow
from pydantic import ValidationError

from negtui.domain.dates import DateNotUnderstood, iso_when, parse_when, typed_when
from negtui.domain.ids import new_id
from negtui.domain.messages import plain_messages
from negtui.domain.models import Term
from negtui.domain.vocab import TermCategory, TermStatus

Values = dict[str, str]
LABELS = {"name": "Term", "category": "Category", "impact_deal": "Impact on this deal",
          "impact_portfolio": "Impact on the whole portfolio", "weight": "Weight",
          "status": "Status", "fallback": "Decide-by date", "offer_expires": "Offer expiry",
          "rationale": "Why it is a hard line", "consequence": "What happens if violated"}
"""How the term form's fields are named when a value does not fit."""


def term_from_values(values: Values, existing: Term | None, now: arrow.Arrow,
                     zone: str) -> tuple[Term | None, dict[str, str]]:
    """The term the form describes (keeping ``existing``'s id and unknown keys), or the
    problems by field."""
    errors: dict[str, str] = {}
    decide_by = _moment(values, "decide_by", existing.fallback.decide_by if existing else None,
                        now, zone, errors)
    expires = _moment(values, "offer_expires", existing.offer_expires if existing else None,
                      now, zone, errors)
    base: dict[str, Any] = existing.model_dump() if existing else {"id": new_id("t")}
    data = {
        **base,
        "name": values["name"], "category": values["category"],
        "impact_deal": values["impact_deal"], "impact_portfolio": values["impact_portfolio"],
        "must_have": values["must_have"] == "true",
        "rationale": values["rationale"], "consequence": values["consequence"],
        "unit": values["unit"], "more_is_better": values["direction"] == "more",
        "options": [line.strip() for line in values["options"].splitlines()
                    if line.strip()],
        "ideal": values["ideal"], "acceptable": values["acceptable"],
        "walk_away": values["walk_away"], "on_table": values["on_table"],
        "batna": values["batna"],
        "fallback": {**dict(base.get("fallback") or {}), "position": values["fallback"],
                     "decide_by": decide_by},
        "status": values["status"], "weight": values["weight"].strip() or "1",
        "indicator": values["indicator"], "offer_expires": expires,
    }
    try:
        built = Term.model_validate(data)
    except ValidationError as error:
        for name, message in plain_messages(error, LABELS).items():
            errors.setdefault("decide_by" if name == "fallback" else name, message)
        return None, errors
    if errors:
        return None, errors
    return built, {}


def offer_from_values(values: Values, term: Term, now: arrow.Arrow,
                      zone: str) -> tuple[Term | None, dict[str, str]]:
    """The term with the offer on the table and its expiry as typed, or the problems."""
    errors: dict[str, str] = {}
    expires = _moment(values, "offer_expires", term.offer_expires, now, zone, errors)
    if errors:
        return None, errors
    return term.model_copy(update={"on_table": values["on_table"].strip(),
                                   "offer_expires": expires}), {}


def _moment(values: Values, name: str, stored: datetime | None, now: arrow.Arrow, zone: str,
            errors: dict[str, str]) -> datetime | None:
    """A typed date and time; text left as the form showed it keeps the stored moment."""
    text = values.get(name, "").strip()
    if stored is not None and text in (moment_text(stored, zone), iso_when(stored, zone)):
        return stored
    if not text:
        return None
    try:
        return parse_when(text, now, zone).datetime
    except DateNotUnderstood as error:
        errors[name] = str(error)
        return stored


def moment_text(moment: datetime | None, zone: str) -> str:
    """'07 Dec 2026 14:30' in ``zone``, as the form shows it; '' for none."""
    return typed_when(moment, zone)


def form_values(term: Term | None, now: arrow.Arrow, zone: str) -> Values:
    if term is None:
        return {"impact_deal": "5", "impact_portfolio": "5", "weight": "1",
                "direction": "more", "status": TermStatus.OPEN.value,
                "category": TermCategory.OTHER.value}
    decide_by = term.fallback.decide_by
    return {
        "name": term.name, "category": term.category.value,
        "impact_deal": str(term.impact_deal), "impact_portfolio": str(term.impact_portfolio),
        "must_have": "true" if term.must_have else "false",
        "rationale": term.rationale, "consequence": term.consequence,
        "unit": term.unit, "direction": "more" if term.more_is_better else "less",
        "options": "\n".join(term.options),
        "ideal": term.ideal, "acceptable": term.acceptable, "walk_away": term.walk_away,
        "on_table": term.on_table, "batna": term.batna,
        "fallback": term.fallback.position,
        "decide_by": moment_text(decide_by, zone),
        "status": term.status.value, "weight": f"{term.weight:g}",
        "indicator": term.indicator,
        "offer_expires": moment_text(term.offer_expires, zone),
    }
